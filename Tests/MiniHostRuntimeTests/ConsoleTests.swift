import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct ConsoleTests {
    /// Runs `body` in the entry page module and returns the console lines.
    func lines(_ body: String) throws -> EventLog {
        try runApp(["pages/index/index.js": body + "\nPage({})"])
    }

    @Test func levels() throws {
        let log = try lines("console.log('l'); console.info('i'); console.warn('w'); console.error('e'); console.debug('d');")
        #expect(log.consoleLines.map { "\($0.level):\($0.message)" } == ["log:l", "info:i", "warn:w", "error:e", "debug:d"])
    }

    @Test func formatSpecifiers() throws {
        let log = try lines("""
        console.log('%s is %d years', 'Bob', 42);
        console.log('%d %d %d %d', 42.5, '7', 'x', 10n);
        console.log('%i %i %i', 42.9, -3.7, '12.5');
        console.log('%f %f', 1.5, '2.25abc');
        console.log('%j', { a: [1, 'b'] });
        console.log('100%% sure %s', 'yes');
        console.log('%o', { a: { b: { c: { d: { e: 1 } } } } });
        console.log('%O', { a: { b: { c: { d: 1 } } } });
        console.log('%s and %s', 'one');
        console.log('%s', 'a', 'extra', 3);
        console.log('%c styled', 'color: red');
        console.log('%x %s', 'y');
        console.log('%s %s %s', null, undefined, true);
        console.log('%s', { k: 'v' });
        console.log('%j', (() => { const o = {}; o.o = o; return o })());
        """)
        #expect(log.console == [
            "Bob is 42 years",
            "42.5 7 NaN 10n",
            "42 -3 12",
            "1.5 2.25",
            "{\"a\":[1,\"b\"]}",
            "100% sure yes",
            "{ a: { b: { c: { d: { e: 1 } } } } }",
            "{ a: { b: { c: [Object] } } }",
            "one and %s",
            "a extra 3",
            " styled",
            "%x y",
            "null undefined true",
            "{ k: 'v' }",
            "[Circular]",
        ])
    }

    @Test func percentAloneIsLeftAsIs() throws {
        // Like Node: a single string argument is printed verbatim.
        let log = try lines("console.log('50%'); console.log('100%%'); console.log('%');")
        #expect(log.console == ["50%", "100%%", "%"])
    }

    @Test func primitivesPrintLikeNode() throws {
        let log = try lines("console.log('str', 1, -0, 10n, true, null, undefined, Symbol('s'), Symbol(), NaN, -Infinity);")
        #expect(log.console == ["str 1 -0 10n true null undefined Symbol(s) Symbol() NaN -Infinity"])
    }

    @Test func objectsAndArraysPrintReadably() throws {
        let log = try lines("""
        console.log({ a: 1, b: 'x', c: [1, 2, { d: null }], 'key with space': true });
        console.log([1, 'two', [3, [4, [5, [6]]]]]);
        console.log({ a: { b: { c: { d: 1 } } } });
        console.log([], {}, [undefined, null]);
        console.log(new Array(3));
        console.log({ nested: ['s', "it's"] });
        console.log(Object.create(null));
        class Point { constructor() { this.x = 1; this.y = 2 } }
        console.log(new Point());
        console.log(new Date(0), /re+/gi);
        console.log({ get g() { console.log('GETTER RAN'); return 1 }, v: 1 });
        """)
        #expect(log.console == [
            "{ a: 1, b: 'x', c: [ 1, 2, { d: null } ], 'key with space': true }",
            "[ 1, 'two', [ 3, [ 4, [Array] ] ] ]",
            "{ a: { b: { c: [Object] } } }",
            "[] {} [ undefined, null ]",
            "[ <empty>, <empty>, <empty> ]",
            "{ nested: [ 's', 'it\\'s' ] }",
            "[Object: null prototype] {}",
            "Point { x: 1, y: 2 }",
            "1970-01-01T00:00:00.000Z /re+/gi",
            "{ g: [Getter], v: 1 }",
        ])
    }

    @Test func mapsAndSets() throws {
        let log = try lines("""
        console.log(new Map([['k', 1], [{ o: 1 }, [2]]]));
        console.log(new Set([1, 'two']), new Set(), new Map());
        console.log({ m: new Map([[1, new Set([2])]]) });
        """)
        #expect(log.console == [
            "Map(2) { 'k' => 1, { o: 1 } => [ 2 ] }",
            "Set(2) { 1, 'two' } Set(0) {} Map(0) {}",
            "{ m: Map(1) { 1 => Set(1) { 2 } } }",
        ])
    }

    @Test func circularReferences() throws {
        let log = try lines("""
        const o = { name: 'o' }; o.self = o; o.list = [o];
        console.log(o);
        const a = [1]; a.push(a);
        console.log(a);
        const shared = { s: 1 };
        console.log({ x: shared, y: shared });
        """)
        #expect(log.console == [
            "{ name: 'o', self: [Circular], list: [ [Circular] ] }",
            "[ 1, [Circular] ]",
            "{ x: { s: 1 }, y: { s: 1 } }",  // seen twice is not circular
        ])
    }

    @Test func functionsAndClasses() throws {
        let log = try lines("""
        function foo() {}
        class Bar {}
        console.log(foo, () => 1, { m() {}, arrow: () => {} });
        console.log(Bar, class {});
        console.log([foo]);
        """)
        #expect(log.console == [
            "[Function: foo] [Function (anonymous)] { m: [Function: m], arrow: [Function: arrow] }",
            "[class Bar] [class (anonymous)]",
            "[ [Function: foo] ]",
        ])
    }

    @Test func errorsPrintWithTheirStack() throws {
        let log = try lines("""
        function fail() { return new TypeError('bad thing') }
        console.log(fail());
        console.error('caught:', fail());
        const e = new Error('nostack'); 
        console.log({ err: new RangeError('inner') });
        """)
        let first = log.console[0]
        #expect(first.hasPrefix("TypeError: bad thing\n"))
        #expect(first.contains("fail@miniapp://org.test.app/pages/index/index.js:1"))
        #expect(log.consoleLines[1].level == "error")
        #expect(log.console[1].hasPrefix("caught: TypeError: bad thing\n"))
        #expect(log.console[2].contains("RangeError: inner"))
        #expect(!log.allText.contains("/work/"))
    }

    @Test func thrownValuesWithHostileToStringDoNotRunAppCode() throws {
        let log = try lines("""
        const evil = { toString() { console.log('TOSTRING RAN'); return 'x' }, valueOf() { console.log('VALUEOF RAN'); return 1 } };
        console.log(evil);
        console.log('%s', evil);
        const p = new Proxy({}, { ownKeys() { throw new Error('trap') } });
        console.log(p);
        """)
        #expect(!log.console.contains("TOSTRING RAN"))
        #expect(!log.console.contains("VALUEOF RAN"))
        #expect(log.console.count == 3)
        #expect(log.console[0] == "{ toString: [Function: toString], valueOf: [Function: valueOf] }")
    }

    @Test func assertAndTrace() throws {
        let log = try lines("console.assert(1 === 1, 'never'); console.assert(false, 'value was %d', 5); console.trace('here');")
        #expect(log.consoleLines.count == 2)
        #expect(log.consoleLines[0].level == "error")
        #expect(log.consoleLines[0].message == "Assertion failed: value was 5")
        #expect(log.consoleLines[1].message.hasPrefix("Trace: here\n"))
        #expect(log.consoleLines[1].message.contains("miniapp://org.test.app/pages/index/index.js:1"))
    }

    @Test func longCollectionsAreTruncated() throws {
        let log = try lines("console.log(Array.from({ length: 150 }, (_, i) => i));")
        #expect(log.console.first?.hasSuffix(", 99, ... 50 more items ]") == true)
    }

    @Test func consoleIsFrozenButMayBeReplaced() throws {
        let log = try lines("""
        'use strict';
        try { console.log = () => {}; } catch (e) { console.info('frozen ' + e.name) }
        const orig = console;
        globalThis.console = { log() { orig.warn('replaced') } };
        console.log('x');
        """)
        #expect(log.consoleLines.map(\.level) == ["info", "warn"])
        #expect(log.console == ["frozen TypeError", "replaced"])
    }
}
