import Foundation
import MiniHostProtocol

/// The coding keys of an object in `case.json`: the members it may have (any other is an error)
/// and what each one's value must be, named in the message when it is not.
protocol CaseFileKeys: CodingKey, CaseIterable {
    var shape: String { get }
}

/// What is wrong at one place of a `case.json`: `"expect.console[0]" is not a valid regular expression`.
struct CaseFileProblem: Error, CustomStringConvertible {
    var path: [any CodingKey]
    var message: String

    init(_ path: [any CodingKey], _ message: String) {
        self.path = path
        self.message = message
    }

    var description: String {
        var shown = ""
        for key in path {
            if let index = key.intValue { shown += "[\(index)]" } else { shown += (shown.isEmpty ? "" : ".") + key.stringValue }
        }
        return "\"\(shown)\" \(message)"
    }

    /// The problem a decoding error stands for: a member missing, or a value of the wrong type
    /// (told as the member's shape: an item of the wrong type is its array's problem).
    static func from(_ error: any Error) -> any Error {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return CaseFileProblem(context.codingPath + [key], "is required")
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            guard let member = context.codingPath.lastIndex(where: { $0.intValue == nil }) else { return error }
            let shape = (context.codingPath[member] as? any CaseFileKeys)?.shape ?? "of another type"
            return CaseFileProblem(Array(context.codingPath[...member]), "must be \(shape)")
        default:
            return error
        }
    }
}

/// `case.json` as written; ``ConformanceCase/load(_:)`` checks what types cannot say.
struct CaseFile: Decodable {
    var id: String
    var title: String
    var covers: [String]?
    var level: ConformanceCase.Level
    var run: Run?
    var expect: ConformanceCase.Expectation
    /// For readers of the case; not used.
    var notes: String?

    enum CodingKeys: String, CaseFileKeys {
        case id, title, covers, level, run, expect, notes

        var shape: String {
            switch self {
            case .id, .title, .level, .notes: "a string"
            case .covers: "an array of strings"
            case .run, .expect: "an object"
            }
        }
    }

    struct Run: Decodable {
        var targets: [String]?
        var args: [String]?
        var isolation: [String]?
        var timeoutSeconds: Double?
        var dev: Bool?

        enum CodingKeys: String, CaseFileKeys {
            case targets, args, isolation, timeoutSeconds = "timeout_seconds", dev

            var shape: String {
                switch self {
                case .targets, .args, .isolation: "an array of strings"
                case .timeoutSeconds: "a positive number"
                case .dev: "true or false"
                }
            }
        }
    }

    /// The first member of `root` (by name, in the case, `run` and `expect` objects) that no
    /// coding key names, as a message.
    static func unknownMember(_ root: [String: JSONValue]) -> String? {
        func unknown<Keys: CaseFileKeys>(_ object: JSONValue?, _: Keys.Type, prefix: String, what: String) -> String? {
            guard let members = object?.objectValue, let name = members.keys.sorted().first(where: { Keys(stringValue: $0) == nil }) else { return nil }
            let known = Keys.allCases.map(\.stringValue).sorted().joined(separator: ", ")
            return "\"\(prefix)\(name)\" is not \(what) (fields: \(known))"
        }
        return unknown(.object(root), CodingKeys.self, prefix: "", what: "a case field")
            ?? unknown(root["run"], Run.CodingKeys.self, prefix: "run.", what: "a run field")
            ?? unknown(root["expect"], ConformanceCase.Expectation.CodingKeys.self, prefix: "expect.", what: "an expectation")
    }
}

extension ConformanceCase.Expectation: Decodable {
    enum CodingKeys: String, CaseFileKeys {
        case exitCode = "exit_code", exitStatus = "exit_status", console, consoleMatch = "console_match", consoleAbsent = "console_absent"
        case hooks, hooksMatch = "hooks_match", errors, errorKindsAbsent = "error_kinds_absent", stderrContains = "stderr_contains"
        case outputAbsent = "output_absent", events

        var shape: String {
            switch self {
            case .exitCode: "an integer 0–255"
            case .exitStatus, .consoleMatch, .hooksMatch: "a string"
            case .console, .errors: "an array"
            case .consoleAbsent, .hooks, .errorKindsAbsent, .stderrContains, .outputAbsent: "an array of strings"
            case .events: "an array of objects"
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // A number first: JSONDecoder does not say where a number that is no Int was.
        if let code = try c.decodeIfPresent(Double.self, forKey: .exitCode) {
            guard (0...255).contains(code), code == code.rounded() else { throw CaseFileProblem(c.codingPath + [CodingKeys.exitCode], "must be \(CodingKeys.exitCode.shape)") }
            exitCode = Int32(code)
        }
        exitStatus = try c.decodeIfPresent(String.self, forKey: .exitStatus)
        console = try c.decodeIfPresent([ConformanceCase.Line].self, forKey: .console) ?? []
        consoleMatch = try c.decodeIfPresent(ConformanceCase.Match.self, forKey: .consoleMatch) ?? .subsequence
        consoleAbsent = try c.decodeIfPresent([String].self, forKey: .consoleAbsent) ?? []
        hooks = try c.decodeIfPresent([String].self, forKey: .hooks)
        hooksMatch = try c.decodeIfPresent(ConformanceCase.Match.self, forKey: .hooksMatch) ?? .subsequence
        errors = try c.decodeIfPresent([ConformanceCase.ExpectedError].self, forKey: .errors) ?? []
        errorKindsAbsent = try c.decodeIfPresent([String].self, forKey: .errorKindsAbsent) ?? []
        stderrContains = try c.decodeIfPresent([String].self, forKey: .stderrContains) ?? []
        outputAbsent = try c.decodeIfPresent([String].self, forKey: .outputAbsent) ?? []
        events = try c.decodeIfPresent([ConformanceCase.JSONPattern].self, forKey: .events) ?? []
    }
}

extension ConformanceCase.Level {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let level = Self(rawValue: text) else { throw CaseFileProblem(decoder.codingPath, "must be MUST, SHOULD or MAY (got \"\(text)\")") }
        self = level
    }
}

extension ConformanceCase.Match {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let match = Self(rawValue: text) else { throw CaseFileProblem(decoder.codingPath, "must be \"subsequence\" or \"exact\" (got \"\(text)\")") }
        self = match
    }
}

extension ConformanceCase.Line: Decodable {
    /// A string (the whole line) or one of `{"prefix"|"contains"|"regex"|"equals": string}`.
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let text = try? value.decode(String.self) {
            self = .equals(text)
            return
        }
        let shapeProblem = CaseFileProblem(decoder.codingPath, "must be a string or one of {\"prefix\"|\"contains\"|\"regex\"|\"equals\": string}")
        guard let members = try? value.decode([String: String].self), members.count == 1, let (kind, text) = members.first else { throw shapeProblem }
        switch kind {
        case "equals": self = .equals(text)
        case "prefix": self = .prefix(text)
        case "contains": self = .contains(text)
        case "regex":
            guard (try? NSRegularExpression(pattern: text)) != nil else { throw CaseFileProblem(decoder.codingPath, "is not a valid regular expression") }
            self = .regex(text)
        default: throw shapeProblem
        }
    }
}

extension ConformanceCase.ExpectedError: Decodable {
    enum CodingKeys: String, CodingKey { case kind, messageContains = "message_contains" }

    public init(from decoder: any Decoder) throws {
        guard let c = try? decoder.container(keyedBy: CodingKeys.self), let kind = try? c.decode(String.self, forKey: .kind) else {
            throw CaseFileProblem(decoder.codingPath, "must be an object with a string \"kind\"")
        }
        self.init(kind: kind, messageContains: try? c.decodeIfPresent(String.self, forKey: .messageContains))
    }
}

extension ConformanceCase.JSONPattern: Decodable {
    public init(from decoder: any Decoder) throws {
        guard case let .object(members) = try JSONValue(from: decoder) else { throw CaseFileProblem(decoder.codingPath, "must be a JSON object") }
        self = .object(members.mapValues(Self.init(json:)))
    }

    init(json value: JSONValue) {
        switch value {
        case let .object(members): self = .object(members.mapValues(Self.init(json:)))
        case let .array(items): self = .array(items.map(Self.init(json:)))
        case let .string(s): self = .string(s)
        case let .number(n): self = .number(n)
        case let .bool(b): self = .bool(b)
        case .null: self = .null
        }
    }
}
