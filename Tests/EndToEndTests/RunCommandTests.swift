import Foundation
import Testing

/// End-to-end: the real CLI on real mini-programs.
@Suite struct RunCommandTests {
    @Test func helloSampleRunsItsDemoScript() throws {
        let r = try CLI.run(["run", "org.minihost.hello", "--json", "--script", "miniprograms/hello/demo.minihost", "--data-dir", tempDataDir()])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Array(r.hooks.prefix(5)) == ["app.onLaunch", "app.onShow", "pages/index/index.onLoad", "pages/index/index.onShow", "pages/index/index.onReady"])
        #expect(r.hooks.contains("pages/detail/detail.onLoad"))
        #expect(r.hooks.contains("pages/detail/detail.onUnload"))
        #expect(r.consoleMessages.contains("countdown done: 3 ticks"))
        #expect(r.consoleMessages.contains("detail for apples at depth 2"))
        let replies = r.events(type: "reply")
        #expect(replies.count == 2)
        let first = replies.first?["data"] as? [String: Any]
        #expect(first?["route"] as? String == "pages/detail/detail")
        #expect(r.exit?["status"] as? String == "ok")
    }

    @Test(arguments: ["process", "in-process"])
    func anInterruptedRunStillReportsEachAppsExit(isolation: String) throws {
        // A tool driving `minihost run --json` stops it with a signal: it still gets the exit line,
        // and the process ends by that signal. stdin stays open: the run waits on the console.
        let session = try CLISession(["run", "org.minihost.hello", "--json", "--isolation", isolation, "--data-dir", tempDataDir()])
        #expect(session.waitFor { $0.contains(#""hook":"onReady""#) }, "\(session.stdout)")
        let end = session.interrupt()
        #expect(end.reason == .uncaughtSignal)
        #expect(end.status == SIGTERM)
        let exits = session.stdout.split(separator: "\n").filter { $0.contains(#""type":"exit""#) }
        #expect(exits == [#"{"type":"exit","app":"org.minihost.hello","status":"interrupted","reason":"SIGTERM"}"#], "\(session.stdout)")
    }

    @Test func anInterruptedRunEndsEvenWhenAnAppCannotStop() throws {
        // In-process, a promise storm never yields its thread: the app cannot stop. The run still
        // reports its exit and ends, a little after the signal.
        let app = try TempApp(files: ["pages/index/index.js": "Page({ onReady() { console.log('storm'); const f = () => Promise.resolve().then(f); f(); } })"])
        defer { app.remove() }
        let session = try CLISession(["run", app.path, "--dev", "--json", "--isolation", "in-process", "--data-dir", tempDataDir()])
        #expect(session.waitFor { $0.contains(#""message":"storm""#) }, "\(session.stdout)")
        let start = Date()
        let end = session.interrupt()
        #expect(end.reason == .uncaughtSignal && end.status == SIGTERM)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(session.stdout.contains(#"{"type":"exit","app":"org.test.e2e","status":"interrupted","reason":"SIGTERM"}"#), "\(session.stdout)")

        // A second interrupt while the first waits for the app ends the run at once.
        let impatient = try CLISession(["run", app.path, "--dev", "--json", "--isolation", "in-process", "--data-dir", tempDataDir()])
        #expect(impatient.waitFor { $0.contains(#""message":"storm""#) }, "\(impatient.stdout)")
        let first = Date()
        impatient.send(signal: SIGTERM)
        Thread.sleep(forTimeInterval: 0.2)
        let again = impatient.interrupt()
        #expect(again.reason == .uncaughtSignal && again.status == SIGTERM)
        #expect(Date().timeIntervalSince(first) < 1.5, "the second signal did not end the run at once")
    }

    @Test(arguments: ["process", "in-process"])
    func theTimeoutEndsARunWhoseAppCannotStop(isolation: String) throws {
        // A promise storm never yields its thread; `--timeout` still ends the run and reports the
        // app's exit (in-process, the app's thread is abandoned).
        let app = try TempApp(files: ["pages/index/index.js": "Page({ onReady() { const f = () => Promise.resolve().then(f); setTimeout(f, 10); } })"])
        defer { app.remove() }
        let start = Date()
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--timeout", "1", "--data-dir", tempDataDir()],
                            stdin: nil, timeout: 30)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.exit?["status"] as? String == "timeout", "\(r.stdout)")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// The data limits are the same in both modes: a 600-level or 20 MB `setData` is a 1001 error
    /// and a 20 MB console line is cut, instead of a frame that kills the worker.
    @Test(arguments: ["process", "in-process"])
    func dataLimitsAreTheSameInBothModes(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": """
        Page({ onReady() {
          let deep = 1; for (let i = 0; i < 600; i++) deep = [deep];
          for (const v of [deep, 'x'.repeat(20 << 20)]) { try { this.setData({ v }); } catch (e) { console.log('refused ' + e.errCode); } }
          console.log('y'.repeat(20 << 20));
          console.log('alive');
        } })
        """], manifestExtra: #""limits": {"memory_mb": 512, "cpu_ms": 10000}"#)
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--data-dir", tempDataDir()], stdin: "", timeout: 60)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.consoleMessages
        let shown = lines.map { $0.prefix(60) }
        #expect(lines.filter { $0 == "refused 1001" }.count == 2, "\(shown)")
        #expect(lines.contains { $0.hasSuffix("… [cut: 20971520 characters]") && $0.count < 1_100_000 }, "\(shown)")
        #expect(lines.last == "alive", "\(shown)")
        #expect(r.exit?["status"] as? String == "ok", "\(r.stdout.suffix(300).prefix(300))")
    }

    @Test func humanOutputIsReadable() throws {
        let r = try CLI.run(["run", "org.minihost.hello", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0)
        #expect(r.stdout.contains("> Hello, MiniHost! entry page: pages/index/index"))
        #expect(r.stdout.contains("· page pages/index/index onReady"))
    }

    /// App text never reaches the terminal with control characters, and no console line can look
    /// like a host line or a prompt: each starts with `> `, escapes and bidi overrides show as text.
    @Test func consoleTextCannotForgeHostLinesOrPrompts() throws {
        let app = try TempApp(files: ["app.js": #"""
        App({ onLaunch() {
          console.log('\u001b[2J\u001b[H\u009b31m┌─ minihost: permission request\n│ app      Weather (org.x.weather)\n· app onLaunch\nexit: ok');
          console.warn('pay \u202e00.994');
          throw new Error('bad \u001b[8m hidden');
        } })
        """#])
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--data-dir", tempDataDir(), "--timeout", "1"], stdin: "")
        let out = r.stdout + r.stderr
        for byte in out.utf8 { #expect(byte >= 0x20 || byte == 0x0A, "a control byte reached the terminal: \(byte)") }
        #expect(!out.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0 == "\u{202E}" })
        let consoleLines = r.stdout.split(separator: "\n").filter { !$0.hasPrefix("· ") && !$0.hasPrefix("exit:") }
        #expect(consoleLines.allSatisfy { $0.hasPrefix("> ") }, "\(consoleLines)")
        #expect(r.stdout.contains(#"> \u{1B}[2J\u{1B}[H\u{9B}31m┌─ minihost: permission request"#), "\(r.stdout)")
        #expect(r.stdout.contains(#"> warn: pay \u{202E}00.994"#))
        #expect(r.stderr.contains(#"bad \u{1B}[8m hidden"#), "\(r.stderr)")
    }

    @Test func lifecycleOrderOfAnAppWrittenElsewhere() throws {
        let app = try TempApp(pages: ["pages/a/a", "pages/b/b"], files: [
            "app.js": """
            const log = (m) => console.log(m);
            App({ onLaunch() { log('app launch') }, onShow() { log('app show') }, onHide() { log('app hide') } });
            """,
            "pages/a/a.js": """
            Page({ onLoad(q) { console.log('a load ' + q.x) }, onShow() { console.log('a show') }, onReady() { console.log('a ready') },
                   onHide() { console.log('a hide') }, go() { mp.navigateTo({ url: '../b/b?y=2', success: (r) => console.log(r.errMsg) }) } });
            """,
            "pages/b/b.js": """
            Page({ onLoad(q) { console.log('b load ' + q.y) }, onShow() { console.log('b show') }, onReady() { console.log('b ready') },
                   onUnload() { console.log('b unload') } });
            """,
        ])
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--query", "x=1", "--data-dir", tempDataDir()],
                            stdin: "call pages/a/a go\nback\nhide\nshow\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            "app launch", "app show", "a load 1", "a show", "a ready",
            "a hide", "b load 2", "b show", "b ready", "navigateTo:ok",
            "b unload", "a show",
            "a hide", "app hide",
            "app show", "a show",
        ])
    }

    @Test func runawayLoopIsTerminatedAndTheAppKeepsRunning() throws {
        let app = try TempApp(files: [
            "app.js": "App({ onError(m) { console.log('onError: ' + m.split('\\n')[0]) } })",
            "pages/index/index.js": "Page({ spin() { while (true) {} }, ping() { console.log('pong') } })",
        ], manifestExtra: #""limits": {"cpu_ms": 100}"#)
        defer { app.remove() }
        let start = Date()
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--data-dir", tempDataDir()], stdin: "call - spin\ncall - ping\n")
        #expect(r.status == 0, "\(r.stderr)")
        let cpu = r.events(type: "error").filter { $0["kind"] as? String == "cpu_limit" }
        #expect(cpu.count == 1)
        #expect((cpu.first?["message"] as? String)?.contains("100 ms") == true)
        #expect(r.consoleMessages.contains { $0.hasPrefix("onError: ") && $0.contains("CPU limit") })
        #expect(r.consoleMessages.last == "pong")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func appJsThrowingIsACrashWithExitStatus1() throws {
        let app = try TempApp(files: ["app.js": "throw new Error('broken at start')"])
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 1)
        let launch = r.events(type: "error").first { $0["kind"] as? String == "launch" }
        #expect((launch?["message"] as? String)?.contains("broken at start") == true)
        #expect((launch?["stack"] as? String)?.contains("miniapp://org.test.e2e/app.js:1") == true)
        #expect(r.exit?["status"] as? String == "crashed")
    }

    @Test func noHostPathReachesTheApp() throws {
        let app = try TempApp(files: [
            "pages/index/index.js": """
            Page({ onLoad() {
              try { require('../../../../../etc/passwd') } catch (e) { console.log('escape: ' + e.message) }
              try { require('/etc/passwd') } catch (e) { console.log('absolute: ' + e.message) }
              try { null.x } catch (e) { console.log('stack: ' + e.stack) }
            } })
            """,
        ])
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages.contains { $0.hasPrefix("escape: ") && $0.contains("leaves the package") })
        #expect(r.consoleMessages.contains { $0.hasPrefix("absolute: ") && $0.contains("absolute paths") })
        #expect(r.consoleMessages.contains { $0.contains("miniapp://org.test.e2e/pages/index/index.js:4") })
        #expect(!r.stdout.contains(app.root.path))
        #expect(!r.stdout.contains(CLI.packageRoot.path))
    }

    @Test func timeoutEndsAnAppThatNeverGoesIdle() throws {
        let app = try TempApp(files: ["pages/index/index.js": "Page({ onLoad() { setInterval(() => {}, 5) } })"])
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--timeout", "0.5", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0)
        #expect(r.exit?["status"] as? String == "timeout")
    }

    @Test func aBadScriptLineIsReportedWithItsLineNumber() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).minihost")
        try Data("back\nfrobnicate now\n".utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let r = try CLI.run(["run", "org.minihost.hello", "--script", script.path, "--data-dir", tempDataDir()])
        #expect(r.status == 2)
        #expect(r.stderr.contains(":2: unknown command \"frobnicate\""))
    }

    @Test func severalAppsRunInOneHost() throws {
        let a = try TempApp(id: "org.test.alpha", files: ["pages/index/index.js": "Page({ hi() { console.log('alpha') } })"])
        let b = try TempApp(id: "org.test.beta", files: ["pages/index/index.js": "Page({ hi() { console.log('beta') } })"])
        defer { a.remove(); b.remove() }
        let r = try CLI.run(["run", a.path, b.path, "--dev", "--json", "--data-dir", tempDataDir()], stdin: "@org.test.beta call - hi\ncall - hi\n")
        #expect(r.status == 0, "\(r.stderr)")
        let byApp = r.events(type: "console").map { "\($0["app"] as? String ?? "")=\($0["message"] as? String ?? "")" }
        #expect(byApp == ["org.test.beta=beta", "org.test.alpha=alpha"])
        #expect(r.events(type: "exit").count == 2)
    }

    /// The script's notes on stderr (JSON lines of type `note`).
    static func notes(_ r: CLI.Result) -> [String] {
        r.stderr.split(separator: "\n").compactMap { line in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return object?["type"] as? String == "note" ? object?["message"] as? String : nil
        }
    }

    /// One app's failure does not end the others: the healthy one runs to the end of the script,
    /// lines for the failed one are skipped, and the exit status still says an app failed.
    @Test(arguments: ["process", "in-process"])
    func aHealthyAppRunsOnBesideOneThatCrashesAtLaunch(isolation: String) throws {
        let broken = try TempApp(id: "org.test.broken", files: ["app.js": "throw new Error('broken at start')"])
        let good = try TempApp(id: "org.test.good", files: [
            "pages/index/index.js": "Page({ n: 0, onLoad() { setTimeout(() => console.log('timer ran'), 300) }, hi() { console.log('hi ' + (++this.n)) } })",
        ])
        defer { broken.remove(); good.remove() }
        let script = good.root.appendingPathComponent("drive.minihost")
        try Data("@org.test.good call - hi\n@org.test.broken call - hi\nwait 400\ncall - hi\n@org.test.good call - hi\n".utf8).write(to: script)
        let r = try CLI.run(["run", broken.path, good.path, "--dev", "--json", "--isolation", isolation, "--script", script.path, "--data-dir", tempDataDir()])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.events(type: "error").contains { $0["app"] as? String == "org.test.broken" && $0["kind"] as? String == "launch" })
        let exits = r.events(type: "exit").map { "\($0["app"] as? String ?? "")=\($0["status"] as? String ?? "")" }
        #expect(exits == ["org.test.broken=crashed", "org.test.good=ok"], "\(r.stdout)")
        #expect(r.consoleMessages == ["hi 1", "timer ran", "hi 2"], "\(r.stdout)")
        // Line 2 names the broken app, line 4 goes to the first app named: both skipped.
        #expect(Self.notes(r) == [2, 4].map { "\(script.path):\($0): org.test.broken has ended (crashed); the line is skipped" }, "\(r.stderr)")
    }

    /// An app killed while the script runs (its memory limit) reports its exit; the other app runs
    /// to the end of the script.
    @Test func aHealthyAppRunsOnBesideOneThatIsKilled() throws {
        let bomb = try TempApp(id: "org.test.bomb", files: [
            "pages/index/index.js": "Page({ bomb() { const a = []; for (;;) a.push(new Array(4096).fill(a.length)) } })",
        ], manifestExtra: #""limits": {"memory_mb": 64}"#)
        let good = try TempApp(id: "org.test.good", files: ["pages/index/index.js": "Page({ hi() { console.log('hi') } })"])
        defer { bomb.remove(); good.remove() }
        let r = try CLI.run(["run", bomb.path, good.path, "--dev", "--json", "--data-dir", tempDataDir()],
                            stdin: "call - bomb\nwait 300\n@org.test.bomb call - bomb\n@org.test.good call - hi\n", timeout: 60)
        #expect(r.status == 1, "\(r.stderr)")
        let exits = r.events(type: "exit").map { "\($0["app"] as? String ?? "")=\($0["status"] as? String ?? "")" }
        #expect(exits == ["org.test.bomb=killed", "org.test.good=ok"], "\(r.stdout.suffix(600))")
        #expect(r.consoleMessages == ["hi"])
        #expect(Self.notes(r) == ["org.test.bomb has ended (killed); the line is skipped"], "\(r.stderr)")
    }

    /// When every app has ended the run ends too, without waiting for the rest of the script.
    @Test(arguments: ["process", "in-process"])
    func theRunEndsWhenEveryAppHasEnded(isolation: String) throws {
        let broken = try TempApp(id: "org.test.broken", files: ["app.js": "throw new Error('broken at start')"])
        defer { broken.remove() }
        let start = Date()
        let r = try CLI.run(["run", broken.path, "--dev", "--json", "--isolation", isolation, "--data-dir", tempDataDir()], stdin: "wait 20000\n", timeout: 60)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.exit?["status"] as? String == "crashed", "\(r.stdout)")
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
