import Foundation

/// A problem in a template or stylesheet of a package: `file:line:col: what was wrong`
/// (`col` is 0 when only the line is known, as for WXSS).
public struct ViewCompileError: Error, Sendable, CustomStringConvertible, LocalizedError, Equatable {
    /// Package path of the file concerned (`pages/index/index.wxml`).
    public var file: String
    public var line: Int
    public var column: Int
    /// What was wrong, without the position.
    public var reason: String

    public init(file: String, line: Int, column: Int, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        if line == 0 { return "\(file): \(reason)" }
        return column == 0 ? "\(file):\(line): \(reason)" : "\(file):\(line):\(column): \(reason)"
    }

    public var errorDescription: String? { description }
}

/// A source file as Unicode scalars, with line starts for 1-based `line`/`col` positions.
struct ViewSource {
    let path: String
    let text: [Unicode.Scalar]
    private let lineStarts: [Int]

    init(path: String, text: String) {
        self.path = path
        self.text = Array(text.unicodeScalars)
        var starts = [0]
        for (i, c) in self.text.enumerated() where c == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    var count: Int { text.count }

    subscript(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < text.count ? text[i] : nil }

    /// True when the scalars at `i` spell `word`.
    func has(_ word: String, at i: Int) -> Bool {
        var j = i
        for c in word.unicodeScalars {
            guard j < text.count, text[j] == c else { return false }
            j += 1
        }
        return true
    }

    func slice(_ start: Int, _ end: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: text[max(0, start)..<min(end, text.count)])
        return String(s)
    }

    /// 1-based line and column of a scalar offset.
    func position(_ offset: Int) -> (line: Int, col: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo] + 1)
    }

    func error(_ offset: Int, _ reason: String) -> ViewCompileError {
        let (line, col) = position(offset)
        return ViewCompileError(file: path, line: line, column: col, reason: reason)
    }
}
