/// A string compared by its exact Unicode scalars. Swift's `String ==` treats canonically
/// equivalent spellings (NFC "é" and NFD "e\u{301}") as equal; JavaScript, SQLite and the file
/// system do not. MiniHost's rule is theirs: storage keys and package paths are exact code points.
public struct ExactString: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }
    public init(stringLiteral value: String) { self.value = value }

    public static func == (a: ExactString, b: ExactString) -> Bool {
        a.value.unicodeScalars.elementsEqual(b.value.unicodeScalars)
    }

    public func hash(into hasher: inout Hasher) {
        for scalar in value.unicodeScalars { hasher.combine(scalar.value) }
    }

    public var description: String { value }
}

extension Dictionary where Key == String {
    /// The value stored under exactly `key`'s code points; nil when only a canonically equivalent
    /// spelling is present (which `self[key]` would return).
    public subscript(exactly key: String) -> Value? {
        guard let i = index(forKey: key), self[i].key.unicodeScalars.elementsEqual(key.unicodeScalars) else { return nil }
        return self[i].value
    }
}
