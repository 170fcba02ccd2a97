import Foundation
import MiniHostProtocol
@testable import MiniHostRuntime

/// Collects the events of one app run in memory.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [RuntimeEvent] = []
    func append(_ e: RuntimeEvent) { lock.withLock { items.append(e) } }
    var events: [RuntimeEvent] { lock.withLock { items } }
    var console: [String] {
        events.compactMap { if case let .console(_, m, _) = $0 { return m } else { return nil } }
    }
    var errors: [(kind: String, message: String, stack: String?)] {
        events.compactMap { if case let .error(k, m, s) = $0 { return (k, m, s) } else { return nil } }
    }
    var hooks: [String] {
        events.compactMap {
            if case let .lifecycle(target, hook, route, _) = $0 { return target == "app" ? "app.\(hook)" : "\(route ?? "?").\(hook)" }
            return nil
        }
    }
}

/// Runs a mini-program made of `files` until it is idle, then applies `commands` one by one
/// (waiting for idle after each), and returns what it reported.
func runApp(_ files: [String: String], pages: [String] = ["pages/index/index"], cpuMs: Int = 200, resolveAlias: [String: String] = [:],
            query: [String: String] = [:], commands: [HostCommand] = [], timeout: Double = 10, independentRoots: [String] = []) throws -> EventLog {
    let log = EventLog()
    var all = files
    if all["app.js"] == nil { all["app.js"] = "App({})" }
    for p in pages where all[p + ".js"] == nil { all[p + ".js"] = "Page({})" }
    let config = SandboxConfig(appId: "org.test.app", appName: "Test", files: all.mapValues { Data($0.utf8) }, pages: pages, cpuLimitMs: cpuMs,
                               resolveAlias: resolveAlias, independentRoots: independentRoots)
    let sandbox = try Sandbox(config: config) { log.append($0) }
    sandbox.launch(LaunchOptions(query: query))
    waitIdle(sandbox, timeout)
    for c in commands {
        sandbox.perform(c)
        waitIdle(sandbox, timeout)
    }
    let sem = DispatchSemaphore(value: 0)
    sandbox.stop { sem.signal() }
    sem.wait()
    return log
}

func waitIdle(_ sandbox: Sandbox, _ timeout: Double) {
    let sem = DispatchSemaphore(value: 0)
    sandbox.whenIdle { sem.signal() }
    _ = sem.wait(timeout: .now() + timeout)
}
