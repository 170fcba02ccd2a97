import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct LifecycleTests {
    @Test func launchRunsHooksInWeChatOrder() throws {
        let log = try runApp([
            "app.js": """
            App({
              onLaunch(o) { console.log('app onLaunch ' + o.path + ' ' + JSON.stringify(o.query) + ' ' + o.scene) },
              onShow(o) { console.log('app onShow ' + o.path) },
            })
            """,
            "pages/index/index.js": tracingPage("index"),
        ], query: ["a": "1", "b": "x y"])
        #expect(log.hooks == ["app.onLaunch", "app.onShow", "pages/index/index.onLoad", "pages/index/index.onShow", "pages/index/index.onReady"])
        #expect(log.console.count == 5)
        #expect(log.console.first?.hasPrefix("app onLaunch pages/index/index {") == true)
        #expect(log.console.first?.hasSuffix("} launch") == true)
        #expect(log.console.first.map { sameJSON(String($0.dropFirst(30).dropLast(7)), #"{"a":"1","b":"x y"}"#) } == true)
        #expect(log.console[1] == "app onShow pages/index/index")
        #expect(sameJSON(String(log.console[2].dropFirst("index onLoad ".count)), #"{"a":"1","b":"x y"}"#))
        #expect(Array(log.console.suffix(2)) == ["index onShow", "index onReady"])
        #expect(log.errors.isEmpty)
    }

    @Test func launchDetailCarriesOptionsAndQuery() throws {
        let log = try runApp(["pages/index/index.js": "Page({})"], query: ["k": "v"])
        let details = log.events.compactMap { e -> (String, String?)? in
            if case let .lifecycle(_, hook, _, detail) = e { return (hook, detail) } else { return nil }
        }
        let onLaunch = try #require(details.first { $0.0 == "onLaunch" }?.1)
        #expect(sameJSON(onLaunch, #"{"path":"pages/index/index","query":{"k":"v"},"scene":"launch","referrerInfo":{}}"#))
        let onLoad = try #require(details.first { $0.0 == "onLoad" }?.1)
        #expect(sameJSON(onLoad, #"{"k":"v"}"#))
    }

    @Test func extraLaunchOptionsReachOnLaunchAndOnShow() throws {
        let (ok, log) = try launchResult([
            "app.js": "App({ onLaunch(o) { console.log('launch ' + o.scene + ' ' + o.conversationId + ' ' + o.query.k) }, onShow(o) { console.log('show ' + o.scene) } })",
        ], options: LaunchOptions(query: ["k": "v"], extraJSON: #"{"scene":"chat","conversationId":"c1"}"#))
        #expect(ok)
        #expect(log.console == ["launch chat c1 v", "show chat"])
    }

    @Test func hideThenShowCallsPageAndAppHooksInOrder() throws {
        let log = try runApp([
            "app.js": "App({ onHide() { console.log('app onHide') }, onShow() { console.log('app onShow') } })",
            "pages/index/index.js": tracingPage("index"),
        ], commands: [.hide, .hide, .show, .show])
        // A second hide (or show) in a row changes nothing.
        #expect(log.hooks == [
            "app.onLaunch", "app.onShow", "pages/index/index.onLoad", "pages/index/index.onShow", "pages/index/index.onReady",
            "pages/index/index.onHide", "app.onHide",
            "app.onShow", "pages/index/index.onShow",
        ])
        #expect(Array(log.console.suffix(4)) == ["index onHide", "app onHide", "app onShow", "index onShow"])
    }

    @Test func getAppReturnsTheAppObjectWithGlobalData() throws {
        let log = try runApp([
            "app.js": "App({ globalData: { user: 'ann', n: 1 }, hello() { return 'hi ' + this.globalData.user } })",
            "pages/index/index.js": """
            const app = getApp();
            Page({ onLoad() {
              console.log('same ' + (app === getApp()));
              console.log('data ' + JSON.stringify(getApp().globalData));
              console.log('method ' + getApp().hello());
              getApp().globalData.n += 1;
              console.log('n ' + app.globalData.n);
            } })
            """,
        ])
        #expect(log.console == ["same true", "data {\"user\":\"ann\",\"n\":1}", "method hi ann", "n 2"])
    }

    @Test func appWithoutGlobalDataGetsAnEmptyOne() throws {
        let log = try runApp([
            "app.js": "App({})",
            "pages/index/index.js": "Page({ onLoad() { console.log(JSON.stringify(getApp().globalData)) } })",
        ])
        #expect(log.console == ["{}"])
    }

    @Test func getAppAllowDefaultGivesAnAppThatAppTakesOver() throws {
        let log = try runApp(["app.js": """
            const d = getApp({ allowDefault: true });
            d.globalData.early = 1;
            d.helper = function () { return 'h' };
            console.log('plain ' + typeof getApp() + ' ' + (getApp({ allowDefault: true }) === d));
            App({ globalData: { mine: 2 } });
            console.log('after ' + JSON.stringify(getApp().globalData) + ' ' + getApp().helper() + ' ' + (getApp({ allowDefault: true }) === getApp()));
            """])
        #expect(log.console == ["plain undefined true", #"after {"mine":2,"early":1} h true"#])
    }

    @Test func withoutAppTheDefaultAppIsTheApp() throws {
        let log = try runApp([
            "app.js": "getApp({ allowDefault: true }).globalData.x = 1",
            "pages/index/index.js": "Page({ onLoad() { console.log('x ' + getApp().globalData.x) } })",
        ])
        #expect(log.console == ["app.js did not call App(); running with an empty App", "x 1"])
    }

    @Test func appMayBeRegisteredOnlyOnce() throws {
        let log = try runApp([
            "app.js": "App({ onLaunch() {} }); try { App({}) } catch (e) { console.log('second ' + e.message) }",
        ])
        #expect(log.logged("second ").count == 1)
        #expect(log.hooks.first == "app.onLaunch")
    }

    @Test func pageCallOutsideAPageModuleThrows() throws {
        let log = try runApp([
            "app.js": "try { Page({}) } catch (e) { console.log('page ' + e.message) } App({})",
        ])
        #expect(log.logged("page ").count == 1)
    }

    @Test func getCurrentPagesListsTheStackBottomToTop() throws {
        let log = try runApp([
            "pages/a/a.js": "Page({ onReady() { mp.navigateTo({ url: '/pages/b/b?x=1&y=two' }) } })",
            "pages/b/b.js": """
            Page({ onLoad(q) {
              const pages = getCurrentPages();
              console.log('routes ' + pages.map(p => p.route).join(','));
              console.log('top ' + (pages[pages.length - 1] === this));
              console.log('route ' + this.route + ' options ' + JSON.stringify(this.options) + ' ' + (this.__route__ === this.route));
              console.log('query is options ' + (JSON.stringify(q) === JSON.stringify(this.options)));
              pages.pop();
              console.log('copy ' + getCurrentPages().length);
            } })
            """,
        ], pages: ["pages/a/a", "pages/b/b"])
        #expect(log.console == [
            "routes pages/a/a,pages/b/b",
            "top true",
            "route pages/b/b options {\"x\":\"1\",\"y\":\"two\"} true",
            "query is options true",
            "copy 2",
        ])
    }

    @Test func pageInstancesGetTheirOwnDataAndOptions() throws {
        let log = try runApp([
            "pages/index/index.js": """
            Page({
              data: { list: [1], nested: { n: 0 } },
              config: { k: 1 },
              onLoad() { if (getCurrentPages().length === 1) { this.data.list.push(2); this.data.nested.n = 5; this.config.k = 2; } },
              onReady() { if (getCurrentPages().length === 1) mp.navigateTo({ url: 'index' }); else console.log(JSON.stringify(this.data) + ' ' + this.config.k) },
            })
            """,
        ])
        // The second instance starts from the definition's data, not the first instance's.
        #expect(log.console == ["{\"list\":[1],\"nested\":{\"n\":0}} 1"])
        #expect(log.errors.isEmpty)
    }

    @Test func callPageCallsAMethodWithAJSONArgumentOnThePage() throws {
        let log = try runApp([
            "pages/index/index.js": """
            Page({
              data: { n: 1 },
              tap(e) { console.log('tap ' + (this === getCurrentPages()[0]) + ' ' + e.n + ' ' + e.s + ' ' + this.data.n + ' ' + this.route) },
              methods: { fromMethods(e) { console.log('methods ' + JSON.stringify(e) + ' ' + (this === getCurrentPages()[0])) } },
              noArg() { console.log('noArg ' + arguments.length) },
            })
            """,
        ], commands: [
            .callPage(route: nil, method: "tap", argumentJSON: #"{"n":3,"s":"x"}"#),
            .callPage(route: "pages/index/index", method: "fromMethods", argumentJSON: "[1,2]"),
            .callPage(route: nil, method: "noArg", argumentJSON: nil),
        ])
        #expect(log.console == ["tap true 3 x 1 pages/index/index", "methods [1,2] true", "noArg 0"])
        #expect(log.errors.isEmpty)
    }

    @Test func callPageReportsUnknownMethodsPagesAndBadJSON() throws {
        let log = try runApp([
            "pages/index/index.js": "Page({ data: { x: 1 } })",
        ], commands: [
            .callPage(route: nil, method: "nope", argumentJSON: nil),
            .callPage(route: nil, method: "data", argumentJSON: nil),
            .callPage(route: nil, method: "toString", argumentJSON: nil),
            .callPage(route: nil, method: "constructor", argumentJSON: nil),
            .callPage(route: "pages/other/other", method: "tap", argumentJSON: nil),
            .callPage(route: nil, method: "tap", argumentJSON: "{not json"),
        ])
        let messages = log.errors(kind: "host").map(\.message)
        #expect(messages.count == 6)
        #expect(messages[0].contains("nope"))
        #expect(messages[1].contains("data"))
        // Only the page's own methods, not what every object inherits.
        #expect(messages[2].contains("toString"))
        #expect(messages[3].contains("constructor"))
        #expect(messages[4].contains("pages/other/other"))
        #expect(messages[5].contains("not valid JSON"))
    }

    @Test func callPageTargetsAPageBelowTheTopByRoute() throws {
        let log = try runApp([
            "pages/a/a.js": "Page({ onReady() { mp.navigateTo({ url: '/pages/b/b' }) }, who() { console.log('a ' + this.route) } })",
            "pages/b/b.js": "Page({ who() { console.log('b ' + this.route) } })",
        ], pages: ["pages/a/a", "pages/b/b"], commands: [
            .callPage(route: nil, method: "who", argumentJSON: nil),
            .callPage(route: "pages/a/a", method: "who", argumentJSON: nil),
        ])
        #expect(log.console == ["b pages/b/b", "a pages/a/a"])
    }

    @Test func pageDataRepliesWithRouteAndData() throws {
        let log = try runApp([
            "pages/index/index.js": "Page({ data: { n: 1, list: ['a'] }, onReady() { this.setData({ n: 2, 'list[1]': 'b' }) } })",
        ], commands: [.pageData(route: nil), .pageData(route: "pages/index/index"), .pageData(route: "pages/nope/nope")])
        let replies = log.replies
        #expect(replies.count == 2)
        for r in replies {
            #expect(r.command == "data")
            #expect(sameJSON(r.data, #"{"route":"pages/index/index","data":{"n":2,"list":["a","b"]}}"#))
        }
        #expect(log.errors(kind: "host").count == 1)
    }

    @Test func hostNavigateToAnUnknownPageCallsOnPageNotFound() throws {
        let log = try runApp([
            "app.js": "App({ onPageNotFound(res) { console.log('notFound ' + res.path + ' ' + res.query.x + ' ' + res.isEntryPage) } })",
            "pages/index/index.js": "Page({})",
        ], commands: [.navigate(url: "pages/missing/missing?x=1")])
        #expect(log.console == ["notFound pages/missing/missing 1 false"])
        #expect(log.hooks.last == "app.onPageNotFound")
        #expect(log.errors.isEmpty)
    }

    @Test func hostNavigateToAnUnknownPageWithoutHandlerIsAnError() throws {
        let log = try runApp(["pages/index/index.js": "Page({})"], commands: [.navigate(url: "pages/missing/missing")])
        let errors = log.errors(kind: "host")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("pages/missing/missing") == true)
    }

    @Test func hostNavigateResolvesFromThePackageRoot() throws {
        // The host names pages by route; that must not be resolved relative to the top page.
        let log = try runApp([
            "pages/index/index.js": tracingPage("index"),
            "pages/b/b.js": tracingPage("b"),
        ], pages: ["pages/index/index", "pages/b/b"], commands: [.navigate(url: "pages/b/b?k=v"), .back, .navigate(url: "/pages/b/b")])
        #expect(log.errors.isEmpty)
        #expect(Array(log.console.dropFirst(3)) == [
            "index onHide", "b onLoad {\"k\":\"v\"}", "b onShow", "b onReady",
            "b onUnload", "index onShow",
            "index onHide", "b onLoad {}", "b onShow", "b onReady",
        ])
    }

    @Test func hostBackAtTheFirstPageIsAnError() throws {
        let log = try runApp(["pages/index/index.js": "Page({})"], commands: [.back])
        #expect(log.errors(kind: "host").first?.message.contains("first page") == true)
    }

    @Test func appWithoutAppCallStillRunsWithAWarning() throws {
        let log = try runApp(["app.js": "// no App()", "pages/index/index.js": "Page({ onLoad() { console.log('loaded ' + typeof getApp()) } })"])
        #expect(log.consoleLines.contains { $0.level == "warn" && $0.message.contains("App()") })
        #expect(log.console.contains("loaded object"))
    }

    /// WeChat: launched into an independent subpackage, the main package does not run; App's
    /// onLaunch and first onShow come when a main-package page first opens.
    @Test func anIndependentSubpackageLaunchesWithoutAppJSUntilAMainPageOpens() throws {
        let log = try runApp([
            "app.js": "console.log('app.js ran'); App({ globalData: { main: true }, onLaunch(o) { console.log('onLaunch ' + o.path) } })",
            "solo/pages/s/s.js": """
            Page({ onLoad() { console.log('solo ' + typeof getApp() + ' ' + JSON.stringify(getApp({ allowDefault: true }).globalData)); getApp({ allowDefault: true }).globalData.fromSolo = 1 },
              go() { wx.navigateTo({ url: '/pages/index/index' }) } })
            """,
            "pages/index/index.js": "Page({ onLoad() { console.log('index ' + JSON.stringify(getApp().globalData)) } })",
        ], pages: ["solo/pages/s/s", "pages/index/index"], commands: [.hide, .show, .callPage(route: nil, method: "go", argumentJSON: nil)],
           independentRoots: ["solo"])
        #expect(log.console == ["solo undefined {}", "app.js ran", "onLaunch pages/index/index", #"index {"main":true,"fromSolo":1}"#])
        #expect(log.hooks.filter { $0.hasPrefix("app.") } == ["app.onLaunch", "app.onShow"])
    }

    @Test func aMainPageEntryStillRunsAppJSFirst() throws {
        let log = try runApp(["app.js": "console.log('app.js ran'); App({})", "pages/index/index.js": "Page({ onLoad() { console.log('index') } })"],
                             pages: ["pages/index/index", "solo/pages/s/s"], independentRoots: ["solo"])
        #expect(log.console == ["app.js ran", "index"])
    }
}
