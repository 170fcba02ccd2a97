import Foundation
import Testing

/// The view layer end to end: a WeChat project with templates, components, WXS and events,
/// driven by a suite written against miniprogram-automator's API, and the run console's view
/// commands, in both isolation modes.
@Suite struct ViewLayerTests {
    static let shop = CLI.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/view-shop").path

    @Test(arguments: ["process", "in-process"])
    func anAutomatorStyleSuiteRunsUnchanged(isolation: String) throws {
        let r = try CLI.run(["test", Self.shop, "--isolation", isolation], timeout: 120)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("9 passed, 0 failed"), "\(r.stdout)")
    }

    @Test(arguments: ["process", "in-process"])
    func theConsoleTapsTypesAndPrintsWXML(isolation: String) throws {
        let script = "tap #inc\nwxml #count\ntap .nothing\nwxml #badge\nquit\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("view-console-\(UUID().uuidString).minihost")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["run", Self.shop, "--dev", "--isolation", isolation, "--data-dir", tempDataDir(), "--script", file.path], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"setData pages/index/index {"count":1,"lastDataset":{"step":1,"userId":"u1"}}"#), "\(r.stdout)")
        #expect(r.stdout.contains(#""value" : "<text id=\"count\">Count: 1</text>""#), "\(r.stdout)")
        #expect(r.stdout.contains(#""error" : "no element matches .nothing on the page""#), "\(r.stdout)")
        #expect(r.stdout.contains(#"<view class=\"badge\" hidden=\"false\">1</view>"#), "\(r.stdout)")
    }

    /// A snapshot that differs fails with a diff, and `--update-snapshots` rewrites it.
    @Test func snapshotsFailOnADifferenceAndUpdateOnRequest() throws {
        let app = try TempApp(files: [
            "pages/index/index.js": "Page({ data: { n: 1 } })",
            "pages/index/index.wxml": "<view id=\"n\">{{n}}</view>",
            "tests/snap.test.js": "it('snaps', async () => { const p = await (await minihost.launch()).currentPage(); expect(await (await p.$('#n')).outerWxml()).toMatchSnapshot(); });",
            "tests/__snapshots__/snap.test.js.snap": "exports[`snaps 1`] = `<view id=\"n\">2</view>`;\n",
        ])
        defer { app.remove() }
        let failed = try CLI.run(["test", app.path], timeout: 120)
        #expect(failed.status == 1, "\(failed.stdout)")
        #expect(failed.stdout.contains("Snapshot \"snaps 1\" differs"), "\(failed.stdout)")
        let updated = try CLI.run(["test", app.path, "--update-snapshots"], timeout: 120)
        #expect(updated.status == 0, "\(updated.stdout)")
        let file = try String(contentsOfFile: app.path + "/tests/__snapshots__/snap.test.js.snap", encoding: .utf8)
        #expect(file.contains("exports[`snaps 1`] = `<view id=\"n\">1</view>`;"))
        #expect(try CLI.run(["test", app.path], timeout: 120).status == 0)
    }

    /// WXS runs in the view context with WeChat's WXS globals only: nothing of the app's logic,
    /// no code generation, frozen intrinsics; and the app's logic sees nothing of the view.
    @Test(arguments: ["process", "in-process"])
    func wxsAndTheAppCannotReachEachOther(isolation: String) throws {
        let probe = """
            var g = (function () { return this; })();
            function probe() {
              var out = [];
              out.push(Object.getOwnPropertyNames(g).sort().join(','));
              out.push([typeof wx, typeof getApp, typeof Page, typeof setTimeout, typeof Date, typeof RegExp, typeof Function].join(','));
              try { getDate.constructor('return 1'); out.push('codegen allowed'); } catch (e) { out.push(e.name); }
              try { Array.prototype.push = null; out.push(Array.prototype.push === null ? 'changed' : 'kept'); } catch (e) { out.push(e.name); }
              out.push(getDate(0).getTime() + ',' + getRegExp('a+', 'g').test('caa'));
              return out.join(' | ');
            }
            module.exports = { probe: probe };
            """
        let app = try TempApp(files: [
            "pages/index/index.js": "Page({ onLoad() { console.log([typeof nodesById, typeof instances, typeof lockDownView, typeof callLogic].join(',')); } })",
            "pages/index/index.wxml": "<wxs module=\"p\" src=\"./probe.wxs\"/>\n<view id=\"probe\">{{p.probe()}}</view>",
            "pages/index/probe.wxs": probe,
        ])
        defer { app.remove() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("view-probe-\(UUID().uuidString).minihost")
        try Data("wxml #probe\nquit\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["run", app.path, "--dev", "--isolation", isolation, "--data-dir", tempDataDir(), "--script", file.path], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("> undefined,undefined,undefined,undefined"), "\(r.stdout)")
        let globals = "Array,Boolean,Error,Infinity,JSON,Math,NaN,Number,Object,RangeError,ReferenceError,String,SyntaxError,TypeError,console,decodeURI,decodeURIComponent,encodeURI,encodeURIComponent,isFinite,isNaN,parseFloat,parseInt,undefined"
        #expect(r.stdout.contains(globals + " | undefined,undefined,undefined,undefined,undefined,undefined,undefined | EvalError | kept | 0,true"), "\(r.stdout)")
    }
}
