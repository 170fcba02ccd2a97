import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct CpuLimitTests {
    static let app = "App({ onError(e) { console.log('onError ' + e.split('\\n')[0]) } })"

    @Test func endlessLoopInATimerIsTerminatedAndLaterTasksRun() throws {
        let start = Date()
        let log = try runBounded([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ onLoad() { setTimeout(() => { while (true) {} }, 0); setTimeout(() => console.log('later timer ran'), 5) } })",
        ], cpuMs: 100)
        let elapsed = Date().timeIntervalSince(start)
        let cpu = log.errors(kind: "cpu_limit")
        #expect(cpu.count == 1)
        #expect(cpu.first?.message.contains("100 ms") == true)
        #expect(log.logged("onError ").count == 1)
        #expect(log.logged("onError ").first?.contains("CPU limit") == true)
        #expect(log.console.last == "later timer ran")
        #expect(elapsed < 1.5)
    }

    @Test func terminationHappensSoonAfterTheLimit() throws {
        // 100 ms of CPU: the next task starts well within a second (no tight timing asserted).
        let log = try runBounded([
            "app.js": "App({})",
            "pages/index/index.js": "Page({ onLoad() { const t0 = Date.now(); setTimeout(() => { for (;;) {} }, 0); setTimeout(() => console.log('gap ' + (Date.now() - t0)), 1) } })",
        ], cpuMs: 100)
        let gap = try #require(log.logged("gap ").first.flatMap { Int($0) })
        #expect(gap >= 90)
        #expect(gap < 1000)
        #expect(log.errors(kind: "cpu_limit").count == 1)
    }

    @Test func endlessLoopInAPageMethodIsTerminated() throws {
        let start = Date()
        let log = try runBounded([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ spin() { for (;;) {} }, ping() { console.log('pong') } })",
        ], cpuMs: 100, commands: [
            .callPage(route: nil, method: "spin", argumentJSON: nil),
            .callPage(route: nil, method: "ping", argumentJSON: nil),
            .callPage(route: nil, method: "spin", argumentJSON: nil),
            .callPage(route: nil, method: "ping", argumentJSON: nil),
        ])
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(log.errors(kind: "cpu_limit").count == 2)
        #expect(log.console.filter { $0 == "pong" }.count == 2)
        #expect(log.logged("onError ").count == 2)
    }

    /// A loop in a method called again and again is compiled by JSC's optimizing JIT; every call
    /// must still be stopped. The loop is bounded (about a second) so that a missed termination
    /// shows up as a failure here instead of a hung test.
    @Test func hotLoopIsTerminatedEveryTime() throws {
        let runs = 12
        let log = try runBounded([
            "pages/index/index.js": "Page({ spin() { for (let i = 0; i < 1e9; i++) {} console.log('loop finished') } })",
        ], cpuMs: 20, commands: Array(repeating: .callPage(route: nil, method: "spin", argumentJSON: nil), count: runs), timeout: 20)
        #expect(log.errors(kind: "cpu_limit").count == runs)
        #expect(!log.console.contains("loop finished"))
    }

    @Test func endlessLoopInAMicrotaskIsTerminated() throws {
        let log = try runBounded([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ onLoad() { Promise.resolve().then(() => { while (true) {} }); setTimeout(() => console.log('after'), 5) } })",
        ], cpuMs: 100)
        #expect(log.errors(kind: "cpu_limit").count == 1)
        #expect(log.console.last == "after")
    }

    @Test func endlessLoopInOnLoadFailsTheLaunchButNotTheHost() throws {
        let (ok, log) = try launchResult([
            "app.js": "App({})",
            "pages/index/index.js": "Page({ onLoad() { while (true) {} } })",
        ], cpuMs: 100)
        #expect(!ok)
        #expect(log.errors(kind: "cpu_limit").count == 1)
    }

    @Test func endlessLoopInOnErrorDoesNotLoopOrSilenceLaterErrors() throws {
        let log = try runBounded([
            "app.js": "let n = 0; App({ onError(e) { n++; console.log('onError ' + n); if (n === 1) while (true) {} } })",
            "pages/index/index.js": "Page({ onLoad() { setTimeout(() => { throw new Error('first') }, 0); setTimeout(() => { throw new Error('second') }, 20) } })",
        ], cpuMs: 100)
        #expect(log.errors(kind: "exception").count == 2)
        #expect(log.errors(kind: "cpu_limit").count == 1)
        // onError keeps being called for later errors after one of its calls was terminated.
        #expect(log.console.last.map { $0.hasPrefix("onError ") } == true)
        #expect(log.console.count <= 3)
        #expect(log.console.count >= 2)
    }

    @Test func deepRecursionIsAnOrdinaryException() throws {
        let log = try runBounded([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ onLoad() { const f = n => f(n + 1) + 1; setTimeout(() => f(0), 0); setTimeout(() => console.log('alive'), 5) } })",
        ], cpuMs: 1000)
        #expect(log.errors(kind: "cpu_limit").isEmpty)
        #expect(log.errors(kind: "exception").first?.message.contains("RangeError") == true)
        #expect(log.console.last == "alive")
    }

    // Note: JSC stops regex backtracking much later than a loop: measured ~1.7 s for a 100 ms limit
    // (a loop stops at ~100 ms), so this test asserts no timing.
    @Test func catastrophicRegexIsTerminated() throws {
        let log = try runBounded([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ onLoad() { setTimeout(() => /^(a+)+$/.test('a'.repeat(30) + 'b'), 0); setTimeout(() => console.log('alive'), 5) } })",
        ], cpuMs: 100)
        #expect(log.errors(kind: "cpu_limit").count == 1)
        #expect(log.console.last == "alive")
    }
}
