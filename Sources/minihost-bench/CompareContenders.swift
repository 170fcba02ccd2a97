import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostDevTest
import MiniHostEngine
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol
import MiniHostRuntime

/// Raw JavaScriptCore's memory per VM: `count` bare context groups, each with one global
/// context, made through MiniHostEngine (`JSContextGroupCreate` + `JSGlobalContextCreateInGroup`),
/// nothing evaluated; the RSS growth of this process divided by `count`.
enum RawJSC {
    /// The floor of a cold start on this engine and machine: the launch of `package` (the hello
    /// sample, or the generated WeChat project) in a bare JavaScriptCore VM made ahead, with a
    /// minimal runtime of a dozen lines (CommonJS `require`, `App`/`Page`, `setData` as a JSON
    /// copy, hooks in WeChat's order; the shared esbuild helpers) and none of MiniHost's sandbox (no frozen intrinsics, no allowlist, no CPU limit, no checks).
    /// Like a pooled VM, the runtime is warmed up first with a small app of its own.
    /// Timed: compiling and running the app's modules and the hooks up to the entry page's
    /// `onReady`, on the thread that made the VM. Not timed: the VM, the minimal runtime, its
    /// warm-up, and reading the package (``AppPackage/load``; its own row). Median seconds of
    /// `runs` launches.
    static func launchFloor(_ package: AppPackage, runs: Int) throws -> Double {
        let entry = package.manifest.pages.first ?? ""
        var sources: [String: String] = [:]
        for (path, data) in package.files where path.hasSuffix(".js") || path.hasSuffix(".ts") { sources[path] = String(decoding: data, as: UTF8.self) }
        sources["warm/app.js"] = "App({ onLaunch(o) { console.log('up', o.path, { a: [1] }) }, onShow() {} })"
        sources["warm/utils/u.js"] = "module.exports = { tag: (s) => 'w' + s };"
        sources["warm/pages/w/w.js"] = "const { tag } = require('../../utils/u'); Page({ data: { t: '' }, onLoad() { this.setData({ t: tag(1) }) }, onReady() { setTimeout(() => {}, 1) } })"
        var times: [Double] = []
        for _ in 0..<(runs + 20) {  // the first 20: the engine's own one-time costs
            let context = JSContext(vm: JSVirtualMachine())
            let global = context.globalObject
            try global.set("hostLoad", context.makeNativeFunction(name: "hostLoad") { [unowned context] args in
                let path = args[0].string ?? ""
                guard let source = minimalLookup(path, in: sources) else { throw JSError(message: "Cannot find module '\(path)'") }
                return try context.compileFunction(parameters: Sandbox.moduleParameters, body: source, sourceURL: "miniapp://raw/\(path)").value
            }.value)
            try global.set("hostEvent", context.makeNativeFunction(name: "hostEvent") { args in args.undefined }.value)
            _ = try context.evaluate(minimalRuntime, sourceURL: "miniapp://raw/runtime.js")
            _ = try context.evaluate(String(decoding: EsbuildHelpers.bytes, as: UTF8.self), sourceURL: "miniapp://raw/esbuild-helpers.js")
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

    /// A module for the minimal runtime, which only joins relative paths to the requiring file's
    /// and adds `.js`: failing that, the TypeScript file, an npm package of that name, or a file
    /// of that name in an npm package (the runtime takes its parts as relative to the requirer).
    static func minimalLookup(_ path: String, in sources: [String: String]) -> String? {
        if let source = sources[path] { return source }
        let base = path.hasSuffix(".js") ? String(path.dropLast(3)) : path
        let name = base.split(separator: "/").last.map(String.init) ?? base
        if let source = [base + ".ts", "miniprogram_npm/\(name)/index.js"].lazy.compactMap({ sources[$0] }).first { return source }
        return sources.first { $0.key.hasPrefix("miniprogram_npm/") && $0.key.hasSuffix("/\(name).js") }?.value
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
