import Foundation
import MiniHostProtocol

/// Writes what running apps report: one JSON object a line (`--json`), or readable lines.
final class EventPrinter: @unchecked Sendable {
    let json: Bool
    /// Prefix human lines with the app id (when several apps run).
    var showAppId = false
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
                let who = target == "app" ? "app" : "page \(route ?? "")"
                write("\(prefix)· \(who) \(hook)\(detail.map { " " + $0 } ?? "")\n", toError: false)
            case let .console(level, message):
                let tag = level == "log" ? "" : "\(level): "
                write(prefix + tag + message + "\n", toError: false)
            case let .setData(route, data):
                write("\(prefix)· setData \(route) \(data)\n", toError: false)
            case let .error(kind, message, stack):
                var text = "\(prefix)error [\(kind)]: \(message)\n"
                if let stack, !message.contains(stack) {
                    text += stack.split(separator: "\n").map { "    at " + $0 }.joined(separator: "\n") + "\n"
                }
                write(text, toError: true)
            case let .exit(status, reason):
                write("\(prefix)exit: \(status)\(reason.map { " (\($0))" } ?? "")\n", toError: status != "ok")
            case let .reply(_, data):
                write(prefix + Self.pretty(data) + "\n", toError: false)
            }
        }
    }

    /// A message from the CLI itself (not from an app).
    func note(_ text: String) {
        lock.withLock { write(text + "\n", toError: true) }
    }

    private var outputClosed = false

    /// Writes a line; when the reader has gone away (EPIPE) the output is dropped instead of
    /// retried, so an orphaned run never spins on a dead pipe.
    private func write(_ s: String, toError: Bool) {
        guard !outputClosed else { return }
        do {
            try (toError ? FileHandle.standardError : FileHandle.standardOutput).write(contentsOf: Data(s.utf8))
        } catch {
            outputClosed = true
        }
    }

    static func pretty(_ json: String) -> String {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]),
              let s = String(data: data, encoding: .utf8) else { return json }
        return s
    }
}
