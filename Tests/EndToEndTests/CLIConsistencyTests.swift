import Foundation
import Testing

/// End-to-end: the CLI behaves the same in every command — version, durations, JSON messages,
/// input files checked first, package folders as targets, exit statuses in help, completions.
@Suite struct CLIConsistencyTests {
    /// stderr's lines parsed as JSON objects; nil when any line is not one.
    func jsonLines(_ text: String) -> [[String: Any]]? {
        let lines = text.split(separator: "\n")
        let objects = lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        return objects.count == lines.count ? objects : nil
    }

    @Test func versionNamesTheEngineThatIsLoaded() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0, "\(r.stderr)")
        let line = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.range(of: #"^minihost \d+\.\d+\.\d+ \(JavaScriptCore-GTK \d+\.\d+\.\d+; answers as WeChat [\d.]+, base library [\d.]+\)$"#,
                           options: .regularExpression) != nil, "\(line)")
        // The engine's version is the library's own; on a machine with its headers it is theirs too.
        let pkgConfig = Process()
        pkgConfig.executableURL = URL(fileURLWithPath: "/usr/bin/pkg-config")
        pkgConfig.arguments = ["--modversion", "javascriptcoregtk-4.1"]
        let out = Pipe()
        pkgConfig.standardOutput = out
        pkgConfig.standardError = FileHandle.nullDevice
        if (try? spawn(pkgConfig, pipes: [out])) != nil {
            let version = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            pkgConfig.waitUntilExit()
            if pkgConfig.terminationStatus == 0 { #expect(line.contains("JavaScriptCore-GTK \(version);"), "\(line) vs \(version)") }
        }
    }

    @Test(arguments: ["process", "in-process"])
    func runTimeoutTakesAUnitAndABareNumberIsSeconds(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": "Page({ onLoad() { setInterval(() => {}, 5) } })"])
        defer { app.remove() }
        let start = Date()
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--timeout", "300ms", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.exit?["status"] as? String == "timeout")
        #expect(r.exit?["reason"] as? String == "--timeout of 0.3s reached", "\(r.stdout)")
        #expect(Date().timeIntervalSince(start) < 8)
        let bare = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--timeout", "0.3", "--data-dir", tempDataDir()], stdin: "")
        #expect(bare.exit?["reason"] as? String == "--timeout of 0.3s reached", "\(bare.stdout)")
    }

    @Test func testTimeoutTakesAUnitAndABareNumberIsMilliseconds() throws {
        let app = try TempApp(files: ["tests/slow.test.js": "it('sleeps', async () => { await minihost.sleep(400); });"])
        defer { app.remove() }
        let bare = try CLI.run(["test", app.path, "--timeout", "150", "--isolation", "in-process"], timeout: 120)
        #expect(bare.status == 1, "\(bare.stdout)")
        #expect(bare.stdout.contains("timed out after 150 ms"), "\(bare.stdout)")
        let seconds = try CLI.run(["test", app.path, "--timeout", "3s", "--isolation", "in-process"], timeout: 120)
        #expect(seconds.status == 0, "\(seconds.stdout)")
        let help = try CLI.run(["test", "--help"])
        #expect(help.stdout.contains("(default: 5000ms)"), "\(help.stdout)")
        #expect(!help.stdout.contains("5000.0"))
        for bad in ["5x", "-1s", "inf", "1e3", "0"] {
            let r = try CLI.run(["test", app.path, "--timeout", bad])
            #expect(r.status == 64, "\(bad): \(r.stderr)")
            #expect(r.stderr.contains("--timeout"), "\(bad): \(r.stderr)")
        }
    }

    @Test func underJSONEveryMessageIsAJSONLine() throws {
        let cases: [(args: [String], status: Int32, kind: String, mentions: String)] = [
            (["run", "--json"], 64, "usage", "<targets>"),
            (["run", "org.minihost.hello", "--json", "--timeout", "soon"], 64, "usage", "--timeout"),
            (["run", "org.minihost.hello", "--json", "--frobnicate"], 64, "usage", "--frobnicate"),
            (["run", "org.example.missing", "--json"], 2, "input", "org.example.missing"),
            (["run", "no/such/dir", "--json"], 2, "input", "no/such/dir"),
            (["run", "org.minihost.hello", "--json", "--world", "no-such-world.json"], 2, "input", "no-such-world.json"),
            (["audit", "--json", "--limit=-3"], 64, "usage", "--limit"),
            (["wallet", "refund", "no-such-order", "--json", "--data-dir", tempDataDir()], 1, "failure", "no-such-order"),
        ]
        for c in cases {
            let r = try CLI.run(c.args, stdin: "")
            #expect(r.status == c.status, "\(c.args): \(r.stderr)")
            let lines = jsonLines(r.stderr)
            #expect(lines?.count == 1, "\(c.args): not one JSON line: \(r.stderr)")
            #expect(lines?.first?["type"] as? String == "error")
            #expect(lines?.first?["kind"] as? String == c.kind, "\(c.args): \(r.stderr)")
            #expect((lines?.first?["message"] as? String)?.contains(c.mentions) == true, "\(c.args): \(r.stderr)")
            #expect(!r.stdout.contains("\"lifecycle\""), "\(c.args): an app started")
        }
        // Without --json the same message is a plain line.
        let plain = try CLI.run(["run", "org.example.missing"])
        #expect(plain.status == 2)
        #expect(plain.stderr.hasPrefix("minihost: no app 'org.example.missing'"), "\(plain.stderr)")
    }

    @Test func aBadScriptLineUnderJSONIsAJSONLine() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).minihost")
        try Data("back\nfrobnicate now\n".utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let r = try CLI.run(["run", "org.minihost.hello", "--json", "--script", script.path, "--data-dir", tempDataDir()])
        #expect(r.status == 2)
        let line = jsonLines(r.stderr)?.first
        #expect(line?["kind"] as? String == "script", "\(r.stderr)")
        #expect((line?["message"] as? String)?.contains(".minihost:2: unknown command \"frobnicate\"") == true, "\(r.stderr)")
    }

    @Test(arguments: ["process", "in-process"])
    func inputFilesAreCheckedBeforeAnyAppStarts(isolation: String) throws {
        let app = try TempApp(files: ["app.js": "App({ onLaunch() { console.log('launched') } })"])
        defer { app.remove() }
        let base = ["run", app.path, "--dev", "--isolation", isolation, "--data-dir", tempDataDir()]
        for (flag, what) in [("--script", "the script"), ("--world", "the world file"), ("--policy", "the policy file")] {
            let missing = app.root.appendingPathComponent("missing-\(flag.dropFirst(2))").path
            let r = try CLI.run(base + [flag, missing], stdin: "")
            #expect(r.status == 2, "\(flag): \(r.stderr)")
            #expect(r.stderr == "minihost: \(what) \(missing) does not exist\n", "\(flag): \(r.stderr)")
            #expect(!r.stdout.contains("launched") && !r.stdout.contains("onLaunch"), "\(flag): the app ran: \(r.stdout)")
        }
        let folder = try CLI.run(base + ["--script", app.path], stdin: "")
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("the script \(app.path) is a folder"), "\(folder.stderr)")
        let test = try CLI.run(["test", app.path, "--world", app.root.appendingPathComponent("nope.json").path, "--isolation", isolation])
        #expect(test.status == 2)
        #expect(test.stderr.contains("the world file") && test.stderr.contains("nope.json does not exist"), "\(test.stderr)")
    }

    @Test func aPackageFolderThatTheCatalogueNamesIsATarget() throws {
        // Inside a sample's own folder, and by its path: the catalogue's manifest is found.
        let hello = CLI.packageRoot.appendingPathComponent("miniprograms/hello")
        let inside = try CLI.run(["test"], cwd: hello, timeout: 180)
        #expect(inside.status == 0, "\(inside.stdout)\n\(inside.stderr)")
        #expect(inside.stdout.contains(" passed, 0 failed"), "\(inside.stdout)")
        let byPath = try CLI.run(["test", "miniprograms/hello", "--isolation", "in-process"], timeout: 180)
        #expect(byPath.status == 0, "\(byPath.stdout)\n\(byPath.stderr)")
        // Not in development mode the catalogue manifest's digest is checked.
        let run = try CLI.run(["run", "miniprograms/hello", "--json", "--data-dir", tempDataDir()], stdin: "")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.events(type: "exit").first?["app"] as? String == "org.minihost.hello")
    }

    @Test func onlyAManifestNamedAfterItsAppCountsForAFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var files = [
            "manifests/org.test.named.json": #"{"app_id": "org.test.named", "name": "N", "pages": ["pages/index/index"], "package": "../apps/named"}"#,
            "manifests/innocent.json": #"{"app_id": "org.test.other", "name": "O", "pages": ["pages/index/index"], "package": "../apps/other"}"#,
        ]
        for name in ["named", "other", "loose"] {
            files["apps/\(name)/app.js"] = "App({})"
            files["apps/\(name)/pages/index/index.js"] = "Page({})"
        }
        try writeFiles(files, under: root)
        let fromRoot = try CLI.run(["validate", "--dev", "apps/named"], cwd: root)
        #expect(fromRoot.status == 0, "\(fromRoot.stderr)")
        #expect(fromRoot.stdout.hasPrefix("ok: org.test.named"), "\(fromRoot.stdout)")
        let inside = try CLI.run(["validate", "--dev", "."], cwd: root.appendingPathComponent("apps/named"))
        #expect(inside.status == 0, "\(inside.stderr)")
        for name in ["other", "loose"] {
            let r = try CLI.run(["validate", "--dev", "apps/\(name)"], cwd: root)
            #expect(r.status == 2, "\(name): \(r.stdout)")
            #expect(r.stderr.contains("is no catalogue manifest's package"), "\(name): \(r.stderr)")
        }
    }

    static let commands: [[String]] = [
        [], ["run"], ["validate"], ["list"], ["digest"], ["audit"], ["test"], ["conformance"],
        ["permissions"], ["permissions", "list"], ["permissions", "grant"], ["permissions", "revoke"], ["permissions", "reset"],
        ["wallet"], ["wallet", "balance"], ["wallet", "statement"], ["wallet", "refund"], ["wallet", "topup"],
        ["chat"], ["chat", "list"], ["chat", "show"], ["chat", "post"],
    ]

    @Test func everyCommandsHelpListsItsExitStatuses() throws {
        for command in Self.commands {
            let r = try CLI.run(command + ["--help"])
            #expect(r.status == 0, "\(command)")
            let text = r.stdout.replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains("Exit status: 0 ") || command.isEmpty, "\(command): \(r.stdout)")
            #expect(text.contains("64 a usage error"), "\(command): \(r.stdout)")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func shellCompletionsAreGenerated(shell: String) throws {
        let r = try CLI.run(["--generate-completion-script", shell])
        #expect(r.status == 0, "\(r.stderr)")
        for word in ["run", "test", "timeout", "isolation", "in-process", "script"] {
            #expect(r.stdout.contains(word), "\(shell): no \(word)")
        }
    }
}
