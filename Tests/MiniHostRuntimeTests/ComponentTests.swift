import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

/// Component(): definitions, instances, lifetimes, properties, observers and events, driven
/// through the instance machinery (`component.*` requests) as the view layer will drive it.
@Suite struct ComponentTests {
    static let card = "components/card/card"

    @Test func lifetimesRunInWeChatOrderAndAreReported() throws {
        let log = try runApp([Self.card + ".js": tracingComponent("card")], commands: [
            op(1, "create", #"{"path":"components/card/card","id":"c1"}"#),
            op(2, "attach", #"{"instance":1}"#), op(3, "move", #"{"instance":1}"#), op(4, "detach", #"{"instance":1}"#),
            op(5, "attach", #"{"instance":1}"#),
        ])
        #expect(log.answer(1) == "1")
        // The page is ready already, so `ready` follows `attached` at once.
        #expect(log.logged("card ") == ["created", "attached", "ready", "moved", "detached"])
        #expect(log.componentHooks == ["created", "attached", "ready", "moved", "detached"].map { Self.card + "." + $0 })
        #expect(canonical(log.componentDetails("attached").first ?? "") == canonical(#"{"instance":1,"page":"pages/index/index","id":"c1"}"#))
        #expect(log.answer(5) == #"error: no component instance 1"#)
        #expect(log.errors.isEmpty)
    }

    @Test func lifetimesWinOverTopLevelHooksAndMayNameMethods() throws {
        let log = try runApp([Self.card + ".js": """
            Component({
              created() { console.log('top-level created') },
              attached() { console.log('top-level attached') },
              lifetimes: { attached() { console.log('lifetimes attached') }, detached: 'onGone' },
              methods: { onGone() { console.log('method detached ' + this.is) } },
            })
            """], commands: [op(1, "create", #"{"path":"components/card/card"}"#), op(2, "attach", #"{"instance":1}"#), op(3, "detach", #"{"instance":1}"#)])
        #expect(log.console == ["top-level created", "lifetimes attached", "method detached components/card/card"])
    }

    @Test func propertiesStartAtTheirValueOrTheTypesDefault() throws {
        let log = try runApp([Self.card + ".js": """
            Component({
              properties: { s: String, n: Number, b: Boolean, o: Object, a: Array, any: null,
                full: { type: Number, value: 7 }, list: { type: Array, value: [1, 2] }, untyped: { value: 'u' } },
              data: { own: 1, s: 'data' },
              methods: { push() { this.data.list.push(3); return this.data.list } },
            })
            """], commands: [
            op(1, "create", #"{"path":"components/card/card"}"#), op(2, "create", #"{"path":"components/card/card"}"#),
            op(3, "call", #"{"instance":1,"method":"push"}"#), op(4, "data", #"{"instance":2}"#),
        ])
        #expect(log.answer(3) == "[1,2,3]")
        #expect(log.answer(4) == canonical(#"""
        {"is":"components/card/card","id":"","dataset":{},"data":{"own":1,"s":"","n":0,"b":false,"o":null,"a":[],"any":null,
         "full":7,"list":[1,2],"untyped":"u"}}
        """#))
    }

    @Test func propertyValuesAreCoercedToTheirType() throws {
        let log = try runApp([Self.card + ".js": """
            Component({ properties: {
              s: String, s2: String, n: Number, n2: Number, n3: Number, b: Boolean, b2: Boolean,
              a: Array, o: Object, o2: Object, opt: { type: String, optionalTypes: [Number] }, any: null,
            } })
            """], commands: [
            op(1, "create", #"""
            {"path":"components/card/card","properties":{"s":12,"s2":null,"n":"42","n2":"abc","n3":true,"b":"false","b2":0,
             "a":{"x":1},"o":"x","o2":[1],"opt":5,"any":{"k":1},"undeclared":1}}
            """#),
            op(2, "data", #"{"instance":1}"#),
            op(3, "setData", #"{"instance":1,"data":{"n":"8","s":false}}"#), op(4, "data", #"{"instance":1}"#),
        ])
        #expect(log.answer(2) == canonical(#"""
        {"is":"components/card/card","id":"","dataset":{},"data":{"s":"12","s2":"","n":42,"n2":0,"n3":1,"b":true,"b2":false,
         "a":[],"o":null,"o2":[1],"opt":5,"any":{"k":1}}}
        """#))
        let data = parseJSON(log.answer(4)) as? [String: Any]
        #expect((data?["data"] as? [String: Any])?["n"] as? Int == 8)
        #expect((data?["data"] as? [String: Any])?["s"] as? String == "false")
        // A value that cannot be converted takes the type's default, with a warning naming it.
        let warnings = log.consoleLines.filter { $0.level == "warn" }.map(\.message)
        #expect(warnings.count == 4)
        for name in ["s2", "n2", "a", "o"] { #expect(warnings.contains { $0.contains("property \"\(name)\"") }) }
    }

    @Test func propertyObserversSeeNewAndOldValuesWhenTheValueChanges() throws {
        let log = try runApp([Self.card + ".js": """
            Component({
              properties: {
                n: { type: Number, value: 1, observer(v, old) { console.log('n ' + JSON.stringify(v) + ' ' + JSON.stringify(old)) } },
                s: { type: String, observer: 'onS' },
                obj: { type: Object, value: { a: 1 }, observer(v, old) { console.log('obj ' + JSON.stringify(v) + ' ' + old) } },
              },
              methods: { onS(v, old) { console.log('s ' + JSON.stringify(v) + ' ' + JSON.stringify(old)) } },
            })
            """], commands: [
            op(1, "create", #"{"path":"components/card/card","properties":{"n":1,"s":"x"}}"#), op(2, "attach", #"{"instance":1}"#),
            op(3, "setData", #"{"instance":1,"data":{"n":2}}"#), op(4, "setData", #"{"instance":1,"data":{"n":2}}"#),
            op(5, "setData", #"{"instance":1,"data":{"obj.a":5}}"#), op(6, "properties", #"{"instance":1,"properties":{"n":"3"}}"#),
        ])
        #expect(log.console == [#"s "x" """#, "n 2 1", #"obj {"a":5} undefined"#, "n 3 2"])
    }

    @Test func dataAndPropertiesAreOneObjectWithTheInstanceMembers() throws {
        let log = try runApp([Self.card + ".js": """
            Component({
              properties: { p: String },
              data: { d: 1 },
              methods: { check() { return { same: this.properties === this.data, is: this.is, id: this.id, dataset: this.dataset,
                p: this.data.p, d: this.properties.d, own: Object.prototype.hasOwnProperty.call(this, 'check'),
                setData: typeof this.setData, triggerEvent: typeof this.triggerEvent } } },
            })
            """], commands: [
            op(1, "create", #"{"path":"components/card/card","id":"card-1","dataset":{"kind":"big"},"properties":{"p":"v"}}"#),
            op(2, "call", #"{"instance":1,"method":"check"}"#),
        ])
        #expect(log.answer(2) == canonical(#"""
        {"same":true,"is":"components/card/card","id":"card-1","dataset":{"kind":"big"},"p":"v","d":1,"own":true,
         "setData":"function","triggerEvent":"function"}
        """#))
    }

    /// Observers run for their own field, a parent of it, or (`**`) anything under it; once per
    /// setData, in definition order, with the fields' new values, even when nothing changed.
    @Test func observersWatchFieldPathsWildcardsAndSeveralFields() throws {
        let steps = [
            #"{"some.subfield":5}"#, #"{"some":{"subfield":6}}"#, #"{"some.other":3}"#,
            #"{"arr[1]":9}"#, #"{"arr":[5,6]}"#, #"{"arr[2]":1}"#,
            #"{"deep.x.y":2}"#, #"{"deep":{}}"#, #"{"numberA":10,"numberB":20}"#, #"{"numberA":10}"#,
        ]
        let log = try runApp([Self.card + ".js": """
            Component({
              data: { some: { subfield: 1, other: 2 }, arr: [0, 1, 2], deep: { x: { y: 1 } }, numberA: 1, numberB: 2 },
              observers: {
                'some.subfield': function (v) { console.log('subfield ' + JSON.stringify(v)) },
                'arr[1]': function (v) { console.log('arr[1] ' + JSON.stringify(v)) },
                'deep.**': function (v) { console.log('deep ' + JSON.stringify(v)) },
                'numberA, numberB': function (a, b) { console.log('sum ' + (a + b)) },
                '**': function (all) { console.log('all ' + Object.keys(all).length) },
              },
            })
            """], commands: [op(1, "create", #"{"path":"components/card/card"}"#), op(2, "attach", #"{"instance":1}"#)]
            + steps.enumerated().map { op(3 + $0.offset, "setData", #"{"instance":1,"data":\#($0.element)}"#) })
        #expect(log.console == [
            "subfield 5", "all 5", "subfield 6", "all 5", "all 5",
            "arr[1] 9", "all 5", "arr[1] 6", "all 5", "all 5",
            #"deep {"x":{"y":2}}"#, "all 5", "deep {}", "all 5", "sum 30", "all 5", "sum 30", "all 5",
        ])
    }

    @Test func dataObserversRunBeforePropertyObservers() throws {
        let log = try runApp([Self.card + ".js": """
            Component({
              properties: { p: { type: Number, observer(v) { console.log('property observer ' + v) } } },
              data: { q: 0 },
              observers: { 'p, q': function (p, q) { console.log('observer ' + p + ' ' + q) } },
            })
            """], commands: [
            op(1, "create", #"{"path":"components/card/card","properties":{"p":5}}"#),
            op(2, "setData", #"{"instance":1,"data":{"p":1,"q":2}}"#),
        ])
        #expect(log.console == ["observer 5 0", "property observer 5", "observer 1 2", "property observer 1"])
    }

    /// Pure data fields stay in this.data and reach observers, but never the view; a pure
    /// property's own observer never runs.
    @Test func pureDataFieldsAreKeptButNotSent() throws {
        let log = try runApp([Self.card + ".js": """
            Component({
              options: { pureDataPattern: /^_/ },
              properties: { _p: { type: Number, observer() { console.log('never') } }, shown: Number },
              data: { a: true, _b: true },
              observers: { '_b': function (v) { console.log('pure observed ' + v) } },
            })
            """], commands: [
            op(1, "create", #"{"path":"components/card/card","properties":{"_p":3,"shown":1}}"#), op(2, "attach", #"{"instance":1}"#),
            op(3, "setData", #"{"instance":1,"data":{"c":true,"_d":true,"_b":false}}"#),
            op(4, "setData", #"{"instance":1,"data":{"_b":true}}"#),
            op(5, "properties", #"{"instance":1,"properties":{"_p":4}}"#), op(6, "data", #"{"instance":1}"#),
        ])
        #expect(log.setDataEvents.map(\.data) == [#"{"c":true}"#])
        #expect(log.console == ["pure observed false", "pure observed true"])
        #expect(log.answer(6) == canonical(#"""
        {"is":"components/card/card","id":"","dataset":{},"data":{"a":true,"_b":true,"_p":4,"shown":1,"c":true,"_d":true}}
        """#))
    }

    @Test func setDataBeforeAttachedChangesDataButSendsNothing() throws {
        let log = try runApp([Self.card + ".js": """
            Component({ lifetimes: {
              created() { this.setData({ fromCreated: 1 }) },
              attached() { this.setData({ fromAttached: 2 }, () => console.log('callback ' + JSON.stringify(this.data))) },
            } })
            """], commands: [op(1, "create", #"{"path":"components/card/card"}"#), op(2, "attach", #"{"instance":1}"#)])
        #expect(log.setDataEvents.count == 1)
        #expect(log.setDataEvents.first?.route == "components/card/card#1")
        #expect(log.setDataEvents.first?.data == #"{"fromAttached":2}"#)
        #expect(log.console == [#"callback {"fromCreated":1,"fromAttached":2}"#])
    }

    @Test func triggerEventIsRecordedAndReachesTheOwnersHandler() throws {
        let log = try runApp([
            Self.card + ".js": "Component({ methods: { tap(n) { this.triggerEvent('change', { n }, { bubbles: true }); this.triggerEvent('plain') } } })",
            "pages/index/index.js": """
            Page({ onChange(e) { console.log('page got ' + e.type + ' ' + JSON.stringify(e.detail) + ' ' + e.target.id + ' ' +
              JSON.stringify(e.currentTarget.dataset) + ' ' + (this === getCurrentPages()[0]) + ' ' + typeof e.timeStamp) } })
            """,
        ], commands: [
            op(1, "create", #"{"path":"components/card/card","id":"b1","dataset":{"k":"v"},"listeners":{"change":"onChange"}}"#),
            op(2, "attach", #"{"instance":1}"#), op(3, "call", #"{"instance":1,"method":"tap","arg":7}"#),
        ])
        #expect(log.console == [#"page got change {"n":7} b1 {"k":"v"} true number"#])
        let details = log.componentDetails("triggerEvent")
        #expect(details.count == 2)
        #expect(canonical(details.first ?? "") == canonical(#"""
        {"name":"change","detail":{"n":7},"options":{"bubbles":true,"composed":false,"capturePhase":false},"instance":1,"id":"b1"}
        """#))
        #expect(canonical(details.last ?? "") == canonical(#"""
        {"name":"plain","detail":null,"options":{"bubbles":false,"composed":false,"capturePhase":false},"instance":1,"id":"b1"}
        """#))
    }

    @Test func pageLifetimesRunBeforeThePagesOwnHooks() throws {
        let log = try runApp([
            Self.card + ".js": """
            Component({ pageLifetimes: {
              show() { console.log('card show') }, hide() { console.log('card hide') },
              resize(s) { console.log('card resize ' + JSON.stringify(s)) },
            } })
            """,
            "pages/index/index.js": tracingPage("index", "onResize(s) { console.log('index onResize ' + JSON.stringify(s)) },"),
        ], commands: [
            op(1, "create", #"{"path":"components/card/card"}"#), op(2, "attach", #"{"instance":1}"#),
            op(3, "create", #"{"path":"components/card/card"}"#),  // never attached: hears nothing
            op(4, "resize", #"{"size":{"windowWidth":320}}"#), .hide, .show,
        ])
        #expect(Array(log.console.dropFirst(3)) == [
            #"card resize {"windowWidth":320}"#, #"index onResize {"windowWidth":320}"#,
            "card hide", "index onHide", "card show", "index onShow",
        ])
    }

    @Test func unloadingAPageDetachesItsComponentsAfterOnUnload() throws {
        let log = try runApp([
            Self.card + ".js": tracingComponent("card"),
            "pages/a/a.js": tracingPage("a"), "pages/b/b.js": tracingPage("b"),
        ], pages: ["pages/a/a", "pages/b/b"], commands: [
            .navigate(url: "/pages/b/b"),
            op(1, "create", #"{"path":"components/card/card","page":"pages/b/b"}"#), op(2, "attach", #"{"instance":1}"#),
            .back, op(3, "data", #"{"instance":1}"#),
        ])
        #expect(Array(log.console.suffix(4)) == ["card ready", "b onUnload", "card detached", "a onShow"])
        #expect(log.answer(3) == "error: no component instance 1")
    }

    @Test func aThrowGoesToTheErrorLifetimeThenToAppOnError() throws {
        let log = try runApp([
            "app.js": "App({ onError(e) { console.log('app onError ' + e.split('\\n')[0]) } })",
            Self.card + ".js": """
            Component({
              lifetimes: { attached() { throw new Error('boom') }, error(e) { console.log('error lifetime ' + e.message) } },
              observers: { x() { throw new TypeError('bad x') } },
            })
            """,
        ], commands: [
            op(1, "create", #"{"path":"components/card/card"}"#), op(2, "attach", #"{"instance":1}"#),
            op(3, "setData", #"{"instance":1,"data":{"x":1}}"#),
        ])
        #expect(log.console == ["error lifetime boom", "app onError Error: boom", "error lifetime bad x", "app onError TypeError: bad x"])
        #expect(log.errors(kind: "exception").count == 2)
        #expect(log.answer(3) == "null")
    }

    @Test func exportChoosesWhatSelectComponentReturns() throws {
        let log = try runApp([
            Self.card + ".js": "Component({ behaviors: ['wx://component-export'], export() { return { myField: 'myValue' } } })",
            "components/plain/plain.js": "Component({ data: { v: 1 } })",
        ], commands: [
            op(1, "create", #"{"path":"components/card/card"}"#), op(2, "create", #"{"path":"components/plain/plain"}"#),
            op(3, "export", #"{"instance":1}"#), op(4, "export", #"{"instance":2}"#),
        ])
        #expect(log.answer(3) == #"{"myField":"myValue"}"#)
        #expect(log.answer(4) == canonical(#"{"data":{"v":1},"is":"components/plain/plain","id":"","dataset":{}}"#))
    }

    @Test func optionsAndExternalClassesAreAccepted() throws {
        let log = try runApp([Self.card + ".js": """
            Component({
              options: { multipleSlots: true, addGlobalClass: true, styleIsolation: 'apply-shared', virtualHost: true, pureDataPattern: /^_/ },
              externalClasses: ['my-class'],
              relations: { './item': { type: 'child' } },
            })
            """], commands: [op(1, "create", #"{"path":"components/card/card"}"#), op(2, "attach", #"{"instance":1}"#)])
        #expect(log.answer(2) == "null")
        #expect(log.console.isEmpty)
        #expect(log.errors.isEmpty)
    }

    @Test func componentNeedsAnObjectAndItsModuleLoading() throws {
        let log = try runApp([
            "pages/index/index.js": """
            try { Component(null) } catch (e) { console.log('null ' + e.name) }
            Page({ onLoad() { setTimeout(() => { try { Component({}) } catch (e) { console.log('later ' + e.message) } }, 0) } })
            """,
            "components/none/none.js": "module.exports = 1",
        ], commands: [
            op(1, "create", #"{"path":"components/none/none"}"#), op(2, "create", #"{"path":"components/missing/missing"}"#),
            op(3, "create", #"{"path":"components/none/none","page":"pages/other/other"}"#),
        ])
        #expect(log.console == ["null TypeError", "later Component() may be called only while its module loads"])
        #expect(log.answer(1) == #"error: Error: "components/none/none" did not call Component()"#)
        #expect(log.answer(2).hasPrefix("error: Error: Cannot find module './components/missing/missing'") == true)
        #expect(log.answer(3) == #"error: no page "pages/other/other" in the page stack"#)
    }

    @Test func methodsAreOwnAndSetDataMayBeWrapped() throws {
        let log = try runApp([Self.card + ".js": """
            const b = Behavior({}), other = Behavior({});
            Component({
              behaviors: [b],
              lifetimes: { created() { const set = this.setData; this.setData = (d) => { console.log('wrapped ' + Object.keys(d)); set.call(this, d) } } },
              methods: { go() { this.setData({ z: 1 }); return [this.hasBehavior(b), this.hasBehavior(other), this.data.z] } },
            })
            """], commands: [op(1, "create", #"{"path":"components/card/card"}"#), op(2, "call", #"{"instance":1,"method":"go"}"#)])
        #expect(log.answer(2) == "[true,false,1]")
        #expect(log.console == ["wrapped z"])
    }
}
