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
}
