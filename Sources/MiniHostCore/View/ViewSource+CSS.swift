import Foundation

/// CSS tokenizing shared by the WXSS checker and translator: comments, strings, `url(…)`,
/// names and numbers, read the way CSS Syntax reads them.
extension ViewSource {
    /// The offset after the `*/` closing the comment that opens at `start`; nil when the file
    /// ends first.
    func commentEnd(from start: Int) -> Int? {
        var j = start + 2
        while j + 1 < count {
            if text[j] == "*", text[j + 1] == "/" { return j + 2 }
            j += 1
        }
        return nil
    }

    /// The offset after the string that starts at `start`; nil when a line or the file ends first.
    func stringEnd(from start: Int) -> Int? {
        let quote = text[start]
        var j = start + 1
        while let d = self[j] {
            if d == "\\" { j += 2; continue }
            if d == "\n" { return nil }
            if d == quote { return j + 1 }
            j += 1
        }
        return nil
    }

    /// The offset after the `)` of an unquoted `url(…)` whose text starts at `start` (its text
    /// may hold quotes and braces); nil when the URL is quoted, which the string rule reads, or
    /// its line ends before a `)`.
    func unquotedURLEnd(from start: Int) -> Int? {
        var j = start
        while let c = self[j], c == " " || c == "\t" { j += 1 }
        if let c = self[j], c == "\"" || c == "'" { return nil }
        while let c = self[j], c != ")", c != "\n" { j += 1 }
        return self[j] == ")" ? j + 1 : nil
    }

    /// True when `range` spells `word` (lowercase ASCII) in any case.
    func spells(_ word: String, in range: Range<Int>) -> Bool {
        guard range.count == word.unicodeScalars.count else { return false }
        for (j, w) in zip(range, word.unicodeScalars) {
            let c = text[j]
            guard c == w || (c >= "A" && c <= "Z" && c.value + 32 == w.value) else { return false }
        }
        return true
    }

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{C}"
    }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    private static func isHexDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }

    /// A NUL counts as the U+FFFD it stands for.
    private static func isNameStart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || c.value >= 0x80 || c.value == 0
    }

    static func isNameCharacter(_ c: Unicode.Scalar?) -> Bool {
        isNameStart(c) || isDigit(c) || c == "-"
    }

    /// True when a valid escape (`\` followed by anything but a line break) starts at `i`.
    func isEscape(at i: Int) -> Bool {
        self[i] == "\\" && self[i + 1] != nil && self[i + 1] != "\n"
    }

    /// True when an identifier (`view`, `-webkit-box`, `--x`, `\31 0`) starts at `i`.
    func startsIdentifier(at i: Int) -> Bool {
        if self[i] == "-" {
            return Self.isNameStart(self[i + 1]) || self[i + 1] == "-" || isEscape(at: i + 1)
        }
        return Self.isNameStart(self[i]) || isEscape(at: i)
    }

    /// The offset after the name (letters, digits, `-`, `_`, non-ASCII, escapes) from `start`.
    func nameEnd(from start: Int) -> Int {
        var j = start
        while let c = self[j] {
            if Self.isNameCharacter(c) {
                j += 1
            } else if isEscape(at: j) {
                j += 1
                if Self.isHexDigit(self[j]) {
                    let limit = j + 6
                    while j < limit, Self.isHexDigit(self[j]) { j += 1 }
                    if self[j] == "\r", self[j + 1] == "\n" { j += 2 } else if let w = self[j], Self.isWhitespace(w) { j += 1 }
                } else {
                    j += 1
                }
            } else {
                break
            }
        }
        return j
    }

    /// The offset after the number (`10`, `-.5`, `+1e-3`) that starts at `start`; nil when none does.
    func numberEnd(from start: Int) -> Int? {
        var j = start
        if self[j] == "+" || self[j] == "-" { j += 1 }
        var digits = false
        while Self.isDigit(self[j]) { j += 1; digits = true }
        if self[j] == ".", Self.isDigit(self[j + 1]) {
            j += 1
            while Self.isDigit(self[j]) { j += 1 }
            digits = true
        }
        guard digits else { return nil }
        if self[j] == "e" || self[j] == "E" {
            var k = j + 1
            if self[k] == "+" || self[k] == "-" { k += 1 }
            if Self.isDigit(self[k]) {
                j = k
                while Self.isDigit(self[j]) { j += 1 }
            }
        }
        return j
    }

    /// Where a string that starts at `start` ends as CSS reads it: after its closing quote
    /// (`closed`), or unclosed before the line break or at the end of the file.
    func stringExtent(from start: Int) -> (end: Int, closed: Bool) {
        if let end = stringEnd(from: start) { return (end, true) }
        var j = start + 1
        while let d = self[j], d != "\n" { j += d == "\\" ? 2 : 1 }
        return (min(j, count), false)
    }
}
