import Foundation
import Testing

/// End-to-end: the bridge's call convention, argument copying, storage and consent, through the
/// real CLI, with mini-programs that try to break the rules.
@Suite struct BridgeTests {
    /// Runs `body` (the inside of a page method `t()`) and returns the console lines.
    func run(_ body: String, manifestExtra: String = "", args: [String] = [], dataDir: String? = nil, id: String = "org.test.bridge") throws -> CLI.Result {
        let app = try TempApp(id: id, files: [
            "app.js": "App({ onError(m) { console.log('onError: ' + m.split('\\n')[0]) } })",
            "pages/index/index.js": "Page({ async t() {\n\(body)\n} })",
        ], manifestExtra: manifestExtra)
        defer { app.remove() }
        return try CLI.run(["run", app.path, "--dev", "--json", "--data-dir", dataDir ?? tempDataDir()] + args, stdin: "call - t\n")
    }

    @Test func callbacksAndPromisesFollowTheConvention() throws {
        let r = try run("""
        mp.setStorage({ key: 'a', data: { n: 1 }, success: (r) => console.log('success ' + r.errMsg), complete: (r) => console.log('complete ' + r.errMsg) });
        const got = await mp.getStorage({ key: 'a' });
        console.log('promise ' + got.errMsg + ' ' + JSON.stringify(got.data));
        try { await mp.getStorage({ key: 'missing' }) } catch (e) { console.log('reject ' + e.errMsg + ' ' + e.errCode) }
        mp.getStorage({ key: 'missing', fail: (e) => console.log('fail ' + e.errMsg), complete: () => console.log('complete after fail') });
        console.log('sync ' + JSON.stringify(mp.getStorageSync('a')) + ' [' + mp.getStorageSync('missing') + ']');
        try { mp.setStorageSync('', 1) } catch (e) { console.log('throw ' + e.errMsg + ' ' + e.errCode) }
        """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            "success setStorage:ok", "complete setStorage:ok",
            "promise getStorage:ok {\"n\":1}",
            "reject getStorage:fail data not found for key \"missing\" 1007",
            "sync {\"n\":1} []",
            "throw setStorageSync:fail invalid argument: key must be a non-empty string of at most 128 characters (got an empty string) 1001",
            "fail getStorage:fail data not found for key \"missing\"", "complete after fail",
        ])
    }

    /// Storage keys are exact code points in memory and on disk alike: NFC "é" and NFD "e\u{301}"
    /// are two keys, and a removed one stays removed after a restart.
    @Test func storageKeysAreExactCodePointsInEveryLayer() throws {
        let data = tempDataDir()
        let first = try run("""
        mp.setStorageSync('caf\\u00e9', 'nfc'); mp.setStorageSync('cafe\\u0301', 'nfd');
        mp.removeStorageSync('caf\\u00e9');
        console.log('now ' + JSON.stringify(mp.getStorageSync('caf\\u00e9')) + ' ' + mp.getStorageSync('cafe\\u0301') + ' ' + mp.getStorageInfoSync().keys.length);
        """, dataDir: data)
        #expect(first.consoleMessages == [#"now "" nfd 1"#], "\(first.stdout) \(first.stderr)")
        let again = try run("""
        console.log('after ' + JSON.stringify(mp.getStorageSync('caf\\u00e9')) + ' ' + mp.getStorageSync('cafe\\u0301') + ' ' + mp.getStorageInfoSync().keys.length);
        """, dataDir: data)
        #expect(again.consoleMessages == [#"after "" nfd 1"#], "\(again.stdout)")
    }

    /// Every hostile argument shape gets its `fail` and `complete` (or a rejected Promise, or a
    /// sync error with errMsg), never a raw throw out of the API.
    @Test func hostileArgumentShapesAlwaysReachFailAndComplete() throws {
        let r = try run("""
        const { proxy, revoke } = Proxy.revocable({}, {}); revoke();
        const shapes = {
          getterBeforeFail: { get key() { throw new Error('boom') }, fail: (e) => console.log('fail ' + e.errCode + ' ' + e.errMsg), complete: () => console.log('complete') },
          revokedNested: { key: 'k', data: proxy, fail: (e) => console.log('fail ' + e.errCode), complete: () => console.log('complete') },
        };
        for (const k of Object.keys(shapes)) {
          try { const out = mp.setStorage(shapes[k]); console.log(k + ' returned ' + out); } catch (e) { console.log('RAW THROW ' + k + ' ' + e); }
        }
        try { await mp.setStorage(proxy); } catch (e) { console.log('rejected ' + e.errCode + ' ' + e.errMsg); }
        try { mp.setStorageSync('k', proxy); } catch (e) { console.log('sync ' + e.errCode + ' ' + (e.errMsg || 'RAW ' + e)); }
        await new Promise((r) => setTimeout(r, 10));
        """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.consoleMessages.contains { $0.contains("RAW") }, "\(r.consoleMessages)")
        #expect(r.consoleMessages.filter { $0 == "complete" }.count == 2, "\(r.consoleMessages)")
        #expect(r.consoleMessages.contains("fail 1001 setStorage:fail invalid argument: reading key threw Error: boom"), "\(r.consoleMessages)")
        #expect(r.consoleMessages.contains { $0.hasPrefix("rejected 1001 setStorage:fail invalid argument") }, "\(r.consoleMessages)")
        #expect(r.consoleMessages.contains { $0.hasPrefix("sync 1001") }, "\(r.consoleMessages)")
    }

    @Test func hostileArgumentsAreCopiedOnceAndRejectedPrecisely() throws {
        let r = try run("""
        let reads = 0;
        const tricky = { key: 'g', get data() { reads++; return { v: reads } } };
        await mp.setStorage(tricky);
        console.log('getter reads ' + reads + ' stored ' + JSON.stringify(mp.getStorageSync('g')));
        let trapped = 0;
        const proxy = new Proxy({ key: 'p', data: 5 }, { get(t, k) { trapped++; return t[k] } });
        await mp.setStorage(proxy);
        console.log('proxy gets ' + trapped + ' stored ' + mp.getStorageSync('p'));
        const sneaky = { toString() { console.log('toString called'); return 'k' }, valueOf() { console.log('valueOf called'); return 1 } };
        try { await mp.setStorage({ key: sneaky, data: 1 }) } catch (e) { console.log(e.errMsg) }
        try { await mp.setStorage({ key: 42, data: 1 }) } catch (e) { console.log(e.errMsg) }
        const cyc = { a: 1 }; cyc.self = cyc;
        try { await mp.setStorage({ key: 'c', data: cyc }) } catch (e) { console.log(e.errMsg) }
        try { await mp.setStorage({ key: 'big', data: 'x'.repeat(10 * 1024 * 1024) }) } catch (e) { console.log(e.errMsg) }
        let deep = []; for (let i = 0; i < 1000000; i++) deep = [deep];
        try { await mp.setStorage({ key: 'deep', data: deep }) } catch (e) { console.log(e.errMsg) }
        try { await mp.setStorage({ key: 'fn', data: { f() {}, s: Symbol('x'), ok: 1 } }); console.log('fn ' + JSON.stringify(mp.getStorageSync('fn'))) } catch (e) { console.log(e.errMsg) }
        try { await mp.setStorage({ key: 'bi', data: 10n }) } catch (e) { console.log(e.errMsg) }
        const throwing = { key: 't', get data() { throw new Error('boom') } };
        try { await mp.setStorage(throwing) } catch (e) { console.log(e.errMsg) }
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let m = r.consoleMessages
        #expect(m.contains("getter reads 1 stored {\"v\":1}"))
        #expect(m.contains { $0.hasPrefix("proxy gets ") && $0.hasSuffix(" stored 5") })
        #expect(!m.contains("toString called") && !m.contains("valueOf called"))
        #expect(m.contains("setStorage:fail invalid argument: key must be a non-empty string of at most 128 characters (got an object)"))
        #expect(m.contains("setStorage:fail invalid argument: key must be a non-empty string of at most 128 characters (got a number)"))
        #expect(m.contains("setStorage:fail invalid argument: data.self refers back to an object that contains it (a cycle)"))
        #expect(m.contains { $0.hasPrefix("setStorage:fail invalid argument: data is a string of 10485760 characters") })
        #expect(m.contains { $0.hasPrefix("setStorage:fail invalid argument: data") && $0.contains("nested deeper than 64 levels") })
        #expect(m.contains("fn {\"ok\":1}"))
        #expect(m.contains("setStorage:fail invalid argument: data is a BigInt, which cannot cross the bridge"))
        #expect(m.contains("setStorage:fail invalid argument: reading data threw Error: boom"))
    }

    @Test func throwingCallbacksAndReentryKeepTheAppRunning() throws {
        let r = try run("""
        mp.setStorage({ key: 'x', data: 1,
          success() { throw new Error('callback broke') },
          complete() {
            console.log('complete still runs');
            mp.getStorage({ key: 'x', success: (r) => console.log('re-entered ' + r.data) });
          } });
        """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages.contains("onError: Error: callback broke"))
        #expect(r.consoleMessages.contains("complete still runs"))
        #expect(r.consoleMessages.contains("re-entered 1"))
    }

    @Test func storageSurvivesRestartsAndIsPerApp() throws {
        let data = tempDataDir()
        let first = try run("mp.setStorageSync('token', { v: 'secret' }); console.log('saved')", dataDir: data, id: "org.test.one")
        #expect(first.consoleMessages == ["saved"])
        let again = try run("console.log(JSON.stringify(mp.getStorageSync('token')))", dataDir: data, id: "org.test.one")
        #expect(again.consoleMessages == ["{\"v\":\"secret\"}"])
        let other = try run("""
        console.log('other sees [' + mp.getStorageSync('token') + ']');
        const info = mp.getStorageInfoSync(); console.log('keys ' + JSON.stringify(info.keys));
        """, dataDir: data, id: "org.test.two")
        #expect(other.consoleMessages == ["other sees []", "keys []"])
    }

    @Test func storageQuotaComesFromTheManifest() throws {
        let r = try run("""
        const chunk = 'x'.repeat(600 * 1024);
        mp.setStorageSync('a', chunk);
        try { mp.setStorageSync('b', chunk) } catch (e) { console.log(e.errCode + ' ' + e.errMsg) }
        console.log(JSON.stringify(mp.getStorageInfoSync().keys));
        """, manifestExtra: #""limits": {"storage_mb": 1}"#)
        #expect(r.consoleMessages.first?.hasPrefix("1005 setStorageSync:fail") == true)
        #expect(r.consoleMessages.last == "[\"a\"]")
    }

    @Test func undeclaredPermissionsFailWithoutAPrompt() throws {
        let data = tempDataDir()
        let r = try run("""
        try { await mp.authorize({ scope: 'scope.userLocation' }) } catch (e) { console.log(e.errMsg + ' ' + e.errCode) }
        """, args: ["--grant", "location"], dataDir: data)
        #expect(r.consoleMessages == ["authorize:fail permission not declared 1002"])
        let audit = try CLI.run(["audit", "--app", "org.test.bridge", "--json", "--data-dir", data])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("permission not declared"))
    }

    @Test func grantsPersistAndDenialsStick() throws {
        let data = tempDataDir()
        let declared = #""req_permissions": [{"name": "location", "reason": "to find taxis"}], "opt_permissions": [{"name": "payment"}]"#
        let first = try run("""
        const a = await mp.authorize({ scope: 'scope.userLocation' }); console.log(a.errMsg);
        try { await mp.authorize({ scope: 'payment' }) } catch (e) { console.log(e.errMsg) }
        """, manifestExtra: declared, args: ["--grant", "location", "--deny", "payment"], dataDir: data)
        #expect(first.consoleMessages == ["authorize:ok", "authorize:fail auth deny"])
        // A later run with no policy: the grant and the denial are remembered, nobody is asked.
        let second = try run("""
        const s = await mp.getSetting(); console.log(JSON.stringify(s.authSetting));
        const a = await mp.authorize({ scope: 'location' }); console.log(a.errMsg);
        try { await mp.authorize({ scope: 'payment' }) } catch (e) { console.log(e.errMsg) }
        """, manifestExtra: declared, dataDir: data)
        #expect(second.consoleMessages == [
            #"{"location":true,"payment":false,"scope.userLocation":true}"#,
            "authorize:ok", "authorize:fail auth deny",
        ])
        let list = try CLI.run(["permissions", "list", "--app", "org.test.bridge", "--data-dir", data])
        #expect(list.stdout.contains("location") && list.stdout.contains("granted"))
        #expect(try CLI.run(["permissions", "revoke", "location", "--app", "org.test.bridge", "--data-dir", data]).status == 0)
        let third = try run("try { await mp.authorize({ scope: 'location' }) } catch (e) { console.log(e.errMsg) }", manifestExtra: declared, dataDir: data)
        #expect(third.consoleMessages == ["authorize:fail auth deny"])
        #expect(try CLI.run(["permissions", "reset", "--app", "org.test.bridge", "--data-dir", data]).status == 0)
        // Back to "prompt": no terminal and no policy → deny, and the denial is remembered.
        let fourth = try run("try { await mp.authorize({ scope: 'location' }) } catch (e) { console.log(e.errMsg) }", manifestExtra: declared, dataDir: data)
        #expect(fourth.consoleMessages == ["authorize:fail auth deny"])
    }

    @Test func revokeReachesARunningAppOnItsNextCall() throws {
        let data = tempDataDir()
        let app = try TempApp(id: "org.test.live", files: [
            "pages/index/index.js": """
            Page({ check() { mp.authorize({ scope: 'location', success: () => console.log('allowed'), fail: (e) => console.log(e.errMsg) }) } })
            """,
        ], manifestExtra: #""req_permissions": [{"name": "location"}]"#)
        defer { app.remove() }
        let session = try CLISession(["run", app.path, "--dev", "--json", "--grant", "location", "--data-dir", data])
        session.send("call - check")
        #expect(session.waitFor { $0.contains("\"allowed\"") })
        #expect(try CLI.run(["permissions", "revoke", "location", "--app", "org.test.live", "--data-dir", data]).status == 0)
        session.send("call - check")
        #expect(session.waitFor { $0.contains("authorize:fail auth deny") })
        let result = session.finish()
        #expect(result.status == 0)
    }
}
