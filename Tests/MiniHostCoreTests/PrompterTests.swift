import Foundation
import Testing

@testable import MiniHostCore

private func request(_ kind: PromptKind = .permission(.location), name: String = "Weather", reason: String? = "to show the weather where you are", details: [PromptDetail] = []) -> PromptRequest {
    PromptRequest(kind: kind, appId: "org.example.weather", appName: name, title: "use your precise location", reason: reason, details: details)
}

@Suite struct PromptTextTests {
    @Test func plainTextIsUnchanged() {
        #expect(PromptText.sanitize("Météo — 天气 🌦️") == "Météo — 天气 🌦️")
    }

    @Test func controlCharactersAreShownEscapedOnOneLine() {
        #expect(PromptText.sanitize("line one\nline two\r\tend") == #"line one\nline two\r\tend"#)
        #expect(PromptText.sanitize("a\u{0}b\u{7F}c\u{85}d\u{9B}e") == #"a\u{0}b\u{7F}c\u{85}d\u{9B}e"#)
        #expect(PromptText.sanitize("\r\n") == #"\r\n"#)
    }

    @Test func ansiEscapeSequencesCannotReachTheTerminal() {
        let out = PromptText.sanitize("Good App\u{1B}[2J\u{1B}[1A\u{1B}]0;title\u{7}")
        #expect(out == #"Good App\u{1B}[2J\u{1B}[1A\u{1B}]0;title\u{7}"#)
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func bidiAndInvisibleFormatCharactersAreShownEscaped() {
        #expect(PromptText.sanitize("Pay\u{202E}txt.exe") == #"Pay\u{202E}txt.exe"#)
        let all: [UInt32] = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                             0x061C, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2028, 0x2029]
        for v in all {
            let s = "x" + String(Unicode.Scalar(v)!) + "y"
            #expect(PromptText.sanitize(s) == "x\\u{\(String(v, radix: 16, uppercase: true))}y")
        }
    }

    @Test func longTextIsCutWithAnEllipsis() {
        let long = String(repeating: "abcdefghij", count: 100)
        let out = PromptText.sanitize(long)
        #expect(out.count == 200)
        #expect(out == String(long.prefix(199)) + "…")
        #expect(PromptText.sanitize(long, maxLength: 10) == "abcdefghi…")
        #expect(PromptText.sanitize("abcdefghij", maxLength: 10) == "abcdefghij")
        #expect(PromptText.sanitize("abc", maxLength: 0) == "")
    }

    @Test func anEscapeIsNeverCutInHalf() {
        // "abcdef" + 6-character escape = 12 > 10: the escape goes whole, "…" closes.
        #expect(PromptText.sanitize("abcdef\u{1B}[2J", maxLength: 10) == "abcdef…")
        #expect(PromptText.sanitize("ab\u{1B}cdefghijk", maxLength: 10) == #"ab\u{1B}c…"#)
        let hostile = String(repeating: "\u{202E}", count: 1000)
        let out = PromptText.sanitize(hostile, maxLength: 20)
        #expect(out == #"\u{202E}\u{202E}"# + "…")
    }
}

@Suite struct PolicyPrompterTests {
    private func tempFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-policy-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    private func policyError(_ body: () throws -> Void) -> String? {
        do {
            try body()
            Issue.record("expected a PolicyError")
            return nil
        } catch let error as PolicyError {
            return error.description
        } catch {
            Issue.record("expected a PolicyError, got \(error)")
            return nil
        }
    }

    @Test func flagsGrantAndDenyWithAliases() throws {
        let fallback = ScriptedPrompter([.allowAlways])
        let policy = try PolicyPrompter.parse(grant: ["scope.userLocation", "chat.message"], deny: ["payment"], policyFile: nil, fallback: fallback)
        #expect(policy.permissions == [.location: .allow, .payment: .deny])
        #expect(policy.payment == .deny)
        #expect(policy.chatMessage == .allow)
        #expect(policy.ask(request(.permission(.location))) == .allowAlways)  // a standing grant is remembered
        #expect(policy.ask(request(.payment)) == .deny)
        #expect(policy.ask(request(.permission(.payment))) == .deny)
        #expect(policy.ask(request(.chatMessage)) == .allowOnce)
        #expect(fallback.requests.isEmpty)
        // No rule: the fallback answers.
        #expect(policy.ask(request(.permission(.contacts))) == .allowAlways)
        #expect(fallback.requests.map(\.kind) == [.permission(.contacts)])
        // Queue empty: the scripted fallback denies.
        #expect(policy.ask(request(.settings)) == .deny)
    }

    @Test func withoutAFallbackAskMeansDeny() throws {
        let file = try tempFile(#"{"location": "ask"}"#)
        defer { try? FileManager.default.removeItem(at: file) }
        let policy = try PolicyPrompter.parse(grant: [], deny: [], policyFile: file)
        #expect(policy.permissions == [.location: .ask])
        #expect(policy.ask(request()) == .deny)
    }

    @Test func aPolicyFileIsReadAndFlagsOverrideIt() throws {
        let file = try tempFile(#"{"location": "allow", "payment": "deny", "chat.send": "ask", "scope.userFuzzyLocation": "deny", "settings": "allow"}"#)
        defer { try? FileManager.default.removeItem(at: file) }
        let policy = try PolicyPrompter.parse(grant: ["payment"], deny: ["location"], policyFile: file)
        #expect(policy.permissions == [.location: .deny, .payment: .allow, .chatSend: .ask, .locationCoarse: .deny])
        #expect(policy.payment == .allow)
        #expect(policy.chatMessage == nil)
        #expect(policy.settings == .allow)
    }

    @Test func badEntriesAreNamed() throws {
        let badName = try tempFile(#"{"location": "allow", "locaton": "allow"}"#)
        let badValue = try tempFile(#"{"location": "maybe"}"#)
        let notObject = try tempFile(#"["location"]"#)
        let notJSON = try tempFile("location: allow")
        defer { for f in [badName, badValue, notObject, notJSON] { try? FileManager.default.removeItem(at: f) } }

        #expect(policyError { _ = try PolicyPrompter.parse(grant: [], deny: [], policyFile: badName) }
            == "the policy file \(badName.path): \"locaton\" is not a permission (known: location, location.coarse, location.background, payment, chat.read, chat.send, contacts, storage, userInfo, clipboard.read, chat.message, settings, choose, modal)")
        #expect(policyError { _ = try PolicyPrompter.parse(grant: [], deny: [], policyFile: badValue) }
            == "the policy file \(badValue.path): the value of \"location\" must be \"allow\", \"deny\" or \"ask\"")
        #expect(policyError { _ = try PolicyPrompter.parse(grant: [], deny: [], policyFile: notObject) }?.hasPrefix("the policy file \(notObject.path) must hold a JSON object") == true)
        #expect(policyError { _ = try PolicyPrompter.parse(grant: [], deny: [], policyFile: notJSON) }?.hasPrefix("the policy file \(notJSON.path) is not valid JSON") == true)
        let missing = URL(fileURLWithPath: "/nonexistent/policy.json")
        #expect(policyError { _ = try PolicyPrompter.parse(grant: [], deny: [], policyFile: missing) }?.hasPrefix("cannot read the policy file /nonexistent/policy.json") == true)
        #expect(policyError { _ = try PolicyPrompter.parse(grant: ["camera"], deny: [], policyFile: nil) }?.hasPrefix("--grant \"camera\": not a permission") == true)
        #expect(policyError { _ = try PolicyPrompter.parse(grant: [], deny: ["Location"], policyFile: nil) }?.hasPrefix("--deny \"Location\": not a permission") == true)
        #expect(policyError { _ = try PolicyPrompter.parse(grant: ["payment"], deny: ["payment"], policyFile: nil) }
            == "\"payment\" is both in --grant and in --deny")
    }
}

@Suite struct ScriptedAndDenyAllTests {
    @Test func scriptedAnswersFromItsQueueThenDenies() {
        let p = ScriptedPrompter([.allowOnce, .allowAlways])
        p.enqueue(.deny, .allowOnce)
        let answers = (0..<5).map { _ in p.ask(request()) }
        #expect(answers == [.allowOnce, .allowAlways, .deny, .allowOnce, .deny])
        #expect(p.requests == Array(repeating: request(), count: 5))
    }

    @Test func scriptedCanAnswerFromAClosureAndRecordsFromManyThreads() {
        let p = ScriptedPrompter(answer: { $0.kind == .payment ? .deny : .allowOnce })
        DispatchQueue.concurrentPerform(iterations: 100) { i in
            let kind: PromptKind = i % 2 == 0 ? .payment : .chatMessage
            #expect(p.ask(request(kind)) == (i % 2 == 0 ? .deny : .allowOnce))
        }
        #expect(p.requests.count == 100)
        #expect(p.requests.filter { $0.kind == .payment }.count == 50)
    }

    @Test func denyAllDenies() {
        #expect(DenyAllPrompter().ask(request()) == .deny)
        #expect(DenyAllPrompter().ask(request(.payment)) == .deny)
    }
}

/// A policy's rule for precise location also answers for coarse location (precise includes it).
@Suite struct PolicyLocationTests {
    @Test func allowingLocationAllowsCoarseLocation() throws {
        let policy = try PolicyPrompter.parse(grant: ["location"], deny: [], policyFile: nil)
        #expect(policy.rule(for: .permission(.locationCoarse)) == .allow)
        let explicit = try PolicyPrompter.parse(grant: ["location"], deny: ["location.coarse"], policyFile: nil)
        #expect(explicit.rule(for: .permission(.locationCoarse)) == .deny)
        #expect(PolicyPrompter().rule(for: .permission(.locationCoarse)) == nil)
    }
}
