import MiniHostProtocol

/// A parsed JSON value that keeps integers apart from other numbers and keeps member order.
enum ManifestJSON: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([ManifestJSON])
    case object([(key: String, value: ManifestJSON)])

    static func == (a: ManifestJSON, b: ManifestJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// First member named `key` (duplicates are reported separately).
    subscript(key: String) -> ManifestJSON? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

extension ManifestJSON: JSONBuilder {
    typealias Value = ManifestJSON
    typealias Items = [ManifestJSON]

    /// An object's members in text order, and their names (a repeated one is not added).
    struct Members {
        var list: [(key: String, value: ManifestJSON)] = []
        var names: Set<String> = []
    }

    static func number(_ value: Double, integerText: UnsafeBufferPointer<UInt8>?) -> ManifestJSON {
        if let integerText, let i = Int(String(decoding: integerText, as: UTF8.self)) { return .int(i) }
        return .number(value)
    }

    static func makeObject() -> Members { Members() }

    static func add(_ key: String, _ value: ManifestJSON, to object: inout Members) -> Bool {
        guard object.names.insert(key).inserted else { return false }
        object.list.append((key, value))
        return true
    }

    static func value(of object: Members) -> ManifestJSON { .object(object.list) }
    static func makeArray() -> [ManifestJSON] { [] }
    static func append(_ value: ManifestJSON, to array: inout [ManifestJSON]) { array.append(value) }
    static func value(of array: [ManifestJSON]) -> ManifestJSON { .array(array) }

    /// Reads a manifest's text: a byte order mark allowed, nesting bounded, repeated names noted.
    static func read(_ bytes: [UInt8], rawMembers: Set<String> = []) throws(JSONSyntaxError) -> JSONDocument<ManifestJSON> {
        try JSONReader.read(bytes, as: ManifestJSON.self, options: .init(
            maxDepth: ManifestRules.maxJSONDepth, skipsByteOrderMark: true, recordsDuplicateKeys: true, rawMembers: rawMembers))
    }
}
