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
        abstract: "Sync (getStorageSync) and async (getStorage, Promise) call cost, in-process, gate included."
    )

    @Option(help: "Calls per batch.")
    var calls = 20_000

    @Option(help: "Batches (the figure is the median of the batches' per-call means).")
    var batches = 15

    @OptionGroup var options: BenchOptions

    func run() throws {
        let (sync, async) = try BridgeMeasure.callCosts(calls: calls, batches: batches)
        options.emit([
            ("sync_call_median_us", sync * 1e6),
            ("async_call_median_us", async * 1e6),
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
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let services = try HostServices(dataDirectory: dir, prompter: DenyAllPrompter())
        let done = DispatchSemaphore(value: 0)
        let host = AppHost(services: services) { _, event in
            switch event {
            case let .console(_, message) where message == "done": done.signal()
            case .error: FileHandle.standardError.write(Data((event.jsonLine(app: "bench") + "\n").utf8))
            default: break
            }
        }
        let app = try host.start(try benchPackage(in: dir))
        guard app.waitForLaunch() == true else { throw ValidationError("the bench app failed to launch") }

        func timeScript(_ source: String) -> Double {
            let start = now()
            app.sandbox?.withContext { ctx in
                do { try ctx.evaluate(source, sourceURL: "miniapp://org.minihost.bench/bench.js") } catch {
                    FileHandle.standardError.write(Data("bench script failed: \(error)\n".utf8))
                    done.signal()
                }
            }
            done.wait()
            return now() - start
        }
        _ = timeScript("mp.setStorageSync('k', { name: 'small', n: 42, tags: ['a', 'b'] }); console.log('done')")

        let sync = "for (let i = 0; i < \(calls); i++) mp.getStorageSync('k'); console.log('done')"
        let async = "(async () => { for (let i = 0; i < \(calls / 4); i++) await mp.getStorage({ key: 'k' }); console.log('done') })()"
        _ = timeScript(sync)
        _ = timeScript(async)
        var syncTimes: [Double] = [], asyncTimes: [Double] = []
        for _ in 0..<batches {
            syncTimes.append(timeScript(sync) / Double(calls))
            asyncTimes.append(timeScript(async) / Double(calls / 4))
        }
        host.stop(app)
        services.flush()
        return (median(syncTimes), median(asyncTimes))
    }
}

extension RunningApp {
    /// The in-process sandbox (nil when the app runs in a worker process).
    var sandbox: Sandbox? { runtime as? Sandbox }
}
