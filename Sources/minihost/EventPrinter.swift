import Foundation
import MiniHostCore
import MiniHostProtocol

/// Writes what running apps report: one JSON object a line (`--json`), or readable lines.
/// In readable lines every piece of app text is shown with its control, format and bidi
/// characters escaped, and every console line starts with `> `, a mark no host line or prompt
/// uses: an app cannot move the cursor, clear the screen or draw something that looks like
/// a host line or a consent prompt.
final class EventPrinter: @unchecked Sendable {
    let json: Bool
    /// Prefix human lines with the app id (when several apps run).
    var showAppId = false
    /// Write everything to stderr (a command whose stdout is for one machine-read line).
    var toStandardError = false
    private let lock = NSLock()

    init(json: Bool) { self.json = json }

    func print(_ appId: String, _ event: RuntimeEvent) {
        lock.withLock {
            if json {
                write(event.jsonLine(app: appId) + "\n", toError: false)
                return
            }
            let prefix = showAppId ? "[\(appId)] " : ""
            switch event {
            case let .lifecycle(target, hook, route, detail):
                let who = target == "app" ? "app" : "\(target == "component" ? "component" : "page") \(Self.visible(route ?? ""))"
                write("\(prefix)· \(who) \(Self.visible(hook))\(detail.map { " " + Self.visible($0) } ?? "")\n", toError: false)
            case let .console(level, message, _):
                let tag = level == "log" ? "" : "\(Self.visible(level)): "
                let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
                write(lines.enumerated().map { i, line in "\(prefix)> \(i == 0 ? tag : "")\(Self.visible(line))\n" }.joined(), toError: false)
            case let .setData(route, data):
                write("\(prefix)· setData \(Self.visible(route)) \(Self.visible(data))\n", toError: false)
            case let .error(kind, message, stack):
                let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { Self.visible($0) }
                var text = "\(prefix)error [\(Self.visible(kind))]: " + lines.joined(separator: "\n    ") + "\n"
                if let stack, !message.contains(stack) {
                    text += stack.split(separator: "\n").map { "    at " + Self.visible($0) }.joined(separator: "\n") + "\n"
                }
                write(text, toError: true)
            case let .exit(status, reason):
                write("\(prefix)exit: \(Self.visible(status))\(reason.map { " (\(Self.visible($0)))" } ?? "")\n", toError: status != "ok")
            case let .ui(api, args):
                write("\(prefix)· ui \(Self.visible(api)) \(Self.visible(args))\n", toError: false)
            case let .reply(_, data):
                let lines = Self.pretty(data).split(separator: "\n", omittingEmptySubsequences: false)
                write(lines.map { prefix + Self.visible($0) + "\n" }.joined(), toError: false)
            }
        }
    }

    /// A message from the CLI itself (not from an app), on stderr: `minihost: …`, or a JSON line
    /// of `type` (`error`, or `note` for what does not fail the run).
    func note(_ message: String, kind: CLIMessages.Kind, type: String = "error") {
        lock.withLock { write(CLIMessages.line(message, kind: kind, type: type, json: json) + "\n", toError: true) }
    }

    private var outputClosed = false

    /// Writes a line; when the reader has gone away (EPIPE) the output is dropped instead of
    /// retried, so an orphaned run never spins on a dead pipe.
    private func write(_ s: String, toError: Bool) {
        guard !outputClosed else { return }
        do {
            try (toError || toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(contentsOf: Data(s.utf8))
        } catch {
            outputClosed = true
        }
    }

    /// One line of app text as the terminal may show it: controls, format and bidi characters
    /// escaped visibly (`\u{1B}`), never cut.
    static func visible<S: StringProtocol>(_ text: S) -> String {
        PromptText.sanitize(String(text), maxLength: Int.max)
    }

    static func pretty(_ json: String) -> String {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]),
              let s = String(data: data, encoding: .utf8) else { return json }
        return s
    }
}
