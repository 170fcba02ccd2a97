import Foundation
import Testing

/// `minihost init`: from an empty folder, the project it writes passes its own tests and runs,
/// in each layout and in TypeScript, with no edit.
@Suite struct InitCommandTests {
    static let variants: [(template: String, typescript: Bool)] = [("wechat", false), ("w3c", false), ("wechat", true), ("w3c", true)]

    /// A new empty folder for one test.
    static func emptyFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: 0..<4)
    func initThenTestAndRun(_ index: Int) throws {
        let (template, typescript) = Self.variants[index]
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // `init` with no folder: the current one.
        let made = try CLI.run(["init", "--template", template] + (typescript ? ["--typescript"] : []), cwd: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for expected in ["app.wxss", "pages/index/index.wxml", "pages/index/index.wxss", "pages/detail/detail.wxml",
                         "components/counter/counter.wxml", "components/counter/counter.json", "tests/app.test.js",
                         "tests/world.json", ".gitignore", "README.md"] {
            #expect(names.contains(expected), "\(expected) missing from \(names.sorted())")
        }
        let ext = typescript ? "ts" : "js"
        for code in ["app", "pages/index/index", "pages/detail/detail", "components/counter/counter"] {
            #expect(names.contains("\(code).\(ext)") && !names.contains("\(code).\(typescript ? "js" : "ts")"), "\(code).\(ext)")
        }
        #expect(names.contains(template == "wechat" ? "project.config.json" : "manifest.json"))
        #expect(names.contains("tsconfig.json") == typescript && names.contains("typings/minihost.d.ts") == typescript)

        for isolation in ["process", "in-process"] {
            let tested = try CLI.run(["test", "--isolation", isolation], cwd: folder, timeout: 120)
            #expect(tested.status == 0, "\(isolation): \(tested.stdout)\(tested.stderr)")
            #expect(tested.stdout.contains("5 passed, 0 failed"), "\(tested.stdout)")
        }

        let script = "tap #counter >>> .plus\ntap #counter >>> .plus\nnavigate /pages/detail/detail?name=Ada\nwait 200\ndata\n"
        let ran = try CLI.run(["run", ".", "--json", "--world", "tests/world.json", "--data-dir", tempDataDir()], stdin: script, cwd: folder)
        #expect(ran.status == 0, "\(ran.stdout)\(ran.stderr)")
        #expect(ran.exit?["status"] as? String == "ok")
        #expect(ran.consoleMessages.contains { $0.contains("launched") }, "\(ran.consoleMessages)")
        let counts = ran.events(type: "setData").filter { $0["route"] as? String == "pages/index/index" }
            .compactMap { ($0["data"] as? [String: Any])?["count"] as? Int }
        #expect(counts == [1, 2])
        let reply = (ran.events(type: "reply").last?["data"] as? [String: Any])?["data"] as? [String: Any]
        #expect(reply?["tip"] as? String == "Write a test for every bug you fix.", "\(ran.stdout)")
        #expect(reply?["name"] as? String == "Ada")
    }

    @Test func namesTheProjectAfterItsFolder() throws {
        let parent = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let made = try CLI.run(["init", "Tea Shop", "--template", "w3c"], cwd: parent)
        #expect(made.status == 0, "\(made.stderr)")
        let manifest = try String(contentsOf: parent.appendingPathComponent("Tea Shop/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"app_id\": \"org.example.tea-shop\"") && manifest.contains("\"name\": \"Tea Shop\""), "\(manifest)")
        let valid = try CLI.run(["validate", parent.appendingPathComponent("Tea Shop").path])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let refused = try CLI.run(["init", folder.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not empty (it has notes.txt)") && refused.stderr.contains("nothing was written"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])

        let hidden = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: hidden) }
        try Data().write(to: hidden.appendingPathComponent(".git"))
        #expect(try CLI.run(["init"], cwd: hidden).status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: hidden.path) == [".git"])

        let file = folder.appendingPathComponent("notes.txt")
        let onFile = try CLI.run(["init", file.path])
        #expect(onFile.status == 2 && onFile.stderr.contains("is a file"), "\(onFile.stderr)")

        let badTemplate = try CLI.run(["init", folder.appendingPathComponent("new").path, "--template", "alipay"])
        #expect(badTemplate.status != 0 && badTemplate.stderr.contains("alipay"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path))
    }
}
