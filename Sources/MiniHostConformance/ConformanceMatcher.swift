import Foundation

/// What one run of a case showed: the JSON-line events a runtime printed (the shapes of
/// `minihost run --json`), its exit code and its standard error.
public struct ConformanceOutcome: @unchecked Sendable, Equatable {
    /// One `console` event's message, `lifecycle` event as "app.onLaunch" / "<route>.onLoad",
    /// `error` event, and the first `exit` event's status.
    public var console: [String] = []
    public var hooks: [String] = []
    public var errors: [(kind: String, message: String)] = []
    public var exitStatus: String?
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    /// The run did not end within the case's time and was killed.
    public var timedOut = false
    /// Every JSON object the runtime printed, in order.
    public var rawEvents: [[String: Any]] = []

    public static func == (a: ConformanceOutcome, b: ConformanceOutcome) -> Bool {
        a.console == b.console && a.hooks == b.hooks && a.exitStatus == b.exitStatus && a.exitCode == b.exitCode
            && a.stdout == b.stdout && a.stderr == b.stderr && a.timedOut == b.timedOut
            && a.errors.map { "\($0.kind)\u{0}\($0.message)" } == b.errors.map { "\($0.kind)\u{0}\($0.message)" }
    }

    /// Standard error as text, a JSON line (`{"type":"error","message":…}`, as `minihost run --json`
    /// prints its own messages) read as its message.
    public var stderrText: String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.first == "{", let obj = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let message = obj["message"] as? String else { return String(line) }
            return message
        }.joined(separator: "\n")
    }

    /// Parses JSON lines; lines that are not JSON objects are ignored (a runtime may print other text).
    public init(stdout: String, stderr: String, exitCode: Int32, timedOut: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
        self.timedOut = timedOut
        for line in stdout.split(separator: "\n", omittingEmptySubsequences: true) {
            guard line.first == "{",
                  let obj = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let type = obj["type"] as? String else { continue }
            rawEvents.append(obj)
            switch type {
            case "console":
                console.append(obj["message"] as? String ?? "")
            case "lifecycle":
                let target = obj["target"] as? String == "app" ? "app" : (obj["route"] as? String ?? "?")
                hooks.append(target + "." + (obj["hook"] as? String ?? "?"))
            case "error":
                errors.append((obj["kind"] as? String ?? "", obj["message"] as? String ?? ""))
            case "exit":
                if exitStatus == nil { exitStatus = obj["status"] as? String }
            default: break
            }
        }
    }
}

/// Compares an outcome with a case's expectation; every difference is one sentence.
public enum ConformanceMatcher {
    public static func failures(_ expect: ConformanceCase.Expectation, _ outcome: ConformanceOutcome, caseDirectory: String? = nil) -> [String] {
        var out: [String] = []
        if outcome.timedOut { out.append("the run did not end in time and was killed") }
        if let code = expect.exitCode, code != outcome.exitCode {
            out.append("exit code \(outcome.exitCode), expected \(code)")
        }
        if let status = expect.exitStatus, status != outcome.exitStatus {
            out.append("exit status \(outcome.exitStatus.map { "\"\($0)\"" } ?? "missing"), expected \"\(status)\"")
        }
        if let problem = compare(expect.console, outcome.console, expect.consoleMatch, what: "console") { out.append(problem) }
        for text in expect.consoleAbsent {
            if let line = outcome.console.first(where: { $0.contains(text) }) {
                out.append("console has \"\(line)\", which must not contain \"\(text)\"")
            }
        }
        if let hooks = expect.hooks,
           let problem = compare(hooks.map { .equals($0) }, outcome.hooks, expect.hooksMatch, what: "lifecycle hooks") {
            out.append(problem)
        }
        var from = 0
        for e in expect.errors {
            let rest = outcome.errors[min(from, outcome.errors.count)...]
            if let i = rest.firstIndex(where: { err in err.kind == e.kind && (e.messageContains.map { err.message.contains($0) } ?? true) }) {
                from = i + 1
            } else {
                out.append("no error event of kind \"\(e.kind)\"\(e.messageContains.map { " containing \"\($0)\"" } ?? "") (errors: \(outcome.errors.map { "\($0.kind): \($0.message.prefix(80))" }))")
            }
        }
        var at = 0
        for pattern in expect.events {
            if let i = outcome.rawEvents[min(at, outcome.rawEvents.count)...].firstIndex(where: { pattern.matches($0) }) {
                at = i + 1
            } else {
                out.append("no event matching \(pattern)\(at > 0 ? " after the previous expected event" : "")")
                break
            }
        }
        for kind in expect.errorKindsAbsent {
            if let e = outcome.errors.first(where: { $0.kind == kind }) {
                out.append("unexpected error event \"\(kind)\": \(e.message.prefix(120))")
            }
        }
        let stderrText = outcome.stderrText
        for text in expect.stderrContains where !stderrText.contains(text) {
            out.append("standard error does not contain \"\(text)\" (it is: \"\(stderrText.prefix(200))\")")
        }
        for raw in expect.outputAbsent {
            let text = caseDirectory.map { raw.replacingOccurrences(of: "$CASE_DIR", with: $0) } ?? raw
            // JSON may escape "/" as "\/": look at the text both ways.
            let unescaped = outcome.stdout.replacingOccurrences(of: "\\/", with: "/")
            if outcome.stdout.contains(text) || unescaped.contains(text) || outcome.stderr.contains(text) || stderrText.contains(text) {
                out.append("the output contains \"\(text)\"")
            }
        }
        return out
    }

    /// nil when `actual` satisfies `expected` under `match`.
    static func compare(_ expected: [ConformanceCase.Line], _ actual: [String], _ match: ConformanceCase.Match, what: String) -> String? {
        switch match {
        case .exact:
            if expected.count == actual.count && zip(expected, actual).allSatisfy({ $0.matches($1) }) { return nil }
            let firstDiff = zip(expected, actual).enumerated().first { !$1.0.matches($1.1) }?.offset ?? min(expected.count, actual.count)
            let got = firstDiff < actual.count ? "\"\(actual[firstDiff])\"" : "nothing"
            let want = firstDiff < expected.count ? expected[firstDiff].description : "nothing"
            return "\(what) differ at line \(firstDiff + 1): got \(got), expected \(want) (got \(actual.count) lines, expected \(expected.count))"
        case .subsequence:
            var i = 0
            for line in actual where i < expected.count && expected[i].matches(line) { i += 1 }
            if i == expected.count { return nil }
            let tail = actual.suffix(12).map { "\"\($0.prefix(160))\"" }.joined(separator: ", ")
            return "\(what): missing \(expected[i].description)\(i > 0 ? " after \(expected[i - 1].description)" : "") (got: \(tail.isEmpty ? "nothing" : tail))"
        }
    }
}
