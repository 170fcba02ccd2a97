import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostConformance
import MiniHostProtocol

/// `minihost conformance`: runs the conformance suite (Tests/Conformance) against MiniHost itself
/// or, with `--runtime`, against any runtime through the adapter protocol.
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run the runtime conformance suite (docs/spec.md) against MiniHost or another runtime.",
        discussion: """
        Each case is a folder <suite>/cases/<id>/ with a mini-program (manifest.json at its root), an optional \
        world.json and script.minihost, and case.json (the statements it covers, its level and the expected \
        events, console lines, error kinds and exit status).

        Adapter protocol (--runtime CMD): for each case and isolation mode the runner starts `CMD <case dir>` \
        (through /bin/sh, in the runner's working directory; the case dir is absolute) with standard input at end of file and the environment MINIHOST_CONFORMANCE_ISOLATION \
        (process or in-process), MINIHOST_CONFORMANCE_DATA_DIR (a fresh path for the data directory, not created yet), \
        MINIHOST_CONFORMANCE_CASE (the id), MINIHOST_CONFORMANCE_TIMEOUT (seconds), MINIHOST_CONFORMANCE_ARGS \
        (the `minihost run` arguments MiniHost would use, a JSON array) and MINIHOST_BIN (this minihost). The \
        adapter prints JSON lines as `minihost run --json` does (lifecycle, console, setData, error, exit) and \
        exits with the run's status (0 ok, 1 crashed or killed, 2 bad package/manifest/world/script).

        \(ExitStatus.list([(0, "every MUST case passed (and with --strict every case)"), (1, "a case failed"),
                           (2, "a bad suite, case file or option")]))
        """
    )

    @Option(help: "The suite folder, holding cases/<id>/case.json.")
    var suite: String = "Tests/Conformance"

    @Option(help: "The specification whose statements the cases cover (default: <suite>/../../docs/spec.md).")
    var spec: String?

    @Option(help: "Run only the cases whose id, title or covered statement contains this text (or matches /regex/).")
    var filter: String?

    @Option(help: "How to print results: text (failures, summary and the coverage table), json (one object a line) or tap (TAP 13).")
    var reporter: ConformanceReporter = .text

    @Option(help: "Write the W3C MiniApp test report here: {\"name\", \"ref\", \"tests\": {\"<id>\": true|false|null}}.")
    var report: String?

    @Option(help: "Write the coverage table (Markdown) here.")
    var coverage: String?

    @Option(help: "Run the cases with this adapter command instead of MiniHost: the runner starts `CMD <case dir>` and reads JSON lines.")
    var runtime: String?

    @Option(help: "The name of the runtime in the report (default: MiniHost, or the --runtime command).")
    var name: String?

    @Option(help: "The report's ref: where the implementation or the specification it was measured against lives.")
    var ref: String = "docs/spec.md (MiniHost runtime specification, version 1)"


    @Option(help: "Isolation modes to run each case in: process, in-process or both.")
    var isolation: ConformanceIsolation = .both

    @Option(help: "Cases run at the same time.")
    var jobs: Int = 2

    @Option(help: "Run a failed case again up to this many times (it is reported with its attempts).")
    var retries: Int = 0

    @Flag(help: "Fail (exit 1) when any case fails, not only a MUST case.")
    var strict = false

    func validate() throws {
        if jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64.") }
        if retries < 0 || retries > 5 { throw ValidationError("--retries must be between 0 and 5.") }
        if let runtime, runtime.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--runtime must name a command.") }
    }

    func run() throws {
        let suiteURL = URL(fileURLWithPath: suite, isDirectory: true).standardizedFileURL
        let specURL = spec.map { URL(fileURLWithPath: $0) }
            ?? suiteURL.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/spec.md")
        let all: [ConformanceCase], cases: [ConformanceCase], specification: ConformanceSpec
        var known: [String: String] = [:]
        do {
            // Known failures are MiniHost's own; another runtime is measured on every case.
            if runtime == nil { known = try ConformanceCase.loadKnownFailures(suiteURL) }
            all = try ConformanceCase.loadSuite(suiteURL)
            cases = try ConformanceCase.loadSuite(suiteURL, filter: filter)
            specification = try ConformanceSpec.load(specURL)
        } catch {
            FileHandle.standardError.write(Data("minihost: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let unknown = specification.unknownStatements(in: all)
        if !unknown.isEmpty {
            let list = unknown.prefix(10).map { "\($0.caseID) covers \($0.statement)" }.joined(separator: "; ")
            FileHandle.standardError.write(Data("minihost: cases cover statements \(specURL.lastPathComponent) does not define: \(list)\n".utf8))
            throw ExitCode(2)
        }
        if cases.isEmpty {
            FileHandle.standardError.write(Data("minihost: no case matches --filter \(filter ?? "")\n".utf8))
            throw ExitCode(2)
        }
        let knownFailures = known
        let me = Self.executablePath()
        let rt: ConformanceRuntime = runtime.map { .adapter(command: $0, minihostExecutable: me) } ?? .minihost(executable: me)
        let runner = ConformanceRunner(runtime: rt, jobs: jobs, retries: retries)
        // Interrupted: the cases' runtimes still running are killed, then their data directories removed.
        Interrupts.onInterrupt { _ in ConformanceRunner.killRunning() }
        ScratchDirectories.removeOnInterrupt()
        let modes = isolation.modes
        let reporter = self.reporter
        let total = cases.count * modes.count
        let counter = Counter()
        if reporter == .tap { Self.out("TAP version 13\n1..\(total)\n") }
        let results = runner.run(cases, isolation: modes) { r in
            let n = counter.next()
            switch reporter {
            case .text:
                if r.verdict == .fail, let why = knownFailures[r.caseID] {
                    Self.out("XFAIL \(r.caseID) [\(r.isolation)] (known failure: \(why))\n")
                } else if r.verdict == .pass, knownFailures[r.caseID] != nil {
                    Self.out("XPASS \(r.caseID) [\(r.isolation)] (listed in known-failures.json but passes: remove it)\n")
                } else if r.verdict == .pass, r.attempts > 1 {
                    Self.out("FLAKY \(r.caseID) [\(r.isolation)] (passed on attempt \(r.attempts))\n")
                } else if r.verdict == .fail {
                    Self.out("FAIL \(r.caseID) [\(r.isolation)] (\(r.level.rawValue); \(r.covers.joined(separator: ", ")))\n"
                             + r.failures.map { "     - \($0)\n" }.joined())
                }
            case .json:
                Self.out(Self.jsonLine(["type": "case", "id": r.caseID, "isolation": r.isolation, "level": r.level.rawValue,
                                        "covers": r.covers, "verdict": knownFailures[r.caseID] == nil ? r.verdict.rawValue : (r.verdict == .fail ? "xfail" : r.verdict == .pass ? "xpass" : "skip"), "failures": r.failures,
                                        "ms": (r.milliseconds * 10).rounded() / 10, "attempts": r.attempts]))
            case .tap:
                let ok = r.verdict != .fail
                let todo = knownFailures[r.caseID].map { " # TODO known failure: \($0)" } ?? ""
                var line = "\(ok ? "ok" : "not ok") \(n) - \(r.caseID) [\(r.isolation)]\(r.verdict == .skip ? " # SKIP not applicable to \(r.isolation)" : todo)\n"
                if !ok {
                    line += "  ---\n  level: \(r.level.rawValue)\n  failures:\n" + r.failures.map { "    - \(JSONText.quote($0))\n" }.joined() + "  ...\n"
                }
                Self.out(line)
            }
        }
        let rows = ConformanceReport.coverage(spec: specification, cases: cases, results: results)
        let ran = results.filter { $0.verdict != .skip }
        let failed = ran.filter { $0.verdict == .fail }
        let knownFailed = failed.filter { known[$0.caseID] != nil }
        let unexpected = failed.filter { known[$0.caseID] == nil }
        let mustFailed = unexpected.filter { $0.level == .must }
        let mustRan = ran.filter { $0.level == .must }
        let mustFailedAll = failed.filter { $0.level == .must }.count
        let knownIDs = Array(Set(knownFailed.map(\.caseID))).sorted()
        let failedIDs = Array(Set(failed.map(\.caseID))).sorted()
        let unexpectedIDs = Array(Set(unexpected.map(\.caseID))).sorted()
        let uncovered = specification.uncoveredMust(by: all)
        let runtimeName = name ?? (runtime.map { "adapter: \($0)" } ?? "MiniHost")
        switch reporter {
        case .text:
            Self.out("\n" + ConformanceReport.coverageTable(rows) + "\n\n")
            if !uncovered.isEmpty { Self.out("MUST statements no case covers: \(uncovered.joined(separator: ", "))\n") }
            let known: String = knownFailed.isEmpty ? "" : "; \(knownFailed.count) known failures (\(knownIDs.joined(separator: ", ")))"
            let head: String = "\(runtimeName): \(cases.count) cases × \(modes.joined(separator: "+")): \(ran.count - failed.count)/\(ran.count) runs passed; "
            let must: String = "MUST \(mustRan.count - mustFailedAll)/\(mustRan.count); \(results.count - ran.count) not applicable"
            Self.out(head + must + known + "; \(unexpected.count) unexpected failures\n")
        case .json:
            var summary: [String: Any] = ["type": "summary", "runtime": runtimeName, "cases": cases.count, "isolation": modes]
            summary["runs"] = ran.count
            summary["passed"] = ran.count - failed.count
            summary["failed"] = failed.count
            summary["must_runs"] = mustRan.count
            summary["must_failed"] = mustFailedAll
            summary["unexpected_must_failed"] = mustFailed.count
            summary["failed_cases"] = failedIDs
            summary["known_failures"] = knownIDs
            summary["unexpected_failures"] = unexpectedIDs
            summary["uncovered_must"] = uncovered
            summary["coverage"] = ConformanceReport.coverageJSON(rows)
            Self.out(Self.jsonLine(summary))
        case .tap:
            Self.out("# \(ran.count - failed.count)/\(ran.count) passed; MUST \(mustRan.count - mustFailedAll)/\(mustRan.count); \(unexpected.count) unexpected failures\n")
        }
        do {
            if let report {
                let data = ConformanceReport.w3cReport(name: runtimeName + " (" + modes.joined(separator: ", ") + ")", ref: ref, allCases: all, results: results)
                try data.write(to: URL(fileURLWithPath: report))
            }
            if let coverage {
                try Data((ConformanceReport.coverageTable(rows) + "\n").utf8).write(to: URL(fileURLWithPath: coverage))
            }
        } catch {
            FileHandle.standardError.write(Data("minihost: cannot write the report: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        if !mustFailed.isEmpty || (strict && !unexpected.isEmpty) { throw ExitCode(1) }
    }

    private final class Counter: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        func next() -> Int { lock.withLock { n += 1; return n } }
    }

    static func out(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }

    static func jsonLine(_ obj: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// This executable's path (the default runtime is MiniHost itself).
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}

enum ConformanceReporter: String, ExpressibleByArgument, CaseIterable { case text, json, tap }

enum ConformanceIsolation: String, ExpressibleByArgument, CaseIterable {
    case process
    case inProcess = "in-process"
    case both

    var modes: [String] {
        switch self {
        case .process: return ["process"]
        case .inProcess: return ["in-process"]
        case .both: return ["process", "in-process"]
        }
    }
}
