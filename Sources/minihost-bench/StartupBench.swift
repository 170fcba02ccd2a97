import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol

/// `minihost-bench startup`: cold start of the hello sample and memory per idle app.
struct StartupBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup",
        abstract: "Cold start (manifest load → entry page onReady, in-process) and RSS per idle app."
    )

    @Option(help: "Launches to time.")
    var runs = 300

    @Option(help: "Apps kept alive for the memory figure.")
    var apps = 1000

    @OptionGroup var options: BenchOptions

    @Option(help: "Size of the warm pool of prepared VMs.")
    var poolSize = 4

    func run() throws {
        let (manifestURL, _) = try options.load("org.minihost.hello")
        let host = AppHost { _, _ in }

        // Warm up the engine (first VM of the process) and the file cache.
        _ = try StartupMeasure.coldStarts(host, manifestURL: manifestURL, runs: 20, pool: nil)
        // Cold start with the VM made on the launch path.
        let noPool = try StartupMeasure.coldStarts(host, manifestURL: manifestURL, runs: runs, pool: nil)
        // Cold start with the warm pool: VMs prepared in the background between launches.
        let pooled = try StartupMeasure.coldStarts(host, manifestURL: manifestURL, runs: runs, pool: InProcessVMPool(size: poolSize))
        // The engine's floor: the same launch in a bare VM with a minimal runtime (no sandbox).
        let floor = try RawJSC.launchFloor(AppPackage.load(manifestURL: manifestURL, dev: false), runs: runs)
        // Memory: RSS growth per idle app with `apps` alive.
        let (perApp, alive) = try StartupMeasure.memoryPerApp(host, manifestURL: manifestURL, count: apps)
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0

        options.emit([
            ("cold_start_median_ms", median(pooled) * 1000),
            ("cold_start_p90_ms", percentile(pooled, 0.9) * 1000),
            ("cold_start_no_pool_median_ms", median(noPool) * 1000),
            ("raw_jsc_launch_median_ms", floor * 1000),
            ("memory_per_app_kb", perApp),
            ("apps_alive", alive.count),
            ("threads", threads),
            ("runs", runs),
            ("pool_size", poolSize),
        ])
        for app in alive { host.stop(app) }
    }
}

/// In-process start-up measurements of the hello sample, shared by `startup` and `compare`.
enum StartupMeasure {
    /// Loads the manifest and package, launches, and returns the seconds until the entry page's
    /// onReady; the app is stopped afterwards (not timed).
    static func launchAndStop(_ host: AppHost, manifestURL: URL, pool: InProcessVMPool? = nil) throws -> Double {
        let start = now()
        let package = try AppPackage.load(manifestURL: manifestURL, dev: false)
        let app = try host.start(package, prepared: pool?.take())
        let elapsed = try launchSeconds(app, since: start)
        let sem = DispatchSemaphore(value: 0)
        app.runtime.stop { sem.signal() }
        sem.wait()
        return elapsed
    }

    /// `runs` timed launches. Without a pool the VM is made on the launch path; with one, the
    /// pool is full before each launch (it refills in the background, between launches).
    static func coldStarts(_ host: AppHost, manifestURL: URL, runs: Int, pool: InProcessVMPool?) throws -> [Double] {
        var times: [Double] = []
        for _ in 0..<runs {
            pool?.waitUntilFull()
            times.append(try launchAndStop(host, manifestURL: manifestURL, pool: pool))
        }
        return times
    }

    /// RSS growth per idle app (KiB) with `count` hello apps launched and idle. The apps are
    /// returned alive; the caller stops them.
    static func memoryPerApp(_ host: AppHost, manifestURL: URL, count: Int) throws -> (kb: Double, alive: [RunningApp]) {
        try memoryPerApp(host, package: AppPackage.load(manifestURL: manifestURL, dev: false), count: count)
    }

    /// RSS growth per idle app (KiB) with `count` copies of `package` launched and idle, each
    /// under its own app id (`<app id><batch><n>`). The apps are returned alive.
    static func memoryPerApp(_ host: AppHost, package: AppPackage, count: Int, batch: String = "") throws -> (kb: Double, alive: [RunningApp]) {
        let before = residentKB()
        var alive: [RunningApp] = []
        for i in 0..<count {
            var copy = package
            copy.manifest.appId = "\(package.manifest.appId)\(batch)\(i)"  // one host record (and one bridge session) per app
            alive.append(try host.start(copy))
        }
        for app in alive {
            _ = app.waitForLaunch()
            app.waitUntilIdle()
        }
        let after = residentKB()
        return ((after - before) / Double(max(1, count)), alive)
    }
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    return s[min(s.count - 1, Int(Double(s.count) * p))]
}
