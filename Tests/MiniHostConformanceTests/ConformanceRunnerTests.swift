import Foundation
import Testing
@testable import MiniHostConformance

/// The conformance runner's parts: case files, matching outcomes, the specification index, reports,
/// and running a case through an adapter command.
@Suite struct ConformanceRunnerTests {
    /// Writes a case folder `<tmp>/cases/<id>/case.json` and returns the suite folder and the case folder.
    static func writeCase(_ id: String, _ json: String, suite: URL? = nil) throws -> (suite: URL, dir: URL) {
        let root = suite ?? FileManager.default.temporaryDirectory.appendingPathComponent("conf-unit-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("cases").appendingPathComponent(id)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: dir.appendingPathComponent("case.json"))
        return (root, dir)
    }

    static func line(_ obj: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func loadsACaseWithEveryField() throws {
        let (suite, dir) = try Self.writeCase("lc-one", """
        {"id": "lc-one", "title": "t", "covers": ["LC-1", "LC-2"], "level": "SHOULD",
         "run": {"args": ["--grant", "location"], "isolation": ["process"], "timeout_seconds": 5, "targets": [".", "other"], "dev": false},
         "expect": {"exit_code": 1, "exit_status": "killed", "console": ["a", {"prefix": "b"}, {"regex": "^c+$"}], "console_match": "exact",
                    "console_absent": ["x"], "hooks": ["app.onLaunch"], "errors": [{"kind": "cpu_limit", "message_contains": "200"}],
                    "error_kinds_absent": ["crash"], "stderr_contains": ["oops"], "output_absent": ["$CASE_DIR"], "events": [{"type": "exit"}]}}
        """)
        defer { try? FileManager.default.removeItem(at: suite) }
        let c = try ConformanceCase.load(dir)
        #expect(c.level == .should)
        #expect(c.covers == ["LC-1", "LC-2"])
        #expect(c.args == ["--grant", "location"])
        #expect(c.isolation == ["process"])
        #expect(c.timeoutSeconds == 5)
        #expect(c.dev == false)
        #expect(c.expect.consoleMatch == .exact)
        #expect(c.expect.console == [.equals("a"), .prefix("b"), .regex("^c+$")])
        #expect(c.expect.errors == [.init(kind: "cpu_limit", messageContains: "200")])
        let args = ConformanceRuntime.runArguments(c, isolation: "process", dataDirectory: "/d")
        #expect(args == ["run", dir.path, dir.appendingPathComponent("other").path, "--json", "--data-dir", "/d", "--isolation", "process", "--grant", "location"])
    }

    @Test(arguments: [
        (#"{"id": "x-1", "title": "t", "covers": ["LC-1"], "level": "MUST", "expect": {}, "extra": 1}"#, #""extra" is not a case field"#),
        (#"{"id": "other", "title": "t", "covers": ["LC-1"], "level": "MUST", "expect": {}}"#, #""id" is "other" but the folder is "x-1""#),
        (#"{"id": "x-1", "title": "t", "covers": [], "level": "MUST", "expect": {}}"#, #""covers" is required"#),
        (#"{"id": "x-1", "title": "t", "covers": ["LC-1"], "level": "MUSTN'T", "expect": {}}"#, #""level" must be MUST, SHOULD or MAY"#),
        (#"{"id": "x-1", "title": "t", "covers": ["LC-1"], "level": "MUST", "expect": {"console": [{"regex": "("}]}}"#, #""expect.console[0]" is not a valid regular expression"#),
        (#"{"id": "x-1", "title": "t", "covers": ["LC-1"], "level": "MUST", "expect": {"consol": []}}"#, #""expect.consol" is not an expectation"#),
        (#"{"id": "x-1", "title": "t", "covers": ["LC-1"], "level": "MUST", "run": {"targets": ["../escape"]}, "expect": {}}"#, #""run.targets" must stay inside the case folder"#),
        (#"{"id": "x-1", "title": "t", "covers": ["LC-1"], "level": "MUST", "run": {"isolation": ["thread"]}, "expect": {}}"#, #""run.isolation" has "thread""#),
        (#"{"id": "x-1", "title": "t", "covers": ["LC-1"], "level": "MUST"}"#, #""expect" is required"#),
        ("{not json", "not valid JSON"),
    ])
    func badCaseFilesNameTheField(json: String, message: String) throws {
        let (suite, dir) = try Self.writeCase("x-1", json)
        defer { try? FileManager.default.removeItem(at: suite) }
        do {
            _ = try ConformanceCase.load(dir)
            Issue.record("expected an error containing \(message)")
        } catch {
            #expect(String(describing: error).contains(message), "\(error)")
            #expect(String(describing: error).contains("case.json"))
        }
    }

    @Test func parsesEventsFromJSONLines() {
        let out = [Self.line(["type": "lifecycle", "target": "app", "hook": "onLaunch"]),
                   "not json at all",
                   Self.line(["type": "lifecycle", "target": "page", "hook": "onLoad", "route": "pages/a/a"]),
                   Self.line(["type": "console", "message": "hello"]),
                   Self.line(["type": "error", "kind": "exception", "message": "boom"]),
                   Self.line(["type": "exit", "status": "ok"]),
                   Self.line(["type": "exit", "status": "killed"])].joined(separator: "\n")
        let o = ConformanceOutcome(stdout: out, stderr: "", exitCode: 0)
        #expect(o.hooks == ["app.onLaunch", "pages/a/a.onLoad"])
        #expect(o.console == ["hello"])
        #expect(o.errors.map(\.kind) == ["exception"])
        #expect(o.exitStatus == "ok")
        #expect(o.rawEvents.count == 6)
    }

    @Test func subsequenceAndExactMatching() {
        let actual = ["a", "x", "b", "c"]
        #expect(ConformanceMatcher.compare([.equals("a"), .equals("b")], actual, .subsequence, what: "console") == nil)
        #expect(ConformanceMatcher.compare([.equals("b"), .equals("a")], actual, .subsequence, what: "console") != nil)
        #expect(ConformanceMatcher.compare([.equals("a"), .equals("b")], actual, .exact, what: "console")?.contains("line 2") == true)
        #expect(ConformanceMatcher.compare([.prefix("a"), .contains("x"), .regex("^b$"), .equals("c")], actual, .exact, what: "console") == nil)
        #expect(ConformanceMatcher.compare([.equals("a")], [], .exact, what: "console")?.contains("got nothing") == true)
    }

    @Test func everyKindOfExpectationCanFail() {
        var x = ConformanceCase.Expectation()
        x.exitCode = 0
        x.exitStatus = "ok"
        x.consoleAbsent = ["secret"]
        x.hooks = ["app.onLaunch", "app.onShow"]
        x.errors = [.init(kind: "cpu_limit", messageContains: nil)]
        x.errorKindsAbsent = ["exception"]
        x.stderrContains = ["warned"]
        x.outputAbsent = ["$CASE_DIR/x"]
        x.events = [ConformanceCase.JSONPattern(["type": "setData", "data": ["a": 1]])!]
        let out = [Self.line(["type": "lifecycle", "target": "app", "hook": "onShow"]),
                   Self.line(["type": "lifecycle", "target": "app", "hook": "onLaunch"]),
                   Self.line(["type": "console", "message": "the secret is /case/x"]),
                   Self.line(["type": "setData", "data": ["a": 2]]),
                   Self.line(["type": "error", "kind": "exception", "message": "m"]),
                   Self.line(["type": "exit", "status": "crashed"])].joined(separator: "\n")
        let failures = ConformanceMatcher.failures(x, ConformanceOutcome(stdout: out, stderr: "", exitCode: 1), caseDirectory: "/case")
        #expect(failures.count == 9, "\(failures)")
        // And the same expectation is met by a run that does what it says.
        let good = [Self.line(["type": "lifecycle", "target": "app", "hook": "onLaunch"]),
                    Self.line(["type": "lifecycle", "target": "app", "hook": "onShow"]),
                    Self.line(["type": "setData", "data": ["a": 1, "b": true]]),
                    Self.line(["type": "error", "kind": "cpu_limit", "message": "m"]),
                    Self.line(["type": "exit", "status": "ok"])].joined(separator: "\n")
        #expect(ConformanceMatcher.failures(x, ConformanceOutcome(stdout: good, stderr: "warned", exitCode: 0), caseDirectory: "/case") == [])
    }

    /// `minihost run --json` prints its own messages as JSON lines on stderr: their text counts.
    @Test func standardErrorInJSONLinesIsMatchedByItsMessages() {
        var x = ConformanceCase.Expectation()
        x.stderrContains = [#":2: unknown command "frobnicate""#]
        let json = #"{"type":"error","kind":"script","message":"s.minihost:2: unknown command \"frobnicate\""}"#
        #expect(ConformanceMatcher.failures(x, ConformanceOutcome(stdout: "", stderr: json + "\n", exitCode: 2), caseDirectory: "/case") == [])
        #expect(ConformanceMatcher.failures(x, ConformanceOutcome(stdout: "", stderr: "minihost: s.minihost:2: unknown command \"frobnicate\"\n", exitCode: 2), caseDirectory: "/case") == [])
        #expect(ConformanceMatcher.failures(x, ConformanceOutcome(stdout: "", stderr: #"{"type":"error","message":"other"}"#, exitCode: 2), caseDirectory: "/case").count == 1)
    }

    @Test func jsonPatternsMatchSubsetsAndKeepBooleansApartFromNumbers() throws {
        let p = try #require(ConformanceCase.JSONPattern(["a": ["b": [1, true, NSNull()]]]))
        let v = try JSONSerialization.jsonObject(with: Data(#"{"a": {"b": [1, true, null], "c": 2}, "d": 3}"#.utf8))
        #expect(p.matches(v))
        let w = try JSONSerialization.jsonObject(with: Data(#"{"a": {"b": [true, 1, null]}}"#.utf8))
        #expect(!p.matches(w))
    }

    @Test func specificationIndexAndCoverage() throws {
        let spec = ConformanceSpec(text: """
        # Title
        ## 2. Lifecycle (LC)
        - **LC-1** MUST: launch order.
        - **LC-2** SHOULD: something.
        ## 3. Storage (ST)
        - **ST-1** MUST: round trip.
        - **ST-2** MAY: extra.
        Text mentioning **LC-1** without a level is not a statement.
        """)
        #expect(spec.sections.map(\.code) == ["LC", "ST"])
        #expect(spec.sections.first?.title == "Lifecycle")
        #expect(spec.statements.map(\.id) == ["LC-1", "LC-2", "ST-1", "ST-2"])
        let (suite, dir) = try Self.writeCase("lc-a", #"{"id": "lc-a", "title": "t", "covers": ["LC-1", "XX-1"], "level": "MUST", "expect": {}}"#)
        defer { try? FileManager.default.removeItem(at: suite) }
        let c = try ConformanceCase.load(dir)
        #expect(spec.unknownStatements(in: [c]).map(\.statement) == ["XX-1"])
        #expect(spec.uncoveredMust(by: [c]) == ["ST-1"])
        let results = [ConformanceResult(caseID: "lc-a", level: .must, covers: c.covers, isolation: "process", verdict: .pass, failures: [], milliseconds: 1),
                       ConformanceResult(caseID: "lc-a", level: .must, covers: c.covers, isolation: "in-process", verdict: .fail, failures: ["x"], milliseconds: 1)]
        let rows = ConformanceReport.coverage(spec: spec, cases: [c], results: results)
        #expect(rows.map(\.section) == ["LC", "ST"])
        #expect(rows[0].mustCovered == 1 && rows[0].must == 1 && rows[0].cases == 1 && rows[0].failed == 1)
        #expect(rows[1].mustCovered == 0 && rows[1].cases == 0)
        #expect(ConformanceReport.coverageTable(rows).contains("| LC Lifecycle | 2 | 1/1 | 1/2 | 1 | 0 | 1 |"))
        // W3C report: false when any mode failed; null when it did not run.
        let (_, dir2) = try Self.writeCase("st-b", #"{"id": "st-b", "title": "t", "covers": ["ST-1"], "level": "MUST", "expect": {}}"#, suite: suite)
        let c2 = try ConformanceCase.load(dir2)
        let data = ConformanceReport.w3cReport(name: "R", ref: "u", allCases: [c, c2], results: results)
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = try #require(obj["tests"] as? [String: Any])
        #expect(tests["lc-a"] as? Bool == false)
        #expect(tests["st-b"] is NSNull)
        #expect(obj["name"] as? String == "R")
    }

    @Test func suiteLoadingFiltersByIdTitleOrStatement() throws {
        let (suite, _) = try Self.writeCase("lc-a", #"{"id": "lc-a", "title": "launch", "covers": ["LC-1"], "level": "MUST", "expect": {}}"#)
        defer { try? FileManager.default.removeItem(at: suite) }
        _ = try Self.writeCase("st-b", #"{"id": "st-b", "title": "storage", "covers": ["ST-1"], "level": "MUST", "expect": {}}"#, suite: suite)
        #expect(try ConformanceCase.loadSuite(suite).map(\.id) == ["lc-a", "st-b"])
        #expect(try ConformanceCase.loadSuite(suite, filter: "ST-1").map(\.id) == ["st-b"])
        #expect(try ConformanceCase.loadSuite(suite, filter: "launch").map(\.id) == ["lc-a"])
        #expect(try ConformanceCase.loadSuite(suite, filter: "/^(lc|st)-/").count == 2)
    }

    @Test func runsACaseThroughAnAdapterCommand() throws {
        let (suite, dir) = try Self.writeCase("ad-one", """
        {"id": "ad-one", "title": "t", "covers": ["LC-1"], "level": "MUST", "run": {"isolation": ["in-process"], "timeout_seconds": 10},
         "expect": {"exit_code": 0, "console": ["mode in-process", "case ad-one"], "console_match": "exact"}}
        """)
        defer { try? FileManager.default.removeItem(at: suite) }
        let c = try ConformanceCase.load(dir)
        // A tiny "runtime" in shell: prints what the protocol hands it as console events.
        let script = suite.appendingPathComponent("adapter.sh")
        try Data("""
        #!/bin/sh
        test -d "$1" || exit 9
        test -d "$MINIHOST_CONFORMANCE_DATA_DIR" && exit 8
        echo '{"type":"console","message":"mode '"$MINIHOST_CONFORMANCE_ISOLATION"'"}'
        echo '{"type":"console","message":"case '"$MINIHOST_CONFORMANCE_CASE"'"}'
        """.utf8).write(to: script)
        let runner = ConformanceRunner(runtime: .adapter(command: "/bin/sh " + script.path, minihostExecutable: nil))
        let results = runner.run([c], isolation: ["process", "in-process"])
        #expect(results.map(\.verdict) == [.skip, .pass], "\(results.map(\.failures))")
        // A runtime that hangs is killed at the case's time limit and fails.
        try Data("#!/bin/sh\nsleep 30\n".utf8).write(to: script)
        var slow = c
        slow.timeoutSeconds = 0.5
        let start = Date()
        let r = runner.runOne(slow, isolation: "in-process")
        #expect(r.verdict == .fail)
        #expect(r.failures.contains { $0.contains("did not end in time") })
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
