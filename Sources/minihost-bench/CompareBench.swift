import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostDevTest
import MiniHostEngine
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol
import MiniHostRuntime

/// `minihost-bench compare`: MiniHost in-process, MiniHost process mode and the Node peer
/// (`Benchmarks/node/`: `vm` contexts with a plain JavaScript stand-in for the API) side by side,
/// from one invocation: cold start with and without the warm pool, a sync and an async API call,
/// memory per idle app, raw JavaScriptCore's per-VM memory, dev-test throughput and a whole CLI
/// run of the hello sample. Each figure is a median over many runs, with its ratio to the peer.
struct CompareBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "MiniHost (in-process, process) against the Node vm peer: one table, ratios to the peer."
    )

    @OptionGroup var options: BenchOptions

    @Flag(help: "Small counts (checks that everything runs; the figures are rough).")
    var quick = false

    @Option(help: "Cold-start launches to time, in-process and in the peer (default 300; 20 with --quick).")
    var runs: Int?

    @Option(help: "Cold-start launches to time in process mode (default 60; 8 with --quick).")
    var processRuns: Int?

    @Option(help: "Idle apps for the memory figure, in-process, in raw JSC and in the peer (default 1000; 50 with --quick).")
    var apps: Int?

    @Option(help: "Idle worker processes for process mode's memory figure (default 100; 10 with --quick).")
    var processApps: Int?

    @Option(help: "Calls per batch for the call figures (default 20000; 2000 with --quick).")
    var calls: Int?

    @Option(help: "Whole-CLI runs of each kind (default 20; 3 with --quick).")
    var cliRuns: Int?

    @Option(help: "Dev tests the peer runs (default 200; 20 with --quick).")
    var tests: Int?

    @Option(help: "Size of the in-process warm pool (prepared VMs).")
    var poolSize = 4

    @Option(help: "Size of the process-mode warm pool (pre-started workers).")
    var processPoolSize = 2

    @Option(help: "The node binary (default: `node` on PATH).")
    var node: String?

    @Option(help: "The peer's scripts (default: ./Benchmarks/node).")
    var peer = "Benchmarks/node"

    @Option(help: "Also write the JSON result to this file.")
    var saveJson: String?

    @Option(help: "Also write the table (Markdown) to this file.")
    var saveTable: String?

    func run() throws {
        let counts = Counts(
            runs: runs ?? (quick ? 20 : 300), processRuns: processRuns ?? (quick ? 8 : 60),
            apps: apps ?? (quick ? 50 : 1000), processApps: processApps ?? (quick ? 10 : 100),
            calls: calls ?? (quick ? 2000 : 20_000), batches: quick ? 5 : 15,
            cliRuns: cliRuns ?? (quick ? 3 : 20), tests: tests ?? (quick ? 20 : 200))
        let (manifestURL, _) = try options.load("org.minihost.hello")
        let catalogue = manifestURL.deletingLastPathComponent().path
        let machine = MachineInfo.read()
        let peer = NodePeer(node: node, dir: peer, catalogue: catalogue)
        var r = Results()

        // 1. The Node peer, each workload in its own node process (before this process grows).
        progress("Node peer (\(peer.status))")
        if let why = peer.unavailable {
            for k in ["cold", "sync", "async", "memory", "devtest"] { r.node[k] = .missing(why) }
        } else {
            r.node["cold"] = peer.figure("cold-start.js", ["--runs", "\(counts.runs)"], key: "cold_start_median_ms")
            r.node["sync"] = peer.figure("sync-call.js", ["--calls", "\(counts.calls)", "--batches", "\(counts.batches)"], key: "sync_call_median_us")
            r.node["async"] = peer.figure("async-call.js", ["--calls", "\(counts.calls / 4)", "--batches", "\(counts.batches)"], key: "async_call_median_us")
            r.node["memory"] = peer.figure("memory.js", ["--apps", "\(counts.apps)"], key: "memory_per_app_kb")
            r.node["devtest"] = peer.figure("devtest.js", ["--tests", "\(counts.tests)"], key: "tests_per_sec")
        }

        // 2. MiniHost in-process: a host with the real services (gate, storage, the API stubs).
        progress("MiniHost in-process: cold start (\(counts.runs) launches without the pool, \(counts.runs) with a pool of \(poolSize))")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let services = try HostServices(dataDirectory: dir, prompter: DenyAllPrompter())
        let host = AppHost(services: services) { _, _ in }
        _ = try StartupMeasure.coldStarts(host, manifestURL: manifestURL, runs: 20, pool: nil)  // warm-up
        r.inProcess["cold_no_pool"] = .value(median(try StartupMeasure.coldStarts(host, manifestURL: manifestURL, runs: counts.runs, pool: nil)) * 1000)
        let pool = InProcessVMPool(size: poolSize, apis: host.apiDescriptors)
        r.inProcess["cold"] = .value(median(try StartupMeasure.coldStarts(host, manifestURL: manifestURL, runs: counts.runs, pool: pool)) * 1000)
        // A VM prepared ahead and handed in, with no refill running during the launch (the floor
        // of what a pool can give).
        var handed: [Double] = []
        for _ in 0..<counts.runs {
            let vm = try InProcessVM.make(apis: host.apiDescriptors)
            let t = now()
            let package = try AppPackage.load(manifestURL: manifestURL, dev: false)
            let app = try host.start(package, prepared: vm)
            handed.append(try launchSeconds(app, since: t))
            host.stop(app)
        }
        r.inProcess["cold_prepared"] = .value(median(handed) * 1000)
        // Of which: loading the package (manifest, validation, every file read, digest checked).
        var loads: [Double] = []
        for _ in 0..<counts.runs {
            let t = now()
            _ = try AppPackage.load(manifestURL: manifestURL, dev: false)
            loads.append(now() - t)
        }
        r.inProcess["package_load"] = .value(median(loads) * 1000)
        // The engine's floor: hello's launch in a bare VM with a minimal runtime.
        r.inProcess["raw_launch"] = .value(try RawJSC.launchFloor(AppPackage.load(manifestURL: manifestURL, dev: false), runs: counts.runs) * 1000)

        progress("MiniHost in-process: API calls (\(counts.batches) batches of \(counts.calls))")
        let (sync, async) = try BridgeMeasure.callCosts(calls: counts.calls, batches: counts.batches)
        r.inProcess["sync"] = .value(sync * 1e6)
        r.inProcess["async"] = .value(async * 1e6)

        progress("raw JavaScriptCore: \(counts.apps) bare VMs; then MiniHost in-process: \(counts.apps) idle apps")
        let raw = RawJSC.perVM(count: counts.apps)
        r.inProcess["raw_jsc"] = .value(raw.kb)
        let (perApp, alive) = try StartupMeasure.memoryPerApp(host, manifestURL: manifestURL, count: counts.apps)
        r.inProcess["memory"] = .value(perApp)
        for app in alive { host.stop(app) }
        withExtendedLifetime(raw.alive) {}
        services.flush()

        // 3. MiniHost process mode.
        progress("MiniHost process mode: cold start, API calls, \(counts.processApps) idle workers")
        let bench = try ProcessMeasure()
        defer { bench.close() }
        r.process["cold_no_pool"] = .value(median(try bench.coldStarts(manifestURL, runs: max(5, counts.processRuns / 3), poolSize: 0)) * 1000)
        r.process["cold"] = .value(median(try bench.coldStarts(manifestURL, runs: counts.processRuns, poolSize: processPoolSize)) * 1000)
        r.process["sync"] = .value(median(try bench.callCost(calls: max(200, counts.calls / 10), sync: true)))
        r.process["async"] = .value(median(try bench.callCost(calls: max(200, counts.calls / 10), sync: false)))
        let memory = try bench.memory(manifestURL, apps: counts.processApps, staggered: true)
        r.process["memory"] = .value(memory.pssKB)
        r.processAlive = memory.live
        memory.stop()

        // 4. Dev-test throughput (`minihost test`).
        progress("dev-test throughput")
        let devtest = DevTestFigure.measure(tests: counts.tests)
        r.inProcess["devtest"] = devtest.inProcess
        r.process["devtest"] = devtest.process

        // 5. The whole CLI, as processes: `minihost run` of the sample's demo script to exit.
        progress("whole CLI: \(counts.cliRuns) runs of each")
        let cli = WholeCLI(peer: peer, catalogue: catalogue, dataDirectory: dir.appendingPathComponent("cli"))
        let cliTimes = cli.measure(runs: counts.cliRuns)
        r.inProcess["cli"] = cliTimes.inProcess
        r.process["cli"] = cliTimes.process
        r.node["cli"] = cliTimes.node

        let report = Report(results: r, counts: counts, machine: machine, machineAfter: MachineInfo.loadAverage(),
                            poolSize: poolSize, processPoolSize: processPoolSize, peerStatus: peer.status)
        if let saveJson { try report.json.write(toFile: saveJson, atomically: true, encoding: .utf8) }
        if let saveTable { try report.markdown.write(toFile: saveTable, atomically: true, encoding: .utf8) }
        print(options.json ? report.json : report.markdown)
    }

    func progress(_ text: String) {
        FileHandle.standardError.write(Data("compare: \(text)\n".utf8))
    }
}

/// How many of everything a run measures.
struct Counts {
    let runs, processRuns, apps, processApps, calls, batches, cliRuns, tests: Int
}

/// A figure, or why there is none.
enum Cell {
    case value(Double)
    case missing(String)

    var number: Double? { if case let .value(v) = self, v.isFinite { return v } else { return nil } }
}

/// The figures of one run, by column and row key.
struct Results {
    var inProcess: [String: Cell] = [:]
    var process: [String: Cell] = [:]
    var node: [String: Cell] = [:]
    /// Workers still alive when process mode's memory was read (the supervisor may have killed some).
    var processAlive = 0
}

// MARK: - Raw JavaScriptCore
