import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `minihost test` end to end: the samples' own suites, a suite written against the documented
/// driver API, precise failure reports, the reporters and `--filter`.
final class DevTestTests: XCTestCase {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/devtest")
    static var failing: String { fixtures.appendingPathComponent("failing").path }
    static var api: String { fixtures.appendingPathComponent("api").path }

    /// The summary line's counts: "N passed, N failed" (", N skipped").
    func summary(_ text: String) -> String? {
        text.split(separator: "\n").map(String.init).last { $0.range(of: #"^\d+ passed, \d+ failed(, \d+ skipped)?$"#, options: .regularExpression) != nil }
    }

    /// The samples' suites (their view tests tap by selector) pass in both isolation modes.
    func testEachSampleSuitePasses() throws {
        for sample in ["hello", "taxi", "flights", "checkin"] {
            for isolation in ["process", "in-process"] {
                let r = try CLI.run(["test", "org.minihost.\(sample)", "--isolation", isolation], timeout: 120)
                XCTAssertEqual(r.status, 0, "\(sample), \(isolation):\n\(r.stdout)\n\(r.stderr)")
                let line = try XCTUnwrap(summary(r.stdout), "\(sample): no summary line in\n\(r.stdout)")
                XCTAssertTrue(line.hasSuffix(" 0 failed"), line)
                XCTAssertFalse(line.hasPrefix("0 passed"), line)
            }
        }
    }

    func testSuiteWrittenAgainstTheDriverAPIRunsUnchanged() throws {
        for isolation in ["process", "in-process"] {
            let r = try CLI.run(["test", Self.api, "--isolation", isolation], timeout: 120)
            XCTAssertEqual(r.status, 0, "\(isolation):\n\(r.stdout)\n\(r.stderr)")
            XCTAssertEqual(summary(r.stdout), "11 passed, 0 failed", r.stdout)
        }
    }

    /// Page data and a page method's result keep the app's order of keys in both modes (process
    /// mode sorted them: the host rebuilt each JSON part of a worker's event).
    func testPageDataKeepsTheAppsOrderOfKeysInBothModes() throws {
        let app = try TempApp(id: "org.test.order", files: [
            "pages/index/index.js": "Page({ data: { zeta: 1, alpha: 2 }, pair() { return { b: 1, a: { y: 1, x: 2 } }; } })",
            "tests/order.test.js": """
            it('keeps the order of keys', async () => {
              const page = await (await minihost.launch()).currentPage();
              expect(Object.keys(await page.data())).toEqual(['zeta', 'alpha']);
              const r = await page.call('pair');
              expect(JSON.stringify(r)).toBe('{"b":1,"a":{"y":1,"x":2}}');
            });
            """,
        ])
        defer { app.remove() }
        for isolation in ["process", "in-process"] {
            let r = try CLI.run(["test", app.path, "--isolation", isolation], timeout: 120)
            XCTAssertEqual(r.status, 0, "\(isolation):\n\(r.stdout)\n\(r.stderr)")
            XCTAssertEqual(summary(r.stdout), "1 passed, 0 failed", r.stdout)
        }
    }

    func testFailuresAreReportedPreciselyAndTheRunGoesOn() throws {
        let r = try CLI.run(["test", Self.failing], timeout: 120)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let out = r.stdout
        XCTAssertEqual(summary(out), "3 passed, 5 failed, 1 skipped", out)
        // A failing assertion: file and line, expected and received, a diff, the app's console.
        XCTAssertTrue(out.contains("tests/a_failures.test.js:10 › failures > fails an assertion"), out)
        XCTAssertTrue(out.contains("Expected: {count: 2, items: [\"a\", \"b\"]}"), out)
        XCTAssertTrue(out.contains("Received: {count: 1, items: [\"a\", \"b\"]}"), out)
        XCTAssertTrue(out.contains("-   count: 2,") && out.contains("+   count: 1,"), out)
        XCTAssertTrue(out.contains("org.example.failing log: index loaded"), out)
        // A throwing test.
        XCTAssertTrue(out.contains("tests/a_failures.test.js:15 › failures > throws"), out)
        XCTAssertTrue(out.contains("TypeError: null is not an object (evaluating 'x.boom')"), out)
        // An app that hangs: killed, reported at the test's line that waited on it.
        XCTAssertTrue(out.contains("tests/a_failures.test.js:22 › failures > hangs the app"), out)
        XCTAssertTrue(out.contains("the app ended (killed): unresponsive"), out)
        // A test that never ends: its timeout names it.
        XCTAssertTrue(out.contains("test \"failures > waits forever\" timed out after 300 ms"), out)
        // A syntax error in a test file: the file and the line; the next file still runs.
        XCTAssertTrue(out.contains("tests/b_syntax.test.js:3 › (syntax error)"), out)
        XCTAssertTrue(out.contains("SyntaxError: Unexpected token ';' (tests/b_syntax.test.js:3)"), out)
        XCTAssertTrue(out.contains("✓ tests/a_failures.test.js › failures > passes after the others"), out)
        XCTAssertTrue(out.contains("✓ tests/c_after.test.js › runs after a file with a syntax error"), out)
        XCTAssertFalse(out.contains("\u{1B}["), "NO_COLOR: no escape sequences")
    }

    func testTAPReporterIsValidTAP13() throws {
        let r = try CLI.run(["test", Self.failing, "--reporter", "tap"], timeout: 120)
        XCTAssertEqual(r.status, 1)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "TAP version 13")
        XCTAssertEqual(lines[1], "1..9")
        var number = 0
        var inYAML = false
        for line in lines.dropFirst(2) where !line.isEmpty {
            if inYAML { if line == "  ..." { inYAML = false }; continue }
            if line == "  ---" { inYAML = true; continue }
            if line.hasPrefix("#") { continue }
            let m = line.range(of: #"^(not )?ok (\d+) - "#, options: .regularExpression)
            XCTAssertNotNil(m, "not a TAP line: \(line)")
            number += 1
            XCTAssertTrue(line.contains("ok \(number) - "), line)
        }
        XCTAssertEqual(number, 9)
        XCTAssertFalse(inYAML, "an unterminated YAML block")
        XCTAssertTrue(r.stdout.contains("ok 7 - tests/a_failures.test.js > failures > is skipped # SKIP"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  at: \"tests/a_failures.test.js:10\""), r.stdout)
        XCTAssertTrue(lines.contains("# 3 passed, 5 failed, 1 skipped"), r.stdout)
    }

    func testJUnitReporterIsParseableXML() throws {
        let r = try CLI.run(["test", Self.failing, "--reporter", "junit"], timeout: 120)
        XCTAssertEqual(r.status, 1)
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(r.stdout.utf8))
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "JUnit XML does not parse: \(parser.parserError.map { "\($0)" } ?? "")\n\(r.stdout)")
        XCTAssertEqual(counter.testcases, 9)
        XCTAssertEqual(counter.failures, 5)
        XCTAssertEqual(counter.skipped, 1)
        XCTAssertEqual(counter.suites, ["tests/a_failures.test.js", "tests/b_syntax.test.js", "tests/c_after.test.js"])
        XCTAssertTrue(r.stderr.contains("3 passed, 5 failed, 1 skipped"), r.stderr)
    }

    func testJSONReporter() throws {
        let r = try CLI.run(["test", Self.failing, "--reporter", "json"], timeout: 120)
        XCTAssertEqual(r.status, 1)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["passed"] as? Int, 3)
        XCTAssertEqual(doc["failed"] as? Int, 5)
        XCTAssertEqual(doc["skipped"] as? Int, 1)
        let tests = try XCTUnwrap(doc["tests"] as? [[String: Any]])
        let assertion = try XCTUnwrap(tests.first { $0["name"] as? String == "failures > fails an assertion" })
        XCTAssertEqual(assertion["line"] as? Int, 10)
        let error = try XCTUnwrap(assertion["error"] as? [String: Any])
        XCTAssertEqual(error["expected"] as? String, "{count: 2, items: [\"a\", \"b\"]}")
        XCTAssertEqual(error["actual"] as? String, "{count: 1, items: [\"a\", \"b\"]}")
        XCTAssertNotNil(assertion["console"] as? [String])
    }

    func testFilterRunsOnlyMatchingTests() throws {
        let r = try CLI.run(["test", "org.minihost.hello", "--filter", "navigation"], timeout: 120)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(summary(r.stdout), "4 passed, 0 failed", r.stdout)
        XCTAssertFalse(r.stdout.contains("timers"), r.stdout)
        let regex = try CLI.run(["test", "org.minihost.hello", "--filter", "/^hello: launch > greets/"], timeout: 120)
        XCTAssertEqual(summary(regex.stdout), "1 passed, 0 failed", regex.stdout)
    }

    func testWorldFlagGivesTheDefaultWorld() throws {
        let r = try CLI.run(["test", "org.minihost.flights", "--world", "worlds/flights.json", "--filter", "retry"], timeout: 120)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(summary(r.stdout), "1 passed, 0 failed", r.stdout)
        let bad = try CLI.run(["test", "org.minihost.flights", "--world", "/nonexistent/world.json"])
        XCTAssertEqual(bad.status, 2, bad.stdout + bad.stderr)
        XCTAssertTrue(bad.stderr.contains("/nonexistent/world.json"), bad.stderr)
    }

    func testAnInterruptedRunLeavesNoWorldBehind() throws {
        // Slow tests, so that the run is in the middle of them when the signal comes.
        let app = try TempApp(files: [
            "app.js": "App({})",
            "pages/index/index.js": "Page({})",
            "tests/slow.test.js": "describe('slow', () => { for (let i = 0; i < 40; i++) it('t' + i, async () => { await minihost.launch(); await new Promise(r => setTimeout(r, 200)); }); });",
        ])
        defer { app.remove() }
        for isolation in ["process", "in-process"] {
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-interrupt-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: tmp) }
            let session = try CLISession(["test", app.root.path, "--isolation", isolation], env: ["TMPDIR": tmp.path])
            XCTAssertTrue(session.waitFor { $0.contains("slow > t1 ") }, "\(isolation): \(session.stdout)")
            let worlds = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
            XCTAssertFalse(worlds.isEmpty, "\(isolation): the run made no world in its TMPDIR")
            let end = session.interrupt()
            XCTAssertEqual(end.reason, .uncaughtSignal, "\(isolation)")
            XCTAssertEqual(end.status, SIGTERM, "\(isolation)")
            XCTAssertFalse(session.stdout.contains("slow > t39 "), "\(isolation): the run was not interrupted")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [], "\(isolation): left behind")
        }
    }

    func testBadTargetsExitWithStatus2() throws {
        let missing = try CLI.run(["test", "/nonexistent/package"])
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.hasPrefix("minihost: "), missing.stderr)
        // A package with no tests folder.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-notests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pages/index"), withIntermediateDirectories: true)
        try Data(#"{"app_id": "org.example.notests", "name": "N", "version": {"code": 1, "name": "1"}, "pages": ["pages/index/index"]}"#.utf8).write(to: dir.appendingPathComponent("manifest.json"))
        try Data("App({})".utf8).write(to: dir.appendingPathComponent("app.js"))
        try Data("Page({})".utf8).write(to: dir.appendingPathComponent("pages/index/index.js"))
        let none = try CLI.run(["test", dir.path])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no tests folder"), none.stderr)
    }
}

/// Counts what a JUnit document holds.
final class JUnitCounter: NSObject, XMLParserDelegate {
    var testcases = 0, failures = 0, skipped = 0
    var suites: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "testcase": testcases += 1
        case "failure": failures += 1
        case "skipped": skipped += 1
        case "testsuite": suites.append(attributes["name"] ?? "")
        default: break
        }
    }
}
