import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

// Helpers shared by the runtime test files (Harness.swift stays as it is).

extension EventLog {
    /// Lifecycle hooks ("app.onShow", "pages/a/a.onLoad") and console messages, in the order they happened.
    var timeline: [String] {
        events.compactMap {
            switch $0 {
            case let .lifecycle(target, hook, route, _): return target == "app" ? "app.\(hook)" : "\(route ?? "?").\(hook)"
            case let .console(_, message, _): return message
            default: return nil
            }
        }
    }

    /// Console lines with their level.
    var consoleLines: [(level: String, message: String)] {
        events.compactMap { if case let .console(l, m, _) = $0 { return (l, m) } else { return nil } }
    }

    /// `setData` events.
    var setDataEvents: [(route: String, data: String)] {
        events.compactMap { if case let .setData(r, d) = $0 { return (r, d) } else { return nil } }
    }

    /// Replies to host queries (`data`).
    var replies: [(command: String, data: String)] {
        events.compactMap { if case let .reply(c, d) = $0 { return (c, d) } else { return nil } }
    }

    func errors(kind: String) -> [(kind: String, message: String, stack: String?)] {
        errors.filter { $0.kind == kind }
    }

    /// Console messages that start with `prefix` (the prefix removed).
    func logged(_ prefix: String) -> [String] {
        console.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// Every piece of text the app reported (console, errors with stacks, replies, setData).
    var allText: String {
        events.map { $0.jsonLine(app: "t") }.joined(separator: "\n")
    }
}

/// Parses JSON text into a Foundation value for comparisons.
func parseJSON(_ text: String) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

/// True when two JSON texts hold the same value.
func sameJSON(_ a: String, _ b: String) -> Bool {
    guard let x = parseJSON(a), let y = parseJSON(b) else { return false }
    return (x as? NSObject)?.isEqual(y) ?? false
}

/// Launches an app straight on a `Sandbox` and returns what `launch` reported (true: the entry
/// page is ready) with the events; for the cases `runApp` does not expose. Never blocks for good:
/// an app that does not go idle within `timeout` is recorded as an issue and left behind.
func launchResult(_ files: [String: String], pages: [String] = ["pages/index/index"], cpuMs: Int = 200,
                  options: LaunchOptions = LaunchOptions(), commands: [HostCommand] = [], timeout: Double = 5) throws -> (ok: Bool, log: EventLog) {
    let log = EventLog()
    var all = files
    if all["app.js"] == nil { all["app.js"] = "App({})" }
    for p in pages where all[p + ".js"] == nil { all[p + ".js"] = "Page({})" }
    let config = SandboxConfig(appId: "org.test.app", appName: "Test", files: all.mapValues { Data($0.utf8) }, pages: pages, cpuLimitMs: cpuMs)
    let sandbox = try Sandbox(config: config) { log.append($0) }
    let result = LaunchBox()
    sandbox.launch(options) { ok in result.ok = ok }
    guard idleWithin(sandbox, timeout, "launch") else { return (result.ok, log) }
    for c in commands {
        sandbox.perform(c)
        guard idleWithin(sandbox, timeout, "\(c)") else { return (result.ok, log) }
    }
    let stopped = DispatchSemaphore(value: 0)
    sandbox.stop { stopped.signal() }
    stopped.wait()
    return (result.ok, log)
}

/// `runApp` for apps that may run away: bounded waits instead of waiting for `stop` for good.
func runBounded(_ files: [String: String], pages: [String] = ["pages/index/index"], cpuMs: Int = 200,
                commands: [HostCommand] = [], timeout: Double = 5) throws -> EventLog {
    try launchResult(files, pages: pages, cpuMs: cpuMs, commands: commands, timeout: timeout).log
}

/// Waits for the app to go idle; records an issue (and stops it without waiting) if it does not.
func idleWithin(_ sandbox: Sandbox, _ timeout: Double, _ what: String) -> Bool {
    let sem = DispatchSemaphore(value: 0)
    sandbox.whenIdle { sem.signal() }
    if sem.wait(timeout: .now() + timeout) == .success { return true }
    Issue.record("the app did not go idle within \(timeout) s after \(what): a runaway task was not terminated")
    sandbox.stop()
    return false
}

final class LaunchBox: @unchecked Sendable { var ok = false }

/// A page module that logs every lifecycle hook it reaches as "<name> <hook>", plus `extra` members.
func tracingPage(_ name: String, _ extra: String = "") -> String {
    """
    Page({
      \(tracingHooks(name))
      \(extra)
    })
    """
}

/// The page hooks of ``tracingPage(_:_:)``, as object members.
func tracingHooks(_ name: String) -> String {
    """
    onLoad(q) { console.log('\(name) onLoad ' + JSON.stringify(q)) },
      onShow() { console.log('\(name) onShow') },
      onReady() { console.log('\(name) onReady') },
      onHide() { console.log('\(name) onHide') },
      onUnload() { console.log('\(name) onUnload') },
    """
}
