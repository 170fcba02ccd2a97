import Foundation

/// The encodings WeChat's file API names, between bytes and strings as Node.js converts them.
enum FileEncoding: String, CaseIterable {
    case ascii, base64, binary, hex, ucs2, utf16le, utf8, latin1

    /// The names an app may give (WeChat also spells `utf-8`, `ucs-2` and `utf-16le`).
    static let names = ["ascii", "base64", "binary", "hex", "ucs2", "ucs-2", "utf16le", "utf-16le", "utf-8", "utf8", "latin1"]

    init?(name: String) {
        switch name.lowercased() {
        case "utf-8": self = .utf8
        case "ucs-2": self = .ucs2
        case "utf-16le": self = .utf16le
        default: self.init(rawValue: name.lowercased())
        }
    }

    /// The bytes a string stands for.
    func bytes(_ text: String) -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .ascii, .binary, .latin1: return Data(text.utf16.map { UInt8(truncatingIfNeeded: $0) })
        case .ucs2, .utf16le:
            var out = Data(capacity: text.utf16.count * 2)
            for unit in text.utf16 { out.append(UInt8(unit & 0xff)); out.append(UInt8(unit >> 8)) }
            return out
        case .hex:
            var out = Data(), high: UInt8?
            for c in text.utf8 {
                guard let v = Self.hexValue(c) else { break }
                if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
            }
            return out
        case .base64:
            var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            s = String(s.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "+" || $0 == "/" })
            if s.count % 4 == 1 { s.removeLast() }
            s += String(repeating: "=", count: (4 - s.count % 4) % 4)
            return Data(base64Encoded: s) ?? Data()
        }
    }

    /// The string the bytes make.
    func string(_ data: Data) -> String {
        switch self {
        case .utf8: return String(decoding: data, as: UTF8.self)
        case .ascii: return String(String.UnicodeScalarView(data.map { Unicode.Scalar($0 & 0x7f) }))
        case .binary, .latin1: return String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
        case .ucs2, .utf16le:
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var i = data.startIndex
            while i + 1 < data.endIndex { units.append(UInt16(data[i]) | UInt16(data[i + 1]) << 8); i += 2 }
            return String(decoding: units, as: UTF16.self)
        case .hex: return data.map { String(format: "%02x", $0) }.joined()
        case .base64: return data.base64EncodedString()
        }
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
