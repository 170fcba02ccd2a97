import Foundation
import Testing

/// End-to-end: packages written with ES modules and TypeScript run through the real CLI, with
/// errors at the positions the developer wrote.
@Suite struct ESModuleAndTypeScriptTests {
    static let files: [String: String] = [
        "app.ts": "import { greet } from './utils/greet';\nApp({ onLaunch() { console.log(greet('ts')) } });\n",
        "utils/greet.ts": "export function greet(name: string): string {\n  return 'hello ' + name;\n}\nexport function fail(): never {\n  throw new Error('typed boom');\n}\n",
        "utils/legacy.js": "module.exports = { n: 42 };\n",
        "pages/index/index.js": "import legacy from '../../utils/legacy';\nimport * as g from '../../utils/greet';\nPage({\n  onLoad() { console.log('legacy ' + legacy.n); },\n  boom() {\n    g.fail();\n  },\n});\n",
    ]

    @Test(arguments: ["process", "in-process"])
    func modulesRunAndErrorsPointAtTheSource(isolation: String) throws {
        let app = try TempApp(files: Self.files, manifestExtra: #""limits": {"cpu_ms": 5000}"#)
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--data-dir", tempDataDir()], stdin: "call - boom\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == ["hello ts", "legacy 42"])
        // Each console line says where it was printed, in the file as written.
        let sources = r.events(type: "console").map { $0["source"] as? String ?? "" }
        #expect(sources.count == 2 && sources[0].hasPrefix("miniapp://org.test.e2e/app.ts:2:"), "\(sources)")
        #expect(sources.count == 2 && sources[1].hasPrefix("miniapp://org.test.e2e/pages/index/index.js:4:"), "\(sources)")
        let stack = r.events(type: "error").first?["stack"] as? String ?? ""
        #expect(stack.contains("miniapp://org.test.e2e/utils/greet.ts:5:"), "\(stack)")
        #expect(stack.contains("miniapp://org.test.e2e/pages/index/index.js:6:7"), "\(stack)")
    }

    @Test func aSyntaxErrorNamesFileLineAndColumn() throws {
        var files = Self.files
        files["utils/greet.ts"] = "export function greet(name: string): string {\n  return 'hello ' +;\n}\n"
        let app = try TempApp(files: files)
        defer { app.remove() }
        for command in [["run", app.path, "--dev", "--data-dir", tempDataDir()], ["validate", app.path, "--dev"]] {
            let r = try CLI.run(command, stdin: "")
            #expect(r.status == 2)
            #expect(r.stderr.contains(#"utils/greet.ts:2:20: Unexpected ";""#), "\(r.stderr)")
        }
    }

    @Test func withoutEsbuildTheErrorNamesThePackageToInstall() throws {
        let app = try TempApp(files: Self.files)
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--data-dir", tempDataDir()], stdin: "", env: ["MINIHOST_ESBUILD": "/nonexistent/esbuild"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("esbuild is not installed: install the Debian package esbuild"), "\(r.stderr)")
    }
}
