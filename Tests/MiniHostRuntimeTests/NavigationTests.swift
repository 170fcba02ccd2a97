import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct NavigationTests {
    static let abc = ["pages/a/a", "pages/b/b", "pages/c/c"]

    @Test func navigateToHidesOldPageOpensNewOneThenSuccessAndComplete() throws {
        let log = try runApp([
            "pages/a/a.js": tracingPage("a", """
            go() {
              mp.navigateTo({ url: '/pages/b/b?x=1',
                success(r) { console.log('success ' + r.errMsg + ' ' + getCurrentPages().length) },
                fail(r) { console.log('fail ' + r.errMsg) },
                complete(r) { console.log('complete ' + r.errMsg) } });
              console.log('after call ' + getCurrentPages().length);
            },
            """),
            "pages/b/b.js": tracingPage("b"),
        ], pages: Self.abc, commands: [.callPage(route: nil, method: "go", argumentJSON: nil)])
        #expect(Array(log.console.dropFirst(3)) == [
            "after call 1",  // navigation is asynchronous, as in WeChat
            "a onHide", "b onLoad {\"x\":\"1\"}", "b onShow", "b onReady",
            "success navigateTo:ok 2", "complete navigateTo:ok",
        ])
        #expect(log.hooks.suffix(4) == ["pages/a/a.onHide", "pages/b/b.onLoad", "pages/b/b.onShow", "pages/b/b.onReady"])
        #expect(log.errors.isEmpty)
    }

    @Test func navigateToPromiseFormResolvesWithErrMsg() throws {
        let log = try runApp([
            "pages/a/a.js": """
            Page({ onReady() {
              const p = mp.navigateTo({ url: '/pages/b/b' });
              console.log('promise ' + (p instanceof Promise));
              p.then(r => console.log('resolved ' + JSON.stringify(r)), e => console.log('rejected ' + e.errMsg));
            } })
            """,
        ], pages: Self.abc)
        #expect(log.console == ["promise true", "resolved {\"errMsg\":\"navigateTo:ok\"}"])
    }

    @Test func callbacksFormReturnsUndefined() throws {
        let log = try runApp([
            "pages/a/a.js": "Page({ onReady() { console.log('ret ' + mp.navigateTo({ url: '/pages/b/b', complete() {} })) } })",
        ], pages: Self.abc)
        #expect(log.console == ["ret undefined"])
    }

    @Test func navigateBackUnloadsTopAndShowsTheOneBelow() throws {
        // Set up a -> b -> c, then go back one from c.
        let log2 = try runApp([
            "pages/a/a.js": tracingPage("a", "onReady() { if (getCurrentPages().length === 1) mp.navigateTo({ url: '/pages/b/b' }) },"),
            "pages/b/b.js": tracingPage("b", "onReady() { mp.navigateTo({ url: '/pages/c/c' }) },"),
            "pages/c/c.js": tracingPage("c", """
            back() { mp.navigateBack({ success(r) { console.log('success ' + r.errMsg + ' ' + getCurrentPages().map(p => p.route).join(',')) }, complete(r) { console.log('complete ' + r.errMsg) } }) },
            """),
        ], pages: Self.abc, commands: [.callPage(route: nil, method: "back", argumentJSON: nil)])
        let tail = Array(log2.console.drop { $0 != "c onReady" }.dropFirst())
        #expect(tail == ["c onUnload", "b onShow", "success navigateBack:ok pages/a/a,pages/b/b", "complete navigateBack:ok"])
        #expect(log2.errors.isEmpty)
    }

    @Test func navigateBackWithDelta() throws {
        let files = [
            "pages/a/a.js": tracingPage("a", "onReady() { if (getCurrentPages().length === 1) mp.navigateTo({ url: '/pages/b/b' }) },"),
            "pages/b/b.js": tracingPage("b", "onReady() { mp.navigateTo({ url: '/pages/c/c' }) },"),
            "pages/c/c.js": tracingPage("c", """
            back(e) { mp.navigateBack({ delta: e.delta }).then(r => console.log('ok ' + r.errMsg + ' ' + getCurrentPages().length)) },
            """),
        ]
        let two = try runApp(files, pages: Self.abc, commands: [.callPage(route: nil, method: "back", argumentJSON: #"{"delta":2}"#)])
        #expect(Array(two.console.drop { $0 != "c onReady" }.dropFirst()) == ["c onUnload", "b onUnload", "a onShow", "ok navigateBack:ok 1"])
        // A delta larger than the stack goes back to the first page.
        let many = try runApp(files, pages: Self.abc, commands: [.callPage(route: nil, method: "back", argumentJSON: #"{"delta":99}"#)])
        #expect(Array(many.console.drop { $0 != "c onReady" }.dropFirst()) == ["c onUnload", "b onUnload", "a onShow", "ok navigateBack:ok 1"])
    }

    @Test func navigateBackAtTheFirstPageFails() throws {
        let log = try runApp([
            "pages/a/a.js": """
            Page({ onReady() {
              mp.navigateBack({ fail(e) { console.log('fail ' + e.errMsg + ' ' + typeof e.errCode) }, complete(e) { console.log('complete ' + e.errMsg.split(' ')[0]) } });
              mp.navigateBack().catch(e => console.log('rejected ' + e.errMsg.split(' ')[0]));
            }, onUnload() { console.log('unloaded!') } })
            """,
        ], pages: Self.abc)
        #expect(log.console.count == 3)
        #expect(log.console[0].hasPrefix("fail navigateBack:fail "))
        #expect(log.console[0].hasSuffix(" number"))
        #expect(log.console[1] == "complete navigateBack:fail")
        #expect(log.console[2] == "rejected navigateBack:fail")
        #expect(log.errors.isEmpty)
    }

    @Test func redirectToUnloadsThenOpens() throws {
        let log = try runApp([
            "pages/a/a.js": tracingPage("a", "onReady() { mp.redirectTo({ url: '../b/b?r=1', success(r) { console.log('success ' + r.errMsg + ' ' + getCurrentPages().map(p => p.route).join(',')) } }) },"),
            "pages/b/b.js": tracingPage("b"),
        ], pages: Self.abc)
        #expect(Array(log.console.drop { $0 != "a onShow" }.dropFirst()) == [
            "a onUnload", "b onLoad {\"r\":\"1\"}", "b onShow", "b onReady", "success redirectTo:ok pages/b/b",
        ])
        #expect(!log.console.contains("a onHide"))
    }

    @Test func reLaunchUnloadsEveryPage() throws {
        let log = try runApp([
            "pages/a/a.js": tracingPage("a", "onReady() { if (getCurrentPages().length === 1 && !getApp().globalData.done) mp.navigateTo({ url: '/pages/b/b' }) },"),
            "pages/b/b.js": tracingPage("b", "onReady() { mp.navigateTo({ url: '/pages/c/c' }) },"),
            "pages/c/c.js": tracingPage("c", """
            relaunch() { getApp().globalData.done = true; mp.reLaunch({ url: '/pages/a/a?fresh=1' }).then(r => console.log('ok ' + r.errMsg + ' ' + getCurrentPages().map(p => p.route).join(','))) },
            """),
        ], pages: Self.abc, commands: [.callPage(route: nil, method: "relaunch", argumentJSON: nil)])
        #expect(Array(log.console.drop { $0 != "c onReady" }.dropFirst()) == [
            "c onUnload", "b onUnload", "a onUnload", "a onLoad {\"fresh\":\"1\"}", "a onShow", "ok reLaunch:ok pages/a/a",
        ])
    }

    @Test func theStackHoldsAtMostTenPages() throws {
        let log = try runApp([
            "pages/a/a.js": """
            Page({ onLoad() {
              const n = getCurrentPages().length;
              console.log('depth ' + n);
              if (n >= 10) {
                mp.navigateTo({ url: '/pages/a/a', fail(e) { console.log('fail ' + e.errMsg + ' ' + typeof e.errCode + ' ' + getCurrentPages().length) } });
              } else {
                mp.navigateTo({ url: '/pages/a/a' });
              }
            } })
            """,
        ], pages: Self.abc)
        #expect(log.logged("depth ") == (1...10).map(String.init))
        let fails = log.logged("fail ")
        #expect(fails.count == 1)
        #expect(fails.first?.hasPrefix("navigateTo:fail ") == true)
        #expect(fails.first?.hasSuffix(" number 10") == true)
    }

    @Test func queryStringsReachOnLoadDecoded() throws {
        let log = try runApp([
            "pages/a/a.js": "Page({ onReady() { mp.navigateTo({ url: '/pages/b/b?a=1&b=x%20y&c=%E4%BD%A0&flag&e=' }) } })",
            "pages/b/b.js": "Page({ onLoad(q) { console.log(JSON.stringify(q)) } })",
        ], pages: Self.abc)
        #expect(log.console.count == 1)
        #expect(sameJSON(log.console.first ?? "", #"{"a":"1","b":"x y","c":"你","flag":"","e":""}"#))
    }

    @Test func relativeAndAbsoluteURLs() throws {
        let pages = ["pages/a/a", "pages/a/b", "pages/c/c"]
        let log = try runApp([
            "pages/a/a.js": """
            Page({ onReady() {
              if (getCurrentPages().length !== 1) return;
              mp.navigateTo({ url: 'b', success() {
                mp.navigateTo({ url: '../c/c', success() {
                  mp.navigateTo({ url: '/pages/a/b', success() {
                    mp.navigateTo({ url: './../../pages/c/c.js?x=1', success() {
                      console.log(getCurrentPages().map(p => p.route).join(','));
                    } });
                  } });
                } });
              } });
            } })
            """,
        ], pages: pages)
        #expect(log.console == ["pages/a/a,pages/a/b,pages/c/c,pages/a/b,pages/c/c"])
        #expect(log.errors.isEmpty)
    }

    @Test func unknownPageFailsWithErrCode() throws {
        let log = try runApp([
            "pages/a/a.js": """
            Page({ onReady() {
              mp.navigateTo({ url: '/pages/nope/nope', fail(e) { console.log('fail ' + e.errMsg + ' | ' + typeof e.errCode) } });
              mp.redirectTo({ url: '/pages/nope/nope' }).catch(e => console.log('redirect ' + e.errMsg.split(':')[0] + ' ' + (e.errCode > 0)));
              mp.navigateTo({ url: '../../../../x' }).catch(e => console.log('escape ' + e.errMsg.split(' ')[0]));
              mp.navigateTo({}).catch(e => console.log('nourl ' + e.errMsg.split(' ')[0] + ' ' + typeof e.errCode));
              mp.navigateTo('pages/b/b').catch(e => console.log('notobj ' + e.errMsg.split(' ')[0]));
            }, onHide() { console.log('hidden!') }, onUnload() { console.log('unloaded!') } })
            """,
        ], pages: Self.abc)
        let fail = try #require(log.logged("fail ").first)
        #expect(fail.hasPrefix("navigateTo:fail "))
        #expect(fail.contains("pages/nope/nope"))
        #expect(fail.hasSuffix("| number"))
        #expect(log.logged("redirect ") == ["redirectTo true"])
        #expect(log.logged("escape ") == ["navigateTo:fail"])
        #expect(log.logged("nourl ") == ["navigateTo:fail number"])
        #expect(log.logged("notobj ") == ["navigateTo:fail"])
        #expect(!log.console.contains("hidden!"))
        #expect(!log.console.contains("unloaded!"))
        #expect(log.hooks.count == 5)
    }

    @Test func pageThatFailsToLoadFailsTheNavigation() throws {
        let log = try runApp([
            "app.js": "App({ onError(e) { console.log('onError ' + e.split('\\n')[0]) } })",
            "pages/a/a.js": tracingPage("a", """
            go() {
              mp.navigateTo({ url: '/pages/b/b', fail(e) { console.log('fail ' + e.errMsg.split(' ')[0] + ' ' + typeof e.errCode) }, complete() { console.log('complete') } });
            },
            """),
            "pages/b/b.js": "throw new Error('b is broken')",
        ], pages: Self.abc, commands: [.callPage(route: nil, method: "go", argumentJSON: nil), .pageData(route: nil)])
        #expect(log.logged("fail ") == ["navigateTo:fail number"])
        #expect(log.console.contains("complete"))
        #expect(!log.console.contains("a onHide"))  // the old page stays shown
        #expect(log.errors.contains { $0.message.contains("b is broken") })
        #expect(log.replies.first.map { sameJSON($0.data, #"{"route":"pages/a/a","data":{}}"#) } == true)
    }

    @Test func callbackExceptionsDoNotBreakNavigation() throws {
        let log = try runApp([
            "app.js": "App({ onError(e) { console.log('onError') } })",
            "pages/a/a.js": "Page({ onReady() { mp.navigateTo({ url: '/pages/b/b', success() { throw new Error('in success') }, complete() { console.log('complete') } }) } })",
            "pages/b/b.js": "Page({ onShow() { console.log('b shown') } })",
        ], pages: Self.abc)
        #expect(log.console == ["b shown", "onError", "complete"])
        #expect(log.errors(kind: "exception").count == 1)
    }
}
