/// Helpers for writing JSON text by hand where the payload is already JSON (no re-encoding).
extension String {
    /// True when `self` and `other` are one string buffer (one is a copy of the other): an
    /// identity test that costs no hashing or comparing. Never true for two different buffers;
    /// may be false for equal strings (small strings are not kept in a buffer at all). The caller
    /// keeps `other` alive, so no other string can take its buffer's place.
    public func sharesStorage(with other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var a = self, b = other
        return a.withUTF8 { pa in b.withUTF8 { pb in pa.baseAddress == pb.baseAddress } }
    }
}

public enum JSONText {
    /// True when `text` is JSON as frames must carry it (the strict reader's rules: valid UTF-8,
    /// no lone surrogates, nesting of at most 512), checked without building a value.
    public static func isStrict(_ text: String) -> Bool { (try? JSONReader.read(text, as: JSONReader.Validation.self)) != nil }

    /// JSON `text` with every escaped lone surrogate (`\ud800` not followed by an escaped low
    /// half, or a low half alone) replaced by `\ufffd`, the replacement character: what
    /// `JSON.stringify` writes for a string cut inside a surrogate pair (`'😀'.slice(0, 1)`), which
    /// the strict reader refuses (a Swift `String` cannot hold it). `text` itself when it has none.
    public static func replacingLoneSurrogates(_ text: String) -> String {
        let backslash = UInt8(ascii: "\\"), u = UInt8(ascii: "u")
        guard text.utf8.contains(backslash) else { return text }
        var bytes = Array(text.utf8)
        func unit(at j: Int) -> UInt16? {
            guard j + 6 <= bytes.count, bytes[j] == backslash, bytes[j + 1] == u else { return nil }
            var v: UInt16 = 0
            for b in bytes[(j + 2)..<(j + 6)] {
                guard let d = JSONReader.hexDigit(b) else { return nil }
                v = v << 4 | UInt16(d)
            }
            return v
        }
        var changed = false
        var i = 0
        while i < bytes.count {
            guard bytes[i] == backslash, i + 1 < bytes.count else { i += 1; continue }
            guard let v = unit(at: i) else { i += 2; continue }  // another escape: skip both bytes
            if (0xD800...0xDBFF).contains(v), let w = unit(at: i + 6), (0xDC00...0xDFFF).contains(w) {
                i += 12  // a pair
                continue
            }
            if (0xD800...0xDFFF).contains(v) {
                bytes.replaceSubrange((i + 2)..<(i + 6), with: Array("fffd".utf8))
                changed = true
            }
            i += 6
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// `text` read as a JSON object by the strict reader, except its member `rawKey`, checked
    /// like any value but kept as its text (to pass on without building it and writing it again);
    /// nil when `text` is not a JSON object.
    public static func object(_ text: String, keepingRaw rawKey: String) -> (fields: [String: JSONValue], raw: String?)? {
        var copy = text
        guard let (fields, raw) = copy.withUTF8({ object(UnsafeRawBufferPointer($0), keepingRaw: [rawKey]) }) else { return nil }
        return (fields, raw[rawKey])
    }

    /// A JSON object whose members named in `rawKeys` are checked like any value but kept as
    /// their text (the first one of a name, if repeated); nil when `bytes` is not a JSON object.
    static func object(_ bytes: UnsafeRawBufferPointer, keepingRaw rawKeys: Set<String>) -> (fields: [String: JSONValue], raw: [String: String])? {
        guard let document = try? JSONReader.read(bytes, as: JSONValue.self, options: .init(rawMembers: rawKeys)),
              case let .object(fields) = document.value else { return nil }
        var raw: [String: String] = [:]
        for member in document.rawMembers where raw[member.key] == nil {
            raw[member.key] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[member.range]), as: UTF8.self)
        }
        return (fields, raw)
    }

    /// `s` as a JSON string literal, with quotes.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// JSON text with raw U+2028 and U+2029 written as `\u2028`/`\u2029`. In JSON they can stand
    /// only inside strings, where the escape means the same character.
    public static func escapingLineSeparators(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return json }
        return json.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// How deeply arrays and objects nest in JSON text (0 for a scalar); brackets inside string
    /// literals do not count.
    public static func nestingDepth(_ text: String) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for byte in text.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// An object from already-encoded members, in the given order: `[("type", quote("x")), ...]`.
    public static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
