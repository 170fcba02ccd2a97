import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

/// Pages written with Component(): the page lifecycle in `methods`, the query as properties,
/// navigation and getCurrentPages as for Page().
@Suite struct ComponentPageTests {
    /// A page component that logs its lifetimes and page hooks as "<name> <hook>".
    static func tracingComponentPage(_ name: String, properties: String = "{}", extra: String = "") -> String {
        """
        Component({
          properties: \(properties),
          lifetimes: {
            created() { console.log('\(name) created ' + JSON.stringify(this.data)) },
            attached() { console.log('\(name) attached ' + JSON.stringify(this.data)) },
            ready() { console.log('\(name) ready') },
            detached() { console.log('\(name) detached') },
          },
          pageLifetimes: { show() { console.log('\(name) pageLifetimes.show') }, hide() { console.log('\(name) pageLifetimes.hide') } },
          methods: {
            \(tracingHooks(name))
            \(extra)
          },
        })
        """
    }

    @Test func aComponentPageRunsTheComponentAndPageLifecyclesInOrder() throws {
        let log = try runApp(["pages/index/index.js": Self.tracingComponentPage("index", properties: "{ paramA: Number, paramB: String }")],
                             query: ["paramA": "123", "paramB": "xyz", "other": "1"])
        // onLoad gets the whole query as strings; the declared properties get their values coerced.
        #expect(log.console.map { $0.hasPrefix("index onLoad ") ? "index onLoad" : $0 } == [
            #"index created {"paramA":0,"paramB":""}"#,
            #"index attached {"paramA":123,"paramB":"xyz"}"#,
            "index onLoad", "index pageLifetimes.show", "index onShow", "index ready", "index onReady",
        ])
        let query = log.console.first { $0.hasPrefix("index onLoad ") }.map { String($0.dropFirst("index onLoad ".count)) }
        #expect(canonical(query ?? "") == canonical(#"{"paramA":"123","paramB":"xyz","other":"1"}"#))
        #expect(log.hooks == ["app.onLaunch", "app.onShow"] + ["created", "attached", "onLoad", "onShow", "ready", "onReady"].map { "pages/index/index." + $0 })
        #expect(log.errors.isEmpty)
    }

    @Test func componentPagesNavigateAndAppearInGetCurrentPages() throws {
        let log = try runApp([
            "pages/a/a.js": Self.tracingComponentPage("a", extra: "onReady() { mp.navigateTo({ url: '/pages/b/b?n=2' }) },"),
            "pages/b/b.js": Self.tracingComponentPage("b", properties: "{ n: Number }", extra: """
            onReady() {
              console.log('b route ' + this.route + ' ' + getCurrentPages().map((p) => p.route).join(',') + ' ' + (getCurrentPages()[1] === this) + ' ' + this.data.n);
              mp.navigateBack();
            },
            """),
        ], pages: ["pages/a/a", "pages/b/b"])
        #expect(Array(log.console.drop { !$0.hasPrefix("a pageLifetimes.hide") }) == [
            "a pageLifetimes.hide", "a onHide",
            #"b created {"n":0}"#, #"b attached {"n":2}"#, #"b onLoad {"n":"2"}"#, "b pageLifetimes.show", "b onShow", "b ready",
            "b route pages/b/b pages/a/a,pages/b/b true 2",
            "b onUnload", "b detached", "a pageLifetimes.show", "a onShow",
        ])
        #expect(log.errors.isEmpty)
    }

    @Test func aComponentPagesSetDataAndMethodsServeTheHost() throws {
        let log = try runApp(["pages/index/index.js": """
            Component({
              options: { pureDataPattern: /^_/ },
              data: { n: 0 },
              observers: { n(v) { this.setData({ _twice: v * 2 }) } },
              methods: { tap(e) { this.setData({ n: e.n }) } },
            })
            """], commands: [.callPage(route: nil, method: "tap", argumentJSON: #"{"n":2}"#), .pageData(route: nil)])
        #expect(log.setDataEvents.map(\.route) == ["pages/index/index"])
        #expect(log.setDataEvents.map(\.data) == [#"{"n":2}"#])
        #expect(log.replies.count == 1)
        #expect(canonical(log.replies.first?.data ?? "") == canonical(#"{"route":"pages/index/index","data":{"n":2,"_twice":4}}"#))
    }

    /// The test driver's setData on a page written as a component coerces its properties.
    @Test func theDriversSetDataOnAComponentPageUsesComponentRules() throws {
        let log = try runApp(["pages/index/index.js": "Component({ properties: { n: Number }, observers: { n(v) { console.log('n ' + v) } } })"], commands: [
            .driver(token: 1, op: "setData", argumentJSON: #"{"data":{"n":"5"}}"#),
            .driver(token: 2, op: "page", argumentJSON: "{}"),
        ])
        #expect(log.console == ["n 5"])
        #expect(log.answer(2) == canonical(#"{"route":"pages/index/index","query":{},"data":{"n":5},"key":1}"#))
    }

    @Test func aPageModuleLoadedEarlierByAnotherModuleStillRegistersThePage() throws {
        let log = try runApp([
            "app.js": "require('./pages/b/b'); App({})",
            "pages/a/a.js": "Page({ onReady() { mp.navigateTo({ url: '/pages/b/b' }) } })",
            "pages/b/b.js": "Component({ methods: { onLoad() { console.log('b onLoad ' + this.route) } } })",
        ], pages: ["pages/a/a", "pages/b/b"])
        #expect(log.console == ["b onLoad pages/b/b"])
    }

    /// WeChat's example: a behavior shared by pages runs its `attached` and `detached` as the
    /// pages load and unload.
    @Test func aBehaviorSharedByComponentPagesSeesThemLoadAndUnload() throws {
        let behavior = "module.exports = Behavior({ attached() { console.log('loaded ' + this.route) }, detached() { console.log('unloaded ' + this.route) } })"
        let page = "Component({ behaviors: [require('../../common/page-behavior')], methods: { onReady() { if (this.route === 'pages/a/a') mp.redirectTo({ url: '/pages/b/b' }) } } })"
        let log = try runApp(["common/page-behavior.js": behavior, "pages/a/a.js": page, "pages/b/b.js": page], pages: ["pages/a/a", "pages/b/b"])
        #expect(log.console == ["loaded pages/a/a", "unloaded pages/a/a", "loaded pages/b/b"])
    }
}
