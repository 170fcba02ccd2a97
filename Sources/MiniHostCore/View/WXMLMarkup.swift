import Foundation

/// An element as written: tag, attributes with their raw value ranges, children.
final class RawElement {
    let tag: String
    /// Offset of the `<` that opens it.
    let offset: Int
    var attributes: [RawAttribute] = []
    var children: [RawNode] = []
    /// For `<wxs>`: the range of its script, taken as written.
    var content: Range<Int>?

    init(tag: String, offset: Int) {
        self.tag = tag
        self.offset = offset
    }

    func attribute(_ name: String) -> RawAttribute? { attributes.first { $0.name == name } }
}

struct RawAttribute {
    var name: String
    var offset: Int
    /// The value's scalars without quotes (entities not decoded); nil when written without `=`.
    var value: Range<Int>?
}

enum RawNode {
    case element(RawElement)
    case text(Range<Int>)
}

/// WeChat's lenient HTML-like reading of a `.wxml` file: self-closing tags, unquoted attribute
/// values, attributes without values, comments dropped, `<wxs>` content raw, `{{ }}` opaque
/// (a `<` or quote inside it ends nothing). Mismatched or unclosed tags are errors.
struct MarkupReader {
    let source: ViewSource
    private var i = 0
    /// Nesting bound, so a hostile template cannot exhaust the stack of later passes.
    static let maxDepth = 256

    init(source: ViewSource) { self.source = source }

    static func read(_ source: ViewSource) throws(ViewCompileError) -> [RawNode] {
        var reader = MarkupReader(source: source)
        return try reader.document()
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{C}" }

    private static func isTagStart(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) || c == "_"
    }

    private static func isTagPart(_ c: Unicode.Scalar) -> Bool {
        isTagStart(c) || ExprLexer.isDigit(c) || c == "-" || c == ":" || c == "."
    }

    private mutating func document() throws(ViewCompileError) -> [RawNode] {
        var top: [RawNode] = []
        var stack: [RawElement] = []
        func append(_ node: RawNode) {
            if let parent = stack.last { parent.children.append(node) } else { top.append(node) }
        }
        while i < source.count {
            if source.has("<!--", at: i) {
                let start = i
                i += 4
                while i < source.count, !source.has("-->", at: i) { i += 1 }
                guard i < source.count else { throw source.error(start, "comment is never closed with -->") }
                i += 3
            } else if source[i] == "<", source[i + 1] == "/" {
                let start = i
                i += 2
                let name = readName()
                skipSpaces()
                guard source[i] == ">" else { throw source.error(i, "expected > to end the closing tag </\(name)") }
                i += 1
                guard let open = stack.popLast() else { throw source.error(start, "closing tag </\(name)> has no opening tag") }
                guard open.tag == name else {
                    let (line, col) = source.position(open.offset)
                    throw source.error(start, "expected </\(open.tag)> to close <\(open.tag)> of \(line):\(col), found </\(name)>")
                }
            } else if source[i] == "<", let c = source[i + 1], Self.isTagStart(c) {
                let (element, selfClosing) = try openTag()
                append(.element(element))
                if selfClosing { continue }
                if element.tag == "wxs" {
                    try wxsContent(element)
                    continue
                }
                if stack.count >= Self.maxDepth { throw source.error(element.offset, "elements nested more than \(Self.maxDepth) deep") }
                stack.append(element)
            } else if source[i] == "<", source[i + 1] == "!" {
                throw source.error(i, "unexpected <! (only <!-- comments --> are allowed)")
            } else {
                append(.text(text()))
            }
        }
        if let open = stack.last { throw source.error(open.offset, "<\(open.tag)> is never closed") }
        return top
    }

    private mutating func readName() -> String {
        let start = i
        while let c = source[i], Self.isTagPart(c) { i += 1 }
        return source.slice(start, i)
    }

    private mutating func skipSpaces() {
        while let c = source[i], Self.isSpace(c) { i += 1 }
    }

    /// Text up to the next tag, closing tag or comment; `{{ }}` is skipped whole.
    private mutating func text() -> Range<Int> {
        let start = i
        while i < source.count {
            if source.has("{{", at: i), let end = Self.mustacheEnd(source, from: i + 2, limit: source.count) {
                i = end
                continue
            }
            if source[i] == "<", let c = source[i + 1], Self.isTagStart(c) || c == "/" || c == "!" { break }
            i += 1
        }
        return start..<i
    }

    /// The offset after the `}}` that closes a mustache whose expression starts at `from`, with
    /// quotes and braces of the expression respected; nil when none comes before `limit`.
    static func mustacheEnd(_ source: ViewSource, from: Int, limit: Int) -> Int? {
        var j = from
        var depth = 0
        var quote: Unicode.Scalar?
        while j < limit, let c = source[j] {
            if let q = quote {
                if c == "\\" { j += 2; continue }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                if depth == 0 { return j + 1 < limit && source[j + 1] == "}" ? j + 2 : nil }
                depth -= 1
            }
            j += 1
        }
        return nil
    }

    private mutating func openTag() throws(ViewCompileError) -> (RawElement, Bool) {
        let offset = i
        i += 1
        let named = RawElement(tag: readName(), offset: offset)
        while true {
            skipSpaces()
            guard let c = source[i] else { throw source.error(named.offset, "tag <\(named.tag)> is not closed with >") }
            if c == ">" { i += 1; return (named, false) }
            if c == "/" {
                if source[i + 1] == ">" { i += 2; return (named, true) }
                i += 1
                continue
            }
            let attribute = try readAttribute()
            // Written twice: the last value wins, as in WeChat.
            if let earlier = named.attributes.firstIndex(where: { $0.name == attribute.name }) {
                named.attributes[earlier] = attribute
            } else {
                named.attributes.append(attribute)
            }
        }
    }

    private mutating func readAttribute() throws(ViewCompileError) -> RawAttribute {
        let start = i
        while let c = source[i], !Self.isSpace(c), c != "=", c != ">", c != "\"", c != "'", !(c == "/" && source[i + 1] == ">") { i += 1 }
        guard i > start else { throw source.error(i, "unexpected \(source[i].map { "'\($0)'" } ?? "end") in a tag, expected an attribute name") }
        let name = source.slice(start, i)
        let afterName = i
        skipSpaces()
        guard source[i] == "=" else {
            i = afterName
            return RawAttribute(name: name, offset: start, value: nil)
        }
        i += 1
        skipSpaces()
        if let q = source[i], q == "\"" || q == "'" {
            i += 1
            let valueStart = i
            if let end = quotedEnd(from: valueStart, quote: q) {
                i = end + 1
                return RawAttribute(name: name, offset: start, value: valueStart..<end)
            }
            throw source.error(valueStart - 1, "the value of \(name) is missing its closing \(q)")
        }
        let valueStart = i
        while let c = source[i], !Self.isSpace(c), c != ">", !(c == "/" && source[i + 1] == ">") { i += 1 }
        return RawAttribute(name: name, offset: start, value: valueStart..<i)
    }

    /// The offset of the quote that ends a quoted value: mustaches may hold that quote in their
    /// string literals; a mustache that does not close is taken as plain text.
    private func quotedEnd(from start: Int, quote: Unicode.Scalar) -> Int? {
        var j = start
        while j < source.count {
            if source.has("{{", at: j), let end = Self.mustacheEnd(source, from: j + 2, limit: source.count) {
                j = end
                continue
            }
            if source[j] == quote { return j }
            j += 1
        }
        return nil
    }

    private mutating func wxsContent(_ element: RawElement) throws(ViewCompileError) {
        let start = i
        while i < source.count, !source.has("</wxs", at: i) { i += 1 }
        guard i < source.count else { throw source.error(element.offset, "<wxs> is never closed") }
        element.content = start..<i
        i += 5
        skipSpaces()
        guard source[i] == ">" else { throw source.error(i, "expected > to end the closing tag </wxs") }
        i += 1
    }
}
