import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol

/// `minihost-bench`: the figures each issue asks for, measured on this machine.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minihost-bench",
        abstract: "MiniHost benchmarks (build with -c release).",
        subcommands: [StartupBench.self, BridgeBench.self, PaymentBench.self, IsolationBench.self, CompareBench.self, DevTestBench.self, WeChatBench.self, RenderBench.self, PreviewBench.self]
    )
}

/// Options every benchmark shares.
struct BenchOptions: ParsableArguments {
    @Flag(help: "Print one JSON object.")
    var json = false

    @Option(help: "The catalogue holding the sample manifests (default: ./manifests).")
    var catalog: String?

    func load(_ appId: String) throws -> (URL, AppPackage) {
        let catalogue = catalog.map { URL(fileURLWithPath: $0) } ?? TargetResolver.defaultCatalogue()
        let url = try TargetResolver.manifestURL(for: appId, catalogue: catalogue)
        return (url, try AppPackage.load(manifestURL: url, dev: false, catalogue: catalogue))
    }

    func emit(_ fields: [(String, Any)]) {
        if json {
            let body = fields.map { key, value -> String in
                let v: String
                switch value {
                case let d as Double: v = String(format: "%.4f", d)
                case let i as Int: v = String(i)
                case let s as String: v = JSONText.quote(s)
                default: v = JSONText.quote("\(value)")
                }
                return JSONText.quote(key) + ": " + v
            }
            print("{" + body.joined(separator: ", ") + "}")
        } else {
            for (k, v) in fields { print("\(k): \(v)") }
        }
    }
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Seconds from `start` (a ``now()``) until the app's launch finished (its entry page's `onReady`
/// returned), as the runtime reported the moment; throws if the launch failed or timed out.
/// Not the time the waiting thread woke up: that wake-up (about 0.1–0.3 ms here) is the
/// benchmark's, not the app's start.
func launchSeconds(_ app: RunningApp, since start: Double, timeout: Double? = nil, what: String = "the hello sample") throws -> Double {
    guard app.waitForLaunch(timeout: timeout) == true, let at = app.launchedAt else { throw ValidationError("\(what) failed to launch") }
    return Double(at.uptimeNanoseconds) / 1e9 - start
}

/// Resident set size of this process, in KiB, from /proc/self/statm.
func residentKB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

/// CPU time (user + system) this process has used so far, in seconds, from getrusage.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
