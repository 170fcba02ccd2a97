import Foundation
import Testing

/// End-to-end: the account and everyday device APIs through the real CLI, answered by the world
/// file (its user, clipboard, scans and album) and by the consent policy.
@Suite struct AccountRunTests {
    static let page = """
    Page({ async onLoad() {
      const L = (s) => console.log(s);
      try { await wx.checkSession(); L('session before'); } catch (e) { L('no session ' + e.errCode); }
      const { code } = await wx.login();
      L('code ' + code.length);
      L((await wx.checkSession()).errMsg);
      try {
        const p = await wx.getUserProfile({ desc: 'show your name' });
        L('profile ' + p.userInfo.nickName + ' ' + p.userInfo.gender + ' ' + (JSON.parse(p.rawData).city) + ' ' + p.signature.length);
      } catch (e) { L(e.errMsg + ' ' + e.errCode); }
      try { L('clipboard ' + (await wx.getClipboardData()).data); } catch (e) { L(e.errMsg + ' ' + e.errCode); }
      await wx.setClipboardData({ data: 'copied text' });
      try { L('clipboard ' + (await wx.getClipboardData()).data); } catch (e) { L(e.errMsg + ' ' + e.errCode); }
      const s = await wx.scanCode({ scanType: ['qrCode'] });
      L('scan ' + s.result + ' ' + s.scanType + ' ' + s.path);
      try { await wx.scanCode({}); } catch (e) { L(e.errMsg + ' ' + e.errCode); }
      const img = await wx.chooseImage({ count: 1 });
      L('image ' + img.tempFilePaths[0].startsWith('wxfile://tmp/') + ' ' + img.tempFiles[0].size);
      const media = await wx.chooseMedia({ mediaType: ['video'] });
      L('media ' + media.type + ' ' + media.tempFiles[0].size + ' ' + media.tempFiles[0].duration);
      wx.previewImage({ urls: img.tempFilePaths });
      wx.makePhoneCall({ phoneNumber: '10086' });
      wx.vibrateShort({ type: 'light' });
      wx.reportAnalytics('purchase', { price: 12 });
      wx.setStorageSync('cart', 'x'.repeat(3000));
      const info = wx.getStorageInfoSync();
      L('storage ' + info.keys.join(',') + ' ' + info.currentSize + ' ' + info.limitSize);
      L((await wx.setEnableDebug({ enableDebug: true })).errMsg);
      wx.getLogManager().info('from the log manager', 1);
      wx.getRealtimeLogManager().warn('realtime');
    } })
    """

    static func app() throws -> TempApp {
        let app = try TempApp(files: ["pages/index/index.js": Self.page])
        try Data(repeating: 9, count: 4096).write(to: app.root.appendingPathComponent("cat.jpg"))
        try app.write("world.json", """
        {"user": {"name": "Mei", "gender": 2, "city": "Hangzhou"}, "clipboard": "from the world",
         "scans": [{"result": "https://shop.example/7", "path": "pages/item/item?id=7"}],
         "media": [{"path": "cat.jpg"}, {"type": "video", "data_base64": "AAECAw==", "duration": 3}]}
        """)
        return app
    }

    @Test(arguments: ["process", "in-process"])
    func theWorldAnswersAndTheUserConsents(isolation: String) throws {
        let app = try Self.app()
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--world", app.path + "/world.json",
                             "--grant", "userInfo", "--grant", "clipboard.read", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            "no session 1007", "code 32", "checkSession:ok", "profile Mei 2 Hangzhou 40",
            "clipboard from the world", "clipboard copied text",
            "scan https://shop.example/7 QR_CODE pages/item/item?id=7", "scanCode:fail cancel 1004",
            "image true 4096", "media video 4 3",
            "storage cart 3 10240", "setEnableDebug:ok",
            "[LogManager] from the log manager 1", "[RealtimeLogManager] realtime",
        ], "\(r.stdout)")
        let ui = r.events(type: "ui")
        #expect(ui.map { $0["api"] as? String ?? "?" } == ["showToast", "previewImage", "makePhoneCall", "vibrateShort", "reportAnalytics"], "\(r.stdout)")
        let analytics = ui.last?["args"] as? [String: Any]
        #expect(analytics?["eventName"] as? String == "purchase" && (analytics?["data"] as? [String: Any])?["price"] as? Double == 12)
        #expect((ui.first?["args"] as? [String: Any])?["title"] as? String == "内容已复制")
    }

    @Test(arguments: ["process", "in-process"])
    func aPolicyThatDeniesKeepsTheProfileAndTheClipboard(isolation: String) throws {
        let app = try Self.app()
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--world", app.path + "/world.json",
                             "--deny", "scope.userInfo", "--deny", "clipboard.read", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Array(r.consoleMessages.prefix(6)) == [
            "no session 1007", "code 32", "checkSession:ok", "getUserProfile:fail auth deny 1003",
            "getClipboardData:fail auth deny 1003", "getClipboardData:fail auth deny 1003",
        ], "\(r.stdout)")
    }
}

/// `minihost test`: the world's backend exchanges the app's login code; the device's clipboard
/// and calls are readable; an inline world's album is relative to the test file.
@Suite struct AccountDevTestTests {
    static let page = """
    Page({
      async signIn() { return (await wx.login()).code; },
      async copyAndCall() { await wx.setClipboardData({ data: 'order 7' }); await wx.makePhoneCall({ phoneNumber: '10086' }); },
      async pick() { const r = await wx.chooseImage({ count: 1 }); return r.tempFiles[0].size; },
      async profile() { return (await wx.getUserProfile({ desc: 'greet you' })).userInfo.nickName; },
    })
    """
    static let tests = """
    it('the backend exchanges a login code once', async () => {
      const app = await minihost.launch({ world: { user: { openid: 'oTest' } } });
      const page = await app.currentPage();
      const code = await page.call('signIn');
      expect(app.world.account.code2Session(code)).toMatchObject({ openid: 'oTest' });
      expect(app.world.account.code2Session(code)).toEqual({ errcode: 40163, errmsg: 'code been used' });
      expect(app.world.account.code2Session('nope').errcode).toBe(40029);
    });
    it('the clipboard and phone calls are the world s', async () => {
      const app = await minihost.launch();
      await (await app.currentPage()).call('copyAndCall');
      expect(app.world.device.clipboard()).toBe('order 7');
      expect(app.world.device.phoneCalls()).toEqual(['10086']);
      expect(app.calls('setClipboardData').length).toBe(1);
    });
    it('the album of an inline world is found next to the test', async () => {
      const app = await minihost.launch({ world: { media: [{ path: 'photo.jpg' }] } });
      expect(await (await app.currentPage()).call('pick')).toBe(5);
    });
    it('the profile waits for consent', async () => {
      const app = await minihost.launch({ world: { user: { name: 'Mei' } } });
      const page = await app.currentPage();
      const pending = page.call('profile');
      const prompt = await app.nextPrompt();
      expect(prompt.permission).toBe('userInfo');
      prompt.allow();
      expect(await pending).toBe('Mei');
    });
    """

    @Test(arguments: ["process", "in-process"])
    func theWorldAnswersTheDriver(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.page, "tests/account.test.js": Self.tests, "tests/photo.jpg": "12345"])
        defer { app.remove() }
        let r = try CLI.run(["test", app.path, "--isolation", isolation], timeout: 120)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("4 passed, 0 failed"), "\(r.stdout)")
    }
}
