import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MiniHostCore
import XCTest
@testable import MiniHostDevTest

final class ReporterTests: XCTestCase {
    func results() -> [TestResult] {
        var failed = TestResult(file: "tests/a.test.js", name: "suite > <fails> & \"quotes\"", status: .failed, line: 12, ms: 3,
                                error: .init(name: "AssertionError", message: "expect(received).toBe(expected)\n\nExpected: 2\nReceived: 1", stack: "",
                                             expected: "2", actual: "1"))
        failed.console = ["app log: hello \u{1B}[31m"]
        return [
            TestResult(file: "tests/a.test.js", name: "suite > passes", status: .passed, line: 3, ms: 1.5),
            failed,
            TestResult(file: "tests/b.test.js", name: "skipped # one", status: .skipped, line: 1, ms: 0),
        ]
    }

    func testSummaryLine() {
        XCTAssertEqual(Reporter.summary([]), "0 passed, 0 failed")
        XCTAssertEqual(Reporter.summary(results()), "1 passed, 1 failed, 1 skipped")
    }

    func testSpecWithoutColourHasNoEscapes() {
        let text = results().map { Reporter.specLine($0, color: false) }.joined(separator: "\n") + Reporter.specEnd(results(), color: false)
        XCTAssertTrue(text.contains("1) tests/a.test.js:12 › suite > <fails>"), text)
        XCTAssertTrue(text.contains("Expected: 2"), text)
        XCTAssertTrue(text.hasSuffix("1 passed, 1 failed, 1 skipped\n"), text)
        XCTAssertTrue(Reporter.specEnd(results(), color: true).contains("\u{1B}[31m"))
    }

    func testTAP() {
        let tap = Reporter.tap(results())
        let lines = tap.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(3)), ["TAP version 13", "1..3", "ok 1 - tests/a.test.js > suite > passes"])
        XCTAssertTrue(lines.contains("not ok 2 - tests/a.test.js > suite > <fails> & \"quotes\""), tap)
        XCTAssertTrue(lines.contains("ok 3 - tests/b.test.js > skipped \\# one # SKIP"), tap)
        XCTAssertTrue(lines.contains("  message: \"AssertionError: expect(received).toBe(expected)\\n\\nExpected: 2\\nReceived: 1\""), tap)
        XCTAssertTrue(lines.contains("  console: \"app log: hello \\u001b[31m\""), tap)
    }

    func testJUnitParsesAndEscapes() throws {
        let xml = Reporter.junit(results(), suiteName: "org.example")
        let parser = XMLParser(data: Data(xml.utf8))
        let names = Names()
        parser.delegate = names
        XCTAssertTrue(parser.parse(), xml)
        XCTAssertEqual(names.cases, ["suite > passes", "suite > <fails> & \"quotes\"", "skipped # one"])
        XCTAssertFalse(xml.contains("\u{1B}"), "control characters are dropped")
    }

    func testJSON() throws {
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(Reporter.json(results()).utf8)) as? [String: Any])
        XCTAssertEqual(doc["passed"] as? Int, 1)
        XCTAssertEqual(doc["failed"] as? Int, 1)
        XCTAssertEqual(doc["skipped"] as? Int, 1)
        let tests = try XCTUnwrap(doc["tests"] as? [[String: Any]])
        XCTAssertEqual((tests[1]["error"] as? [String: Any])?["expected"] as? String, "2")
    }

    func testLineFromAStack() {
        let stack = "check@minihost://driver.js:80:10\ntoBe@minihost://driver.js:90:3\n@tests/nav.test.js:14:22\nrunTest@minihost://driver.js:300:5"
        XCTAssertEqual(TestResult.line(in: stack, file: "tests/nav.test.js"), 14)
        XCTAssertEqual(TestResult.line(in: stack, file: "tests/other.test.js"), 0)
        XCTAssertEqual(TestResult.line(in: "", file: "tests/nav.test.js"), 0)
    }

    func testResultFromTheDriversReport() throws {
        let r = try XCTUnwrap(TestResult.from(json: #"{"name":"a > b","status":"failed","line":5,"ms":2,"error":{"name":"Error","message":"m","stack":"x@tests/a.test.js:9:1"}}"#, file: "tests/a.test.js"))
        XCTAssertEqual(r.line, 9, "the failure's line wins over the declaration's")
        XCTAssertEqual(r.status, .failed)
        XCTAssertNil(TestResult.from(json: "not json", file: "x"))
        XCTAssertNil(TestResult.from(json: #"{"name":"a","status":"weird"}"#, file: "x"))
    }
}

final class Names: NSObject, XMLParserDelegate {
    var cases: [String] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "testcase" { cases.append(attributes["name"] ?? "") }
    }
}

final class DriverPrompterTests: XCTestCase {
    static func request() -> PromptRequest {
        PromptRequest(kind: .payment, appId: "org.example", appName: "Ex", title: "pay M (m)", details: [PromptDetail("amount", "1.00 CNY")])
    }

    func testAPromptWaitsForTheDriversAnswer() {
        let prompter = DriverPrompter(maxWait: 5)
        let answered = expectation(description: "answered")
        DispatchQueue.global().async {
            XCTAssertEqual(prompter.ask(Self.request()), .allowOnce)
            answered.fulfill()
        }
        let got = expectation(description: "handed over")
        _ = prompter.next { p in
            XCTAssertTrue(p.json.contains(#""type":"payment""#), p.json)
            XCTAssertTrue(p.json.contains(#""amount":"1.00 CNY""#), p.json)
            XCTAssertTrue(prompter.answer(p.id, .allowOnce, pick: nil))
            XCTAssertFalse(prompter.answer(p.id + 100, .allowOnce, pick: nil))
            got.fulfill()
        }
        wait(for: [got, answered], timeout: 5)
    }

    func testClosingDeniesOpenAndLaterPrompts() {
        let prompter = DriverPrompter(maxWait: 30)
        let denied = expectation(description: "denied")
        DispatchQueue.global().async {
            XCTAssertEqual(prompter.ask(Self.request()), .deny)
            denied.fulfill()
        }
        // Let the question be asked, then end the test without answering it.
        let asked = expectation(description: "asked")
        _ = prompter.next { _ in asked.fulfill() }
        wait(for: [asked], timeout: 5)
        prompter.close()
        wait(for: [denied], timeout: 5)
        XCTAssertEqual(prompter.ask(Self.request()), .deny)
        XCTAssertNil(prompter.choose(ChoiceRequest(kind: .location, appId: "a", appName: "A", title: "pick", options: ["x"])))
    }

    func testAPickerAnswersTheChosenIndex() {
        let prompter = DriverPrompter(maxWait: 5)
        _ = prompter.next { p in
            XCTAssertTrue(p.json.contains(#""options":["x","y"]"#), p.json)
            _ = prompter.answer(p.id, .allowOnce, pick: 1)
        }
        XCTAssertEqual(prompter.choose(ChoiceRequest(kind: .location, appId: "a", appName: "A", title: "pick", options: ["x", "y"])), 1)
    }
}

final class DiscoveryTests: XCTestCase {
    func testDiscoversSortedTestFilesAndRejectsAnEmptyFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-discover-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("tests/sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("pages/index"), withIntermediateDirectories: true)
        try Data(#"{"app_id": "org.example.d", "name": "D", "version": {"code": 1, "name": "1"}, "pages": ["pages/index/index"]}"#.utf8).write(to: dir.appendingPathComponent("manifest.json"))
        try Data("App({})".utf8).write(to: dir.appendingPathComponent("app.js"))
        try Data("Page({})".utf8).write(to: dir.appendingPathComponent("pages/index/index.js"))
        let package = try AppPackage.load(manifestURL: dir.appendingPathComponent("manifest.json"), dev: true)
        XCTAssertThrowsError(try TestRunner.discover(package)) { XCTAssertTrue("\($0)".contains("no test files"), "\($0)") }
        try Data("it('b', () => {})".utf8).write(to: dir.appendingPathComponent("tests/sub/b.test.js"))
        try Data("it('a', () => {})".utf8).write(to: dir.appendingPathComponent("tests/a.test.js"))
        try Data("helper".utf8).write(to: dir.appendingPathComponent("tests/helper.js"))
        let files = try TestRunner.discover(package)
        XCTAssertEqual(files.map(\.displayPath), ["tests/a.test.js", "tests/sub/b.test.js"])
        let config = try RunConfig(package: package, isolation: .inProcess, timeoutMs: 2000, filter: "/^a$/")
        XCTAssertTrue(config.matches("a"))
        XCTAssertFalse(config.matches("b"))
        let results = TestRunner.run(files, config: config)
        XCTAssertEqual(results.map(\.name), ["a"])
        XCTAssertEqual(results.map(\.status), [.passed])
        XCTAssertThrowsError(try RunConfig(package: package, isolation: .inProcess, filter: "/[/")) { XCTAssertTrue("\($0)".contains("not a valid regular expression")) }
    }
}
