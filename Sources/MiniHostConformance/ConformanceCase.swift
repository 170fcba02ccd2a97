import Foundation
import MiniHostProtocol

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
            case .object(let m): return "{" + m.keys.sorted().map { "\(JSONText.quote($0)): \(m[$0]!)" }.joined(separator: ", ") + "}"
            case .array(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
            case .string(let s): return JSONText.quote(s)
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
        let root: JSONValue
        do {
            root = try JSONReader.read(Array(data), as: JSONValue.self).value
        } catch {
            throw ConformanceCaseError("\(path): not valid JSON (\(error.description))")
        }
        guard case let .object(members) = root else { throw ConformanceCaseError("\(path): the top level must be an object") }
        if let unknown = CaseFile.unknownMember(members) { throw ConformanceCaseError("\(path): \(unknown)") }
        let file: CaseFile
        do {
            file = try JSONDecoder().decode(CaseFile.self, from: data)
        } catch {
            throw ConformanceCaseError("\(path): \(CaseFileProblem.from(error))")
        }
        guard file.id == directory.lastPathComponent else {
            throw ConformanceCaseError("\(path): \"id\" is \"\(file.id)\" but the folder is \"\(directory.lastPathComponent)\" (they must be the same)")
        }
        guard let covers = file.covers, !covers.isEmpty else {
            throw ConformanceCaseError("\(path): \"covers\" is required: a non-empty array of statement ids (\"LC-3\")")
        }
        let run = file.run ?? CaseFile.Run()
        for target in run.targets ?? [] where target.hasPrefix("/") || target.split(separator: "/").contains("..") {
            throw ConformanceCaseError("\(path): \"run.targets\" must stay inside the case folder (got \"\(target)\")")
        }
        for mode in run.isolation ?? [] where !isolationModes.contains(mode) {
            throw ConformanceCaseError("\(path): \"run.isolation\" has \"\(mode)\" (modes: process, in-process)")
        }
        if let timeout = run.timeoutSeconds, !(timeout > 0) {
            throw ConformanceCaseError("\(path): \"run.timeout_seconds\" must be a positive number")
        }
        return ConformanceCase(id: file.id, title: file.title, covers: covers, level: file.level, directory: directory,
                               targets: run.targets ?? ["."], args: run.args ?? [], isolation: run.isolation ?? isolationModes,
                               timeoutSeconds: run.timeoutSeconds ?? 30, dev: run.dev ?? true, expect: file.expect)
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
        let reasons: [String: String]
        do {
            reasons = try JSONDecoder().decode([String: String].self, from: data)
        } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
            throw ConformanceCaseError("\(url.path): \"\(context.codingPath[0].stringValue)\" must have a reason (a non-empty string)")
        } catch {
            throw ConformanceCaseError("\(url.path): must be a JSON object {\"<case id>\": \"reason\"}")
        }
        if let id = reasons.keys.sorted().first(where: { reasons[$0]!.isEmpty }) {
            throw ConformanceCaseError("\(url.path): \"\(id)\" must have a reason (a non-empty string)")
        }
        return reasons
    }
}
