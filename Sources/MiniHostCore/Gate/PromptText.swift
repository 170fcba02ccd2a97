/// Makes untrusted text safe to show on a terminal.
public enum PromptText {
    /// Returns `s` as one visible line: C0/C1 controls, DEL, and Unicode format, bidi and
    /// separator characters (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+061C, U+FEFF,
    /// U+2028/U+2029, every other category Cf/Cc/Zl/Zp character) are shown escaped — `\n`,
    /// `\r`, `\t`, else `\u{1B}` — so an escape sequence prints as text and cannot move the
    /// cursor, clear the screen or reorder what follows. The result has at most `maxLength`
    /// characters; when cut it ends with "…" (an escape is never cut in half).
    public static func sanitize(_ s: String, maxLength: Int = 200) -> String {
        visible(s, maxLength: maxLength, escapingQuotes: false)
    }

    /// `s` in double quotes, for a message that names a value: shown as by
    /// ``sanitize(_:maxLength:)`` with `"` and `\` escaped as well, so the quotes cannot be forged.
    public static func quoted(_ s: String, maxLength: Int = 80) -> String {
        "\"" + visible(s, maxLength: maxLength, escapingQuotes: true) + "\""
    }

    private static func visible(_ s: String, maxLength: Int, escapingQuotes: Bool) -> String {
        guard maxLength > 0 else { return "" }
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            Self.needsEscape(scalar) || (escapingQuotes && (scalar == "\"" || scalar == "\\"))
        }
        var tokens: [String] = []
        var length = 0
        // Stop reading once we know the text will be cut: huge input costs O(maxLength).
        outer: for character in s {
            if character.unicodeScalars.contains(where: needsEscape) {
                for scalar in character.unicodeScalars {
                    let token = needsEscape(scalar) ? escape(scalar) : String(scalar)
                    tokens.append(token)
                    length += token.count
                    if length > maxLength { break outer }
                }
            } else {
                tokens.append(String(character))
                length += 1
                if length > maxLength { break outer }
            }
        }
        if length <= maxLength { return tokens.joined() }
        var out = ""
        var used = 0
        for token in tokens {
            let n = token.count
            if used + n > maxLength - 1 { break }
            out += token
            used += n
        }
        return out + "…"
    }

    /// Whether `scalar` is shown escaped by ``sanitize(_:maxLength:)``.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
            return true
        default:
            return false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\"", "\\": return "\\" + String(scalar)
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
