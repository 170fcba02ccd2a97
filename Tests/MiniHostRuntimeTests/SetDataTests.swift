import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct SetDataTests {
    /// Runs `body` as the entry page's onLoad (with `data` as the page's initial data).
    func page(data: String = "{}", _ body: String, app: String = "App({ onError(e) { console.log('onError ' + e.split('\\n')[0]) } })") throws -> EventLog {
        try runApp([
            "app.js": app,
            "pages/index/index.js": "Page({ data: \(data), onLoad() { const page = this; \(body) } })",
        ])
    }

    @Test func dataPathsUpdateNestedValues() throws {
        let log = try page(data: "{ a: { b: 1, keep: true }, list: [{ c: 0 }, { c: 1 }, { c: 2 }], m: [[0, 0], [0, 0]] }", """
        this.setData({ 'a.b': 2, 'list[2].c': 'x', 'm[0][1]': 9, plain: 'p', 'new.deep.path': 1, 'arr[1].y': true });
        console.log(JSON.stringify(this.data));
        """)
        #expect(log.console.count == 1)
        #expect(sameJSON(log.console.first ?? "", #"""
        {"a":{"b":2,"keep":true},"list":[{"c":0},{"c":1},{"c":"x"}],"m":[[0,9],[0,0]],"plain":"p",
         "new":{"deep":{"path":1}},"arr":[null,{"y":true}]}
        """#))
        #expect(log.console.first?.contains("\"arr\":[null,{\"y\":true}]") == true)
    }

    @Test func setDataEmitsAnEventWithRouteAndTheChanges() throws {
        let log = try page(data: "{ list: [] }", "this.setData({ 'list[0]': { t: 'a' }, n: 1 }); this.setData({ s: 'two' });")
        let events = log.setDataEvents
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.route == "pages/index/index" })
        #expect(sameJSON(events[0].data, #"{"list[0]":{"t":"a"},"n":1}"#))
        #expect(sameJSON(events[1].data, #"{"s":"two"}"#))
    }

    @Test func invalidPathsThrowAndChangeNothing() throws {
        let bad = ["", "a..b", "a.", ".a", "[0]", "a[x]", "a[-1]", "a[1", "a]", "a[0]b", "a[ 1 ]", "__proto__.polluted", "a.__proto__"]
        let list = bad.map { "'\($0)'" }.joined(separator: ", ")
        let log = try page(data: "{ a: { b: 1 } }", """
        for (const p of [\(list)]) {
          try { this.setData({ [p]: 1 }); console.log('accepted ' + p); }
          catch (e) { console.log('threw ' + (e instanceof Error) + ' ' + (e.message.indexOf(p) >= 0 || p === '')); }
        }
        try { this.setData(null) } catch (e) { console.log('null ' + e.name) }
        try { this.setData([1]) } catch (e) { console.log('array ' + e.name) }
        console.log(JSON.stringify(this.data) + ' ' + ({}).polluted);
        """)
        #expect(log.logged("accepted ").isEmpty)
        #expect(log.logged("threw ") == Array(repeating: "true true", count: bad.count))
        #expect(log.logged("null ") == ["TypeError"])
        #expect(log.logged("array ") == ["TypeError"])
        #expect(log.console.last == "{\"a\":{\"b\":1}} undefined")
        #expect(log.setDataEvents.isEmpty)
    }

    /// A patch over 1 MB or nested deeper than 100 levels is refused with 1001 before anything
    /// changes (the same limits hold in process mode, whose frames allow 16 MB and 512 levels).
    @Test func oversizedOrTooDeepDataIsRefusedWith1001() throws {
        let log = try page("""
        let deep = 1; for (let i = 0; i < 600; i++) deep = [deep];
        for (const [name, value] of [['deep', deep], ['big', 'x'.repeat(2 << 20)]]) {
          try { this.setData({ [name]: value }); console.log('ALLOWED ' + name); } catch (e) { console.log(name + ' ' + e.errCode + ' ' + e.errMsg); }
        }
        try { this.setData({ ['a' + '.a'.repeat(100)]: 1 }); } catch (e) { console.log('path ' + e.message); }
        this.setData({ ok: 1 });
        console.log(JSON.stringify(this.data));
        """)
        #expect(log.console == [
            "deep 1001 setData:fail invalid argument: the data is nested deeper than 100 levels",
            "big 1001 setData:fail invalid argument: the data is 2097162 bytes as JSON; at most 1024 kB may be set at once",
            "path invalid data path: more than 100 segments",
            #"{"ok":1}"#,
        ])
        #expect(log.setDataEvents.count == 1)
    }

    @Test func aBadPathInABatchAppliesNothing() throws {
        // WeChat validates the whole call; MiniHost does too, so a failed call leaves data as it was.
        let log = try page(data: "{ n: 0 }", """
        try { this.setData({ n: 1, 'a..b': 2 }) } catch (e) { console.log('threw') }
        console.log(JSON.stringify(this.data));
        """)
        #expect(log.console == ["threw", "{\"n\":0}"])
        #expect(log.setDataEvents.isEmpty)
    }

    @Test func callbackRunsAfterSetDataWithThePageAsThis() throws {
        let log = try page(data: "{ n: 0 }", """
        this.setData({ n: 2 }, function () { console.log('callback ' + this.data.n + ' ' + (this === page)) });
        console.log('after setData ' + this.data.n);
        """)
        #expect(log.console == ["after setData 2", "callback 2 true"])
    }

    @Test func dataIsDeepCopied() throws {
        let log = try page("""
        const o = { x: [1], y: { z: 1 } };
        this.setData({ o, 'p.q': o.y });
        o.x.push(2); o.y.z = 99; o.added = true;
        console.log(JSON.stringify(this.data));
        const before = JSON.stringify(this.data);
        this.setData({ 'o.x[1]': 5 });
        console.log((this.data.o === o) + ' ' + (this.data.p.q === o.y) + ' ' + JSON.stringify(o));
        """)
        #expect(log.console.first == "{\"o\":{\"x\":[1],\"y\":{\"z\":1}},\"p\":{\"q\":{\"z\":1}}}")
        #expect(log.console.last == "false false {\"x\":[1,2],\"y\":{\"z\":99},\"added\":true}")
    }

    @Test func valuesThatAreNotJSONAreDroppedNotFatal() throws {
        // WeChat sends data as JSON: functions and undefined do not survive, and must not throw.
        let log = try page("""
        try {
          this.setData({ f: function () {}, n: 1, nested: { g() {}, k: 'v' }, u: undefined });
          console.log('ok ' + JSON.stringify(this.data));
        } catch (e) { console.log('threw ' + e.name + ': ' + e.message) }
        """)
        #expect(log.console == ["ok {\"n\":1,\"nested\":{\"k\":\"v\"}}"])
        #expect(log.setDataEvents.count == 1)
    }

    @Test func setDataOnAPageBelowTheTopUsesItsOwnRoute() throws {
        let log = try runApp([
            "pages/a/a.js": "Page({ data: { n: 0 }, onReady() { getApp().globalData.a = this; mp.navigateTo({ url: '/pages/b/b' }) } })",
            "pages/b/b.js": "Page({ onReady() { getApp().globalData.a.setData({ n: 1 }) } })",
        ], pages: ["pages/a/a", "pages/b/b"], commands: [.pageData(route: "pages/a/a"), .pageData(route: "pages/b/b")])
        #expect(log.setDataEvents.map(\.route) == ["pages/a/a"])
        #expect(sameJSON(log.replies[0].data, #"{"route":"pages/a/a","data":{"n":1}}"#))
        #expect(sameJSON(log.replies[1].data, #"{"route":"pages/b/b","data":{}}"#))
    }

    @Test func setDataIsNotEnumerableOrReplaceable() throws {
        let log = try page("""
        console.log(Object.keys(this).join(','));
        console.log(typeof this.setData);
        """)
        #expect(log.console.first?.contains("setData") == false)
        #expect(log.console.last == "function")
    }
}
