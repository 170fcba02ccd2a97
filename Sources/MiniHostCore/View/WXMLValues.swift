import Foundation
import MiniHostProtocol

/// Text and attribute values: plain strings, one `{{expr}}` (`{"e":…}`) or a mix (`{"c":[…]}`).
enum WXMLValues {
    static func lit(_ value: JSONValue) -> JSONValue { .array([.string("lit"), value]) }

    /// The Value of the source range: literal parts have their entities decoded; each `{{ }}`
    /// is parsed as an expression that must end with `}}` inside the range.
    static func value(_ source: ViewSource, _ range: Range<Int>) throws(ViewCompileError) -> JSONValue {
        var parts: [JSONValue] = []
        var literalStart = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            guard source.has("{{", at: i), i + 2 <= range.upperBound else { i += 1; continue }
            if literalStart < i { parts.append(.string(decodeEntities(source.slice(literalStart, i)))) }
            let (expression, end) = try mustache(source, from: i + 2, limit: range.upperBound)
            if let expression { parts.append(expression) }
            i = end
            literalStart = end
        }
        if literalStart < range.upperBound { parts.append(.string(decodeEntities(source.slice(literalStart, range.upperBound)))) }
        let expressions = parts.filter { $0.arrayValue != nil }
        if expressions.isEmpty { return .string(parts.compactMap(\.stringValue).joined()) }
        let literalsAreBlank = parts.allSatisfy { $0.stringValue.map { $0.allSatisfy(\.isWhitespace) } ?? true }
        if expressions.count == 1, literalsAreBlank { return .object(["e": expressions[0]]) }
        return .object(["c": .array(parts)])
    }

    /// Parses the expression after a `{{` (at `from`) up to its `}}`: the expression (nil for an
    /// empty `{{ }}`) and the offset after `}}`.
    static func mustache(_ source: ViewSource, from: Int, limit: Int) throws(ViewCompileError) -> (JSONValue?, Int) {
        var parser = ExprParser(source: source, start: from, end: limit)
        var expression: JSONValue?
        if try !parser.peek().isPunct("}") { expression = try parser.expression() }
        return (expression, try closing(&parser, limit: limit))
    }

    /// Checks that `}}` comes next and returns the offset after it.
    static func closing(_ parser: inout ExprParser, limit: Int) throws(ViewCompileError) -> Int {
        let token = try parser.peek()
        guard token.isPunct("}"), token.offset + 2 <= limit, parser.source.has("}}", at: token.offset) else {
            if token.kind == .end { throw parser.source.error(token.offset, "expected }} to close the expression") }
            throw parser.source.error(token.offset, "expected }} to close the expression, found \(token.shown)")
        }
        return token.offset + 2
    }

    /// A Value as one Expr: a string as a literal, a mix as string concatenation.
    static func expression(of value: JSONValue) -> JSONValue {
        if let s = value.stringValue { return lit(.string(s)) }
        if let e = value["e"] { return e }
        var result = lit(.string(""))
        for part in value["c"]?.arrayValue ?? [] {
            let operand = part.stringValue.map { lit(.string($0)) } ?? part
            result = .array([.string("bin"), .string("+"), result, operand])
        }
        return result
    }

    private static let namedEntities: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    /// `&amp; &lt; &gt; &quot; &apos; &nbsp; &#N; &#xN;` decoded; anything else kept as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let semicolon = scalars[(i + 1)...].prefix(10).firstIndex(of: ";") {
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[(i + 1)..<semicolon])
                if let decoded = decodeEntity(String(name)) {
                    out.append(contentsOf: decoded.unicodeScalars)
                    i = semicolon + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    private static func decodeEntity(_ name: String) -> String? {
        if let named = namedEntities[name] { return named }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let number = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return number.flatMap(Unicode.Scalar.init).map { String($0) }
    }

    /// A path written in a template, stylesheet or JSON file (`./a`, `../b/c`, `/d/e`) as a
    /// package path without leading `/`, relative to the folder of `file`. A `..` at the root
    /// stays at the root, as in WeChat (its own demo relies on it); nil when nothing is left.
    static func resolve(_ reference: String, from file: String) -> String? {
        var parts: [Substring]
        if reference.hasPrefix("/") {
            parts = []
        } else {
            parts = file.split(separator: "/", omittingEmptySubsequences: true)
            if !parts.isEmpty { parts.removeLast() }
        }
        for component in reference.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
