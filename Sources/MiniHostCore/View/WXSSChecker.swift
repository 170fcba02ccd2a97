import Foundation

/// A page's or component's styles with every `@import` inlined, for a renderer: the text and
/// the files it was made from, in order.
public struct Stylesheet: Sendable, Equatable {
    public var text: String
    public var files: [String]

    public init(text: String, files: [String]) {
        self.text = text
        self.files = files
    }
}

/// Checks WXSS (CSS with WeChat's `rpx`, kept as written): comments, strings and blocks closed,
/// no stray `}`, every `@import "x.wxss";` (relative or `/`-absolute) present and acyclic.
/// Errors name `file:line`.
public enum WXSSChecker {
    /// One `@import` of a file: the package path it names, its line and the range it spans.
    struct Import {
        var path: String
        var line: Int
        var range: Range<Int>
    }

    /// Parses one stylesheet and returns its imports (unchecked for existence).
    static func imports(path: String, data: Data) throws(ViewCompileError) -> (ViewSource, [Import]) {
        guard let text = String(validatingUTF8Data: data) else { throw ViewCompileError(file: path, line: 0, column: 0, reason: "is not UTF-8 text") }
        let source = ViewSource(path: path, text: text)
        var imports: [Import] = []
        var blocks: [Int] = []
        var i = 0
        func fail(_ offset: Int, _ reason: String) -> ViewCompileError {
            ViewCompileError(file: path, line: source.position(offset).line, column: 0, reason: reason)
        }
        while i < source.count {
            let c = source[i]!
            if source.has("/*", at: i) {
                guard let end = source.commentEnd(from: i) else { throw fail(i, "comment is never closed with */") }
                i = end
                continue
            }
            if source.has("url(", at: i), let end = source.unquotedURLEnd(from: i + 4) {
                i = end
                continue
            }
            if c == "\"" || c == "'" {
                guard let end = source.stringEnd(from: i) else { throw fail(i, "string is never closed") }
                i = end
                continue
            }
            if c == "{" { blocks.append(i) }
            if c == "}" {
                guard blocks.popLast() != nil else { throw fail(i, "stray } with no block to close") }
            }
            if c == "@", blocks.isEmpty, source.has("@import", at: i) {
                imports.append(try importRule(source, at: i, fail: fail))
                i = imports.last!.range.upperBound
                continue
            }
            i += 1
        }
        if let open = blocks.last { throw fail(open, "block opened here is never closed with }") }
        return (source, imports)
    }

    private static func importRule(_ source: ViewSource, at start: Int, fail: (Int, String) -> ViewCompileError) throws(ViewCompileError) -> Import {
        var j = start + 7
        while let c = source[j], c == " " || c == "\t" || c == "\n" || c == "\r" { j += 1 }
        var written: String
        if let q = source[j], q == "\"" || q == "'" {
            guard let end = source.stringEnd(from: j) else { throw fail(j, "string is never closed") }
            written = source.slice(j + 1, end - 1)
            j = end
        } else if source.has("url(", at: j) {
            let open = j
            while let c = source[j], c != ")" { j += 1 }
            guard source[j] == ")" else { throw fail(open, "url( is never closed") }
            written = source.slice(open + 4, j).trimmingCharacters(in: .whitespaces)
            if let first = written.first, first == "\"" || first == "'", written.count >= 2 { written = String(written.dropFirst().dropLast()) }
            j += 1
        } else {
            throw fail(start, "@import must name a file in quotes, as @import \"common.wxss\";")
        }
        while let c = source[j], c != ";", c != "\n" { j += 1 }
        if source[j] == ";" { j += 1 }
        if !written.hasSuffix(".wxss") { written += ".wxss" }
        guard let path = WXMLValues.resolve(written, from: source.path) else { throw fail(start, "@import \"\(written)\" names no file") }
        return Import(path: path, line: source.position(start).line, range: start..<j)
    }

    /// Checks every `.wxss` of the package: syntax, imported files present, no import cycle.
    public static func check(files: [String: Data]) throws(ViewCompileError) {
        var parsed: [String: [Import]] = [:]
        for path in files.keys.sorted() where path.hasSuffix(".wxss") {
            parsed[path] = try imports(path: path, data: files[path]!).1
        }
        for (path, list) in parsed.sorted(by: { $0.key < $1.key }) {
            for entry in list where parsed[entry.path] == nil {
                throw ViewCompileError(file: path, line: entry.line, column: 0, reason: "imported file \(entry.path) does not exist")
            }
        }
        var done: Set<String> = []
        for start in parsed.keys.sorted() {
            var trail: [String] = []
            try visit(start, parsed: parsed, trail: &trail, done: &done)
        }
    }

    private static func visit(_ path: String, parsed: [String: [Import]], trail: inout [String], done: inout Set<String>) throws(ViewCompileError) {
        if done.contains(path) { return }
        trail.append(path)
        for entry in parsed[path] ?? [] {
            if let loop = trail.firstIndex(of: entry.path) {
                let cycle = (trail[loop...] + [entry.path]).joined(separator: " → ")
                throw ViewCompileError(file: path, line: entry.line, column: 0, reason: "import cycle: \(cycle)")
            }
            try visit(entry.path, parsed: parsed, trail: &trail, done: &done)
        }
        trail.removeLast()
        done.insert(path)
    }

    /// The styles of an owner (`pages/index/index`, `components/card/card`): app.wxss first when
    /// `includeApp` (pages), then the owner's `.wxss`, each `@import` replaced by the file it names.
    public static func stylesheet(owner: String, files: [String: Data], includeApp: Bool) throws(ViewCompileError) -> Stylesheet {
        var sheet = Stylesheet(text: "", files: [])
        var trail: [String] = []
        for path in (includeApp ? ["app.wxss"] : []) + [owner + ".wxss"] where files[path] != nil {
            sheet.text += try inlined(path, files: files, sheet: &sheet, trail: &trail)
            if !sheet.text.hasSuffix("\n") { sheet.text += "\n" }
        }
        return sheet
    }

    private static func inlined(_ path: String, files: [String: Data], sheet: inout Stylesheet, trail: inout [String]) throws(ViewCompileError) -> String {
        guard let data = files[path] else { throw ViewCompileError(file: trail.last ?? path, line: 0, column: 0, reason: "imported file \(path) does not exist") }
        if trail.contains(path) { throw ViewCompileError(file: trail.last!, line: 0, column: 0, reason: "import cycle: \((trail + [path]).joined(separator: " → "))") }
        if !sheet.files.contains(path) { sheet.files.append(path) }
        let (source, list) = try imports(path: path, data: data)
        trail.append(path)
        defer { trail.removeLast() }
        var text = "", from = 0
        for entry in list {
            text += source.slice(from, entry.range.lowerBound)
            text += try inlined(entry.path, files: files, sheet: &sheet, trail: &trail)
            from = entry.range.upperBound
        }
        return text + source.slice(from, source.count)
    }
}
