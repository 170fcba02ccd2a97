import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

// Helpers for the component and behavior tests: component instances are driven through the
// runtime's `component.*` driver requests, as the view layer will drive them from templates.

/// The driver request `component.<name>` with `token` (its answer is read with `answer(token)`).
func op(_ token: Int, _ name: String, _ arg: String = "{}") -> HostCommand {
    .driver(token: token, op: "component." + name, argumentJSON: arg)
}

extension EventLog {
    /// The driver's answer to the request with `token`: the value as ``canonical(_:)`` JSON,
    /// "error: <message>", or "no answer".
    func answer(_ token: Int) -> String {
        for case let .reply(command, data) in events where command == "driver" {
            guard let o = parseJSON(data) as? [String: Any], (o["token"] as? Int) == token else { continue }
            if (o["ok"] as? Bool) != true { return "error: \(o["error"] as? String ?? "?")" }
            return canonical(o["value"] ?? NSNull())
        }
        return "no answer"
    }

    /// `component` lifecycle events as "<route>.<hook>" (triggerEvent included).
    var componentHooks: [String] {
        events.compactMap { if case let .lifecycle("component", hook, route, _) = $0 { return "\(route ?? "?").\(hook)" } else { return nil } }
    }

    /// The detail (JSON text) of every `component` lifecycle event named `hook`.
    func componentDetails(_ hook: String) -> [String] {
        events.compactMap { if case let .lifecycle("component", h, _, detail) = $0, h == hook { return detail } else { return nil } }
    }
}

/// JSON text with sorted keys and no insignificant space, for comparing values exactly (booleans
/// included, which Foundation's `isEqual` does not compare reliably here).
/// Text that is not JSON comes back marked, so that two bad texts never compare equal.
func canonical(_ text: String) -> String {
    parseJSON(text).map { canonical($0) } ?? "not JSON: \(text)"
}

func canonical(_ value: Any) -> String {
    guard let d = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) else { return "not JSON" }
    return String(decoding: d, as: UTF8.self)
}

/// A component module that logs every lifetime as "<name> <lifetime>", plus `extra` members.
func tracingComponent(_ name: String, _ extra: String = "") -> String {
    """
    Component({
      lifetimes: {
        created() { console.log('\(name) created') },
        attached() { console.log('\(name) attached') },
        ready() { console.log('\(name) ready') },
        moved() { console.log('\(name) moved') },
        detached() { console.log('\(name) detached') },
      },
      \(extra)
    })
    """
}
