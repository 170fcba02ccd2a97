import Foundation
import Testing

/// End-to-end: WeChat's names MiniHost does not implement fail with 1008 through the real CLI, in
/// both isolation modes; `minihost test` mocks and records them; the runtime's own members.
@Suite struct WeChatNamesTests {
    static let page = """
    Page({
      async onLoad() {
        wx.addCard({ fail: (e) => console.log('callback ' + e.errMsg + ' ' + e.errCode), complete: () => console.log('complete') });
        await wx.chooseInvoice({}).catch((e) => console.log('promise ' + e.errMsg + ' ' + e.errCode));
        try { wx.getExptInfoSync(); } catch (e) { console.log('sync ' + e.errMsg + ' ' + e.errCode); }
        const audio = wx.createInnerAudioContext();
        audio.onPlay(() => console.log('never'));
        audio.play();
        const udp = wx.createUDPSocket();
        udp.onMessage(() => console.log('never'));
        udp.send({ address: '127.0.0.1', port: 9, message: 'x', fail: (e) => console.log('udp ' + e.errMsg + ' ' + e.errCode) });
        wx.onAccelerometerChange(() => console.log('never'));
        wx.cloud.callFunction({ name: 'f' }).catch((e) => console.log('cloud ' + e.errMsg));
        console.log('canIUse ' + [wx.canIUse('addCard'), wx.canIUse('getStorageSync'), wx.canIUse('getLaunchOptionsSync'),
          wx.canIUse('button.open-type.contact'), wx.canIUse('getStorage.success.data')].join(' '));
        const account = wx.getAccountInfoSync().miniProgram;
        console.log([account.appId, account.envVersion, account.version, wx.env.USER_DATA_PATH, wx.getLaunchOptionsSync().path].join(' '));
      },
      tap() { wx.createVideoContext('v', this).play(); wx.getBackgroundFetchData({ fail: (e) => console.log('tap ' + e.errMsg) }); },
    })
    """

    @Test(arguments: ["process", "in-process"])
    func unsupportedNamesFailWith1008AndNeverThrowAtTheApp(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.page], manifestExtra: #""version": {"code": 7, "name": "3.1.4"}"#)
        defer { app.remove() }
        let script = app.root.appendingPathComponent("demo.minihost")
        try Data("wait 50\ncall - tap\nwait 50\n".utf8).write(to: script)
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--script", script.path, "--data-dir", tempDataDir()])
        #expect(r.status == 0, "\(r.stderr)")
        let messages = r.consoleMessages
        for line in [
            "callback addCard:fail not supported by MiniHost 1008", "complete",
            "promise chooseInvoice:fail not supported by MiniHost 1008",
            "sync getExptInfoSync:fail not supported by MiniHost 1008",
            "udp UDPSocket.send:fail not supported by MiniHost 1008",
            "cloud cloud.callFunction:fail not supported by MiniHost",
            "canIUse false true true false true",
            "org.test.e2e develop 3.1.4 wxfile://usr pages/index/index",
            "InnerAudioContext.play: not supported by MiniHost (errCode 1008)",
            "createInnerAudioContext:fail not supported by MiniHost (errCode 1008); its InnerAudioContext does nothing",
            "onAccelerometerChange:fail not supported by MiniHost (errCode 1008); its listeners are never called",
            "VideoContext.play: not supported by MiniHost (errCode 1008)",
            "tap getBackgroundFetchData:fail not supported by MiniHost",
        ] {
            #expect(messages.contains(line), "missing \(line) in \(messages)")
        }
        #expect(!messages.contains("never"))
        #expect(r.events(type: "error").isEmpty, "\(r.stdout)")
    }

    /// `app.mock` answers `request` in the host's place and `app.calls` records it; unmocked, the
    /// host refuses the undeclared domain (1003); an unsupported sync name is mocked too. The members the runtime implements are mocked and
    /// recorded too (unmocked, the runtime answers them).
    @Test(arguments: ["process", "in-process"])
    func aTestMocksRequestAndAssertsOnItsCalls(isolation: String) throws {
        let app = try TempApp(id: "org.test.shop", pages: ["pages/index/index", "pages/two/two"], files: [
            "pages/index/index.js": """
            Page({
              load() {
                return new Promise((resolve) => wx.request({ url: 'https://shop.test/items', method: 'GET',
                  success: (r) => resolve({ ok: r.errMsg, status: r.statusCode, items: r.data.items }),
                  fail: (e) => resolve({ failed: e.errMsg, code: e.errCode }) }));
              },
              battery() { try { return wx.getExptInfoSync(); } catch (e) { return { failed: e.errMsg, code: e.errCode }; } },
              can() { return [wx.canIUse('request'), wx.canIUse('nextTick')]; },
              scene() { return wx.getLaunchOptionsSync().scene; },
              go() { return new Promise((resolve) => wx.navigateTo({ url: '/pages/two/two?a=1', success: (r) => resolve(r.errMsg), fail: (e) => resolve(e.errMsg) })); },
            })
            """,
            "tests/shop.test.js": """
            describe('shop', () => {
              it('mocks request and records its calls', async () => {
                const app = await minihost.launch();
                const page = await app.currentPage();
                app.mock('request', (args) => ({ statusCode: 200, data: { items: [args.url.length] } }));
                expect(await page.call('load')).toEqual({ ok: 'request:ok', status: 200, items: [23] });
                app.restore('request');
                expect(await page.call('load')).toMatchObject({ code: 1003 });  // shop.test is not a declared domain
                const calls = app.calls('request');
                expect(calls.length).toBe(2);
                expect(calls[0]).toMatchObject({ api: 'request', args: { url: 'https://shop.test/items', method: 'GET' }, mocked: true });
                expect(calls[1]).toMatchObject({ mocked: false, error: { errCode: 1003 } });
              });
              it('mocks a sync name and records it', async () => {
                const app = await minihost.launch();
                const page = await app.currentPage();
                expect(await page.call('battery')).toEqual({ failed: 'getExptInfoSync:fail not supported by MiniHost', code: 1008 });
                app.mock('getExptInfoSync', { level: 80, isCharging: true });
                expect(await page.call('battery')).toEqual({ level: 80, isCharging: true });
                expect(app.calls('getExptInfoSync').map((c) => c.mocked)).toEqual([false, true]);
                expect(await page.call('can')).toEqual([true, true]);
              });
              it('mocks and records the members the runtime implements', async () => {
                const app = await minihost.launch();
                const page = await app.currentPage();
                expect(await page.call('scene')).toBe('launch');
                app.mock('getLaunchOptionsSync', { path: 'pages/index/index', scene: 1011, query: {}, referrerInfo: {} });
                expect(await page.call('scene')).toBe(1011);
                expect(await page.call('go')).toBe('navigateTo:ok');
                await app.idle();
                expect((await app.pageStack()).map((p) => p.route)).toEqual(['pages/index/index', 'pages/two/two']);
                app.mock('navigateTo', (args) => { throw { errCode: 1005, errMsg: 'mocked limit ' + args.url }; });
                expect(await page.call('go')).toBe('navigateTo:fail mocked limit /pages/two/two?a=1');
                expect(app.calls('getLaunchOptionsSync').map((c) => [c.mocked, c.runtime === true])).toEqual([[false, true], [true, false]]);
                expect(app.calls('navigateTo').map((c) => [c.mocked, c.args.url])).toEqual([[false, '/pages/two/two?a=1'], [true, '/pages/two/two?a=1']]);
                expect(() => app.mock('teleport', {})).toThrow('no such API');
              });
            });
            """,
        ])
        defer { app.remove() }
        let r = try CLI.run(["test", app.path, "--isolation", isolation], timeout: 120)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("3 passed, 0 failed"), "\(r.stdout)")
    }
}

/// The console's `api <name> [json]`: any member of `wx`, called as the app would, in both modes.
@Suite struct ConsoleAPITests {
    @Test(arguments: ["process", "in-process"])
    func theConsoleCallsAnyAPIAsTheApp(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": "Page({})"], manifestExtra: #""version": {"code": 1, "name": "0.9.0"}"#)
        defer { app.remove() }
        let script = app.root.appendingPathComponent("api.minihost")
        try Data("""
        api setStorageSync ["k", {"n": 1}]
        api getStorage {"key": "k"}
        api addCard {"cardList": []}
        api getExptInfoSync
        api getAccountInfoSync
        api canIUse ["addCard"]
        api teleport

        """.utf8).write(to: script)
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--script", script.path, "--data-dir", tempDataDir()])
        #expect(r.status == 0, "\(r.stderr)")
        let replies = r.events(type: "reply").compactMap { $0["data"] as? [String: Any] }
        let lines = replies.map { d -> String in
            let body = (d["ok"] as? Bool == true) ? d["result"] : d["error"]
            let text = body.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
            return "\(d["api"] ?? "?") \(d["ok"] ?? "?") " + (text.map { String(decoding: $0, as: UTF8.self) } ?? "null")
        }
        #expect(lines == [
            "setStorageSync 1 {}",
            #"getStorage 1 {"data":{"n":1},"errMsg":"getStorage:ok"}"#,
            #"addCard 0 {"errCode":1008,"errMsg":"addCard:fail not supported by MiniHost"}"#,
            #"getExptInfoSync 0 {"errCode":1008,"errMsg":"getExptInfoSync:fail not supported by MiniHost"}"#,
            #"getAccountInfoSync 1 {"miniProgram":{"appId":"org.test.e2e","envVersion":"develop","version":"0.9.0"}}"#,
            "canIUse 1 false",
        ], "\(r.stdout)")
        #expect(r.events(type: "error").contains { ($0["message"] as? String) == #"api: wx has no function "teleport""# }, "\(r.stdout)")
    }
}
