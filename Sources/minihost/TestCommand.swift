import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostDevTest
import MiniHostProtocol
import MiniHostInProcess
import MiniHostIsolation

/// `minihost test`: runs a mini-program's own tests (`tests/**/*.test.js`) headlessly, each test
/// with a fresh app and a fresh world, in development mode (no digest needed).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a mini-program's tests (tests/**/*.test.js) with the driver API (docs/api.md).",
        discussion: ExitStatus.list([(0, "all tests passed"), (1, "a test failed"), (2, "a bad target, world file or no test files")])
            + " " + ExitStatus.signal
    )

    @Argument(help: "The package directory (with manifest.json, a WeChat project, or a catalogue manifest's package), manifest file or app id (default: the current directory).",
              completion: .file())
    var target: String = "."

    @Option(help: "Run only the tests whose full name (\"describe > it\") contains this text, or matches /regex/.")
    var filter: String?

    @Option(help: "How to print results: spec, tap (TAP 13), junit (JUnit XML) or json.")
    var reporter: ReporterOption = .spec

    @Option(help: "The world every test starts from (default: tests/world.json in the package, else the built-in world).",
            completion: .file(extensions: ["json"]))
    var world: String?

    @Option(help: "Where network calls go: world (the world file's network section answers) or live (the real network, declared domains only).")
    var network: NetworkOption = .world

    @Option(help: "Where apps run: process (a worker process per app: a hung app is killed and reported) or in-process (faster; a promise storm cannot be stopped).")
    var isolation: IsolationOption = .process

    @Option(help: ArgumentHelp("Each test's time limit (\(CLIDuration<Milliseconds>.forms); it(name, fn, ms) overrides it).", valueName: "duration"))
    var timeout = CLIDuration<Milliseconds>(5000)

    @Flag(name: [.customLong("update-snapshots"), .customShort("u")], help: "Rewrite the snapshots (tests/__snapshots__/) that differ instead of failing.")
    var updateSnapshots = false

    @Flag(help: "Stop after the first test file with a failing test.")
    var bail = false

    @Option(help: "Run shard i of n (i/n): the test files sorted by path, every n-th from the i-th; the n shards together run every file once.")
    var shard: String?

    @Flag(help: "Run only the test files changed (modified, staged or new) since the last git commit; all of them when another file of the package changed.")
    var changed = false

    @Flag(help: "Run again whenever a file of the package changes (polled), until interrupted.")
    var watch = false

    @OptionGroup var targetOptions: TargetOptions

    func validate() throws {
        if !(timeout.seconds > 0) { throw ValidationError("--timeout must be a positive duration (\(CLIDuration<Milliseconds>.forms)).") }
        if let shard { do { _ = try TestSelection.parseShard(shard) } catch { throw ValidationError("\(error)") } }
    }

    func run() throws {
        TestRunner.prepareEngineForTests()  // before any VM: every test's app lives for milliseconds
        ScratchDirectories.removeOnInterrupt()  // a Ctrl-C leaves no world behind
        let vmPool: InProcessVMPool?
        let views = (try? targetOptions.load(target, dev: true))?.hasTemplates ?? true
        do { vmPool = isolation == .inProcess ? try RunConfig.makeVMPool(views: views) : nil } catch { throw reportBadTarget(error) }
        guard watch else {
            if try runOnce(vmPool: vmPool) { throw ExitCode(1) }
            return
        }
        let root: URL
        do { root = try targetOptions.load(target, dev: true).rootURL } catch { throw reportBadTarget(error) }
        let watcher = PackageWatcher(root: root)
        while true {
            do { _ = try runOnce(vmPool: vmPool) } catch is ExitCode {}  // a bad layout is reported; the watch goes on
            FileHandle.standardError.write(Data("minihost test: watching \(root.path) for changes (Ctrl-C to stop)\n".utf8))
            watcher.waitForChange()
        }
    }

    /// One run of the selected test files; returns whether a test failed.
    private func runOnce(vmPool: InProcessVMPool?) throws -> Bool {
        let package: AppPackage
        var files: [TestFile]
        let config: RunConfig
        do {
            try world.map { try InputFiles.check($0, as: "the world file") }
            package = try targetOptions.load(target, dev: true)
            files = try TestRunner.discover(package)
            if changed { files = try TestSelection.changed(files, root: package.rootURL) }
            if let shard {
                let (index, count) = try TestSelection.parseShard(shard)
                files = TestSelection.shard(files, index: index, count: count)
            }
            config = try RunConfig(package: package, isolation: isolation.value, timeoutMs: timeout.milliseconds, filter: filter,
                                   world: world.map { URL(fileURLWithPath: $0) },
                                   vmPool: vmPool, network: network.value)
        } catch {
            throw reportBadTarget(error)
        }
        config.updateSnapshots = updateSnapshots
        let color = reporter == .spec && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let kind = reporter.kind
        if kind == .spec {
            config.progress = { r in
                FileHandle.standardOutput.write(Data((Reporter.specLine(r, color: color) + "\n").utf8))
            }
            config.fileOutput = { file, lines in
                FileHandle.standardOutput.write(Data(("  \(file) (after its tests)\n" + Reporter.specOutput(lines) + "\n").utf8))
            }
        }
        if files.isEmpty {
            let why = changed ? "no test file changed since the last commit" : "no test file in this shard"
            FileHandle.standardError.write(Data("minihost test: \(why)\n".utf8))
        }
        var ran = 0
        let results = TestRunner.run(files, config: config, bail: bail, filesRun: &ran)
        if ran < files.count {
            FileHandle.standardError.write(Data("minihost test: --bail: stopped after the first failing test file (\(files.count - ran) not run)\n".utf8))
        }
        let text: String
        switch kind {
        case .spec: text = Reporter.specEnd(results, color: color)
        case .tap: text = Reporter.tap(results)
        case .junit: text = Reporter.junit(results, suiteName: package.manifest.appId)
        case .json: text = Reporter.json(results)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        if kind == .junit || kind == .json {
            FileHandle.standardError.write(Data((Reporter.summary(results) + "\n").utf8))
        }
        return results.contains(where: { $0.status == .failed })
    }
}

/// `--reporter spec|tap|junit|json`.
enum ReporterOption: String, ExpressibleByArgument, CaseIterable {
    case spec, tap, junit, json
    var kind: ReporterKind { ReporterKind(rawValue: rawValue)! }
}
