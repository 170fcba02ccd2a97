import Foundation
import Testing

/// End-to-end: UI feedback without a screen. Each UI call is a `ui` event in `--json` and a line
/// in the human output; `showModal` and `showActionSheet` are answered by the policy's `modal`
/// rule; navigation keeps WeChat's tab bar rules.
@Suite struct UIFeedbackRunTests {
    static let calls = """
    Page({ onPullDownRefresh() { console.log('refresh'); wx.stopPullDownRefresh(); }, async onLoad() {
      wx.showToast({ title: 'Saved', icon: 'none' });
      wx.showLoading({ title: 'Loading' });
      wx.hideLoading();
      wx.setNavigationBarTitle({ title: 'Shop' });
      wx.pageScrollTo({ scrollTop: 200 });
      await wx.startPullDownRefresh();
      try { await wx.showToast({ icon: 'none' }); } catch (e) { console.log(e.errCode + ' ' + e.errMsg); }
    } })
    """

    @Test(arguments: ["process", "in-process"])
    func uiCallsAreEventsInJSON(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.calls])
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        let ui = r.events(type: "ui")
        #expect(ui.map { $0["api"] as? String ?? "?" } == ["showToast", "showLoading", "hideLoading", "setNavigationBarTitle", "pageScrollTo", "startPullDownRefresh", "stopPullDownRefresh"], "\(r.stdout)")
        #expect(ui.allSatisfy { $0["app"] as? String == "org.test.e2e" && $0["args"] is [String: Any] })
        let toast = ui.first?["args"] as? [String: Any]
        #expect(toast?["title"] as? String == "Saved" && toast?["icon"] as? String == "none" && toast?["duration"] as? Double == 1500)
        let line = r.stdout.split(separator: "\n").first { $0.contains(#""api":"showToast""#) }
        #expect(line?.hasPrefix(#"{"type":"ui","app":"org.test.e2e","api":"showToast","args":{"#) == true, "\(r.stdout)")
        // The page's onPullDownRefresh runs in a task of its own, after the calling code went on.
        #expect(r.consoleMessages == ["1001 showToast:fail invalid argument: title must be a string of at most 1024 characters (it is missing)", "refresh"], "\(r.stdout)")
    }

    @Test func uiCallsAreLinesInTheHumanOutput() throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.calls])
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"· ui showToast {"duration":1500,"icon":"none","mask":false,"title":"Saved"}"#), "\(r.stdout)")
        #expect(r.stdout.contains(#"· ui setNavigationBarTitle {"title":"Shop"}"#), "\(r.stdout)")
    }

    static let dialogs = """
    Page({ async onLoad() {
      const m = await wx.showModal({ title: 'Delete?', content: 'The item goes' });
      console.log('modal ' + m.confirm + ' ' + m.cancel);
      const e = await wx.showModal({ title: 'Name', editable: true, content: 'draft' });
      console.log('edited ' + e.confirm + ' ' + e.content);
      try {
        const s = await wx.showActionSheet({ itemList: ['Share', 'Delete'] });
        console.log('tapped ' + s.tapIndex);
      } catch (err) { console.log(err.errMsg + ' ' + err.errCode); }
    } })
    """

    @Test(arguments: ["process", "in-process"])
    func dialogsAreAnsweredByThePolicy(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.dialogs])
        defer { app.remove() }
        let policy = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-policy-\(UUID().uuidString).json")
        try Data(#"{"modal": "confirm"}"#.utf8).write(to: policy)
        defer { try? FileManager.default.removeItem(at: policy) }
        let confirmed = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--policy", policy.path, "--data-dir", tempDataDir()], stdin: "")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.consoleMessages == ["modal true false", "edited true draft", "tapped 0"], "\(confirmed.stdout)")
        #expect(confirmed.events(type: "ui").map { $0["api"] as? String ?? "?" } == ["showModal", "showModal", "showActionSheet"])
        let cancelled = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--deny", "modal", "--data-dir", tempDataDir()], stdin: "")
        #expect(cancelled.consoleMessages == ["modal false true", "edited false ", "showActionSheet:fail cancel 1004"], "\(cancelled.stdout)")
    }

    /// A WeChat project with a tab bar (home, cart) and two other pages.
    static func shop(home: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-wx-\(UUID().uuidString)")
        var files: [String: String] = [
            "project.config.json": #"{"miniprogramRoot": "mp/", "appid": "wx0123456789abcdef", "projectname": "shop", "compileType": "miniprogram"}"#,
            "mp/app.json": """
            {"pages": ["pages/home/home", "pages/cart/cart", "pages/detail/detail", "pages/other/other"],
             "tabBar": {"list": [{"pagePath": "pages/home/home", "text": "Home"}, {"pagePath": "pages/cart/cart", "text": "Cart"}]}}
            """,
            "mp/app.js": "App({})",
            "mp/pages/home/home.js": home,
        ]
        for page in ["cart", "detail", "other"] { files["mp/pages/\(page)/\(page).js"] = "Page({})" }
        try writeFiles(files, under: root)
        return root
    }

    @Test(arguments: ["process", "in-process"])
    func navigationKeepsWeChatsTabBarRules(isolation: String) throws {
        let root = try Self.shop(home: """
        const routes = () => getCurrentPages().map((p) => p.route).join(',');
        const err = (e) => e.errCode + ' ' + e.errMsg;
        Page({ async onReady() {
          if (this.done) return;
          this.done = true;
          await wx.navigateTo({ url: '/pages/detail/detail' });
          await wx.navigateTo({ url: '/pages/other/other' });
          console.log(routes());
          await wx.navigateTo({ url: '/pages/cart/cart' }).catch((e) => console.log(err(e)));
          await wx.redirectTo({ url: '/pages/cart/cart' }).catch((e) => console.log(err(e)));
          await wx.switchTab({ url: '/pages/detail/detail' }).catch((e) => console.log(err(e)));
          await wx.switchTab({ url: '/pages/cart/cart' });
          console.log(routes());
          await wx.switchTab({ url: '/pages/home/home' });
          console.log(routes());
          await wx.setTabBarBadge({ index: 1, text: '3' });
          await wx.setTabBarBadge({ index: 2, text: '3' }).catch((e) => console.log(err(e)));
          await wx.reLaunch({ url: '/pages/detail/detail' });
          console.log(routes());
          for (let i = 0; i < 9; i++) await wx.navigateTo({ url: '/pages/other/other' });
          await wx.navigateTo({ url: '/pages/other/other' }).catch((e) => console.log(err(e)));
        } })
        """)
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLI.run(["run", root.path, "--json", "--isolation", isolation, "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            "pages/home/home,pages/detail/detail,pages/other/other",
            "1001 navigateTo:fail can not navigateTo a tabbar page",
            "1001 redirectTo:fail can not redirectTo a tabbar page",
            "1001 switchTab:fail can not switch to no-tabBar page",
            "pages/cart/cart",
            "pages/home/home",
            "1001 setTabBarBadge:fail invalid argument: index must name a tab from 0 to 1 (tabBar.list has 2 items; got 2)",
            "pages/detail/detail",
            "1005 navigateTo:fail webview count limit exceed (at most 10 pages)",
        ], "\(r.stdout)")
        // The tab page left is hidden and kept, not unloaded; the pages above it are unloaded.
        let hooks = r.hooks
        #expect(hooks.filter { $0 == "pages/home/home.onLoad" }.count == 1, "\(hooks)")
        #expect(hooks.contains("pages/cart/cart.onHide"), "\(hooks)")
        #expect(hooks.filter { $0 == "pages/cart/cart.onUnload" }.count == 1, "\(hooks)")
        let ui = r.events(type: "ui").map { ($0["api"] as? String ?? "?") + " " + ((($0["args"] as? [String: Any])?["url"] as? String) ?? (($0["args"] as? [String: Any])?["text"] as? String) ?? "") }
        #expect(ui == ["switchTab /pages/cart/cart", "switchTab /pages/home/home", "setTabBarBadge 3", "reLaunch /pages/detail/detail"], "\(r.stdout)")
    }

    @Test func aTabBarPageMustBeAPageOfTheApp() throws {
        let root = try Self.shop(home: "Page({})")
        defer { try? FileManager.default.removeItem(at: root) }
        let appJSON = root.appendingPathComponent("mp/app.json")
        try Data(#"{"pages": ["pages/home/home"], "tabBar": {"list": [{"pagePath": "pages/home/home"}, {"pagePath": "pages/none/none"}]}}"#.utf8).write(to: appJSON)
        let r = try CLI.run(["validate", root.path])
        #expect(r.status != 0)
        #expect((r.stdout + r.stderr).contains("tabBar.list[1].pagePath"), "\(r.stdout)\(r.stderr)")
    }

    @Test func aTestAnswersDialogsThroughNextPrompt() throws {
        let app = try TempApp(files: [
            "pages/index/index.js": """
            Page({
              ask() { return wx.showModal({ title: 'Delete?', content: 'The item goes' }); },
              name() { return wx.showModal({ title: 'Name', editable: true }); },
              act() { return wx.showActionSheet({ itemList: ['Share', 'Delete'], alertText: 'Item' }).catch((e) => e.errMsg); },
            })
            """,
            "tests/dialogs.test.js": """
            it('answers a modal and an action sheet', async () => {
              const app = await minihost.launch();
              const page = await app.currentPage();
              let result = page.call('ask');
              let prompt = await app.nextPrompt();
              expect(prompt).toMatchObject({ type: 'modal', title: 'Delete?', content: 'The item goes', showCancel: true });
              prompt.confirm();
              expect(await result).toMatchObject({ confirm: true, cancel: false });
              result = page.call('name');
              (await app.nextPrompt()).confirm('Ada');
              expect((await result).content).toBe('Ada');
              result = page.call('act');
              prompt = await app.nextPrompt();
              expect(prompt).toMatchObject({ type: 'actionSheet', options: ['Share', 'Delete'] });
              prompt.choose(1);
              expect((await result).tapIndex).toBe(1);
              result = page.call('act');
              (await app.nextPrompt()).cancel();
              expect(await result).toBe('showActionSheet:fail cancel');
              expect(app.calls('showModal').length).toBe(2);
            });
            """,
        ])
        defer { app.remove() }
        for isolation in ["process", "in-process"] {
            let r = try CLI.run(["test", app.path, "--isolation", isolation], timeout: 120)
            #expect(r.status == 0, "\(isolation):\n\(r.stdout)\n\(r.stderr)")
            #expect(r.stdout.contains("1 passed, 0 failed"), "\(r.stdout)")
        }
    }
}
