import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol
import MiniHostRuntime

/// `minihost-bench bridge`: the cost of a bridge call, gate included, in-process.
struct BridgeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bridge",
        abstract: "Sync (getStorageSync), async (getStorage, Promise) and world-answered request call cost, in-process, gate included."
    )

    @Option(help: "Calls per batch.")
    var calls = 20_000

    @Option(help: "Batches (the figure is the median of the batches' per-call means).")
    var batches = 15

    @OptionGroup var options: BenchOptions

    func run() throws {
        let (sync, async) = try BridgeMeasure.callCosts(calls: calls, batches: batches)
        let request = try BridgeMeasure.requestCost(calls: calls, batches: batches)
        options.emit([
            ("sync_call_median_us", sync * 1e6),
            ("async_call_median_us", async * 1e6),
            ("request_world_median_us", request * 1e6),
            ("calls_per_batch", calls),
            ("batches", batches),
        ])
    }
}

/// The in-process bridge call measurement, shared by `bridge` and `compare`.
enum BridgeMeasure {
    /// The app the call benches run: an empty App and one empty page, with a generous CPU limit.
    static func benchPackage(in dir: URL, pageSource: String = "Page({})") throws -> AppPackage {
        let manifest = try Manifest.parse(Data(#"{"app_id": "org.minihost.bench", "name": "Bench", "pages": ["pages/index/index"], "limits": {"cpu_ms": 10000}}"#.utf8), file: "bench")
        return AppPackage(manifest: manifest, manifestURL: dir, rootURL: dir, files: [
            "app.js": Data("App({})".utf8),
            "pages/index/index.js": Data(pageSource.utf8),
        ], isW3CLayout: true)
    }

    /// Seconds per call (medians over `batches` of the per-call means) of `mp.getStorageSync('k')`
    /// and of `await mp.getStorage({key: 'k'})` (`calls / 4` a batch), looped inside the app and
    /// timed from the host, gate and validation included.
    static func callCosts(calls: Int, batches: Int) throws -> (sync: Double, async: Double) {
        let app = try BenchApp()
        defer { app.stop() }
        _ = app.time("mp.setStorageSync('k', { name: 'small', n: 42, tags: ['a', 'b'] }); console.log('done')")

        let sync = "for (let i = 0; i < \(calls); i++) mp.getStorageSync('k'); console.log('done')"
        let async = "(async () => { for (let i = 0; i < \(calls / 4); i++) await mp.getStorage({ key: 'k' }); console.log('done') })()"
        _ = app.time(sync)
        _ = app.time(async)
        var syncTimes: [Double] = [], asyncTimes: [Double] = []
        for _ in 0..<batches {
            syncTimes.append(app.time(sync) / Double(calls))
            asyncTimes.append(app.time(async) / Double(calls / 4))
        }
        return (median(syncTimes), median(asyncTimes))
    }

    /// Seconds per `mp.request` answered by the world (a JSON body, no delay): the call, the
    /// domain check and audit, the route, the reply and the task's callbacks, awaited one by one.
    static func requestCost(calls: Int, batches: Int) throws -> Double {
        let world = World(network: WorldNetwork(routes: [WorldRoute(method: "GET", url: "https://api.example.com/items/*", body: .object(["ok": .bool(true)]))]))
        let app = try BenchApp(world: world, manifestExtra: #", "network_domains": ["https://api.example.com"]"#)
        defer { app.stop() }
        let n = calls / 4
        let script = """
            (async () => { for (let i = 0; i < \(n); i++) await new Promise((ok, no) => mp.request({ url: 'https://api.example.com/items/' + i, success: ok, fail: no }));
            console.log('done') })().catch((e) => console.log('done', JSON.stringify(e)))
            """
        _ = app.time(script)
        var times: [Double] = []
        for _ in 0..<batches { times.append(app.time(script) / Double(n)) }
        return median(times)
    }
}

/// The bench app, in process, and a way to time scripts run in it (each ends by logging `done`).
final class BenchApp {
    private let dir: URL
    private let services: HostServices
    private let host: AppHost
    private let app: RunningApp
    private let done = DispatchSemaphore(value: 0)

    init(world: World = .default, manifestExtra: String = "") throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-bench-\(UUID().uuidString)")
        services = try HostServices(dataDirectory: dir, prompter: DenyAllPrompter(), world: world)
        let done = self.done
        host = AppHost(services: services) { _, event in
            switch event {
            case let .console(_, message, _) where message.hasPrefix("done"):
                if message != "done" { FileHandle.standardError.write(Data("bench script: \(message)\n".utf8)) }
                done.signal()
            case .error: FileHandle.standardError.write(Data((event.jsonLine(app: "bench") + "\n").utf8))
            default: break
            }
        }
        var package = try BridgeMeasure.benchPackage(in: dir)
        if !manifestExtra.isEmpty {
            let text = #"{"app_id": "org.minihost.bench", "name": "Bench", "pages": ["pages/index/index"], "limits": {"cpu_ms": 10000}"# + manifestExtra + "}"
            package = AppPackage(manifest: try Manifest.parse(Data(text.utf8), file: "bench"), manifestURL: dir, rootURL: dir, files: package.files, isW3CLayout: true)
        }
        app = try host.start(package)
        guard app.waitForLaunch() == true else { throw ValidationError("the bench app failed to launch") }
    }

    /// Seconds from the start of `source` to its `done`.
    func time(_ source: String) -> Double {
        let start = now()
        let done = self.done
        app.sandbox?.withContext { ctx in
            do { try ctx.evaluate(source, sourceURL: "miniapp://org.minihost.bench/bench.js") } catch {
                FileHandle.standardError.write(Data("bench script failed: \(error)\n".utf8))
                done.signal()
            }
        }
        done.wait()
        return now() - start
    }

    func stop() {
        host.stop(app)
        services.flush()
        try? FileManager.default.removeItem(at: dir)
    }
}

extension RunningApp {
    /// The in-process sandbox (nil when the app runs in a worker process).
    var sandbox: Sandbox? { runtime as? Sandbox }
}
