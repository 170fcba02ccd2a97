import Foundation
import MiniHostProtocol
import Testing
@testable import MiniHostCore

/// ES modules and TypeScript compiled with esbuild, once per content, with maps back to the source.
@Suite struct CompileTests {
    let files: [String: Data] = [
        "app.js": Data("import { twice } from './utils/math';\nApp({ onLaunch() { console.log(twice(2)) } });\n".utf8),
        "utils/math.ts": Data("export function twice(n: number): number {\n  return n * 2;\n}\n".utf8),
        "utils/plain.js": Data("module.exports = { importantNote: 'import is a word here' };\n".utf8),
        "types.d.ts": Data("declare const x: number;\n".utf8),
    ]

    func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("minihost-compile-test-\(UUID().uuidString)")
    }

    @Test func onlyModulesAndTypeScriptAreCompiled() {
        #expect(PackageCompiler.needsCompiling("app.js", files["app.js"]!))
        #expect(PackageCompiler.needsCompiling("utils/math.ts", files["utils/math.ts"]!))
        #expect(!PackageCompiler.needsCompiling("utils/plain.js", files["utils/plain.js"]!))
        #expect(!PackageCompiler.needsCompiling("types.d.ts", files["types.d.ts"]!))
        #expect(PackageCompiler.needsCompiling("x.js", Data("const a = 1;\nexport default a;\n".utf8)))
        #expect(PackageCompiler.needsCompiling("x.js", Data("export { a as b };".utf8)))
        let modules = ["import a from 'a'", "  import {a} from 'a'", "x();\timport * as a from 'a'", "import 'side-effect'", "import$x from 'a'",
                       "export const a = 1", "export{a}", "export *from 'a'", "x = 1; export default 2", "import \u{6587} from 'a'"]
        for text in modules { #expect(PackageCompiler.needsCompiling("m.js", Data(text.utf8)), "\(text)") }
        let scripts = ["import('a').then(f)", "const important = 1", "exports.a = 1", "// see import below", "a.import = b",
                       "x = 'export default'", "exported()", "module.exports = { export: 1 }", ""]
        for text in scripts { #expect(!PackageCompiler.needsCompiling("s.js", Data(text.utf8)), "\(text)") }
    }

    @Test func aDamagedCacheFileIsCompiledAgain() throws {
        let cache = scratch()
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try PackageCompiler.compile(files: files, packageName: "pkg", cacheDirectory: cache)
        let stored = try #require(FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil).first)
        let bytes = try Data(contentsOf: stored)
        for damaged in [bytes.dropLast(1), bytes + Data("x".utf8), Data("[{\"path\":1}]\n".utf8), Data()] {
            try Data(damaged).write(to: stored)
            let again = try PackageCompiler.compile(files: files, packageName: "pkg", cacheDirectory: cache)
            #expect(!again.fromCache && again.files == first.files)
        }
        #expect(try PackageCompiler.compile(files: files, packageName: "pkg", cacheDirectory: cache).fromCache)
    }

    @Test func aSecondLoadComesFromTheCache() throws {
        let cache = scratch()
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try PackageCompiler.compile(files: files, packageName: "pkg", cacheDirectory: cache)
        #expect(first.compiledCount == 2 && !first.fromCache)
        let code = String(decoding: first.files["utils/math.ts"]!, as: UTF8.self)
        #expect(code.contains("module.exports") && !code.contains(": number") && !code.contains("sourceMappingURL"))
        #expect(first.files["utils/plain.js"] == files["utils/plain.js"])
        let second = try PackageCompiler.compile(files: files, packageName: "pkg", cacheDirectory: cache)
        #expect(second.fromCache && second.files == first.files)
        // A changed file is a different key: compiled again.
        var changed = files
        changed["utils/math.ts"] = Data("export function twice(n: number): number {\n  return n + n;\n}\n".utf8)
        #expect(try !PackageCompiler.compile(files: changed, packageName: "pkg", cacheDirectory: cache).fromCache)
    }

    @Test func mapsLeadBackToTheOriginalLine() throws {
        let result = try PackageCompiler.compile(files: files, packageName: "pkg", cacheDirectory: nil)
        let map = try #require(result.sourceMaps["utils/math.ts"])
        let code = String(decoding: result.files["utils/math.ts"]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(code.firstIndex { $0.contains("return n * 2") }) + 1
        let column = (code[line - 1].range(of: "return")!.lowerBound.utf16Offset(in: code[line - 1])) + 1
        let original = try #require(map.original(line: line, column: column))
        #expect(original.line == 2 && original.column == 3)
        let positions = SourcePositions(appId: "org.x", maps: result.sourceMaps)
        #expect(positions.remap("at twice@miniapp://org.x/utils/math.ts:\(line):\(column)\nat miniapp://org.x/app.js:9") .hasPrefix("at twice@miniapp://org.x/utils/math.ts:2:3\n"))
    }

    @Test func aSyntaxErrorNamesTheFileLineAndColumn() {
        var broken = files
        broken["utils/math.ts"] = Data("export function twice(n: number): number {\n  return n *;\n}\n".utf8)
        do {
            _ = try PackageCompiler.compile(files: broken, packageName: "pkg", cacheDirectory: nil)
            Issue.record("a syntax error compiled")
        } catch {
            // Columns count from 1, as in stack traces (esbuild's own count from 0).
            #expect("\(error)" == #"cannot compile pkg: utils/math.ts:2:13: Unexpected ";""#)
        }
    }

    @Test func compiledModulesShareEsbuildsHelpers() throws {
        let result = try PackageCompiler.compile(files: files, packageName: "pkg", cacheDirectory: nil)
        let code = String(decoding: result.files["utils/math.ts"]!, as: UTF8.self)
        #expect(code.hasPrefix("var { __defProp, __getOwnPropDesc, "), "the installed esbuild writes helpers MiniHost does not know: \(code)")
        #expect(!code.contains("var __export = ") && !code.contains("var __toCommonJS = "))
        // An unknown helper stays, a changed one too, and line numbers never move.
        let written = "\"use strict\";\nvar __defProp = Object.defineProperty;\nvar __later = (x) => __defProp(x, 'a', {});\nvar __hasOwnProp = 1;\nvar m_exports = {};\nrun();"
        #expect(EsbuildHelpers.share(written) == "\"use strict\";\nvar { __defProp } = require(\"minihost:esbuild-helpers\");\nvar __later = (x) => __defProp(x, 'a', {});\nvar __hasOwnProp = 1;\nvar m_exports = {};\nrun();")
        #expect(EsbuildHelpers.share("x();\nvar __defProp = Object.defineProperty;") == "x();\nvar __defProp = Object.defineProperty;")
    }

    @Test func aBadSourceMapIsRefused() {
        #expect(throws: (any Error).self) { try SourceMap(json: Data(#"{"version":3,"sources":[],"mappings":"!!"}"#.utf8)) }
        #expect(throws: (any Error).self) { try SourceMap(json: Data(#"{"version":2,"sources":[],"mappings":""}"#.utf8)) }
    }
}
