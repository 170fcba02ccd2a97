import Foundation

/// One conformance case: a folder holding a mini-program (`manifest.json` at its root), an
/// optional `world.json` and `script.minihost`, and `case.json` with what the run must show.
public struct ConformanceCase: Sendable, Equatable {
    /// The statement levels of the specification (RFC 2119).
    public enum Level: String, Sendable, Codable, CaseIterable { case must = "MUST", should = "SHOULD", may = "MAY" }

    /// How an expected list of lines is compared with what the run printed.
    public enum Match: String, Sendable, Codable {
        /// The expected lines appear in this order, other lines may come between them.
        case subsequence
        /// The lines are exactly the expected ones, in this order.
        case exact
    }

    /// One expected line: the whole text, a prefix, a substring or a regular expression.
    public enum Line: Sendable, Equatable, CustomStringConvertible {
        case equals(String), prefix(String), contains(String), regex(String)

        public func matches(_ text: String) -> Bool {
            switch self {
            case .equals(let s): return text == s
            case .prefix(let s): return text.hasPrefix(s)
            case .contains(let s): return text.contains(s)
            case .regex(let p):
                guard let re = try? NSRegularExpression(pattern: p) else { return false }
                return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
        }

        public var description: String {
            switch self {
            case .equals(let s): return "\"\(s)\""
            case .prefix(let s): return "a line starting with \"\(s)\""
            case .contains(let s): return "a line containing \"\(s)\""
            case .regex(let p): return "a line matching /\(p)/"
            }
        }
    }

    /// An expected `error` event.
    public struct ExpectedError: Sendable, Equatable {
        public var kind: String
        public var messageContains: String?
    }

    /// What the run must show.
    public struct Expectation: Sendable, Equatable {
        public var exitCode: Int32?
        public var exitStatus: String?
        public var console: [Line] = []
        public var consoleMatch: Match = .subsequence
        public var consoleAbsent: [String] = []
        public var hooks: [String]?
        public var hooksMatch: Match = .subsequence
        public var errors: [ExpectedError] = []
        public var errorKindsAbsent: [String] = []
        public var stderrContains: [String] = []
        public var outputAbsent: [String] = []
        /// Events (JSON objects) that must appear in this order; each matches an event holding
        /// at least its members with equal values (objects compared the same way, recursively).
        public var events: [JSONPattern] = []
    }

    /// A JSON value used as a pattern: an object matches any object holding at least its members.
    public indirect enum JSONPattern: Sendable, Equatable, CustomStringConvertible {
        case object([String: JSONPattern]), array([JSONPattern]), string(String), number(Double), bool(Bool), null

        public init?(_ any: Any) {
            switch any {
            case let o as [String: Any]:
                var m: [String: JSONPattern] = [:]
                for (k, v) in o { guard let p = JSONPattern(v) else { return nil }; m[k] = p }
                self = .object(m)
            case let a as [Any]:
                var out: [JSONPattern] = []
                for v in a { guard let p = JSONPattern(v) else { return nil }; out.append(p) }
                self = .array(out)
            case let s as String: self = .string(s)
            case is NSNull: self = .null
            case let n as NSNumber:
                if Self.isBoolean(n) { self = .bool(n.boolValue) } else { self = .number(n.doubleValue) }
            default: return nil
            }
        }

        /// Whether `value` (a JSONSerialization value) matches this pattern.
        public func matches(_ value: Any) -> Bool {
            switch self {
            case .object(let m):
                guard let o = value as? [String: Any] else { return false }
                return m.allSatisfy { k, p in o[k].map { p.matches($0) } ?? false }
            case .array(let a):
                guard let v = value as? [Any], v.count == a.count else { return false }
                return zip(a, v).allSatisfy { $0.matches($1) }
            case .string(let s): return value as? String == s
            case .null: return value is NSNull
            case .bool(let b):
                guard let n = value as? NSNumber, Self.isBoolean(n) else { return false }
                return n.boolValue == b
            case .number(let d):
                guard let n = value as? NSNumber, !Self.isBoolean(n) else { return false }
                return n.doubleValue == d
            }
        }

        /// JSONSerialization gives booleans as NSNumbers of type "c" (and `__NSCFBoolean`).
        static func isBoolean(_ n: NSNumber) -> Bool {
            String(describing: type(of: n)).contains("Boolean") || String(cString: n.objCType) == "c"
        }

        public var description: String {
            switch self {
            case .object(let m): return "{" + m.keys.sorted().map { "\"\($0)\": \(m[$0]!)" }.joined(separator: ", ") + "}"
            case .array(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
            case .string(let s): return "\"\(s)\""
            case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
            case .bool(let b): return String(b)
            case .null: return "null"
            }
        }
    }

    public var id: String
    public var title: String
    public var covers: [String]
    public var level: Level
    /// The case folder.
    public var directory: URL
    /// Package folders to run, relative to the case folder (the first is the case's own: ".").
    public var targets: [String]
    /// Extra arguments for `minihost run` (`--grant location`, `--conversation team`, …).
    public var args: [String]
    /// The isolation modes the case applies to (default: both).
    public var isolation: [String]
    public var timeoutSeconds: Double
    /// Run in development mode (no digest check); false for the cases about digests.
    public var dev: Bool = true
    public var expect: Expectation

    public var worldURL: URL? { file("world.json") }
    public var scriptURL: URL? { file("script.minihost") }

    private func file(_ name: String) -> URL? {
        let url = directory.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The isolation modes a runner knows.
    public static let isolationModes = ["process", "in-process"]
}

/// A `case.json` that cannot be used; the message names the file and the field.
public struct ConformanceCaseError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension ConformanceCase {
    /// Reads `<directory>/case.json`.
    public static func load(_ directory: URL) throws -> ConformanceCase {
        let url = directory.appendingPathComponent("case.json")
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConformanceCaseError("\(path): cannot read the file")
        }
        let any: Any
        do { any = try JSONSerialization.jsonObject(with: data) } catch {
            throw ConformanceCaseError("\(path): not valid JSON (\(error.localizedDescription))")
        }
        guard let obj = any as? [String: Any] else { throw ConformanceCaseError("\(path): the top level must be an object") }
        let known: Set<String> = ["id", "title", "covers", "level", "run", "expect", "notes"]
        for key in obj.keys.sorted() where !known.contains(key) {
            throw ConformanceCaseError("\(path): \"\(key)\" is not a case field (fields: \(known.sorted().joined(separator: ", ")))")
        }
        func string(_ o: [String: Any], _ key: String, _ where_: String, required: Bool = false) throws -> String? {
            guard let v = o[key] else {
                if required { throw ConformanceCaseError("\(path): \"\(where_)\(key)\" is required") }
                return nil
            }
            guard let s = v as? String else { throw ConformanceCaseError("\(path): \"\(where_)\(key)\" must be a string") }
            return s
        }
        func strings(_ o: [String: Any], _ key: String, _ where_: String) throws -> [String]? {
            guard let v = o[key] else { return nil }
            guard let a = v as? [Any], a.allSatisfy({ $0 is String }) else {
                throw ConformanceCaseError("\(path): \"\(where_)\(key)\" must be an array of strings")
            }
            return a.compactMap { $0 as? String }
        }
        let id = try string(obj, "id", "", required: true)!
        guard id == directory.lastPathComponent else {
            throw ConformanceCaseError("\(path): \"id\" is \"\(id)\" but the folder is \"\(directory.lastPathComponent)\" (they must be the same)")
        }
        let title = try string(obj, "title", "", required: true)!
        guard let covers = try strings(obj, "covers", ""), !covers.isEmpty else {
            throw ConformanceCaseError("\(path): \"covers\" is required: a non-empty array of statement ids (\"LC-3\")")
        }
        let levelText = try string(obj, "level", "", required: true)!
        guard let level = Level(rawValue: levelText) else {
            throw ConformanceCaseError("\(path): \"level\" must be MUST, SHOULD or MAY (got \"\(levelText)\")")
        }
        var targets = ["."], args: [String] = [], isolation = isolationModes, timeout = 30.0, dev = true
        if let run = obj["run"] {
            guard let run = run as? [String: Any] else { throw ConformanceCaseError("\(path): \"run\" must be an object") }
            let runKnown: Set<String> = ["targets", "args", "isolation", "timeout_seconds", "dev"]
            for key in run.keys.sorted() where !runKnown.contains(key) {
                throw ConformanceCaseError("\(path): \"run.\(key)\" is not a run field (fields: \(runKnown.sorted().joined(separator: ", ")))")
            }
            if let t = try strings(run, "targets", "run.") {
                for target in t where target.hasPrefix("/") || target.split(separator: "/").contains("..") {
                    throw ConformanceCaseError("\(path): \"run.targets\" must stay inside the case folder (got \"\(target)\")")
                }
                targets = t
            }
            if let a = try strings(run, "args", "run.") { args = a }
            if let i = try strings(run, "isolation", "run.") {
                for mode in i where !isolationModes.contains(mode) {
                    throw ConformanceCaseError("\(path): \"run.isolation\" has \"\(mode)\" (modes: process, in-process)")
                }
                isolation = i
            }
            if let d = run["dev"] {
                guard let b = d as? Bool else { throw ConformanceCaseError("\(path): \"run.dev\" must be true or false") }
                dev = b
            }
            if let t = run["timeout_seconds"] {
                guard let n = t as? Double, n > 0 else { throw ConformanceCaseError("\(path): \"run.timeout_seconds\" must be a positive number") }
                timeout = n
            }
        }
        guard let expectAny = obj["expect"] else { throw ConformanceCaseError("\(path): \"expect\" is required") }
        guard let e = expectAny as? [String: Any] else { throw ConformanceCaseError("\(path): \"expect\" must be an object") }
        let expectKnown: Set<String> = ["exit_code", "exit_status", "console", "console_match", "console_absent", "hooks", "hooks_match",
                                        "errors", "error_kinds_absent", "stderr_contains", "output_absent", "events"]
        for key in e.keys.sorted() where !expectKnown.contains(key) {
            throw ConformanceCaseError("\(path): \"expect.\(key)\" is not an expectation (fields: \(expectKnown.sorted().joined(separator: ", ")))")
        }
        var x = Expectation()
        if let c = e["exit_code"] {
            guard let n = c as? Int, (0...255).contains(n) else { throw ConformanceCaseError("\(path): \"expect.exit_code\" must be an integer 0–255") }
            x.exitCode = Int32(n)
        }
        x.exitStatus = try string(e, "exit_status", "expect.")
        if let lines = e["console"] {
            guard let a = lines as? [Any] else { throw ConformanceCaseError("\(path): \"expect.console\" must be an array") }
            x.console = try a.enumerated().map { i, item in try parseLine(item, "\(path): \"expect.console[\(i)]\"") }
        }
        func match(_ key: String) throws -> Match {
            guard let s = try string(e, key, "expect.") else { return .subsequence }
            guard let m = Match(rawValue: s) else { throw ConformanceCaseError("\(path): \"expect.\(key)\" must be \"subsequence\" or \"exact\" (got \"\(s)\")") }
            return m
        }
        x.consoleMatch = try match("console_match")
        x.hooksMatch = try match("hooks_match")
        x.consoleAbsent = try strings(e, "console_absent", "expect.") ?? []
        x.hooks = try strings(e, "hooks", "expect.")
        x.errorKindsAbsent = try strings(e, "error_kinds_absent", "expect.") ?? []
        x.stderrContains = try strings(e, "stderr_contains", "expect.") ?? []
        x.outputAbsent = try strings(e, "output_absent", "expect.") ?? []
        if let evs = e["events"] {
            guard let a = evs as? [Any] else { throw ConformanceCaseError("\(path): \"expect.events\" must be an array of objects") }
            x.events = try a.enumerated().map { i, item in
                guard item is [String: Any], let p = JSONPattern(item) else {
                    throw ConformanceCaseError("\(path): \"expect.events[\(i)]\" must be a JSON object")
                }
                return p
            }
        }
        if let errs = e["errors"] {
            guard let a = errs as? [Any] else { throw ConformanceCaseError("\(path): \"expect.errors\" must be an array") }
            x.errors = try a.enumerated().map { i, item in
                guard let o = item as? [String: Any], let kind = o["kind"] as? String else {
                    throw ConformanceCaseError("\(path): \"expect.errors[\(i)]\" must be an object with a string \"kind\"")
                }
                return ExpectedError(kind: kind, messageContains: o["message_contains"] as? String)
            }
        }
        return ConformanceCase(id: id, title: title, covers: covers, level: level, directory: directory, targets: targets,
                               args: args, isolation: isolation, timeoutSeconds: timeout, dev: dev, expect: x)
    }

    private static func parseLine(_ item: Any, _ where_: String) throws -> Line {
        if let s = item as? String { return .equals(s) }
        if let o = item as? [String: Any], o.count == 1, let (k, v) = o.first, let s = v as? String {
            switch k {
            case "equals": return .equals(s)
            case "prefix": return .prefix(s)
            case "contains": return .contains(s)
            case "regex":
                guard (try? NSRegularExpression(pattern: s)) != nil else { throw ConformanceCaseError("\(where_) is not a valid regular expression") }
                return .regex(s)
            default: break
            }
        }
        throw ConformanceCaseError("\(where_) must be a string or one of {\"prefix\"|\"contains\"|\"regex\"|\"equals\": string}")
    }

    /// Every case under `suite/cases` (each folder with a `case.json`), sorted by id; `filter` keeps
    /// the cases whose id, title or covered statements contain it (or match `/regex/`).
    public static func loadSuite(_ suite: URL, filter: String? = nil) throws -> [ConformanceCase] {
        let casesDir = suite.appendingPathComponent("cases")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: casesDir.path) else {
            throw ConformanceCaseError("\(casesDir.path): no such folder (the suite's cases live in <suite>/cases/<id>/case.json)")
        }
        var cases: [ConformanceCase] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let dir = casesDir.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("case.json").path) else { continue }
            cases.append(try load(dir))
        }
        guard let filter, !filter.isEmpty else { return cases }
        return cases.filter { c in
            let fields = [c.id, c.title] + c.covers
            if filter.count > 2, filter.hasPrefix("/"), filter.hasSuffix("/"),
               let re = try? NSRegularExpression(pattern: String(filter.dropFirst().dropLast())) {
                return fields.contains { re.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
            }
            return fields.contains { $0.contains(filter) }
        }
    }
}

extension ConformanceCase {
    /// `<suite>/known-failures.json`: `{"<case id>": "why MiniHost fails it (and what fixes it)"}`.
    /// Applies to MiniHost only (not to adapters): a listed case that fails is reported as a known
    /// failure and does not fail the run; a listed case that passes is reported so the entry can go.
    public static func loadKnownFailures(_ suite: URL) throws -> [String: String] {
        let url = suite.appendingPathComponent("known-failures.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConformanceCaseError("\(url.path): must be a JSON object {\"<case id>\": \"reason\"}")
        }
        var out: [String: String] = [:]
        for (id, reason) in obj {
            guard let text = reason as? String, !text.isEmpty else {
                throw ConformanceCaseError("\(url.path): \"\(id)\" must have a reason (a non-empty string)")
            }
            out[id] = text
        }
        return out
    }
}
