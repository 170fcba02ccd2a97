import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostDevTest
import MiniHostEngine
import MiniHostInProcess
import MiniHostIsolation

/// `minihost-bench devtest`: how many small tests a second `minihost test` runs, each launching
/// a fresh app in a fresh world (in-process, with a pool of prepared VMs).
struct DevTestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devtest",
        abstract: "Tests per second of a suite of small tests, each launching a fresh app (in-process, VM pool)."
    )

    @Option(help: "Tests in the suite.")
    var tests = 200

    @Option(help: "Worlds: dir (a temporary data directory per test, as `minihost test` does) or memory.")
    var worlds = "dir"

    @Option(help: "Run this test file instead of the generated suite (to profile a suite of your own).")
    var source: String?

    @Option(help: "in-process (the pool of prepared VMs `minihost test` uses, recycling context groups) or process (a worker per test, from the runner's pool of workers started ahead).")
    var isolation: Isolation = .inProcess

    @OptionGroup var options: BenchOptions

    func run() throws {
        let tuned = TestRunner.prepareEngineForTests()  // as `minihost test` does
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-devtest-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let package = try Self.makePackage(in: dir, tests: tests, source: source.map { try String(contentsOfFile: $0, encoding: .utf8) })
        let files = try TestRunner.discover(package)
        var pool: InProcessVMPool?
        if isolation == .inProcess {
            pool = try RunConfig.makeVMPool(views: package.hasTemplates)  // as `minihost test` does
            _ = pool?.waitUntilFull()
        }
        let config = try RunConfig(package: package, isolation: isolation, vmPool: pool, inMemoryWorlds: worlds == "memory")
        let start = now(), cpuStart = processCPUSeconds()
        let results = TestRunner.run(files, config: config)
        let elapsed = now() - start, cpu = processCPUSeconds() - cpuStart
        let failed = results.filter { $0.status != .passed }
        if let f = failed.first {
            throw ValidationError("the benchmark suite failed: \(f.name): \(f.error?.message ?? "?") (\(Reporter.summary(results)))")
        }
        options.emit([
            ("tests_per_sec", Double(results.count) / elapsed),
            ("tests", results.count),
            ("seconds", elapsed),
            ("cpu_seconds", cpu),
            ("vm_groups_reused", pool?.recycled ?? 0),
            ("workers_from_pool", config.workerPool?.handedOut ?? 0),
            ("isolation", isolation.rawValue),
            ("worlds", worlds),
            ("engine_tuned", tuned ? "yes" : "no"),
            ("optimize_soon_threshold", JSVirtualMachine.engineIntOption("thresholdForOptimizeSoon") ?? -1),
        ])
    }

    /// A package with one page and `tests` small tests, each launching the app.
    static func makePackage(in dir: URL, tests: Int, source custom: String? = nil) throws -> AppPackage {
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("pages/index"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("tests"), withIntermediateDirectories: true)
        let manifest = #"{"app_id": "org.minihost.benchtest", "name": "Bench", "version": {"code": 1, "name": "1"}, "pages": ["pages/index/index"], "req_permissions": []}"#
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("manifest.json"))
        try Data("App({ onLaunch() { this.n = 1; } })".utf8).write(to: dir.appendingPathComponent("app.js"))
        try Data("Page({ data: { n: 0 }, onLoad(q) { this.setData({ n: Number(q.n || 1) }); }, bump(d) { this.setData({ n: this.data.n + d.by }); return this.data.n; } })".utf8)
            .write(to: dir.appendingPathComponent("pages/index/index.js"))
        var source = "describe('bench', () => {\n"
        for i in 0..<tests {
            source += """
              it('test \(i)', async () => {
                const app = await minihost.launch({ query: { n: '\(i)' } });
                const page = await app.currentPage();
                expect(page.snapshot('n')).toBe(\(i));  // the copy read with the page, as the Node peer's
                expect(await page.call('bump', { by: 1 })).toBe(\(i + 1));
              });

            """
        }
        source += "});\n"
        if let custom { source = custom }
        try Data(source.utf8).write(to: dir.appendingPathComponent("tests/bench.test.js"))
        return try AppPackage.load(manifestURL: dir.appendingPathComponent("manifest.json"), dev: true)
    }
}

extension Isolation: ExpressibleByArgument {}
