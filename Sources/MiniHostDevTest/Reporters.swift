import Foundation
import MiniHostProtocol

/// How results are printed: `spec` (readable, coloured on a terminal unless `NO_COLOR`), `tap`
/// (TAP version 13), `junit` (JUnit XML for CI systems) or `json`.
public enum ReporterKind: String, Sendable, CaseIterable {
    case spec, tap, junit, json
}

/// Formats test results.
public enum Reporter {
    /// `N passed, N failed` (`, N skipped` when any were skipped).
    public static func summary(_ results: [TestResult]) -> String {
        let passed = results.filter { $0.status == .passed }.count
        let failed = results.filter { $0.status == .failed }.count
        let skipped = results.filter { $0.status == .skipped }.count
        return "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
    }

    // MARK: spec

    /// One line per finished test (printed as the run goes), then what the test printed.
    public static func specLine(_ r: TestResult, color: Bool) -> String {
        func c(_ code: String, _ s: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let time = r.ms >= 1 ? c("2", " (\(Int(r.ms)) ms)") : ""
        let line: String
        switch r.status {
        case .passed: line = "  " + c("32", "✓") + " \(r.file) › \(r.name)" + time
        case .failed: line = "  " + c("31", "✗ \(r.file) › \(r.name)") + time
        case .skipped: line = "  " + c("33", "- \(r.file) › \(r.name) (skipped)")
        }
        return r.output.isEmpty ? line : line + "\n" + specOutput(r.output)
    }

    /// A test file's `console.*` lines, indented under the test they belong to.
    public static func specOutput(_ lines: [TestResult.LogLine]) -> String {
        lines.map { indent("console.\($0.level): \($0.message)", "      ") }.joined(separator: "\n")
    }

    /// `console.<level>: message` per line (the junit and TAP forms).
    static func outputText(_ lines: [TestResult.LogLine]) -> String {
        lines.map { "console.\($0.level): \($0.message)" }.joined(separator: "\n")
    }

    /// The failures in detail, then the summary line.
    public static func specEnd(_ results: [TestResult], color: Bool) -> String {
        func c(_ code: String, _ s: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        let failures = results.filter { $0.status == .failed }
        for (i, r) in failures.enumerated() {
            out += "\n" + c("31;1", "\(i + 1)) \(r.file):\(r.line) › \(r.name)") + "\n"
            out += indent(failureText(r), "   ") + "\n"
            if !r.console.isEmpty {
                out += c("2", "   the app's console (last \(r.console.count) lines):") + "\n"
                out += indent(r.console.joined(separator: "\n"), "     ") + "\n"
            }
        }
        let summary = summary(results)
        out += "\n" + (failures.isEmpty ? c("32", summary) : c("31", summary)) + "\n"
        return out
    }

    /// The failure's message (with expected/actual and the diff) and where it happened.
    static func failureText(_ r: TestResult) -> String {
        guard let e = r.error else { return "failed" }
        var text = e.name == "AssertionError" || e.message.hasPrefix(e.name) ? e.message : "\(e.name): \(e.message)"
        text += "\n  at \(r.file):\(r.line)"
        return text
    }

    static func indent(_ s: String, _ pad: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    // MARK: TAP 13

    public static func tap(_ results: [TestResult]) -> String {
        var out = "TAP version 13\n1..\(results.count)\n"
        for (i, r) in results.enumerated() {
            let title = "\(r.file) > \(r.name)".replacingOccurrences(of: "#", with: "\\#").replacingOccurrences(of: "\n", with: " ")
            switch r.status {
            case .passed: out += "ok \(i + 1) - \(title)\n"
            case .skipped: out += "ok \(i + 1) - \(title) # SKIP\n"
            case .failed:
                out += "not ok \(i + 1) - \(title)\n"
                out += "  ---\n"
                out += "  message: \(yaml(r.error.map { "\($0.name): \($0.message)" } ?? "failed"))\n"
                out += "  at: \(yaml("\(r.file):\(r.line)"))\n"
                if let e = r.error, let expected = e.expected { out += "  expected: \(yaml(expected))\n" }
                if let e = r.error, let actual = e.actual { out += "  actual: \(yaml(actual))\n" }
                if !r.console.isEmpty { out += "  console: \(yaml(r.console.joined(separator: "\n")))\n" }
                out += "  ...\n"
            }
            if !r.output.isEmpty { out += indent(outputText(r.output), "# ") + "\n" }
        }
        out += "# \(summary(results))\n"
        return out
    }

    /// A YAML double-quoted scalar: a JSON string literal is one (YAML's escapes include JSON's).
    static func yaml(_ s: String) -> String { JSONText.quote(s) }

    // MARK: JUnit XML

    public static func junit(_ results: [TestResult], suiteName: String) -> String {
        let failures = results.filter { $0.status == .failed }.count
        let skipped = results.filter { $0.status == .skipped }.count
        let total = results.reduce(0) { $0 + $1.ms } / 1000
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(xml(suiteName))\" tests=\"\(results.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\" time=\"\(String(format: "%.3f", total))\">\n"
        let files = results.reduce(into: [String]()) { if !$0.contains($1.file) { $0.append($1.file) } }
        for file in files {
            let rs = results.filter { $0.file == file }
            out += "  <testsuite name=\"\(xml(file))\" tests=\"\(rs.count)\" failures=\"\(rs.filter { $0.status == .failed }.count)\" skipped=\"\(rs.filter { $0.status == .skipped }.count)\" time=\"\(String(format: "%.3f", rs.reduce(0) { $0 + $1.ms } / 1000))\">\n"
            for r in rs {
                out += "    <testcase classname=\"\(xml(file))\" name=\"\(xml(r.name))\" file=\"\(xml(file))\" line=\"\(r.line)\" time=\"\(String(format: "%.3f", r.ms / 1000))\""
                let printed = (r.output.isEmpty ? [] : [outputText(r.output)]) + (r.console.isEmpty ? [] : [r.console.joined(separator: "\n")])
                if r.status == .passed && printed.isEmpty { out += "/>\n"; continue }
                out += ">\n"
                switch r.status {
                case .passed: break
                case .skipped: out += "      <skipped/>\n"
                case .failed:
                    let e = r.error
                    out += "      <failure message=\"\(xml(e?.message ?? "failed"))\" type=\"\(xml(e?.name ?? "Error"))\">\(xml(failureText(r)))</failure>\n"
                }
                if !printed.isEmpty { out += "      <system-out>\(xml(printed.joined(separator: "\n")))</system-out>\n" }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// XML text: escaped, and characters XML 1.0 cannot hold dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: JSON

    public static func json(_ results: [TestResult]) -> String {
        let tests: [[String: Any]] = results.map { r in
            var o: [String: Any] = ["file": r.file, "name": r.name, "status": r.status.rawValue, "line": r.line, "ms": r.ms]
            if let e = r.error {
                var err: [String: Any] = ["name": e.name, "message": e.message, "stack": e.stack]
                if let x = e.expected { err["expected"] = x }
                if let x = e.actual { err["actual"] = x }
                if let x = e.diff { err["diff"] = x }
                o["error"] = err
            }
            if !r.console.isEmpty { o["console"] = r.console }
            if !r.output.isEmpty { o["output"] = r.output.map { ["level": $0.level, "message": $0.message] } }
            return o
        }
        let doc: [String: Any] = [
            "passed": results.filter { $0.status == .passed }.count,
            "failed": results.filter { $0.status == .failed }.count,
            "skipped": results.filter { $0.status == .skipped }.count,
            "tests": tests,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
