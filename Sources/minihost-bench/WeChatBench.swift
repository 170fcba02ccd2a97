import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostInProcess
import MiniHostIsolation

/// `minihost-bench wechat`: a generated WeChat-style project of about 300 files (half ES
/// modules, some TypeScript, a `miniprogram_npm` package): compiling it with no cache, loading
/// it from the cache, and launching it with the warm pool, against the same project in CommonJS.
struct WeChatBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wechat", abstract: "Compile (cold), load (warm cache) and launch a generated 300-file WeChat project.")

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-wechat-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let modern = try WeChatProjectGenerator.write(to: scratch.appendingPathComponent("modern"), modules: true)
        let commonJS = try WeChatProjectGenerator.write(to: scratch.appendingPathComponent("cjs"), modules: false)

        var cold: [Double] = []
        for i in 0..<compiles {
            let start = now()
            _ = try load(modern, cache: scratch.appendingPathComponent("cache-\(i)"))
            cold.append(now() - start)
        }
        let cache = scratch.appendingPathComponent("cache-warm")
        let package = try load(modern, cache: cache)
        var warm: [Double] = []
        for _ in 0..<runs {
            let start = now()
            _ = try load(modern, cache: cache)
            warm.append(now() - start)
        }
        let cjsPackage = try load(commonJS, cache: cache)
        let host = AppHost { _, _ in }
        let pool = InProcessVMPool(size: 4)
        _ = try launches(host, package, pool: pool, count: 10)
        let launch = try launches(host, package, pool: pool, count: runs)
        let cjsLaunch = try launches(host, cjsPackage, pool: pool, count: runs)
        // The same two launches in a bare VM with the minimal runtime: what the engine alone costs.
        let floor = try RawJSC.launchFloor(package, runs: runs)
        let cjsFloor = try RawJSC.launchFloor(cjsPackage, runs: runs)
        options.emit([
            ("files", package.files.count),
            ("compiled_files", package.sourceMaps.count),
            ("compile_cold_ms", median(cold) * 1000),
            ("load_warm_ms", median(warm) * 1000),
            ("launch_ms", median(launch) * 1000),
            ("launch_commonjs_ms", median(cjsLaunch) * 1000),
            ("launch_ratio", median(launch) / median(cjsLaunch)),
            ("launch_floor_ms", floor * 1000),
            ("launch_floor_commonjs_ms", cjsFloor * 1000),
            ("launch_floor_ratio", floor / cjsFloor),
        ])
    }

    @Option(help: "Cold compiles to time (each with an empty cache).") var compiles = 10
    @Option(help: "Warm loads and launches to time.") var runs = 100
    @OptionGroup var options: BenchOptions

    private func load(_ root: URL, cache: URL) throws -> AppPackage {
        let entry = try TargetResolver.manifestURL(for: root.path, catalogue: root)
        return try AppPackage.load(manifestURL: entry, dev: true).compiled(cacheDirectory: cache)
    }

    /// Seconds from start to the entry page's `onReady`, with the warm pool full before each.
    private func launches(_ host: AppHost, _ package: AppPackage, pool: InProcessVMPool, count: Int) throws -> [Double] {
        var times: [Double] = []
        for _ in 0..<count {
            pool.waitUntilFull()
            let start = now()
            let app = try host.start(package, prepared: pool.take())
            times.append(try launchSeconds(app, since: start, what: "the generated WeChat project"))
            host.stop(app)
        }
        return times
    }
}
