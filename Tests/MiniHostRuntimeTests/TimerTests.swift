import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct TimerTests {
    func run(_ body: String, cpuMs: Int = 200) throws -> EventLog {
        try runApp([
            "app.js": "App({ onError(e) { console.log('onError ' + e.split('\\n')[0]) } })",
            "pages/index/index.js": "Page({ onLoad() { const log = (...a) => console.log(a.join(' ')); \(body) } })",
        ], cpuMs: cpuMs)
    }

    @Test func timeoutsFireInOrderOfDelay() throws {
        let log = try run("""
        setTimeout(() => log('c'), 40);
        setTimeout(() => log('a'), 0);
        setTimeout(() => log('b'), 15);
        setTimeout(() => log('a2'));
        """)
        #expect(log.console == ["a", "a2", "b", "c"])
    }

    @Test func timeoutsWithTheSameDelayFireInCallOrder() throws {
        let log = try run("for (let i = 0; i < 20; i++) setTimeout(() => log(i), 1);")
        #expect(log.console == (0..<20).map(String.init))
    }

    @Test func extraArgumentsArePassed() throws {
        let log = try run("setTimeout((a, b, c) => log(a, b, typeof c), 0, 'x', 2); const id = setInterval(function (a, b) { log('i', a, b); clearInterval(id) }, 1, 'y', 'z');")
        #expect(log.console == ["x 2 undefined", "i y z"])
    }

    @Test func timerIdsAreDistinctPositiveIntegers() throws {
        let log = try run("const ids = [setTimeout(() => {}, 0), setTimeout(() => {}, 0), setInterval(() => {}, 5)]; clearInterval(ids[2]); log(ids.every(i => Number.isInteger(i) && i > 0), new Set(ids).size);")
        #expect(log.console == ["true 3"])
    }

    @Test func clearTimeoutCancels() throws {
        let log = try run("""
        const t = setTimeout(() => log('cancelled ran'), 10);
        clearTimeout(t);
        const u = setTimeout(() => log('u ran'), 30);
        setTimeout(() => { log('clearing u'); clearTimeout(u) }, 0);
        clearTimeout(); clearTimeout(12345); clearTimeout('x'); clearTimeout(null);
        setTimeout(() => log('kept'), 5);
        """)
        #expect(log.console == ["clearing u", "kept"])
        #expect(log.errors.isEmpty)
    }

    @Test func intervalRepeatsUntilClearedAndTheAppGoesIdle() throws {
        let start = Date()
        let log = try run("""
        let n = 0;
        const id = setInterval(() => { n++; log('tick', n); if (n === 3) { clearInterval(id); setTimeout(() => log('done', n), 20) } }, 5);
        """)
        #expect(log.console == ["tick 1", "tick 2", "tick 3", "done 3"])
        #expect(Date().timeIntervalSince(start) < 5)  // runApp returned because the app went idle
    }

    @Test func clearTimeoutAlsoStopsAnInterval() throws {
        let log = try run("let n = 0; const id = setInterval(() => { if (++n === 2) clearTimeout(id); log(n) }, 1);")
        #expect(log.console == ["1", "2"])
    }

    @Test func microtasksRunBeforeTimers() throws {
        let log = try run("""
        setTimeout(() => log('timeout'), 0);
        queueMicrotask(() => log('microtask 1'));
        Promise.resolve().then(() => log('promise'));
        queueMicrotask(() => { log('microtask 2'); queueMicrotask(() => log('microtask 3')) });
        log('sync');
        """)
        #expect(log.console == ["sync", "microtask 1", "promise", "microtask 2", "microtask 3", "timeout"])
    }

    @Test func nestedTimersAndMicrotasks() throws {
        let log = try run("""
        setTimeout(() => {
          log('outer');
          setTimeout(() => {
            log('inner');
            setTimeout(() => log('innermost'), 0);
          }, 0);
          queueMicrotask(() => log('outer microtask'));
        }, 0);
        setTimeout(() => log('second'), 3);
        """)
        #expect(log.console.first == "outer")
        #expect(log.console[1] == "outer microtask")
        #expect(Set(log.console) == ["outer", "outer microtask", "inner", "innermost", "second"])
        #expect(log.console.firstIndex(of: "inner")! < log.console.firstIndex(of: "innermost")!)
    }

    @Test func stringCallbacksAreRejected() throws {
        let log = try run("""
        for (const f of [() => setTimeout('log(1)', 0), () => setInterval('log(2)', 5), () => setTimeout(), () => setTimeout({}, 0), () => queueMicrotask('log(3)')]) {
          try { f(); log('accepted'); } catch (e) { log(e.name) }
        }
        """)
        #expect(log.console == ["TypeError", "TypeError", "TypeError", "TypeError", "TypeError"])
        #expect(log.errors.isEmpty)
    }

    @Test func oddDelaysAreTreatedAsZero() throws {
        let log = try run("""
        setTimeout(() => log('neg'), -5);
        setTimeout(() => log('nan'), NaN);
        setTimeout(() => log('str'), '1');
        setTimeout(() => log('huge'), 2 ** 40);
        setTimeout(() => log('last'), 30);
        """)
        #expect(log.console.last == "last")
        #expect(Set(log.console) == ["neg", "nan", "str", "huge", "last"])
    }

    @Test func exceptionsInTimersAndMicrotasksAreReportedAndLaterTimersStillRun() throws {
        let log = try run("""
        setTimeout(() => { throw new Error('in timeout') }, 0);
        queueMicrotask(() => { throw new Error('in microtask') });
        setTimeout(() => log('still running'), 10);
        """)
        #expect(log.console == ["onError Error: in microtask", "onError Error: in timeout", "still running"])
        #expect(log.errors(kind: "exception").count == 2)
    }

    @Test func timersDoNotOutliveStop() throws {
        let log = EventLog()
        let config = SandboxConfig(appId: "org.test.app", appName: "T", files: [
            "app.js": Data("App({})".utf8),
            "pages/index/index.js": Data("Page({ onLoad() { setInterval(() => console.log('tick'), 1) } })".utf8),
        ], pages: ["pages/index/index"])
        let sandbox = try Sandbox(config: config) { log.append($0) }
        sandbox.launch()
        Thread.sleep(forTimeInterval: 0.03)
        #expect(!sandbox.isIdle)
        let sem = DispatchSemaphore(value: 0)
        sandbox.stop { sem.signal() }
        sem.wait()
        let count = log.console.count
        Thread.sleep(forTimeInterval: 0.03)
        #expect(log.console.count == count)
        #expect(count >= 1)
        #expect(sandbox.isIdle)
    }
}
