import Foundation

/// JSON data as it crosses the bridge: what an app may send and receive (no functions, no
/// symbols, no cycles).
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    public var stringValue: String? { if case let .string(s) = self { return s } else { return nil } }
    public var numberValue: Double? { if case let .number(n) = self { return n } else { return nil } }
    public var boolValue: Bool? { if case let .bool(b) = self { return b } else { return nil } }
    public var objectValue: [String: JSONValue]? { if case let .object(o) = self { return o } else { return nil } }
    public var arrayValue: [JSONValue]? { if case let .array(a) = self { return a } else { return nil } }
    public var isNull: Bool { self == .null }

    /// The JSON type's name, for error messages ("a string", "an object", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case let .bool(b): try c.encode(b)
        case let .number(n): try c.encode(n)
        case let .string(s): try c.encode(s)
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        }
    }

    /// Compact JSON text (object keys sorted, so equal values give equal text).
    public var jsonText: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n):
            if n.isFinite, n == n.rounded(), abs(n) < 1e15 { out += String(Int64(n)) }
            else if n.isFinite { out += "\(n)" }
            else { out += "null" }
        case let .string(s): out += JSONText.quote(s)
        case let .array(a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.write(to: &out)
            }
            out += "]"
        case let .object(o):
            out += "{"
            for (i, k) in o.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                out += JSONText.quote(k) + ":"
                o[k]!.write(to: &out)
            }
            out += "}"
        }
    }

    /// Parses JSON text (any value at the top, as `JSON.parse` does); nil when it is not JSON.
    public static func parse(_ text: String) -> JSONValue? {
        try? JSONReader.read(text, as: JSONValue.self).value
    }

    /// Parses JSON bytes; nil when they are not JSON. (The strict reader frames use: numbers
    /// exactly, as Codable reads them; JSONSerialization on Linux was seen to round some doubles
    /// to a neighbouring value.)
    public static func parse(_ data: Data) -> JSONValue? {
        data.withUnsafeBytes { parse(utf8: $0) }
    }

    /// Parses JSON from UTF-8 bytes; nil when they are not JSON.
    public static func parse(utf8 bytes: UnsafeRawBufferPointer) -> JSONValue? {
        try? JSONReader.read(bytes, as: JSONValue.self).value
    }
}
