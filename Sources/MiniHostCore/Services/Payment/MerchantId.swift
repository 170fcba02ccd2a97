import Foundation

extension Merchant {
    /// The longest merchant id a manifest may declare.
    public static let maxIdLength = 64

    /// Whether `id` is a plain merchant id: 1–64 ASCII letters, digits, `.`, `_` and `-`.
    /// Nothing invisible or look-alike (zero-width, Cyrillic, full-width) can then make an id that
    /// reads as a signing merchant's while it names another merchant, one without a key.
    public static func isPlainId(_ id: String) -> Bool {
        (1...maxIdLength).contains(id.unicodeScalars.count) && id.unicodeScalars.allSatisfy(isPlainIdCharacter)
    }

    /// Why `id` is not plain, for a manifest problem on `merchant.id` (nil when it is plain).
    public static func idProblem(_ id: String) -> String? {
        if isPlainId(id) { return nil }
        let rule = "must be 1–\(maxIdLength) ASCII letters, digits, '.', '_' or '-' (a look-alike of a signing merchant's id would name another merchant and skip its signature check)"
        for (i, s) in id.unicodeScalars.enumerated() where !isPlainIdCharacter(s) {
            return rule + String(format: "; got U+%04X at character %d", s.value, i + 1)
        }
        return rule + "; got \(id.unicodeScalars.count) characters"
    }

    static func isPlainIdCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }
}
