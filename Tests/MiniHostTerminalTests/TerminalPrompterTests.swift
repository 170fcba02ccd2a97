import Foundation
import Testing
import MiniHostCore
@testable import MiniHostTerminal

private func request(_ kind: PromptKind = .permission(.location), name: String = "Weather", reason: String? = "to show the weather where you are", details: [PromptDetail] = []) -> PromptRequest {
    PromptRequest(kind: kind, appId: "org.example.weather", appName: name, title: "use your precise location", reason: reason, details: details)
}

/// A terminal with scripted input lines that records what is written.
private final class FakeTerminal: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    private var written = ""

    init(_ lines: [String]) { self.lines = lines }

    var output: String { lock.withLock { written } }

    func prompter() -> TerminalPrompter {
        TerminalPrompter(
            readLine: { self.lock.withLock { self.lines.isEmpty ? nil : self.lines.removeFirst() } },
            write: { text in self.lock.withLock { self.written += text } }
        )
    }
}

@Suite struct TerminalPrompterTests {
    @Test func thePromptShowsTheAppTheRequestAndTheAppsWordsLabelled() {
        let text = TerminalPrompter.render(request(details: [PromptDetail("accuracy", "about 10 m")]))
        #expect(text == """

            ════════════════════════ minihost asks you ════════════════════════
            ┌─ minihost: permission request
            │ app       Weather (org.example.weather)
            │ asks to   use your precise location
            │ accuracy  about 10 m
            │ the app says: "to show the weather where you are"
            └─ allow? [o]nce / [a]lways / [d]eny: 
            """)
    }

    @Test func hostileNamesAndReasonsAreEscaped() {
        let text = TerminalPrompter.render(request(name: "Evil\u{1B}[2J\nApp", reason: "ok\n└─ allow? granted\u{202E}"))
        #expect(text.contains(#"│ app      Evil\u{1B}[2J\nApp (org.example.weather)"#))
        #expect(text.contains(#"│ the app says: "ok\n└─ allow? granted\u{202E}""#))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{202E}"))
        #expect(text.split(separator: "\n").count == 6)  // the separator, the frame
    }

    @Test func answersAreReadFromTheTerminal() {
        let term = FakeTerminal(["o", "  Always ", "a", "d", "yes", "", "ONCE"])
        let p = term.prompter()
        #expect(p.ask(request()) == .allowOnce)
        #expect(p.ask(request()) == .allowAlways)
        #expect(p.ask(request(.payment)) == .deny)  // "always" is not offered for a payment
        #expect(p.ask(request()) == .deny)
        #expect(p.ask(request()) == .deny)
        #expect(p.ask(request()) == .deny)
        #expect(p.ask(request(.payment)) == .allowOnce)
        #expect(p.ask(request()) == .deny)  // end of input
        #expect(term.output.components(separatedBy: "allow?").count == 9)
        #expect(term.output.contains("┌─ minihost: payment request"))
        #expect(term.output.contains("[o]nce / [d]eny: "))
    }

    @Test func concurrentPromptsDoNotInterleave() {
        let term = FakeTerminal(Array(repeating: "o", count: 20))
        let p = term.prompter()
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            #expect(p.ask(request()) == .allowOnce)
        }
        let one = TerminalPrompter.render(request())
        #expect(term.output == String(repeating: one, count: 20))
    }

    @Test func noTerminalMeansNoPrompter() {
        #expect(TerminalPrompter.openTTY(path: "/nonexistent/tty") == nil)
    }

    @Test func aModalIsConfirmedOrCancelledAndItsTextShownSafely() {
        let modal = ModalRequest(appId: "org.example.shop", appName: "Shop", title: "Delete?\u{1B}[2J", content: "The item goes")
        let text = TerminalPrompter.render(modal)
        #expect(text.contains("│ title    Delete?\\u{1B}[2J\n"), "\(text)")
        #expect(text.hasSuffix("└─ [c]onfirm (确定) / [x] cancel (取消): "), "\(text)")
        let confirm = FakeTerminal(["c"])
        #expect(confirm.prompter().modal(modal) == .confirm(content: nil))
        #expect(FakeTerminal(["no"]).prompter().modal(modal) == .cancel)
        #expect(FakeTerminal([]).prompter().modal(modal) == .cancel)
        var editable = modal
        editable.editable = true
        editable.content = "draft"
        #expect(FakeTerminal(["confirm", "Ada"]).prompter().modal(editable) == .confirm(content: "Ada"))
        #expect(FakeTerminal(["c", ""]).prompter().modal(editable) == .confirm(content: "draft"))
        var noCancel = modal
        noCancel.showCancel = false
        #expect(FakeTerminal(["x"]).prompter().modal(noCancel) == .confirm(content: nil))
    }

    @Test func anActionSheetIsAPickOfTheAppsItems() {
        let sheet = ChoiceRequest(kind: .actionSheet, appId: "org.example.shop", appName: "Shop", title: "choose an action", options: ["Share", "Delete"])
        #expect(TerminalPrompter.render(sheet).contains("│ 2. Delete\n"))
        #expect(FakeTerminal(["2"]).prompter().choose(sheet) == 1)
        #expect(FakeTerminal(["c"]).prompter().choose(sheet) == nil)
    }
}
