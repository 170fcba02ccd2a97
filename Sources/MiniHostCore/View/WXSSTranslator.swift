import Foundation

/// Turns WXSS (its `@import`s inlined, see ``AppPackage/stylesheet(for:)``) into CSS a browser
/// applies to the preview's `<wx-TAG>` elements, as WeChat's web renderer does: `rpx` becomes a
/// multiple of the frame's `--rpx`, tags become `wx-` elements, a component's classes get its
/// scope. Everything else is kept as written; bad input gives best-effort, well-formed output.
public enum WXSSTranslator {
    /// `scope` "" for a page's stylesheet (app.wxss + page wxss: global names), "cN" for a component's.
    public static func css(_ wxss: String, scope: String) -> String {
        var translation = WXSSTranslation(source: ViewSource(path: "", text: wxss), scope: scope)
        translation.rules(.styles, nesting: 0)
        return translation.output.string
    }
}

/// UTF-8 output that never holds a NUL (it becomes U+FFFD); `muted` discards what is written.
struct CSSWriter {
    private var bytes: [UInt8] = []
    var muted = false

    mutating func append(_ c: Unicode.Scalar) {
        if muted { return }
        if c.value == 0 {
            append("\u{FFFD}")
        } else if c.isASCII {
            bytes.append(UInt8(c.value))
        } else {
            bytes.append(contentsOf: UTF8.encode(c)!)
        }
    }

    mutating func append(_ text: String) {
        for c in text.unicodeScalars { append(c) }
    }

    mutating func copy(_ source: ViewSource, _ range: Range<Int>) {
        if muted { return }
        for j in range { append(source.text[j]) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// One translation: the source, a read offset and the output.
struct WXSSTranslation {
    /// What a rule's prelude is: selectors to translate, or keyframe selectors kept as written.
    enum RuleKind { case styles, keyframes }

    /// What follows an at-rule's prelude in braces.
    private enum AtRuleBody { case rules(RuleKind), declarations, verbatim }

    /// Nesting deeper than this (blocks in blocks, selectors in `:not(…)`) is copied as written.
    static let nestingLimit = 32

    let source: ViewSource
    let scope: String
    var output = CSSWriter()
    var i = 0
    /// Every `url(` before this offset has no `)` on its line (saves rescanning a long line).
    private var urlUnclosedBefore = 0

    init(source: ViewSource, scope: String) {
        self.source = source
        self.scope = scope
    }

    /// A list of rules, up to the `}` closing it (left unread) or the end.
    mutating func rules(_ kind: RuleKind, nesting: Int) {
        while let c = source[i] {
            if c == "}" {
                if nesting > 0 { return }
                i += 1
            } else if c == "@" {
                atRule(nesting: nesting)
            } else if ViewSource.isWhitespace(c) || source.has("/*", at: i) {
                copyToken(rpx: false)
            } else {
                qualifiedRule(kind)
            }
        }
    }

    /// Selectors (or keyframe selectors) and their declarations; a prelude without a block is
    /// dropped, as browsers drop it.
    private mutating func qualifiedRule(_ kind: RuleKind) {
        let start = i
        output.muted = true
        copyPrelude(stopAtSemicolon: false)
        output.muted = false
        guard source[i] == "{" else { return }
        switch kind {
        case .styles:
            translateSelectors(start..<i)
        case .keyframes:
            let end = i
            i = start
            copyPrelude(stopAtSemicolon: false)
            i = end
        }
        block(rpx: true)
    }

    private mutating func atRule(nesting: Int) {
        let start = i
        i += 1
        if source.startsIdentifier(at: i) { i = source.nameEnd(from: i) }
        let name = source.slice(start + 1, i).lowercased()
        if name == "import" {
            output.muted = true
            defer { output.muted = false }
            copyPrelude(stopAtSemicolon: true)
            if source[i] == ";" { i += 1 } else if source[i] == "{" { block(rpx: false) }
            return
        }
        output.copy(source, start..<i)
        copyPrelude(stopAtSemicolon: true)
        guard source[i] == "{" else {
            output.append(";")
            if source[i] == ";" { i += 1 }
            return
        }
        switch Self.body(ofAtRule: name) {
        case .rules(let kind) where nesting < Self.nestingLimit:
            output.append("{")
            i += 1
            rules(kind, nesting: nesting + 1)
            output.append("}")
            if source[i] == "}" { i += 1 }
        case .rules, .declarations:
            block(rpx: true)
        case .verbatim:
            block(rpx: false)
        }
    }

    private static func body(ofAtRule name: String) -> AtRuleBody {
        switch name {
        case "media", "supports", "document", "-moz-document", "layer", "container", "scope", "starting-style":
            return .rules(.styles)
        case _ where name.hasSuffix("keyframes"):
            return .rules(.keyframes)
        case "font-face", "page", "property", "counter-style", "font-palette-values", "font-feature-values", "viewport", "-ms-viewport":
            return .declarations
        default:
            return .verbatim
        }
    }

    /// A `{…}` block copied through its closing `}` (added at the end of the file), nested
    /// braces included, `rpx` converted when `rpx`.
    private mutating func block(rpx: Bool) {
        output.append("{")
        i += 1
        var depth = 0
        while let c = source[i] {
            if c == "}" {
                output.append("}")
                i += 1
                if depth == 0 { return }
                depth -= 1
            } else if c == "{" {
                output.append("{")
                i += 1
                depth += 1
            } else {
                copyToken(rpx: rpx)
            }
        }
        for _ in 0...depth { output.append("}") }
    }

    /// A prelude's tokens up to a `{`, a `}`, (when `stopAtSemicolon`) a `;` outside brackets,
    /// or the end; the stop is left unread.
    private mutating func copyPrelude(stopAtSemicolon: Bool) {
        var depth = 0
        while let c = source[i] {
            if c == "}" || c == "{" || (c == ";" && stopAtSemicolon && depth == 0) { return }
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" { depth = max(0, depth - 1) }
            copyToken(rpx: false)
        }
    }

    private mutating func unquotedURLEnd(from start: Int) -> Int? {
        if start < urlUnclosedBefore { return nil }
        if let end = source.unquotedURLEnd(from: start) { return end }
        var j = start
        while let c = source[j], c != "\n", c != ")" { j += 1 }
        if source[j] != ")" { urlUnclosedBefore = j }
        return nil
    }

    /// Copies one token at `i`: a comment or string (closed when the file ends inside it), an
    /// unquoted `url(…)`, a name, a `#hash`, a number (`Nrpx` → `calc(N * var(--rpx))` when
    /// `rpx`), or one other character.
    private mutating func copyToken(rpx: Bool) {
        let start = i
        let c = source.text[i]
        if c == "/", source[i + 1] == "*" {
            if let end = source.commentEnd(from: i) {
                i = end
                output.copy(source, start..<end)
            } else {
                i = source.count
                output.copy(source, start..<i)
                output.append("*/")
            }
        } else if c == "\"" || c == "'" {
            let (end, closed) = source.stringExtent(from: i)
            i = end
            output.copy(source, start..<end)
            if !closed, end == source.count { output.append(c) }
        } else if source.startsIdentifier(at: i) {
            i = source.nameEnd(from: i)
            if source[i] == "(", source.spells("url", in: start..<i), let end = unquotedURLEnd(from: i + 1) {
                i = end
            }
            output.copy(source, start..<i)
        } else if c == "#", ViewSource.isNameCharacter(source[i + 1]) || source.isEscape(at: i + 1) {
            i = source.nameEnd(from: i + 1)
            output.copy(source, start..<i)
        } else if let end = source.numberEnd(from: i) {
            i = end
            guard source.startsIdentifier(at: i) else { return output.copy(source, start..<end) }
            i = source.nameEnd(from: i)
            if rpx, source.spells("rpx", in: end..<i) {
                output.append("calc(")
                output.copy(source, start..<end)
                output.append(" * var(--rpx))")
            } else {
                output.copy(source, start..<i)
            }
        } else {
            i += 1
            output.append(c)
        }
    }
}
