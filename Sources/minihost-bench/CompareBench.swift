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

/// Raw JavaScriptCore's memory per VM: `count` bare context groups, each with one global
/// context, made through MiniHostEngine (`JSContextGroupCreate` + `JSGlobalContextCreateInGroup`),
/// nothing evaluated; the RSS growth of this process divided by `count`.
enum RawJSC {
    /// The floor of a cold start on this engine and machine: the launch of `package` (the hello
    /// sample) in a bare JavaScriptCore VM made ahead, with a minimal runtime of a dozen lines
    /// (CommonJS `require`, `App`/`Page`, `setData` as a JSON copy, hooks in WeChat's order) and
    /// none of MiniHost's sandbox (no frozen intrinsics, no allowlist, no CPU limit, no checks).
    /// Like a pooled VM, the runtime is warmed up first with a small app of its own.
    /// Timed: compiling and running the app's modules and the hooks up to the entry page's
    /// `onReady`, on the thread that made the VM. Not timed: the VM, the minimal runtime, its
    /// warm-up, and reading the package (``AppPackage/load``; its own row). Median seconds of
    /// `runs` launches.
    static func launchFloor(_ package: AppPackage, runs: Int) throws -> Double {
        let entry = package.manifest.pages.first ?? ""
        var sources: [String: String] = [:]
        for (path, data) in package.files where path.hasSuffix(".js") { sources[path] = String(decoding: data, as: UTF8.self) }
        sources["warm/app.js"] = "App({ onLaunch(o) { console.log('up', o.path, { a: [1] }) }, onShow() {} })"
        sources["warm/utils/u.js"] = "module.exports = { tag: (s) => 'w' + s };"
        sources["warm/pages/w/w.js"] = "const { tag } = require('../../utils/u'); Page({ data: { t: '' }, onLoad() { this.setData({ t: tag(1) }) }, onReady() { setTimeout(() => {}, 1) } })"
        var times: [Double] = []
        for _ in 0..<(runs + 20) {  // the first 20: the engine's own one-time costs
            let context = JSContext(vm: JSVirtualMachine())
            let global = context.globalObject
            try global.set("hostLoad", context.makeNativeFunction(name: "hostLoad") { [unowned context] args in
                let path = args[0].string ?? ""
                guard let source = sources[path] else { throw JSError(message: "Cannot find module '\(path)'") }
                return try context.compileFunction(parameters: Sandbox.moduleParameters, body: source, sourceURL: "miniapp://raw/\(path)").value
            }.value)
            try global.set("hostEvent", context.makeNativeFunction(name: "hostEvent") { args in args.undefined }.value)
            _ = try context.evaluate(minimalRuntime, sourceURL: "miniapp://raw/runtime.js")
            guard let launch = try global.get("launch").object else { throw JSError(message: "the minimal runtime has no launch") }
            guard try context.call(launch, [context.string("pages/w/w"), context.string("warm/")]).bool == true else {
                throw JSError(message: "the minimal runtime's warm-up failed")
            }
            let start = now()
            let ok = try context.call(launch, [context.string(entry), context.string("")])
            times.append(now() - start)
            guard ok.bool == true else { throw JSError(message: "the raw launch of \(package.manifest.appId) failed") }
        }
        return median(Array(times.dropFirst(20)))
    }

    /// The minimal runtime (`JS/minimal-runtime.js`, compiled into the binary).
    static let minimalRuntime = String(decoding: PackageResources.minimal_runtime_js, as: UTF8.self)

    static func perVM(count: Int) -> (kb: Double, alive: [JSContext]) {
        _ = JSContext(vm: JSVirtualMachine())  // the engine's one-time start-up is not a VM's cost
        let before = residentKB()
        var alive: [JSContext] = []
        alive.reserveCapacity(count)
        for _ in 0..<count { alive.append(JSContext(vm: JSVirtualMachine())) }
        let after = residentKB()
        return ((after - before) / Double(max(1, count)), alive)
    }
}

// MARK: - The Node peer

/// Runs the peer's workload scripts with node and reads the JSON line each prints.
struct NodePeer {
    let nodePath: String?
    let dir: String
    let catalogue: String
    /// Why the peer cannot run (node missing, scripts missing), or nil.
    let unavailable: String?

    init(node: String?, dir: String, catalogue: String) {
        self.dir = URL(fileURLWithPath: dir).standardizedFileURL.path
        self.catalogue = catalogue
        let found = node ?? Self.onPath("node")
        nodePath = found
        if found == nil || !FileManager.default.isExecutableFile(atPath: found!) {
            unavailable = node == nil ? "node not found on PATH" : "node not found at \(node!)"
        } else if !FileManager.default.fileExists(atPath: self.dir + "/runtime.js") {
            unavailable = "peer scripts not found in \(self.dir)"
        } else {
            unavailable = nil
        }
    }

    var status: String {
        if let unavailable { return unavailable }
        return "\(nodePath!) \(version ?? "?")"
    }

    var version: String? {
        guard let nodePath, unavailable == nil else { return nil }
        let r = runProcess(nodePath, ["--version"])
        return r.status == 0 ? r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    static func onPath(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// One workload: `node <dir>/<script> <args> --catalog <catalogue>` → the number under `key`.
    func figure(_ script: String, _ args: [String], key: String) -> Cell {
        guard let nodePath, unavailable == nil else { return .missing(unavailable ?? "node not found") }
        var all = ["\(dir)/\(script)"] + args
        if ["cold-start.js", "memory.js"].contains(script) { all += ["--catalog", catalogue] }
        let r = runProcess(nodePath, all)
        let line = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard r.status == 0, let value = JSONValue.parse(line)?[key]?.numberValue else {
            let why = r.stderr.split(separator: "\n").first.map(String.init) ?? "no JSON with \"\(key)\" in its output"
            FileHandle.standardError.write(Data("compare: \(script) failed (exit \(r.status)): \(why)\n".utf8))
            return .missing("\(script) failed: \(why)")
        }
        return .value(value)
    }
}

/// Runs a program to its end; its status and what it printed.
func runProcess(_ path: String, _ arguments: [String], discardOutput: Bool = false) -> (status: Int32, stdout: String, stderr: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    p.standardInput = FileHandle.nullDevice
    let out = Pipe(), err = Pipe()
    if discardOutput {
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
    } else {
        p.standardOutput = out
        p.standardError = err
    }
    do { try p.run() } catch { return (-1, "", "cannot start \(path): \(error)") }
    // Read both pipes to their end while the program runs (a full pipe would block it).
    let box = OutputBox()
    let group = DispatchGroup()
    if !discardOutput {
        DispatchQueue.global().async(group: group) { box.set(out: out.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { box.set(err: err.fileHandleForReading.readDataToEndOfFile()) }
    }
    p.waitUntilExit()
    group.wait()
    return (p.terminationStatus, String(decoding: box.out, as: UTF8.self), String(decoding: box.err, as: UTF8.self))
}

private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var o = Data(), e = Data()
    func set(out: Data) { lock.withLock { o = out } }
    func set(err: Data) { lock.withLock { e = err } }
    var out: Data { lock.withLock { o } }
    var err: Data { lock.withLock { e } }
}

// MARK: - Dev-test throughput

/// Dev-test throughput of `minihost test` (tests per second), through the same suite and runner
/// as `minihost-bench devtest` (``DevTestBench``): `tests` small tests, each launching a fresh app
/// in a fresh world. In-process with the pool of prepared VMs `minihost test` uses; in process
/// mode each test's app gets a worker of its own, from the runner's pool of workers started ahead.
enum DevTestFigure {
    static func measure(tests: Int) -> (inProcess: Cell, process: Cell) {
        (run(tests: tests, isolation: .inProcess), run(tests: tests, isolation: .process))
    }

    /// `minihost-bench devtest` in a process of its own: a test runner process tunes its engine
    /// before its first VM (``TestRunner/prepareEngineForTests()``), as `minihost test`
    /// does, which this process (its VMs long made) no longer can.
    static func run(tests: Int, isolation: Isolation) -> Cell {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let r = runProcess(me, ["devtest", "--json", "--tests", "\(tests)", "--isolation", isolation.rawValue])
        let line = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard r.status == 0, let value = JSONValue.parse(line)?["tests_per_sec"]?.numberValue else {
            let why = r.stderr.split(separator: "\n").last.map(String.init) ?? "no tests_per_sec in its output"
            return .missing("devtest (\(isolation.rawValue)) failed: \(why)")
        }
        return .value(value)
    }
}

// MARK: - The whole CLI

/// `minihost run org.minihost.hello --script miniprograms/hello/demo.minihost` to exit, in both
/// isolation modes, against `node Benchmarks/node/run.js miniprograms/hello` with the same script,
/// each as a process; medians in milliseconds, the three kinds interleaved.
struct WholeCLI {
    let peer: NodePeer
    let catalogue: String
    let dataDirectory: URL

    func measure(runs: Int) -> (inProcess: Cell, process: Cell, node: Cell) {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let minihost = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("minihost").path
        let root = URL(fileURLWithPath: catalogue).deletingLastPathComponent()
        let script = root.appendingPathComponent("miniprograms/hello/demo.minihost").path
        let package = root.appendingPathComponent("miniprograms/hello").path
        guard FileManager.default.fileExists(atPath: script) else {
            let why = Cell.missing("no \(script)")
            return (why, why, why)
        }
        let haveMinihost = FileManager.default.isExecutableFile(atPath: minihost)
        func mh(_ isolation: String) -> [String] {
            ["run", "org.minihost.hello", "--script", script, "--catalog", catalogue, "--data-dir", dataDirectory.path, "--isolation", isolation]
        }
        var times: [String: [Double]] = [:]
        var failures: [String: String] = [:]
        func time(_ kind: String, _ path: String, _ args: [String]) {
            if failures[kind] != nil { return }
            let start = now()
            let r = runProcess(path, args, discardOutput: true)
            let elapsed = now() - start
            if r.status != 0 { failures[kind] = "exit \(r.status)" } else { times[kind, default: []].append(elapsed * 1000) }
        }
        // One untimed run of each first (the data directory's database is created on the first).
        for i in 0...runs {
            if haveMinihost {
                time("in", minihost, mh("in-process"))
                time("proc", minihost, mh("process"))
            }
            if let node = peer.nodePath, peer.unavailable == nil {
                time("node", node, ["\(peer.dir)/run.js", package, "--script", script, "--catalog", catalogue])
            }
            if i == 0 { times = [:] }
        }
        func cell(_ kind: String, missing: String?) -> Cell {
            if let missing { return .missing(missing) }
            if let f = failures[kind] { return .missing("the run failed (\(f))") }
            return .value(median(times[kind] ?? []))
        }
        let noMinihost = haveMinihost ? nil : "no minihost binary next to minihost-bench"
        return (cell("in", missing: noMinihost), cell("proc", missing: noMinihost), cell("node", missing: peer.unavailable))
    }
}

// MARK: - The machine

/// What the table was measured on.
struct MachineInfo {
    var cpu = "unknown", cores = 0, memoryGB = 0.0, kernel = "unknown", jsc = "unknown", date = "", loadAverage = ""

    static func read() -> MachineInfo {
        var m = MachineInfo()
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            m.cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        m.cores = ProcessInfo.processInfo.activeProcessorCount
        m.memoryGB = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        var u = utsname()
        uname(&u)
        m.kernel = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        // The JavaScriptCore the build was made against (pkg-config), else the library this process maps.
        if let pc = NodePeer.onPath("pkg-config") {
            let r = runProcess(pc, ["--modversion", "javascriptcoregtk-4.1"])
            if r.status == 0 { m.jsc = "JavaScriptCoreGTK " + r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        if m.jsc == "unknown", let maps = FileManager.default.contents(atPath: "/proc/self/maps"),
           let line = String(decoding: maps, as: UTF8.self).split(separator: "\n").first(where: { $0.contains("libjavascriptcoregtk") }),
           let path = line.split(separator: " ").last {
            m.jsc = String(path.split(separator: "/").last ?? path)
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        m.date = f.string(from: Date())
        m.loadAverage = loadAverage()
        return m
    }

    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

// MARK: - The report

/// The table and the JSON of one run.
struct Report {
    let results: Results
    let counts: Counts
    let machine: MachineInfo
    let machineAfter: String
    let poolSize: Int
    let processPoolSize: Int
    let peerStatus: String

    /// One line of the table: a figure in the three columns.
    struct Row {
        let key: String
        let label: String
        let unit: String
        let lowerIsBetter: Bool
        let inProcess: Cell
        let process: Cell
        let node: Cell
    }

    var rows: [Row] {
        let r = results
        let nodeCold = r.node["cold"] ?? .missing("—")
        let none = Cell.missing("—")
        return [
            Row(key: "cold_start_ms", label: "cold start with the warm pool (load → entry onReady)", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["cold"] ?? none, process: r.process["cold"] ?? none, node: nodeCold),
            Row(key: "cold_start_prepared_ms", label: "… a VM prepared ahead, no refill running meanwhile", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["cold_prepared"] ?? none, process: none, node: nodeCold),
            Row(key: "package_load_ms", label: "… of which loading the package (manifest, files, digest)", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["package_load"] ?? none, process: none, node: none),
            Row(key: "raw_jsc_launch_ms", label: "hello's launch in a bare JavaScriptCore VM, no sandbox (the engine's floor)", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["raw_launch"] ?? none, process: none, node: none),
            Row(key: "cold_start_no_pool_ms", label: "cold start without a pool", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["cold_no_pool"] ?? none, process: r.process["cold_no_pool"] ?? none, node: nodeCold),
            Row(key: "sync_call_us", label: "sync API call (getStorageSync)", unit: "µs", lowerIsBetter: true,
                inProcess: r.inProcess["sync"] ?? none, process: r.process["sync"] ?? none, node: r.node["sync"] ?? none),
            Row(key: "async_call_us", label: "async API call (await getStorage)", unit: "µs", lowerIsBetter: true,
                inProcess: r.inProcess["async"] ?? none, process: r.process["async"] ?? none, node: r.node["async"] ?? none),
            Row(key: "memory_per_app_kb", label: "memory per idle app", unit: "KB", lowerIsBetter: true,
                inProcess: r.inProcess["memory"] ?? none, process: r.process["memory"] ?? none, node: r.node["memory"] ?? none),
            Row(key: "raw_jsc_per_vm_kb", label: "raw JavaScriptCore per bare VM (same run)", unit: "KB", lowerIsBetter: true,
                inProcess: r.inProcess["raw_jsc"] ?? none, process: none, node: none),
            Row(key: "devtest_tests_per_sec", label: "dev-test throughput", unit: "tests/s", lowerIsBetter: false,
                inProcess: r.inProcess["devtest"] ?? none, process: r.process["devtest"] ?? none, node: r.node["devtest"] ?? none),
            Row(key: "cli_run_ms", label: "whole CLI: run the hello demo to exit", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["cli"] ?? none, process: r.process["cli"] ?? none, node: r.node["cli"] ?? none),
        ]
    }

    /// What the issue asks the run to show.
    struct Check {
        let name: String
        let passed: Bool?
        let detail: String
    }

    var checks: [Check] {
        let r = results
        func check(_ name: String, _ a: Cell?, _ b: Cell?, factor: Double, _ what: (Double, Double) -> String) -> Check {
            guard let x = a?.number, let y = b?.number else { return Check(name: name, passed: nil, detail: "not measured") }
            return Check(name: name, passed: x <= factor * y, detail: what(x, y))
        }
        return [
            check("in-process cold start with the warm pool ≤ the Node peer's", r.inProcess["cold"], r.node["cold"], factor: 1) {
                "\(fmt($0)) ms vs \(fmt($1)) ms (×\(fmtRatio($0 / $1)))"
            },
            check("sync API call ≤ 2× the Node peer's", r.inProcess["sync"], r.node["sync"], factor: 2) {
                "\(fmt($0)) µs vs \(fmt($1)) µs (×\(fmtRatio($0 / $1)))"
            },
            check("in-process memory per app ≤ 1.3× raw JavaScriptCore per VM", r.inProcess["memory"], r.inProcess["raw_jsc"], factor: 1.3) {
                "\(fmt($0)) KB vs \(fmt($1)) KB (×\(fmtRatio($0 / $1)))"
            },
        ]
    }

    var markdown: String {
        var out: [String] = []
        let header = ["figure (median)", "MiniHost in-process", "MiniHost process", "Node peer", "in-process ÷ peer", "process ÷ peer"]
        var table: [[String]] = []
        for row in rows {
            func text(_ c: Cell) -> String {
                switch c {
                case let .value(v): return v.isFinite ? "\(fmt(v)) \(row.unit)" : "—"
                case let .missing(why): return why
                }
            }
            func ratio(_ c: Cell) -> String {
                guard let a = c.number, let b = row.node.number, b > 0 else { return "—" }
                return "×" + fmtRatio(a / b)
            }
            table.append([row.label + (row.lowerIsBetter ? "" : " (higher is better)"), text(row.inProcess), text(row.process), text(row.node), ratio(row.inProcess), ratio(row.process)])
        }
        let widths = header.indices.map { i in ([header] + table).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { i, c in c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        out.append(line(header))
        out.append("| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ") + " |")
        for row in table { out.append(line(row)) }
        out.append("")
        for c in checks {
            let mark = c.passed.map { $0 ? "PASS" : "FAIL" } ?? "n/a"
            out.append("- \(mark): \(c.name): \(c.detail)")
        }
        out.append("")
        out.append("Counts: cold start \(counts.runs) launches in-process and in the peer (pool of \(poolSize) prepared VMs), \(counts.processRuns) in process mode (pool of \(processPoolSize) workers; \(max(5, counts.processRuns / 3)) without); calls: \(counts.batches) batches of \(counts.calls) sync / \(counts.calls / 4) async in-process and in the peer, 15 batches of \(max(200, counts.calls / 10)) in process mode; memory: \(counts.apps) apps in-process, raw JSC and the peer, \(counts.processApps) workers (PSS each) in process mode (\(results.processAlive) alive when measured); dev tests: \(counts.tests); whole CLI: \(counts.cliRuns) runs each.")
        out.append("Machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.0f", machine.memoryGB)) GiB, Linux \(machine.kernel), \(machine.jsc), node: \(peerStatus). \(machine.date); load average \(machine.loadAverage) at the start, \(machineAfter) at the end.")
        return out.joined(separator: "\n")
    }

    var json: String {
        func cell(_ c: Cell) -> JSONValue {
            switch c {
            case let .value(v): return v.isFinite ? .number((v * 10000).rounded() / 10000) : .null
            case let .missing(why): return .object(["missing": .string(why)])
            }
        }
        func ratio(_ c: Cell, _ n: Cell) -> JSONValue {
            guard let a = c.number, let b = n.number, b > 0 else { return .null }
            return .number((a / b * 1000).rounded() / 1000)
        }
        let rowValues: [JSONValue] = rows.map { row in
            .object([
                "figure": .string(row.key), "label": .string(row.label), "unit": .string(row.unit),
                "lower_is_better": .bool(row.lowerIsBetter),
                "in_process": cell(row.inProcess), "process": cell(row.process), "node": cell(row.node),
                "in_process_ratio": ratio(row.inProcess, row.node), "process_ratio": ratio(row.process, row.node),
            ])
        }
        let checkValues: [JSONValue] = checks.map { c in
            .object(["check": .string(c.name), "passed": c.passed.map { .bool($0) } ?? .null, "detail": .string(c.detail)])
        }
        let machineValue: JSONValue = .object([
            "cpu": .string(machine.cpu), "cores": .number(Double(machine.cores)),
            "memory_gib": .number((machine.memoryGB * 10).rounded() / 10), "kernel": .string(machine.kernel),
            "javascriptcore": .string(machine.jsc), "node": .string(peerStatus), "date": .string(machine.date),
            "load_average_start": .string(machine.loadAverage), "load_average_end": .string(machineAfter),
        ])
        let countValue: JSONValue = .object([
            "cold_start_runs": .number(Double(counts.runs)), "process_cold_start_runs": .number(Double(counts.processRuns)),
            "apps": .number(Double(counts.apps)), "process_apps": .number(Double(counts.processApps)), "process_apps_alive": .number(Double(results.processAlive)),
            "calls_per_batch": .number(Double(counts.calls)), "batches": .number(Double(counts.batches)),
            "cli_runs": .number(Double(counts.cliRuns)), "tests": .number(Double(counts.tests)),
            "pool_size": .number(Double(poolSize)), "process_pool_size": .number(Double(processPoolSize)),
        ])
        return JSONValue.object(["rows": .array(rowValues), "checks": .array(checkValues), "machine": machineValue, "counts": countValue]).jsonText
    }
}

/// A figure with a sensible number of digits.
func fmt(_ v: Double) -> String {
    if !v.isFinite { return "—" }
    if abs(v) >= 100 { return String(format: "%.0f", v) }
    if abs(v) >= 10 { return String(format: "%.1f", v) }
    return String(format: "%.2f", v)
}

func fmtRatio(_ v: Double) -> String { v.isFinite ? String(format: v >= 10 ? "%.1f" : "%.2f", v) : "—" }
