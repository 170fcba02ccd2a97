import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct ModuleTests {
    func run(_ page: String, _ files: [String: String] = [:], app: String = "App({ onError(e) { console.log('onError ' + e) } })") throws -> EventLog {
        var all = files
        all["app.js"] = app
        all["pages/index/index.js"] = page + "\nPage({})"
        return try runApp(all)
    }

    @Test func relativeRequires() throws {
        let log = try run("""
        console.log(require('../../utils/b').name);
        console.log(require('../../utils/b.js').name);
        console.log(require('./helper').name);
        console.log(require('./helper.js').name);
        console.log(JSON.stringify(require('../../data/config.json')));
        console.log(JSON.stringify(require('../../data/config')));
        console.log(require('../../lib').name);
        console.log(require('../../lib/').name);
        console.log(require('../../utils/./b').fromC);
        console.log(require('../index/../../utils/b').name);
        console.log(require('../../lib/sub/deep').up);
        """, [
            "utils/b.js": "exports.name = 'b'; exports.fromC = require('./c').name;",
            "utils/c.js": "module.exports = { name: 'c' };",
            "pages/index/helper.js": "exports.name = 'helper';",
            "data/config.json": #"{"k": [1, 2], "s": "v"}"#,
            "lib/index.js": "module.exports = { name: 'lib index' };",
            "lib/sub/deep.js": "exports.up = require('../../utils/c').name + ' from deep';",
        ])
        #expect(log.console == [
            "b", "b", "helper", "helper",
            "{\"k\":[1,2],\"s\":\"v\"}", "{\"k\":[1,2],\"s\":\"v\"}",
            "lib index", "lib index", "c", "b", "c from deep",
        ])
        #expect(log.errors.isEmpty)
    }

    @Test func moduleExportsVersusExports() throws {
        let log = try run("""
        console.log(typeof require('../../m/fn'), require('../../m/fn')(2));
        console.log(JSON.stringify(require('../../m/reassigned')));
        console.log(JSON.stringify(require('../../m/both')));
        const meta = require('../../m/meta');
        console.log(meta.thisIsExports, meta.id, meta.filename, meta.loadedDuringRun, typeof meta.req);
        """, [
            "m/fn.js": "module.exports = function twice(x) { return x * 2 };",
            "m/reassigned.js": "exports = { lost: true }; exports.alsoLost = 1;",
            "m/both.js": "exports.a = 1; module.exports = { b: 2 }; exports.c = 3;",
            "m/meta.js": "exports.thisIsExports = this === module.exports; exports.id = module.id; exports.filename = module.filename; exports.loadedDuringRun = module.loaded; exports.req = require;",
        ])
        #expect(log.console == ["function 4", "{}", "{\"b\":2}", "true m/meta.js m/meta.js false function"])
    }

    @Test func modulesAreCachedAndRunOnce() throws {
        let log = try run("""
        const a1 = require('../../utils/counted');
        const a2 = require('../../utils/counted.js');
        const a3 = require('../other/uses-counted').counted;
        console.log('same ' + (a1 === a2) + ' ' + (a1 === a3));
        const j1 = require('../../data/d.json'), j2 = require('../../data/d');
        console.log('json same ' + (j1 === j2));
        """, [
            "utils/counted.js": "console.log('loading counted'); exports.x = {};",
            "pages/other/uses-counted.js": "exports.counted = require('../../utils/counted');",
            "data/d.json": "{\"a\": 1}",
        ])
        #expect(log.console == ["loading counted", "same true true", "json same true"])
    }

    /// Module paths are exact code points: the NFD spelling of an NFC file name is another path
    /// (not found), never a second evaluation of the same file.
    @Test func modulePathsAreExactCodePoints() throws {
        let log = try run("""
        const a = require('../../utils/caf\\u00e9');
        try { require('../../utils/cafe\\u0301'); } catch (e) { console.log('nfd: ' + e.message.split(' (')[0]); }
        console.log('same ' + (a === require('../../utils/caf\\u00e9')));
        """, [
            "utils/caf\u{e9}.js": "console.log('loading'); exports.x = 1;",
        ])
        #expect(log.console == ["loading", "nfd: Cannot find module '../../utils/cafe\u{301}' from 'pages/index/index.js'", "same true"])
    }

    /// WeChat's resolution: bare names in `miniprogram_npm/` from the caller's folder up to the
    /// root (the nearest wins), then relative to the caller; `require.async`; `global`.
    @Test func npmPackagesRelativeBareNamesAsyncAndGlobal() throws {
        let log = try run("""
        console.log(require('dayjs').name + ' ' + require('dayjs/plugin/utc').name + ' ' + require('@scope/lib').name);
        console.log(require('near').name + ' ' + require('helper').name);
        global.counter = 1; require('../../utils/bump'); console.log('global ' + global.counter + ' ' + (global === globalThis));
        require.async('../../utils/late').then((m) => console.log('async ' + m.name));
        console.log('sync first');
        try { require('missing-pkg'); } catch (e) { console.log(e.message.split(' (')[0]); }
        """, [
            "miniprogram_npm/dayjs/index.js": "exports.name = 'dayjs-root'",
            "miniprogram_npm/dayjs/plugin/utc.js": "exports.name = 'utc'",
            "miniprogram_npm/@scope/lib/index.js": "exports.name = 'scoped'",
            "miniprogram_npm/near/index.js": "exports.name = 'far'",
            "pages/index/miniprogram_npm/near/index.js": "exports.name = 'near'",
            "pages/index/helper.js": "exports.name = 'relative helper'",
            "utils/bump.js": "global.counter += 1",
            "utils/late.js": "exports.name = 'late'",
        ])
        #expect(log.console == [
            "dayjs-root utc scoped", "near relative helper", "global 2 false", "sync first",
            "Cannot find module 'missing-pkg' from 'pages/index/index.js'", "async late",
        ])
    }

    /// `resolveAlias` from app.json: folder aliases (`@utils/*`), exact ones, longest first,
    /// targets from the package root, still confined to the package.
    @Test func resolveAliasRewritesSpecsFromTheRoot() throws {
        let log = try runApp([
            "pages/index/index.js": """
            console.log(require('@utils/fmt').name + ' ' + require('@utils/deep/x').name + ' ' + require('~/lib/a').name + ' ' + require('config').name);
            try { require('@out/x') } catch (e) { console.log(e.message) }
            Page({})
            """,
            "utils/fmt.js": "exports.name = 'fmt'",
            "shared/deep/x.js": "exports.name = 'deep'",
            "lib/a.js": "exports.name = 'a'",
            "settings/config.js": "exports.name = 'config'",
        ], resolveAlias: ["@utils/*": "/utils/*", "@utils/deep/*": "shared/deep/*", "~/*": "/*", "config": "settings/config", "@out/*": "../*"])
        #expect(log.console == ["fmt deep a config", "Cannot require '@out/x' from pages/index/index.js: its alias leaves the package"])
    }

    @Test func cyclesGivePartialExportsAsInNode() throws {
        let log = try run("""
        const a = require('../../cyc/a');
        console.log('a ' + JSON.stringify(a));
        console.log('b ' + JSON.stringify(require('../../cyc/b')));
        """, [
            "cyc/a.js": "exports.early = 'a-early'; const b = require('./b'); exports.late = 'a-late'; exports.bSaw = b.sawA; exports.bDone = b.done;",
            "cyc/b.js": "const a = require('./a'); exports.sawA = JSON.stringify(a); exports.done = true; exports.aLoaded = a.late;",
        ])
        #expect(log.console == [
            "a {\"early\":\"a-early\",\"late\":\"a-late\",\"bSaw\":\"{\\\"early\\\":\\\"a-early\\\"}\",\"bDone\":true}",
            "b {\"sawA\":\"{\\\"early\\\":\\\"a-early\\\"}\",\"done\":true}",
        ])
    }

    @Test func missingModuleErrorNamesTheSpecAndTheCaller() throws {
        let log = try run("""
        try { require('./nope') } catch (e) { console.log(e.message) }
        try { require('../../utils/user') } catch (e) { console.log(e.message) }
        """, ["utils/user.js": "require('./missing-dep');"])
        #expect(log.console.count == 2)
        let first = log.console[0]
        #expect(first.contains("'./nope'"))
        #expect(first.contains("pages/index/index.js"))
        let second = log.console[1]
        #expect(second.contains("'./missing-dep'"))
        #expect(second.contains("utils/user.js"))
        #expect(!log.allText.contains("/work/"))
    }

    @Test func aModuleThatThrowsIsNotCached() throws {
        let log = try run("""
        for (let i = 0; i < 2; i++) { try { require('../../utils/bad') } catch (e) { console.log('threw ' + e.message) } }
        """, ["utils/bad.js": "console.log('running bad'); throw new Error('bad module');"])
        #expect(log.console == ["running bad", "threw bad module", "running bad", "threw bad module"])
    }

    @Test func escapesAreRejectedWithoutHostPaths() throws {
        let specs = ["../../../etc/passwd", "../../../../../../../../etc/passwd", "/abs", "/etc/passwd", "http://x", "file:///etc/passwd",
                     "C:\\\\x", "..\\\\..\\\\x", "./a\\u0000b", "..", "../..", "../../..", ""]
        let list = specs.map { "'\($0)'" }.joined(separator: ", ")
        let log = try run("""
        for (const s of [\(list)]) {
          try { const m = require(s); console.log('LOADED ' + s + ' ' + typeof m) }
          catch (e) { console.log('rejected ' + e.name + ': ' + e.message) }
        }
        try { require() } catch (e) { console.log('rejected ' + e.name) }
        try { require(42) } catch (e) { console.log('rejected ' + e.name) }
        """, ["etc/passwd": "root:x:0:0"])
        let rejected = log.logged("rejected ")
        #expect(log.logged("LOADED ").isEmpty)
        #expect(rejected.count == specs.count + 2)
        // Each error names what was asked for.
        #expect(rejected[0].contains("'../../../etc/passwd'"))
        #expect(rejected[0].contains("leaves the package"))
        #expect(rejected[2].contains("'/abs'"))
        #expect(rejected[4].contains("'http://x'"))
        for text in [log.allText] {
            #expect(!text.contains("/work/"))
            #expect(!text.contains("/tmp/"))
            #expect(!text.contains("root:x"))
        }
    }

    @Test func stackTracesUseVirtualURLs() throws {
        let log = try run("""
        const t = require('../../utils/thrower');
        try { t.f() } catch (e) { console.log(e.stack) }
        setTimeout(() => t.f(), 0);
        """, ["utils/thrower.js": "// line 1\n// line 2\nexports.f = function f() { throw new Error('deep') }"])
        let stack = log.console.first ?? ""
        #expect(stack.contains("f@miniapp://org.test.app/utils/thrower.js:3:"))
        #expect(stack.contains("miniapp://org.test.app/pages/index/index.js:2:"))
        let onError = log.logged("onError ").first ?? ""
        #expect(onError.hasPrefix("Error: deep\n"))
        #expect(onError.contains("miniapp://org.test.app/utils/thrower.js:3"))
        #expect(log.errors(kind: "exception").first?.stack?.contains("miniapp://org.test.app/utils/thrower.js:3") == true)
        #expect(!log.allText.contains("/work/"))
    }

    @Test func syntaxErrorInAModuleNamesTheFile() throws {
        let log = try run("""
        try { require('../../utils/broken') } catch (e) { console.log(e.name + ' | ' + e.message) }
        """, ["utils/broken.js": "exports.a = 1;\nexports.b = ;\n"])
        let line = try #require(log.console.first)
        #expect(line.contains("SyntaxError"))
        #expect(line.contains("utils/broken.js"))
        #expect(line.contains(":2"))
    }

    @Test func invalidJSONModuleIsReported() throws {
        let log = try run("try { require('../../data/bad.json') } catch (e) { console.log(e.message) }", ["data/bad.json": "{ nope"])
        #expect(log.console.first?.contains("data/bad.json") == true)
    }

    @Test func requireIsNotAGlobal() throws {
        let log = try run("console.log(typeof require, typeof globalThis.require, typeof module, typeof exports, 'require' in globalThis);")
        #expect(log.console == ["function undefined object object false"])
    }
}
