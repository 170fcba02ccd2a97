import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct SandboxSecurityTests {
    func run(_ body: String) throws -> EventLog {
        try runApp(["pages/index/index.js": body + "\nPage({})"])
    }

    @Test func codeGenerationFromStringsThrowsEvalError() throws {
        let attempts = [
            "eval('1 + 1')",
            "(0, eval)('1 + 1')",
            "globalThis.eval('1')",
            "new Function('return 1')",
            "Function('return 1')()",
            "(function () {}).constructor('return 1')",
            "(() => {}).constructor('return 1')",
            "Reflect.construct(Function, ['return 1'])",
            "(async function () {}).constructor('return 1')",
            "(function* () {}).constructor('yield 1')",
            "(async function* () {}).constructor('yield 1')",
            "Object.getPrototypeOf(async () => {}).constructor('return 1')",
            "new (class X extends Function {})('return 1')",
        ]
        let body = attempts.enumerated().map { i, code in
            "try { const r = (() => { return \(code) })(); console.log('\(i) RAN ' + typeof r) } catch (e) { console.log('\(i) ' + (e instanceof EvalError) + ' ' + e.name) }"
        }.joined(separator: "\n")
        let log = try run(body)
        #expect(log.console == attempts.indices.map { "\($0) true EvalError" })
    }

    @Test func webAssemblyIsGone() throws {
        let log = try run("console.log(typeof WebAssembly, 'WebAssembly' in globalThis, typeof globalThis.WebAssembly);")
        #expect(log.console == ["undefined false undefined"])
    }

    @Test func globalNamesAreExactlyTheAllowlist() throws {
        let log = try run("""
        console.log(JSON.stringify(Object.getOwnPropertyNames(globalThis)));
        console.log(Object.getOwnPropertySymbols(globalThis).length);
        """)
        let names = try #require(parseJSON(log.console.first ?? "") as? [String])
        let actual = Set(names)
        let allowed = Set(GlobalAllowlist.builtins + GlobalAllowlist.runtime)
        #expect(actual.subtracting(allowed).isEmpty, "leaked globals: \(actual.subtracting(allowed).sorted())")
        // Every runtime global is installed; built-ins this JavaScriptCore does not ship yet (the
        // explicit-resource-management proposal) may be absent, everything else must be there.
        #expect(Set(GlobalAllowlist.runtime).isSubset(of: actual))
        let missing = allowed.subtracting(actual)
        #expect(missing.isSubset(of: ["SuppressedError", "DisposableStack", "AsyncDisposableStack"]), "missing: \(missing.sorted())")
        #expect(names.count == actual.count)
        #expect(log.console.last == "0")
    }

    @Test func engineAndHostInternalsAreUnreachable() throws {
        let names = ["native", "$vm", "$", "print", "debug", "gc", "load", "loadString", "run", "readFile", "quit", "describe",
                     "jscOptions", "callerSourceOrigin", "SharedArrayBuffer", "WebAssembly", "require", "module", "exports",
                     "process", "window", "self", "fetch", "XMLHttpRequest", "importScripts", "dispatcher"]
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        let log = try run("""
        const present = [\(list)].filter(n => n in globalThis);
        console.log('present ' + JSON.stringify(present));
        'use strict';
        let callerLeak = 'none';
        try { callerLeak = typeof getApp.caller } catch (e) { callerLeak = e.name }
        console.log('caller ' + callerLeak);
        try { callerLeak = typeof setTimeout.arguments } catch (e) { callerLeak = e.name }
        console.log('arguments ' + callerLeak);
        """)
        #expect(log.console[0] == "present []")
        #expect(log.console[1] == "caller TypeError")
        #expect(log.console[2] == "arguments TypeError")
    }

    @Test func intrinsicsAreFrozen() throws {
        let log = try run("""
        'use strict';
        const objs = { 'Object.prototype': Object.prototype, 'Array.prototype': Array.prototype, 'Function.prototype': Function.prototype,
          'Promise.prototype': Promise.prototype, 'Error.prototype': Error.prototype, 'String.prototype': String.prototype,
          'RegExp.prototype': RegExp.prototype, 'Map.prototype': Map.prototype, Object, Array, Promise, JSON, Math, Reflect,
          'generator proto': Object.getPrototypeOf(function* () {}), 'async fn proto': Object.getPrototypeOf(async function () {}),
          'array iterator': Object.getPrototypeOf([][Symbol.iterator]()) };
        for (const k of Object.keys(objs)) if (!Object.isFrozen(objs[k])) console.log('NOT FROZEN ' + k);
        const attempts = {
          addToObjectProto: () => { Object.prototype.polluted = 1 },
          defineOnObjectProto: () => Object.defineProperty(Object.prototype, 'polluted', { value: 1 }),
          replaceArrayPush: () => { Array.prototype.push = function () {} },
          replaceArrayMap: () => { Array.prototype.map = function () {} },
          replaceFunctionCall: () => { Function.prototype.call = function () {} },
          replacePromiseThen: () => { Promise.prototype.then = function () {} },
          replaceObjectToString: () => { Object.prototype.toString = () => 'pwned' },
          replaceJSONParse: () => { JSON.parse = () => ({}) },
          replaceReflectApply: () => { Reflect.apply = () => {} },
          setProtoOfObjectProto: () => { Object.setPrototypeOf(Object.prototype, {}) },
          deleteArrayMap: () => { delete Array.prototype.map },
          redefineMp: () => { globalThis.mp = {} },
          deleteMp: () => { delete globalThis.mp },
          replaceSetTimeout: () => { globalThis.setTimeout = () => {} },
          replaceApp: () => { globalThis.App = () => {} },
        };
        for (const k of Object.keys(attempts)) {
          try { attempts[k](); console.log('ALLOWED ' + k) } catch (e) { console.log('blocked ' + e.name) }
        }
        console.log('clean ' + ({}).polluted + ' ' + [1].map(x => x + 1) + ' ' + Object.prototype.toString.call([]) + ' ' + typeof Array.prototype.push);
        """)
        #expect(!log.console.contains { $0.hasPrefix("NOT FROZEN") }, "\(log.console)")
        #expect(!log.console.contains { $0.hasPrefix("ALLOWED") }, "\(log.console)")
        #expect(log.logged("blocked ") == Array(repeating: "TypeError", count: 15))
        #expect(log.console.last == "clean undefined 2 [object Array] function")
    }

    /// Every object reachable from the global object (own values, getters, setters, prototypes)
    /// and the intrinsics reachable only by calling (iterator helpers, async iterators, Intl's
    /// segments) is frozen: found by walking, as an attacker would, not from a list. Plain
    /// methods (functions with no `prototype`) are leaves and stay as they are.
    @Test func everyReachableIntrinsicIsFrozen() throws {
        let log = try run("""
        'use strict';
        const seen = new Set(), open = [];
        const roots = [[], new Map().entries(), new Set().values(), ''[Symbol.iterator](), /a/[Symbol.matchAll](''),
          function* () {}, async function* () {}, async function () {}];
        try { roots.push(Iterator.prototype.map.call([].values(), (x) => x)); } catch (e) {}
        try { roots.push(Iterator.from({ next() { return { done: true }; } })); } catch (e) {}
        try { const s = new Intl.Segmenter().segment(''); roots.push(s, s[Symbol.iterator]()); } catch (e) {}
        const pending = [];
        for (const k of Reflect.ownKeys(globalThis)) { const d = Object.getOwnPropertyDescriptor(globalThis, k); if ('value' in d && k !== 'global') pending.push([String(k), d.value]); }
        for (const r of roots) pending.push(['(made) ' + Object.prototype.toString.call(r), Object.getPrototypeOf(r)]);
        while (pending.length) {
          const [path, o] = pending.pop();
          if (o === null || (typeof o !== 'object' && typeof o !== 'function') || o === globalThis || seen.has(o)) continue;
          seen.add(o);
          const method = typeof o === 'function' && !Object.getOwnPropertyDescriptor(o, 'prototype') && o !== Function.prototype && o !== Proxy;  // a leaf: name and length
          if (!Object.isFrozen(o) && !method) open.push(path);
          pending.push([path + '.__proto__', Object.getPrototypeOf(o)]);
          for (const k of Reflect.ownKeys(o)) {
            const d = Object.getOwnPropertyDescriptor(o, k), name = path + '.' + String(k);
            if ('value' in d) pending.push([name, d.value]); else { pending.push([name + '(get)', d.get]); pending.push([name + '(set)', d.set]); }
          }
        }
        console.log('walked ' + (seen.size > 500) + ' open ' + open.slice(0, 10).join(', '));
        try { Intl.NumberFormat.prototype.format = () => 'poisoned'; console.log('ALLOWED'); } catch (e) { console.log('blocked ' + e.name); }
        try { Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())).x = 1; console.log('ALLOWED'); } catch (e) { console.log('blocked ' + e.name); }
        """)
        #expect(log.console == ["walked true open ", "blocked TypeError", "blocked TypeError"], "\(log.console)")
    }

    /// The runtime reads no global at call time: an app that replaces `Math`, `parseFloat`, `Date`,
    /// `RegExp`, `Reflect` or `decodeURIComponent` still gets its console formatting, navigation
    /// and query strings.
    @Test func theRuntimeKeepsWorkingWhenAnAppReplacesGlobals() throws {
        let log = try runApp([
            "app.js": """
            App({ onLaunch() {
              const date = new Date(0), re = /x/g;
              Math = {}; parseFloat = null; Date = 1; RegExp = 2; Reflect = 3; decodeURIComponent = 4;
              console.log('%i %f %d', -1.5, '2.5', 3);
              console.log(date, re);
              mp.navigateTo({ url: '/pages/next/next?name=a%20b' });
            } })
            """,
            "pages/index/index.js": "Page({})",
            "pages/next/next.js": """
            Page({ onLoad(q) { console.log('query ' + q.name); mp.navigateBack({ delta: 5 }).then(r => console.log(r.errMsg)); } })
            """,
        ], pages: ["pages/index/index", "pages/next/next"])
        #expect(log.console.contains("-1 2.5 3"), "\(log.console)")
        #expect(log.console.contains("1970-01-01T00:00:00.000Z /x/g"), "\(log.console)")
        #expect(log.console.contains("query a b"), "\(log.console)")
        #expect(log.console.contains("navigateBack:ok"), "\(log.console)")
        #expect(log.errors.isEmpty, "\(log.errors)")
    }

    @Test func sloppyModeTamperingFailsSilentlyAndChangesNothing() throws {
        let log = try run("""
        Object.prototype.polluted = 1;
        Array.prototype.includes = () => true;
        console.log(({}).polluted, [1].includes(2));
        """)
        #expect(log.console == ["undefined false"])
    }

    @Test func shadowingOnInstancesStillWorks() throws {
        let log = try run("""
        'use strict';
        const o = {}; o.toString = () => 'custom'; o.valueOf = () => 42; o.constructor = 'c'; o.hasOwnProperty = 1;
        console.log(String(o) + ' ' + (o + 0) + ' ' + o.constructor + ' ' + Object.keys(o).join(','));
        const arr = [1]; arr.push = function (x) { return 'mine ' + x };
        console.log(arr.push(2) + ' ' + [].push(3));
        function F() {} F.prototype.toString = function () { return 'F!' };
        console.log(String(new F()) + ' ' + String({}));
        const fn = function () {}; fn.toString = () => 'fn!';
        console.log(String(fn));
        class E extends Error { constructor() { super('x'); this.name = 'E' } }
        const e = new E();
        console.log(e.name + ' ' + e.message + ' ' + (e instanceof E) + ' ' + (e instanceof Error) + ' ' + String(e) + ' ' + Error.prototype.name);
        class Custom extends Error {} Custom.prototype.name = 'Custom';
        console.log(String(new Custom('m')));
        const err = new TypeError('t'); err.message = 'changed';
        console.log(err.message + ' ' + TypeError.prototype.message.length);
        const p = Promise.resolve(1); p.then = function () { return 'own then' };
        console.log(p.then());
        class Q extends Promise {}
        console.log(Q.resolve(1) instanceof Q);
        """)
        #expect(log.console == [
            "custom 42 c toString,valueOf,constructor,hasOwnProperty",
            "mine 2 1",
            "F! [object Object]",
            "fn!",
            "E x true true E: x Error",
            "Custom: m",
            "changed 0",
            "own then",
            "true",
        ])
        #expect(log.errors.isEmpty)
    }

    @Test func mpAndWxAreTheSameFrozenObject() throws {
        let log = try run("""
        'use strict';
        console.log((mp === wx) + ' ' + Object.isFrozen(mp) + ' ' + typeof mp.navigateTo);
        try { mp.navigateTo = null; console.log('ALLOWED') } catch (e) { console.log('blocked ' + e.name) }
        try { wx.extra = 1; console.log('ALLOWED') } catch (e) { console.log('blocked ' + e.name) }
        console.log(mp.canIUse('navigateTo') + ' ' + mp.canIUse('navigateBack') + ' ' + mp.canIUse('redirectTo') + ' ' + mp.canIUse('reLaunch') + ' ' + mp.canIUse('canIUse'));
        console.log(mp.canIUse('nope') + ' ' + mp.canIUse('') + ' ' + mp.canIUse() + ' ' + mp.canIUse('toString') + ' ' + mp.canIUse('constructor') + ' ' + mp.canIUse('__proto__') + ' ' + mp.canIUse('hasOwnProperty'));
        """)
        #expect(log.console == ["true true function", "blocked TypeError", "blocked TypeError", "true true true true true", "false false false false false false false"])
    }

    @Test func runtimeFunctionsCannotBeUsedToReachTheHost() throws {
        // The runtime's own functions expose nothing through their properties.
        let log = try run("""
        'use strict';
        const fns = [App, Page, getApp, getCurrentPages, setTimeout, setInterval, clearTimeout, clearInterval, queueMicrotask, mp.navigateTo, console.log];
        console.log(fns.every(f => Object.getOwnPropertyNames(f).every(n => ['length', 'name', 'prototype'].includes(n))));
        console.log(String(App).includes('native') + ' ' + String(console.log).includes('native.print'));
        """)
        // (The source text of a runtime function is visible, as in any JavaScript engine, but the
        // `native` object it closes over is not reachable from it.)
        #expect(log.console.first == "true")
    }
}
