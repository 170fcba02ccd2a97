import Foundation
import MiniHostCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks at a terminal: a framed prompt with the app's name and id, what it asks, the manifest's
/// reason (labelled as the app's words), details, then `[o]nce / [a]lways / [d]eny` (payments:
/// `[o]nce / [d]eny`). Anything but o/once or a/always (where offered) is deny; end of input is
/// deny. Concurrent prompts wait for each other.
public final class TerminalPrompter: Prompter, @unchecked Sendable {
    /// Reads one line (without its newline); nil at end of input.
    public typealias ReadLine = @Sendable () -> String?
    /// Writes text as is.
    public typealias Write = @Sendable (String) -> Void

    private let readLine: ReadLine
    private let write: Write
    private let lock = NSLock()

    public init(readLine: @escaping ReadLine, write: @escaping Write) {
        self.readLine = readLine
        self.write = write
    }

    /// A prompter on the controlling terminal (`/dev/tty`, read and written directly, so it
    /// works with stdin and stdout redirected), or nil when the process has none.
    public static func openTTY(path: String = "/dev/tty") -> TerminalPrompter? {
        guard let tty = TTY(path: path) else { return nil }
        return TerminalPrompter(readLine: { tty.readLine() }, write: { tty.writeText($0) })
    }

    public func ask(_ request: PromptRequest) -> PromptAnswer {
        lock.withLock {
            write(Self.render(request))
            return Self.parseAnswer(readLine(), kind: request.kind)
        }
    }

    public func choose(_ request: ChoiceRequest) -> Int? {
        lock.withLock {
            write(Self.render(request))
            return Self.parseChoice(readLine(), count: request.options.count)
        }
    }

    public func modal(_ request: ModalRequest) -> ModalAnswer {
        lock.withLock {
            write(Self.render(request))
            guard Self.parseModal(readLine(), offersCancel: request.showCancel) else { return .cancel }
            guard request.editable else { return .confirm(content: nil) }
            write("│ text to confirm (empty: \"\(PromptText.sanitize(request.content, maxLength: 64))\"): ")
            let typed = readLine() ?? ""
            return .confirm(content: typed.isEmpty ? request.content : typed)
        }
    }

    /// A modal's text: the app's title and content, then its two buttons.
    public static func render(_ request: ModalRequest) -> String {
        var text = separator + "┌─ minihost: \(PromptText.sanitize(request.appName, maxLength: 64)) (\(PromptText.sanitize(request.appId, maxLength: 128))) shows a dialog\n"
        if !request.title.isEmpty { text += "│ title    " + PromptText.sanitize(request.title) + "\n" }
        if !request.content.isEmpty { text += "│ content  " + PromptText.sanitize(request.content, maxLength: 1000) + "\n" }
        let confirm = PromptText.sanitize(request.confirmText, maxLength: 8)
        let choices = request.showCancel ? "[c]onfirm (\(confirm)) / [x] cancel (\(PromptText.sanitize(request.cancelText, maxLength: 8)))" : "[c]onfirm (\(confirm))"
        return text + "└─ \(choices): "
    }

    /// True when a line confirms: c/confirm, or anything when there is no cancel button; anything
    /// else (and end of input) cancels.
    public static func parseModal(_ line: String?, offersCancel: Bool) -> Bool {
        guard offersCancel else { return true }
        guard let line else { return false }
        return ["c", "confirm"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The picker's text: numbered options, then the question.
    /// Drawn before every prompt: a full rule no app line can start with (an app's console
    /// lines start with `> ` and cannot carry control characters), so a prompt is the host's.
    public static let separator = "\n" + String(repeating: "═", count: 24) + " minihost asks you " + String(repeating: "═", count: 24) + "\n"

    public static func render(_ request: ChoiceRequest) -> String {
        var text = separator + "┌─ minihost: \(PromptText.sanitize(request.appName, maxLength: 64)) (\(PromptText.sanitize(request.appId, maxLength: 128))) asks you to \(PromptText.sanitize(request.title))\n"
        for (i, option) in request.options.enumerated() {
            text += "│ \(i + 1). \(PromptText.sanitize(option))\n"
        }
        text += "└─ pick 1-\(request.options.count), or [c]ancel: "
        return text
    }

    /// The 0-based index a line picks; anything else (and end of input) cancels.
    public static func parseChoice(_ line: String?, count: Int) -> Int? {
        guard let line, let n = Int(line.trimmingCharacters(in: .whitespaces)), n >= 1, n <= count else { return nil }
        return n - 1
    }

    /// Whether "always" is offered for `kind` (not for payments, which are per use).
    public static func offersAlways(_ kind: PromptKind) -> Bool {
        kind != .payment
    }

    /// The answer a line means; anything unrecognised, and nil (end of input), is `.deny`.
    public static func parseAnswer(_ line: String?, kind: PromptKind) -> PromptAnswer {
        guard let line else { return .deny }
        switch line.trimmingCharacters(in: .whitespaces).lowercased() {
        case "o", "once": return .allowOnce
        case "a", "always": return offersAlways(kind) ? .allowAlways : .deny
        default: return .deny
        }
    }

    /// The prompt's text, ending with the question (no newline after it).
    public static func render(_ request: PromptRequest) -> String {
        let heading: String
        switch request.kind {
        case .permission: heading = "permission request"
        case .payment: heading = "payment request"
        case .chatMessage: heading = "message to send"
        case .settings: heading = "settings"
        }
        var rows: [(String, String)] = [
            ("app", "\(PromptText.sanitize(request.appName, maxLength: 64)) (\(PromptText.sanitize(request.appId, maxLength: 128)))"),
            ("asks to", PromptText.sanitize(request.title)),
        ]
        for d in request.details {
            rows.append((PromptText.sanitize(d.label, maxLength: 24), PromptText.sanitize(d.value)))
        }
        let width = rows.map { $0.0.count }.max() ?? 0
        var text = separator + "┌─ minihost: \(heading)\n"
        for (label, value) in rows {
            text += "│ " + label + String(repeating: " ", count: width - label.count) + "  " + value + "\n"
        }
        if let reason = request.reason, !reason.isEmpty {
            text += "│ the app says: \"" + PromptText.sanitize(reason) + "\"\n"
        }
        let choices = offersAlways(request.kind) ? "[o]nce / [a]lways / [d]eny" : "[o]nce / [d]eny"
        text += "└─ allow? \(choices): "
        return text
    }
}

/// An open terminal device, read byte by byte (no buffering past the answer's newline).
private final class TTY: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()

    init?(path: String) {
        let fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }

    func writeText(_ text: String) {
        lock.withLock {
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    func readLine() -> String? {
        lock.withLock {
            var bytes: [UInt8] = []
            var byte: UInt8 = 0
            while true {
                let n = read(fd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
                if byte == UInt8(ascii: "\n") { break }
                if bytes.count < 4096 { bytes.append(byte) }
            }
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
