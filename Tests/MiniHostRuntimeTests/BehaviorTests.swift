import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

/// Behavior(): WeChat's rules for merging a component with the behaviors it lists (and theirs),
/// the built-in behaviors and definitionFilter.
@Suite struct BehaviorTests {
    static let card = "components/card/card"

    /// Runs the component `components/card/card` (whose module is `component`) with the
    /// behavior modules `behaviors/<name>.js`, then the requests `ops` on instance 1.
    func run(_ component: String, behaviors: [String: String], _ ops: [HostCommand] = []) throws -> EventLog {
        var files = [Self.card + ".js": component]
        for (name, source) in behaviors { files["behaviors/\(name).js"] = source }
        return try runApp(files, commands: [op(100, "create", #"{"path":"components/card/card"}"#)] + ops)
    }

    /// b1 lists b3; the component lists b1 then b2.
    @Test func dataMergesObjectsAndLetsTheLaterAndTheReferrerWin() throws {
        let log = try run("""
            Component({ behaviors: [require('../../behaviors/b1'), require('../../behaviors/b2')], data: { shared: 'own', obj: { d: 'own' } } })
            """, behaviors: [
            "b3": "module.exports = Behavior({ data: { shared: 'b3', obj: { a: 'b3', b: 'b3', deep: { x: 'b3', y: 'b3' } }, onlyB3: 1 } })",
            "b1": "module.exports = Behavior({ behaviors: [require('./b3')], data: { shared: 'b1', obj: { a: 'b1', deep: { x: 'b1' } }, arr: [1] } })",
            "b2": "module.exports = Behavior({ data: { shared: 'b2', arr: [2, 2], obj: { c: 'b2' } } })",
        ], [op(1, "data", #"{"instance":1}"#)])
        let data = (parseJSON(log.answer(1)) as? [String: Any])?["data"] ?? NSNull()
        #expect(canonical(data) == canonical(#"""
        {"shared":"own","obj":{"a":"b1","b":"b3","deep":{"x":"b1","y":"b3"},"c":"b2","d":"own"},"onlyB3":1,"arr":[2,2]}
        """#))
    }

    @Test func propertiesAndMethodsLetTheComponentThenTheLaterThenTheReferrerWin() throws {
        let log = try run("""
            Component({
              behaviors: [require('../../behaviors/b1'), require('../../behaviors/b2')],
              properties: { r: { type: String, value: 'own' } },
              methods: { n() { return 'own' }, all() { return [this.data.p, this.data.q, this.data.r, this.data.s, this.m(), this.k(), this.n(), this.o()] } },
            })
            """, behaviors: [
            "b3": """
            module.exports = Behavior({ properties: { p: { type: String, value: 'b3' }, q: { type: String, value: 'b3' }, s: { type: String, value: 'b3' } },
              methods: { m() { return 'b3' }, k() { return 'b3' }, n() { return 'b3' }, o() { return 'b3' } } })
            """,
            "b1": """
            module.exports = Behavior({ behaviors: [require('./b3')], properties: { p: { type: String, value: 'b1' }, q: { type: String, value: 'b1' } },
              methods: { m() { return 'b1' }, k() { return 'b1' } } })
            """,
            "b2": "module.exports = Behavior({ properties: { p: { type: String, value: 'b2' }, r: { type: String, value: 'b2' } }, methods: { m() { return 'b2' } } })",
        ], [op(1, "call", #"{"instance":1,"method":"all"}"#)])
        #expect(log.answer(1) == #"["b2","b1","own","b3","b2","b1","own","b3"]"#)
    }

    /// Lifetimes of the same kind all run: listed behaviors first, a behavior's own behaviors
    /// before it, earlier before later; a behavior reached twice runs once.
    @Test func lifetimesRunNestedBehaviorsFirstAndEachOnce() throws {
        let log = try run("""
            Component({
              behaviors: [require('../../behaviors/b1'), require('../../behaviors/b2')],
              lifetimes: { created() { console.log('own created') }, attached() { console.log('own attached') } },
            })
            """, behaviors: [
            "b3": "module.exports = Behavior({ lifetimes: { created() { console.log('b3 created') } }, attached() { console.log('b3 attached') } })",
            "b1": "module.exports = Behavior({ behaviors: [require('./b3')], created() { console.log('b1 created') } })",
            "b2": "module.exports = Behavior({ behaviors: [require('./b3')], lifetimes: { attached() { console.log('b2 attached') } } })",
        ], [op(1, "attach", #"{"instance":1}"#)])
        #expect(log.console == ["b3 created", "b1 created", "own created", "b3 attached", "b2 attached", "own attached"])
    }

    @Test func observersAndPageLifetimesRunInTheSameOrder() throws {
        let log = try run("""
            Component({
              behaviors: [require('../../behaviors/b1'), require('../../behaviors/b2')],
              observers: { x() { console.log('own x') } },
              pageLifetimes: { hide() { console.log('own hide') } },
            })
            """, behaviors: [
            "b3": "module.exports = Behavior({ observers: { x() { console.log('b3 x') } }, pageLifetimes: { hide() { console.log('b3 hide') } } })",
            "b1": "module.exports = Behavior({ behaviors: [require('./b3')], observers: { 'x, y': function () { console.log('b1 x') } } })",
            "b2": "module.exports = Behavior({ behaviors: [require('./b3')], observers: { '**': function () { console.log('b2 x') } } })",
        ], [op(1, "attach", #"{"instance":1}"#), op(2, "setData", #"{"instance":1,"data":{"x":1}}"#), .hide])
        #expect(log.console == ["b3 x", "b1 x", "b2 x", "own x", "b3 hide", "own hide"])
    }

    @Test func builtInBehaviorsAreAccepted() throws {
        let log = try run("""
            Component({
              behaviors: ['wx://form-field', 'wx://form-field-group', 'wx://form-field-button', 'wx://component-export', 'wx://no-such'],
              methods: { check() { return [this.hasBehavior('wx://form-field'), this.hasBehavior('wx://form-field-button'), this.hasBehavior('wx://no-such'), this.data.name, this.data.value] } },
            })
            """, behaviors: [:], [
            op(1, "call", #"{"instance":1,"method":"check"}"#),
            op(2, "properties", #"{"instance":1,"properties":{"name":"user","value":{"x":1}}}"#),
            op(3, "call", #"{"instance":1,"method":"check"}"#),
        ])
        #expect(log.answer(1) == #"[true,true,false,"",null]"#)
        #expect(log.answer(3) == #"[true,true,false,"user",{"x":1}]"#)
        #expect(log.consoleLines.map(\.message) == [#"[Component] components/card/card: behavior "wx://no-such" is not found"#])
    }

    /// WeChat's example: each behavior's definitionFilter runs when a definition that lists it
    /// is made, with the filters of the behaviors it lists itself.
    @Test func definitionFiltersRunAtDefinitionWithTheirChain() throws {
        let log = try run("Component({ behaviors: [require('../../behaviors/b1')], marker: 'comp' })", behaviors: [
            "b3": "module.exports = Behavior({ definitionFilter(def, arr) { console.log('b3 filter ' + def.marker + ' ' + arr.length) } })",
            "b2": "module.exports = Behavior({ behaviors: [require('./b3')], marker: 'b2', definitionFilter(def, arr) { console.log('b2 filter ' + def.marker + ' ' + arr.length); arr[0](def) } })",
            "b1": "module.exports = Behavior({ behaviors: [require('./b2')], marker: 'b1', definitionFilter(def, arr) { console.log('b1 filter ' + def.marker + ' ' + arr.length) } })",
        ])
        #expect(log.console == ["b3 filter b2 0", "b2 filter b1 1", "b3 filter b1 0", "b1 filter comp 1"])
    }

    /// A definitionFilter may add to the definition before it is read (computed fields, as the
    /// `miniprogram-computed` package does).
    @Test func aDefinitionFilterMayExtendTheDefinition() throws {
        let log = try run("""
            Component({ behaviors: [require('../../behaviors/computed')], data: { a: 2 }, computed: { double(d) { return d.a * 2 } },
              methods: { read() { return [this.data.double, this.fromFilter()] } } })
            """, behaviors: ["computed": """
            module.exports = Behavior({ definitionFilter(def) {
              def.data = def.data || {};
              for (const k of Object.keys(def.computed || {})) def.data[k] = def.computed[k](def.data);
              def.methods = def.methods || {};
              def.methods.fromFilter = function () { return 'filtered' };
            } })
            """], [op(1, "call", #"{"instance":1,"method":"read"}"#)])
        #expect(log.answer(1) == #"[4,"filtered"]"#)
    }

    @Test func behaviorNeedsAnObjectAndBehaviorsAnArray() throws {
        let log = try run("""
            const nested = require('../../behaviors/b1'), inner = require('../../behaviors/b3');
            try { Behavior(null) } catch (e) { console.log('null ' + e.name) }
            try { Component({ behaviors: 'b' }) } catch (e) { console.log('string ' + e.name) }
            console.log('frozen ' + Object.isFrozen(nested));
            Component({ behaviors: [nested, {}], methods: { has() { return this.hasBehavior(inner) } } })
            """, behaviors: [
            "b3": "module.exports = Behavior({})",
            "b1": "module.exports = Behavior({ behaviors: [require('./b3')] })",
        ], [op(1, "call", #"{"instance":1,"method":"has"}"#)])
        #expect(log.console == ["null TypeError", "string TypeError", "frozen true",
                                "[Component] components/card/card: an entry of behaviors is not a Behavior(); ignored"])
        #expect(log.answer(1) == "true")
    }

    @Test func aPageListingBehaviorsGetsTheirDataAndMethodsUnderItsOwn() throws {
        let log = try runApp([
            "behaviors/b3.js": "module.exports = Behavior({ data: { who: 'b3', obj: { a: 'b3' } }, methods: { m() { return 'b3' }, deep() { return 'deep' } } })",
            "behaviors/b1.js": "module.exports = Behavior({ behaviors: [require('./b3')], data: { who: 'b1', obj: { b: 'b1' } }, methods: { m() { return 'b1' } } })",
            "pages/index/index.js": """
            Page({ behaviors: [require('../../behaviors/b1')], data: { obj: { c: 'own' } }, own() { return 'own' },
              onLoad() { console.log([this.data.who, JSON.stringify(this.data.obj), this.m(), this.deep(), this.own()].join(' ')) } })
            """,
        ])
        #expect(log.console == [#"b1 {"a":"b3","b":"b1","c":"own"} b1 deep own"#])
    }
}
