import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol

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
        let bench = try ProcessMeasure()
        defer { bench.close() }

        // Cold start without a pool: spawn, prepare, start, launch → entry page onReady.
        let noPool = try bench.coldStarts(manifestURL, runs: max(5, runs / 3), poolSize: 0)
        // With a pool of pre-started, prepared workers (refilled in the background between launches).
        let pooled = try bench.coldStarts(manifestURL, runs: runs, poolSize: poolSize)
        // An async call across the boundary: `await mp.getStorage` in a loop inside the app.
        let asyncTimes = try bench.callCost(calls: calls, sync: false)
        // Memory: `apps` workers alive and idle; PSS of each from /proc/<pid>/smaps_rollup.
        let memory = try bench.memory(manifestURL, apps: apps)
        options.emit([
            ("process_cold_start_median_ms", median(pooled) * 1000),
            ("process_cold_start_p90_ms", percentile(pooled, 0.9) * 1000),
            ("process_cold_start_no_pool_median_ms", median(noPool) * 1000),
            ("process_async_call_median_us", median(asyncTimes)),
            ("process_pss_per_app_kb", memory.pssKB),
            ("process_rss_per_app_kb", memory.rssKB),
            ("apps_alive", memory.live),
            ("runs", runs),
            ("pool_size", poolSize),
        ])
        memory.stop()
    }
}

/// Process-isolation measurements, shared by `isolation` and `compare`: one host with services
/// that runs every app in a worker process.
final class ProcessMeasure {
    let dir: URL
    let services: HostServices
    let host: AppHost
    private let done: Mailbox

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-bench-iso-\(UUID().uuidString)")
        services = try HostServices(dataDirectory: dir, prompter: DenyAllPrompter())
        let done = Mailbox()
        self.done = done
        host = AppHost(services: services, isolation: .process) { _, event in
            switch event {
            case let .console(_, message, _) where message.hasPrefix("done "): done.put(message)
            case .error: FileHandle.standardError.write(Data((event.jsonLine(app: "bench") + "\n").utf8))
            default: break
            }
        }
    }

    func close() {
        services.flush()
        try? FileManager.default.removeItem(at: dir)
    }

    /// Seconds from loading the manifest to the entry page's onReady in a worker; the app is stopped after.
    func launchAndStop(_ manifestURL: URL) throws -> Double {
        let start = now()
        let package = try AppPackage.load(manifestURL: manifestURL, dev: false)
        let app = try host.start(package)
        let elapsed = try launchSeconds(app, since: start, timeout: 10, what: "the hello sample (in a worker)")
        host.stop(app)
        return elapsed
    }

    /// `runs` timed launches; `poolSize` 0: each launch spawns its worker, else a ``WorkerPool``
    /// of that size is ready before each launch (and refills in the background).
    func coldStarts(_ manifestURL: URL, runs: Int, poolSize: Int) throws -> [Double] {
        var times: [Double] = []
        if poolSize == 0 {
            for _ in 0..<runs { times.append(try launchAndStop(manifestURL)) }
            return times
        }
        let pool = WorkerPool(size: poolSize, apis: host.apiDescriptors)
        host.workerPool = pool
        defer {
            host.workerPool = nil
            pool.drain()
        }
        for _ in 0..<runs {
            pool.waitUntilReady()
            times.append(try launchAndStop(manifestURL))
        }
        return times
    }

    /// Microseconds per call across the process boundary, one figure per batch (16 batches, the
    /// first dropped): `mp.getStorageSync('k')` (`sync`) or `await mp.getStorage({key: 'k'})`
    /// looped inside the app, timed by the app.
    func callCost(calls: Int, sync: Bool) throws -> [Double] {
        let loop = sync ? "mp.getStorageSync('k');" : "await mp.getStorage({ key: 'k' });"
        let package = try BridgeMeasure.benchPackage(in: dir, pageSource: """
            Page({ async bench(n) {
              mp.setStorageSync('k', { name: 'small', n: 42, tags: ['a', 'b'] });
              const t0 = Date.now();
              for (let i = 0; i < n; i++) \(loop)
              console.log('done ' + (Date.now() - t0));
            } })
            """)
        let app = try host.start(package)
        defer { host.stop(app) }
        guard app.waitForLaunch(timeout: 10) == true else { throw ValidationError("the bench app failed to launch") }
        var times: [Double] = []
        for i in 0..<16 {
            app.perform(.callPage(route: nil, method: "bench", argumentJSON: String(calls)))
            guard let message = done.take(timeout: 60), let ms = Double(message.dropFirst(5)) else { throw ValidationError("the call bench did not finish") }
            if i > 0 { times.append(ms * 1000 / Double(calls)) }
        }
        return times
    }

    /// `apps` hello workers alive and idle: the mean PSS and RSS of a worker (KiB), from
    /// /proc/<pid>/smaps_rollup and statm. `staggered`: each launch is waited for before the next
    /// starts (else all are started at once). The apps stay alive until `stop()` is called on the result.
    func memory(_ manifestURL: URL, apps: Int, staggered: Bool = false) throws -> (pssKB: Double, rssKB: Double, live: Int, stop: () -> Void) {
        let hello = try AppPackage.load(manifestURL: manifestURL, dev: false)
        var alive: [RunningApp] = []
        for i in 0..<apps {
            var copy = hello
            copy.manifest.appId = "org.minihost.hello\(i)"
            let app = try host.start(copy)
            if staggered { _ = app.waitForLaunch(timeout: 30) }
            alive.append(app)
        }
        for app in alive {
            _ = app.waitForLaunch(timeout: 30)
            app.waitUntilIdle(timeout: 30)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let live = alive.filter { $0.worker?.isDead == false }
        let pss = live.compactMap { $0.worker?.process.pssKb }
        let rss = live.compactMap { $0.worker?.process.rssKb }
        let host = self.host
        return (
            pss.isEmpty ? .nan : Double(pss.reduce(0, +)) / Double(pss.count),
            rss.isEmpty ? .nan : Double(rss.reduce(0, +)) / Double(rss.count),
            live.count,
            { for app in alive { host.stop(app) } }
        )
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
