import Foundation
import Testing

/// The conformance suite (Tests/Conformance) through the real CLI: MiniHost passes every MUST case
/// in both isolation modes, and deliberately broken runtimes (the adapters in
/// Tests/Conformance/adapters) fail the cases written to catch them.
@Suite(.serialized) struct ConformanceTests {
    static let suite = CLI.packageRoot.appendingPathComponent("Tests/Conformance").path
    static let adapters = CLI.packageRoot.appendingPathComponent("Tests/Conformance/adapters")

    /// Runs `minihost conformance --reporter json` and returns the per-case lines and the summary.
    static func conformance(_ extra: [String], timeout: Double = 600) throws -> (status: Int32, cases: [[String: Any]], summary: [String: Any], stderr: String) {
        let r = try CLI.run(["conformance", "--suite", suite, "--reporter", "json"] + extra, timeout: timeout)
        let objects = r.events
        let cases = objects.filter { $0["type"] as? String == "case" }
        let summary = objects.last { $0["type"] as? String == "summary" } ?? [:]
        return (r.status, cases, summary, r.stderr)
    }

    static func failedIDs(_ cases: [[String: Any]]) -> Set<String> {
        Set(cases.filter { $0["verdict"] as? String == "fail" }.compactMap { $0["id"] as? String })
    }

    static var knownFailures: Set<String> {
        let url = URL(fileURLWithPath: suite).appendingPathComponent("known-failures.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return Set(obj.keys)
    }

    @Test func anInterruptedRunKillsItsCasesAndLeavesNoDataDirectoryBehind() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-conf-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let session = try CLISession(["conformance", "--suite", Self.suite], env: ["TMPDIR": tmp.path])
        // Wait until cases run: their folders are in the run's scratch directory.
        func caseFolders() -> [String] {
            let scratch = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []
            return scratch.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: tmp.appendingPathComponent($0).path)) ?? [] }
        }
        // A case is running when its folder exists and its runtime does (the folder comes first).
        var children: [pid_t] = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            children = session.childProcesses()
            if !children.isEmpty && !caseFolders().isEmpty { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(!children.isEmpty && !caseFolders().isEmpty, "no case was seen running")
        let end = session.interrupt()
        #expect(end.reason == .uncaughtSignal && end.status == SIGTERM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == [], "left behind")
        for pid in children { #expect(!processIsAlive(pid), "case runtime \(pid) still running") }
    }

    @Test(arguments: ["process", "in-process"])
    func everyMustCasePassesOnMiniHost(isolation: String) throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString).json")
        let coverage = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: report); try? FileManager.default.removeItem(at: coverage) }
        // One retry: a test machine busy with other suites can slow a run past a supervisor's deadline.
        let r = try Self.conformance(["--isolation", isolation, "--retries", "1", "--report", report.path, "--coverage", coverage.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.cases.count >= 200)
        // No MUST case fails except the ones known-failures.json names (each with its reason).
        let mustFailures = Set(r.cases.filter { $0["level"] as? String == "MUST" && $0["verdict"] as? String == "fail" }.compactMap { $0["id"] as? String })
        #expect(mustFailures.isEmpty, "MUST cases failing on MiniHost (\(isolation)): \(mustFailures.sorted())")
        #expect(r.summary["unexpected_must_failed"] as? Int == 0)
        #expect((r.summary["unexpected_failures"] as? [String]) == [], "\(r.summary["unexpected_failures"] ?? "")")
        // Every MUST statement has a case (ER-8/ER-9 through the world's device faults).
        #expect((r.summary["uncovered_must"] as? [String]) == [], "\(r.summary["uncovered_must"] ?? "")")
        // The W3C MiniApp test report: name, ref and a verdict per case of the suite.
        let data = try Data(contentsOf: report)
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((obj["name"] as? String)?.contains("MiniHost") == true)
        #expect(obj["ref"] is String)
        let tests = try #require(obj["tests"] as? [String: Any])
        #expect(tests.count == r.cases.count)
        #expect(tests["lc-launch-order"] as? Bool == true)
        // Cases that apply only to process isolation are null in an in-process report.
        if isolation == "in-process" { #expect(tests["sb-memory-limit"] is NSNull) } else { #expect(tests["sb-memory-limit"] as? Bool == true) }
        let table = try String(contentsOf: coverage, encoding: .utf8)
        #expect(table.contains("| LC Lifecycle |"))
        #expect(table.contains("| total |"))
    }

    @Test func theReferenceAdapterAgreesWithTheBuiltInRunner() throws {
        let r = try Self.conformance(["--isolation", "in-process", "--filter", "/^(lc-|cs-|el-|pk-)/",
                                      "--runtime", Self.adapters.appendingPathComponent("minihost.py").path])
        #expect(r.cases.count > 40)
        // Through the adapter, known failures count as failures (they are MiniHost's, listed for MiniHost only).
        #expect(Self.failedIDs(r.cases).subtracting(Self.knownFailures).isEmpty, "\(Self.failedIDs(r.cases))")
    }

    @Test func aRuntimeThatReordersLifecycleHooksIsCaught() throws {
        let r = try Self.conformance(["--isolation", "in-process", "--filter", "/^(lc-|nv-|st-)/",
                                      "--runtime", Self.adapters.appendingPathComponent("broken-lifecycle.py").path])
        #expect(r.status == 1)
        let failed = Self.failedIDs(r.cases)
        for id in ["lc-launch-order", "lc-launch-events", "lc-hide-show", "lc-hide-show-events", "nv-navigate-order", "nv-back-order"] {
            #expect(failed.contains(id), "\(id) should catch the swapped onShow/onReady")
        }
        // What does not depend on that order still passes: the suite blames the fault, not everything.
        #expect(!failed.contains { $0.hasPrefix("st-") }, "\(failed.sorted())")
        #expect(!failed.contains("lc-getapp"))
    }

    @Test func aRuntimeThatSkipsConsentChecksIsCaught() throws {
        let r = try Self.conformance(["--isolation", "in-process", "--filter", "/^(cs-|er-|py-|ch-|md-)/",
                                      "--runtime", Self.adapters.appendingPathComponent("broken-consent.py").path])
        #expect(r.status == 1)
        let failed = Self.failedIDs(r.cases)
        for id in ["cs-not-declared-no-prompt", "cs-denied", "cs-no-terminal-deny", "er-1002", "er-1003", "py-not-declared", "py-denied",
                   "ch-read-not-declared", "ch-send-consent-declined"] {
            #expect(failed.contains(id), "\(id) should catch the missing consent check")
        }
        #expect(!failed.contains { $0.hasPrefix("md-") }, "\(failed.sorted())")
        #expect(!failed.contains("py-idempotent"))
    }

    @Test func aSandboxThatLeaksHostGlobalsIsCaught() throws {
        let r = try Self.conformance(["--isolation", "in-process", "--filter", "sb-",
                                      "--runtime", Self.adapters.appendingPathComponent("broken-sandbox.py").path])
        #expect(r.status == 1)
        let failed = Self.failedIDs(r.cases)
        #expect(failed.isSuperset(of: ["sb-globals-allowlist", "sb-no-global-process", "sb-no-global-require-global"]), "\(failed.sorted())")
        #expect(!failed.contains("sb-eval"))
    }

    @Test func badSuitesAndOptionsAreExplained() throws {
        let empty = try CLI.run(["conformance", "--suite", Self.suite, "--filter", "no-such-case-anywhere"])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no case matches"))
        let missing = try CLI.run(["conformance", "--suite", "/nonexistent/suite"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/suite/cases"))
        // A case covering a statement the specification lacks is refused, naming both.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let caseDir = dir.appendingPathComponent("cases/x-one")
        try FileManager.default.createDirectory(at: caseDir, withIntermediateDirectories: true)
        try Data(#"{"id": "x-one", "title": "t", "covers": ["ZZ-9"], "level": "MUST", "expect": {}}"#.utf8).write(to: caseDir.appendingPathComponent("case.json"))
        let spec = dir.appendingPathComponent("spec.md")
        try Data("## 1. Things (LC)\n- **LC-1** MUST: x\n".utf8).write(to: spec)
        let bad = try CLI.run(["conformance", "--suite", dir.path, "--spec", spec.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("x-one covers ZZ-9"))
    }
}
