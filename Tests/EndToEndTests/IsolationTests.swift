import Foundation
import Testing

/// End-to-end: process isolation through the real CLI. A hostile app runs next to a well-behaved
/// one in the same host; each hostile case ends in a report within its limit, while the other
/// app keeps answering and the host exits normally.
@Suite struct IsolationTests {
    /// The well-behaved neighbour: counts ticks; `data` shows them.
    static let good: [String: String] = [
        "pages/index/index.js": "Page({ data: { ticks: 0 }, onLoad() { this.timer = setInterval(() => this.setData({ ticks: this.data.ticks + 1 }), 50) }, halt() { clearInterval(this.timer) } })",
    ]

    struct Outcome {
        var result: CLI.Result
        var seconds: Double
        /// The hostile app's exit event.
        var exit: [String: Any]? {
            result.events(type: "exit").first { $0["app"] as? String == "org.test.hostile" }
        }
        var goodTicksAfter: Int? {
            let replies = result.events(type: "reply").filter { $0["app"] as? String == "org.test.good" }
            return ((replies.last?["data"] as? [String: Any])?["data"] as? [String: Any])?["ticks"] as? Int
        }
    }

    /// Runs the hostile method `method` next to the good app; afterwards checks the good app.
    func run(_ method: String, body: String, memoryMb: Int = 64, waitMs: Int = 300) throws -> Outcome {
        let hostile = try TempApp(id: "org.test.hostile", files: ["pages/index/index.js": "Page({ \(method)() {\n\(body)\n} })"],
                                  manifestExtra: "\"limits\": {\"memory_mb\": \(memoryMb)}")
        let good = try TempApp(id: "org.test.good", files: Self.good)
        defer { hostile.remove(); good.remove() }
        let script = """
        @org.test.hostile call - \(method)
        wait \(waitMs)
        @org.test.good data
        wait 200
        @org.test.good data
        @org.test.good call - halt
        """
        let start = Date()
        let r = try CLI.run(["run", hostile.path, good.path, "--dev", "--json", "--data-dir", tempDataDir()], stdin: script, timeout: 60)
        return Outcome(result: r, seconds: Date().timeIntervalSince(start))
    }

    func expectGoodKeptAnswering(_ o: Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        let replies = o.result.events(type: "reply").filter { $0["app"] as? String == "org.test.good" }
        let ticks = replies.compactMap { (($0["data"] as? [String: Any])?["data"] as? [String: Any])?["ticks"] as? Int }
        #expect(ticks.count == 2, "the good app answered \(ticks.count) of 2 data queries: \(o.result.stdout.suffix(800))", sourceLocation: sourceLocation)
        if ticks.count == 2 { #expect(ticks[1] > ticks[0], "the good app's timer stopped: \(ticks)", sourceLocation: sourceLocation) }
        let goodExit = o.result.events(type: "exit").first { $0["app"] as? String == "org.test.good" }
        #expect(goodExit?["status"] as? String == "ok", sourceLocation: sourceLocation)
    }

    @Test func anEndlessLoopIsTerminatedByTheCPULimitAndTheAppLivesOn() throws {
        let o = try run("spin", body: "while (true) {}")
        #expect(o.result.events(type: "error").contains { $0["kind"] as? String == "cpu_limit" })
        #expect(o.exit?["status"] as? String == "ok")
        #expect(o.result.status == 0, "\(o.result.stderr)")
        expectGoodKeptAnswering(o)
    }

    @Test(arguments: [
        ("promise storm", "(function f() { Promise.resolve().then(f) })()"),
        ("async storm", "(async () => { for (;;) await 0 })()"),
    ])
    func aStormThatNeverYieldsIsKilledForUnresponsiveness(_ name: String, _ body: String) throws {
        // Memory room enough that the responsiveness limit, not the memory limit, ends it.
        let o = try run("storm", body: body, memoryMb: 1024, waitMs: 3500)
        #expect(o.exit?["status"] as? String == "killed", "\(name): \(o.result.stdout.suffix(600))")
        #expect((o.exit?["reason"] as? String)?.hasPrefix("unresponsive") == true)
        #expect(o.result.status == 1)
        // Responsiveness limit 2 s: killed well within 2 s of it (the script waits 3.5 s in all).
        #expect(o.seconds < 12)
        expectGoodKeptAnswering(o)
    }

    @Test(arguments: [
        ("small objects", "const a = []; for (;;) a.push({ n: a.length, s: 'x' + a.length })"),
        ("strings", "const a = []; for (let i = 0; ; i++) a.push('s'.repeat(1 << 16) + i)"),
        ("arrays", "const a = []; for (;;) a.push(new Array(4096).fill(a.length))"),
        ("typed arrays", "const a = []; for (;;) a.push(new Float64Array(1 << 17).fill(1.5))"),
    ])
    func aMemoryBombIsKilledAtTheLimit(_ name: String, _ body: String) throws {
        let o = try run("bomb", body: body, memoryMb: 64)
        let reason = o.exit?["reason"] as? String ?? ""
        #expect(o.exit?["status"] as? String == "killed", "\(name): \(o.result.stdout.suffix(600))")
        #expect(reason.hasPrefix("memory limit 64 MB exceeded"), "\(name): \(reason)")
        expectGoodKeptAnswering(o)
    }

    @Test func deepRecursionIsAnErrorTheAppSurvives() throws {
        let o = try run("recurse", body: "function f(n) { return f(n + 1) + 1 }\ntry { f(0) } catch (e) { console.log('caught ' + e.constructor.name) }\nf(0)")
        #expect(o.result.consoleMessages.contains("caught RangeError"))
        #expect(o.result.events(type: "error").contains { ($0["message"] as? String)?.contains("RangeError") == true })
        #expect(o.exit?["status"] as? String == "ok")
        expectGoodKeptAnswering(o)
    }

    /// A string cut inside a surrogate pair (a truncated emoji) in `setData`: the worker's frame
    /// carries the replacement character there, and the app lives on (it was killed for a
    /// "protocol violation" before), in both modes.
    @Test func aStringCutInsideASurrogatePairDoesNotKillTheApp() throws {
        let app = try TempApp(id: "org.test.cut", files: [
            "pages/index/index.js": "Page({ data: { s: '' }, onLoad() { this.setData({ s: '\\u{1F600}x'.slice(0, 1) }); console.log('after') } })",
        ])
        defer { app.remove() }
        for mode in ["in-process", "process"] {
            let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", mode, "--data-dir", tempDataDir()])
            #expect(r.status == 0 && r.consoleMessages == ["after"], "\(mode): \(r.stdout.suffix(600)) \(r.stderr)")
            #expect(r.events(type: "exit").first?["status"] as? String == "ok", "\(mode)")
            #expect(r.events(type: "setData").count == 1, "\(mode)")
        }
    }

    @Test func inProcessModeStillWorksAndIsChosenByTheFlag() throws {
        let app = try TempApp(id: "org.test.modes", files: ["pages/index/index.js": "Page({ onReady() { console.log('ready') } })"])
        defer { app.remove() }
        for mode in ["in-process", "process"] {
            let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", mode, "--data-dir", tempDataDir()])
            #expect(r.status == 0 && r.consoleMessages == ["ready"], "\(mode): \(r.stderr)")
        }
        let bad = try CLI.run(["run", app.path, "--dev", "--isolation", "vm"])
        #expect(bad.status != 0 && bad.stderr.contains("isolation"))
    }
}
