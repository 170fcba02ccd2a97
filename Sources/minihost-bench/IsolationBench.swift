import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostProtocol
import MiniHostRuntime

/// `minihost-bench isolation`: process isolation's costs — cold start in a worker (with a pool of
/// pre-started workers, and without), a bridge call across the process boundary, and the
/// proportional memory of each worker with many alive.
struct IsolationBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isolation",
        abstract: "Process isolation: cold start, async call round trip, PSS per worker with many alive."
    )

    @Option(help: "Launches to time.")
    var runs = 60

    @Option(help: "Workers kept alive for the memory figure.")
    var apps = 100

    @Option(help: "Pre-started workers in the pool.")
    var poolSize = 2

    @Option(help: "Async calls per batch (the figure is the median of 15 batches' means).")
    var calls = 2000

    @OptionGroup var options: BenchOptions

    func run() throws {
        let (manifestURL, _) = try options.load("org.minihost.hello")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-bench-iso-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let services = try HostServices(dataDirectory: dir, prompter: DenyAllPrompter())
        let done = Mailbox()
        let host = AppHost(services: services, isolation: .process) { _, event in
            switch event {
            case let .console(_, message) where message.hasPrefix("done "): done.put(message)
            case .error: FileHandle.standardError.write(Data((event.jsonLine(app: "bench") + "\n").utf8))
            default: break
            }
        }

        // Cold start without a pool: spawn, prepare, start, launch → entry page onReady.
        var noPool: [Double] = []
        for _ in 0..<max(5, runs / 3) { noPool.append(try launchAndStop(host, manifestURL)) }

        // With a pool of pre-started, prepared workers (refilled in the background between launches).
        let pool = WorkerPool(size: poolSize, apis: host.apiDescriptors)
        host.workerPool = pool
        var pooled: [Double] = []
        for _ in 0..<runs {
            pool.waitUntilReady()
            pooled.append(try launchAndStop(host, manifestURL))
        }
        host.workerPool = nil
        pool.drain()

        // An async call across the boundary: `await mp.getStorage` in a loop inside the app.
        let manifest = try Manifest.parse(Data(#"{"app_id": "org.minihost.bench", "name": "Bench", "pages": ["pages/index/index"], "limits": {"cpu_ms": 10000}}"#.utf8), file: "bench")
        let package = AppPackage(manifest: manifest, manifestURL: dir, rootURL: dir, files: [
            "app.js": Data("App({})".utf8),
            "pages/index/index.js": Data("""
            Page({ async bench(n) {
              mp.setStorageSync('k', { name: 'small', n: 42, tags: ['a', 'b'] });
              const t0 = Date.now();
              for (let i = 0; i < n; i++) await mp.getStorage({ key: 'k' });
              console.log('done ' + (Date.now() - t0));
            } })
            """.utf8),
        ], isW3CLayout: true)
        let app = try host.start(package)
        guard app.waitForLaunch(timeout: 10) == true else { throw ValidationError("the bench app failed to launch") }
        var asyncTimes: [Double] = []
        for i in 0..<16 {
            app.perform(.callPage(route: nil, method: "bench", argumentJSON: String(calls)))
            guard let message = done.take(timeout: 60), let ms = Double(message.dropFirst(5)) else { throw ValidationError("the async bench did not finish") }
            if i > 0 { asyncTimes.append(ms * 1000 / Double(calls)) }
        }
        host.stop(app)

        // Memory: `apps` workers alive and idle; PSS of each from /proc/<pid>/smaps_rollup.
        let hello = try AppPackage.load(manifestURL: manifestURL, dev: false)
        var alive: [RunningApp] = []
        for i in 0..<apps {
            var copy = hello
            copy.manifest.appId = "org.minihost.hello\(i)"
            alive.append(try host.start(copy))
        }
        for app in alive {
            _ = app.waitForLaunch(timeout: 30)
            app.waitUntilIdle(timeout: 30)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let live = alive.filter { $0.worker?.isDead == false }
        let pss = live.compactMap { $0.worker?.process.pssKb }
        let rss = live.compactMap { $0.worker?.process.rssKb }
        options.emit([
            ("process_cold_start_median_ms", median(pooled) * 1000),
            ("process_cold_start_p90_ms", percentile(pooled, 0.9) * 1000),
            ("process_cold_start_no_pool_median_ms", median(noPool) * 1000),
            ("process_async_call_median_us", median(asyncTimes)),
            ("process_pss_per_app_kb", pss.isEmpty ? .nan : Double(pss.reduce(0, +)) / Double(pss.count)),
            ("process_rss_per_app_kb", rss.isEmpty ? .nan : Double(rss.reduce(0, +)) / Double(rss.count)),
            ("apps_alive", live.count),
            ("runs", runs),
            ("pool_size", poolSize),
        ])
        for app in alive { host.stop(app) }
        services.flush()
    }

    func launchAndStop(_ host: AppHost, _ manifestURL: URL) throws -> Double {
        let start = now()
        let package = try AppPackage.load(manifestURL: manifestURL, dev: false)
        let app = try host.start(package)
        guard app.waitForLaunch(timeout: 10) == true else { throw ValidationError("the hello sample failed to launch in a worker") }
        let elapsed = now() - start
        host.stop(app)
        return elapsed
    }
}

/// One message at a time from the event handler to the bench.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    private let sem = DispatchSemaphore(value: 0)

    func put(_ s: String) {
        lock.withLock { items.append(s) }
        sem.signal()
    }

    func take(timeout: Double) -> String? {
        guard sem.wait(timeout: .now() + timeout) == .success else { return nil }
        return lock.withLock { items.removeFirst() }
    }
}
