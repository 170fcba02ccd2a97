import Foundation
import Testing

/// Where Debian's `tsc` (node-typescript, installed by scripts/bootstrap) is on the `PATH`, if anywhere.
let tscPath: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map { "\($0)/tsc" }.first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs `tsc` with `arguments` in `folder`: its status and output.
func runTSC(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tscPath!)
    p.arguments = arguments
    p.currentDirectoryURL = folder
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try spawn(p, pipes: [out])
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// `minihost types`: the declarations it writes describe the runtime and the test globals well
/// enough that correct code type-checks with `tsc --noEmit` and wrong code does not.
@Suite struct TypesCommandTests {
    static let missingTSC = "tsc is not installed (Debian's node-typescript; scripts/bootstrap installs it)"

    /// A folder with the typings `minihost types` wrote and `files`.
    static func project(_ samples: [String] = []) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-types-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let written = try CLI.run(["types", folder.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("typings/minihost.d.ts") && written.stdout.contains("typings/minihost-test.d.ts"))
        try Data(tsconfig.utf8).write(to: folder.appendingPathComponent("tsconfig.json"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("src"), withIntermediateDirectories: true)
        for name in samples {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent("src/" + name))
        }
        return folder
    }

    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/typings/src")

    static let tsconfig = """
    {"compilerOptions": {"target": "ES2020", "lib": ["ES2020"], "strict": true, "noEmit": true, "allowJs": true, "checkJs": true, "types": []},
     "include": ["typings/*.d.ts", "src/**/*.ts", "src/**/*.js"]}
    """

    @Test func writesDeclarationsFromTheRegistryAndTheDriver() throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runtime = try String(contentsOf: folder.appendingPathComponent("typings/minihost.d.ts"), encoding: .utf8)
        let test = try String(contentsOf: folder.appendingPathComponent("typings/minihost-test.d.ts"), encoding: .utf8)
        // A host API with its sync form's fields, a host event, a runtime member, a name MiniHost
        // does not support, a factory and its class, a namespace, the error codes.
        for text in ["getStorage: AsyncAPI<{ key?: any; }>;", "setStorageSync(key: any, data?: any): any;",
                     "onLocationChange(listener: (res: any) => void): void;", "navigateTo: AsyncAPI;",
                     "request: AsyncTaskAPI<RequestTask, {}>;", "createSelectorQuery(...args: any[]): SelectorQuery;",
                     "select(...args: any[]): NodesRef;", "cloud: {", "invalidArgument: 1001;", "badSignature: 1012;",
                     "declare function Page<", "declare function Behavior<", "declare function getCurrentPages()",
                     "declare const wx: MiniHost.Wx;", "declare const mp: MiniHost.Wx;"] {
            #expect(runtime.contains(text), "\(text)")
        }
        for text in ["toHaveProperty(path: any, value?: any): R;", "toThrow(e?: any): R;", "toMatchSnapshot(hint?: any): R;",
                     "toHaveBeenCalledWith(args: any): R;", "declare const minihost: MiniHostTest.Minihost;",
                     "outerWxml(): Promise<string>;", "declare function expect(actual: any): MiniHostTest.Expectation;"] {
            #expect(test.contains(text), "\(text)")
        }
        // Written again, the files are replaced, not appended to.
        #expect(try CLI.run(["types", folder.path]).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("typings/minihost.d.ts"), encoding: .utf8) == runtime)
    }

    @Test(.enabled(if: tscPath != nil, "\(missingTSC)"))
    func everyMatcherOfExpectIsDeclared() throws {
        // The driver's own expect, asked for its matchers by Node (which tsc runs on).
        let js = CLI.packageRoot.appendingPathComponent("Sources/MiniHostDevTest/JS")
        let script = """
        const fs = require('fs');
        const src = fs.readFileSync('\(js.path)/02-format.js', 'utf8') + fs.readFileSync('\(js.path)/03-expect.js', 'utf8')
          + ';return Object.keys(makeExpect(undefined, false));';
        console.log(new Function('native', 'G', src)({}, {}).join('\\n'));
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["node", "-e", script]
        let out = Pipe()
        p.standardOutput = out
        try spawn(p, pipes: [out])
        let names = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        p.waitUntilExit()
        #expect(names.count > 20, "\(names)")
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let test = try String(contentsOf: folder.appendingPathComponent("typings/minihost-test.d.ts"), encoding: .utf8)
        for name in names { #expect(test.contains("    \(name)("), "\(name) is not declared") }
    }

    @Test(.enabled(if: tscPath != nil, "\(missingTSC)"))
    func aCorrectSampleTypeChecks() throws {
        let folder = try Self.project(["app.ts", "page.ts", "component.ts", "sample.test.js"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let checked = try runTSC(["--noEmit", "-p", "."], in: folder)
        #expect(checked.status == 0, "\(checked.output)")
    }

    @Test(.enabled(if: tscPath != nil, "\(missingTSC)"))
    func wrongCodeDoesNotTypeCheck() throws {
        let folder = try Self.project(["wrong.ts"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let checked = try runTSC(["--noEmit", "-p", "."], in: folder)
        #expect(checked.status != 0)
        let lines = checked.output.split(separator: "\n").filter { $0.hasPrefix("src/wrong.ts(") }
        // One error per line of the sample that is wrong (each says which in a comment).
        let wrong = try String(contentsOf: Self.fixtures.appendingPathComponent("wrong.ts"), encoding: .utf8)
        let wrongLines = wrong.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("// wrong:") }.map { $0.offset + 1 }
        for line in wrongLines { #expect(lines.contains { $0.hasPrefix("src/wrong.ts(\(line),") }, "line \(line) passed: \(checked.output)") }
        #expect(lines.count == wrongLines.count, "\(checked.output)")
    }

    @Test(.enabled(if: tscPath != nil, "\(missingTSC)"))
    func theSamplesTypeCheck() throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CLI.packageRoot.appendingPathComponent("miniprograms").path
        try Data("""
        {"compilerOptions": {"target": "ES2020", "lib": ["ES2020"], "noEmit": true, "allowJs": true, "checkJs": true, "types": []},
         "include": ["typings/*.d.ts", "\(samples)/**/*.js"]}
        """.utf8).write(to: folder.appendingPathComponent("tsconfig.json"))
        let checked = try runTSC(["--noEmit", "-p", "."], in: folder)
        #expect(checked.status == 0, "\(checked.output)")
    }

    @Test(.enabled(if: tscPath != nil, "\(missingTSC)"), arguments: ["wechat", "w3c"])
    func anInitTypeScriptProjectTypeChecks(_ template: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-init-ts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["init", folder.path, "--typescript", "--template", template]).status == 0)
        let app = try runTSC(["--noEmit", "-p", "."], in: folder)
        #expect(app.status == 0, "\(app.output)")
        let tests = try runTSC(["--noEmit", "-p", "tests"], in: folder)
        #expect(tests.status == 0, "\(tests.output)")
        // A mistake in a page is caught.
        let page = folder.appendingPathComponent("pages/index/index.ts")
        try (String(contentsOf: page, encoding: .utf8) + "\nwx.getStorageSync();\n").write(to: page, atomically: true, encoding: .utf8)
        let broken = try runTSC(["--noEmit", "-p", "."], in: folder)
        #expect(broken.status != 0 && broken.output.contains("pages/index/index.ts"), "\(broken.output)")
    }
}
