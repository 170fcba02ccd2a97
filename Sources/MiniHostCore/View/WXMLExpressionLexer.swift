import Foundation

/// One token of a `{{ }}` expression.
struct ExprToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case name(String)
        case punct(String)
        case end
    }

    var kind: Kind
    var offset: Int
    var endOffset: Int

    func isPunct(_ p: String) -> Bool { kind == .punct(p) }

    /// The token as a message shows it.
    var shown: String {
        switch kind {
        case let .number(n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
        case let .string(s): return "string \"\(s)\""
        case let .name(n): return n
        case let .punct(p): return p
        case .end: return "the end of the expression"
        }
    }
}

/// Splits the text of a `{{ }}` expression (a range of a ``ViewSource``) into tokens.
struct ExprLexer {
    let source: ViewSource
    var position: Int
    let end: Int

    /// Punctuators, longest first so that `===` wins over `==`.
    private static let punctuators = [
        ">>>", "===", "!==", "...",
        "==", "!=", "<=", ">=", "&&", "||", "??", "<<", ">>",
        "(", ")", "[", "]", "{", "}", ",", ".", ":", "?", "!", "~", "+", "-", "*", "/", "%", "<", ">", "&", "|", "^",
    ]

    init(source: ViewSource, start: Int, end: Int) {
        self.source = source
        position = start
        self.end = end
    }

    private func scalar(_ i: Int) -> Unicode.Scalar? { i < end ? source[i] : nil }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "$" || (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
            || (c.value > 0x7F && c.properties.isAlphabetic)
    }

    static func isNamePart(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || isDigit(c) }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    mutating func skipSpace() {
        while let c = scalar(position), c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{A0}" || c == "\u{FEFF}" {
            position += 1
        }
    }

    mutating func next() throws(ViewCompileError) -> ExprToken {
        skipSpace()
        let start = position
        guard let c = scalar(position) else { return ExprToken(kind: .end, offset: position, endOffset: position) }
        if Self.isNameStart(c) {
            while let d = scalar(position), Self.isNamePart(d) { position += 1 }
            return ExprToken(kind: .name(source.slice(start, position)), offset: start, endOffset: position)
        }
        if Self.isDigit(c) || (c == "." && scalar(position + 1).map(Self.isDigit) == true) {
            return try number(start)
        }
        if c == "\"" || c == "'" { return try string(start, quote: c) }
        for p in Self.punctuators where source.has(p, at: position) && position + p.unicodeScalars.count <= end {
            position += p.unicodeScalars.count
            return ExprToken(kind: .punct(p), offset: start, endOffset: position)
        }
        throw source.error(start, "unexpected character '\(c)' in the expression")
    }

    private mutating func number(_ start: Int) throws(ViewCompileError) -> ExprToken {
        if scalar(position) == "0", let x = scalar(position + 1), x == "x" || x == "X" {
            position += 2
            var digits = ""
            while let d = scalar(position), d.properties.isASCIIHexDigit { digits.unicodeScalars.append(d); position += 1 }
            guard let value = UInt64(digits, radix: 16) else { throw source.error(start, "malformed hexadecimal number") }
            return try finishNumber(start, Double(value))
        }
        while let d = scalar(position), Self.isDigit(d) { position += 1 }
        if scalar(position) == "." {
            position += 1
            while let d = scalar(position), Self.isDigit(d) { position += 1 }
        }
        if let e = scalar(position), e == "e" || e == "E" {
            var j = position + 1
            if let s = scalar(j), s == "+" || s == "-" { j += 1 }
            if let d = scalar(j), Self.isDigit(d) {
                position = j
                while let d = scalar(position), Self.isDigit(d) { position += 1 }
            }
        }
        guard let value = Double(source.slice(start, position)) else { throw source.error(start, "malformed number") }
        return try finishNumber(start, value)
    }

    private func finishNumber(_ start: Int, _ value: Double) throws(ViewCompileError) -> ExprToken {
        if let c = scalar(position), Self.isNamePart(c) { throw source.error(position, "unexpected '\(c)' after a number") }
        return ExprToken(kind: .number(value), offset: start, endOffset: position)
    }

    private mutating func string(_ start: Int, quote: Unicode.Scalar) throws(ViewCompileError) -> ExprToken {
        position += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = scalar(position) else { throw source.error(start, "unterminated string literal") }
            position += 1
            if c == quote { break }
            if c == "\n" { throw source.error(start, "unterminated string literal") }
            guard c == "\\" else { value.append(c); continue }
            guard let e = scalar(position) else { throw source.error(start, "unterminated string literal") }
            position += 1
            switch e {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "b": value.append("\u{8}")
            case "f": value.append("\u{C}")
            case "v": value.append("\u{B}")
            case "0" where !(scalar(position).map(Self.isDigit) ?? false): value.append("\u{0}")
            case "\n": break
            case "x": value.append(try escape(digits: 2, at: position - 2))
            case "u":
                if scalar(position) == "{" {
                    let escapeStart = position - 2
                    position += 1
                    var hex = ""
                    while let d = scalar(position), d != "}" { hex.unicodeScalars.append(d); position += 1 }
                    position += 1
                    guard let n = UInt32(hex, radix: 16), let s = Unicode.Scalar(n) else { throw source.error(escapeStart, "malformed \\u{…} escape") }
                    value.append(s)
                } else {
                    value.append(try escape(digits: 4, at: position - 2))
                }
            default: value.append(e)
            }
        }
        return ExprToken(kind: .string(String(value)), offset: start, endOffset: position)
    }

    private mutating func escape(digits: Int, at escapeStart: Int) throws(ViewCompileError) -> Unicode.Scalar {
        guard position + digits <= end, let n = UInt32(source.slice(position, position + digits), radix: 16) else {
            throw source.error(escapeStart, "malformed escape sequence")
        }
        position += digits
        // A lone surrogate cannot be a scalar: it reads as the replacement character.
        return Unicode.Scalar(n) ?? "\u{FFFD}"
    }
}
