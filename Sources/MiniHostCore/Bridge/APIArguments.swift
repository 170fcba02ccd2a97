import MiniHostProtocol

/// Reads and checks one call's arguments against the API's schema; every failure names the field
/// and what was expected (`key must be a non-empty string of at most 128 characters`).
public struct APIArguments: Sendable {
    public let api: String
    /// The options object of an async call.
    private let options: [String: JSONValue]
    /// A `*Sync` call's positional arguments and the fields they fill (no dictionary is built
    /// for them: a sync call has one or two, and this runs on every call).
    private let names: [String]
    private let positional: [JSONValue]

    public init(api: String, value: [String: JSONValue]) {
        self.api = api
        self.options = value
        self.names = []
        self.positional = []
    }

    /// The i-th of `values` fills `names[i]` (extra values are ignored).
    public init(api: String, names: [String], values: [JSONValue]) {
        self.api = api
        self.options = [:]
        self.names = names
        self.positional = values
    }

    /// The arguments as named fields.
    public var value: [String: JSONValue] {
        guard !names.isEmpty else { return options }
        var named: [String: JSONValue] = [:]
        for (i, field) in names.enumerated() where i < positional.count { named[field] = positional[i] }
        return named
    }

    /// One field's value (nil when absent).
    public subscript(field: String) -> JSONValue? {
        guard !names.isEmpty else { return options[field] }
        for i in 0..<min(names.count, positional.count) where names[i] == field { return positional[i] }
        return nil
    }

    public func has(_ field: String) -> Bool { self[field] != nil && self[field] != .null }

    /// A string field. `required` fields must be present; empty strings fail when `nonEmpty`.
    public func string(_ field: String, required: Bool = true, nonEmpty: Bool = true, maxLength: Int) throws(BridgeError) -> String? {
        // Built only on failure: this runs on every call of most APIs.
        func expected() -> String { "\(field) must be a\(nonEmpty ? " non-empty" : "") string of at most \(maxLength) characters" }
        guard let v = self[field], v != .null else {
            if required { throw .invalid("\(expected()) (it is missing)") }
            return nil
        }
        guard case let .string(s) = v else { throw .invalid("\(expected()) (got \(v.typeName))") }
        if nonEmpty && s.isEmpty { throw .invalid("\(expected()) (got an empty string)") }
        // Characters never outnumber UTF-8 bytes, so counting characters is needed only for long strings.
        if s.utf8.count > maxLength && s.count > maxLength { throw .invalid("\(expected()) (got \(s.count) characters)") }
        return s
    }

    /// A string field that must be one of `allowed`; with `ignoringCase`, in any case, answered
    /// in `allowed`'s spelling.
    public func oneOf(_ field: String, _ allowed: [String], default def: String? = nil, ignoringCase: Bool = false) throws(BridgeError) -> String {
        func expected() -> String { "\(field) must be one of " + allowed.map { "'\($0)'" }.joined(separator: ", ") }
        guard let v = self[field], v != .null else {
            if let def { return def }
            throw .invalid("\(expected()) (it is missing)")
        }
        guard case let .string(s) = v, let found = allowed.first(where: { ignoringCase ? $0.caseInsensitiveCompare(s) == .orderedSame : $0 == s }) else {
            throw .invalid("\(expected()) (got \(Self.describe(v)))")
        }
        return found
    }

    /// A number field within `range`; `integer` demands a whole number.
    public func number(_ field: String, required: Bool = true, integer: Bool = false, range: ClosedRange<Double>) throws(BridgeError) -> Double? {
        func expected() -> String {
            "\(field) must be \(integer ? "an integer" : "a number") from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))"
        }
        guard let v = self[field], v != .null else {
            if required { throw .invalid("\(expected()) (it is missing)") }
            return nil
        }
        guard case let .number(n) = v else { throw .invalid("\(expected()) (got \(v.typeName))") }
        if integer && n != n.rounded() { throw .invalid("\(expected()) (got \(Self.format(n)))") }
        guard range.contains(n) else { throw .invalid("\(expected()) (got \(Self.format(n)))") }
        return n
    }

    public func bool(_ field: String, default def: Bool) throws(BridgeError) -> Bool {
        guard let v = self[field], v != .null else { return def }
        guard case let .bool(b) = v else { throw .invalid("\(field) must be true or false (got \(v.typeName))") }
        return b
    }

    /// Any JSON data (present, possibly null).
    public func data(_ field: String) throws(BridgeError) -> JSONValue {
        guard let v = self[field] else { throw .invalid("\(field) is required (any JSON data)") }
        return v
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    static func describe(_ v: JSONValue) -> String {
        if case let .string(s) = v { return "'" + String(s.prefix(40)) + (s.count > 40 ? "…" : "") + "'" }
        return v.typeName
    }
}
