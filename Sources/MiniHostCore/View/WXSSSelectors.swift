import Foundation

/// Selectors: type names become `wx-` elements, a component's classes get its scope, and
/// `:host` becomes its host element.
///
/// `:host` → `[data-mh-host="cN"]`, the attribute the preview sets on a component's host. WeChat
/// documents `:host` as the default style of the component's own node, which the user of the
/// component overrides (glass-easel emits `:host` rules in a lower-priority sheet, as a Shadow
/// DOM browser lets outer styles win); so where the rule styles the host itself, the selector is
/// wrapped in `:where(…)` and has no specificity: any class rule of the owner beats it.
/// `:host(.x)` → `[data-mh-host="cN"].x`: `.x` is a class the owner gave the host element, so it
/// is left unprefixed (it matches when the owner is a page, whose classes are global; a
/// component owner's classes carry that owner's own prefix, unknown here). `:host(tag)` puts the
/// `wx-tag` first. In a page's stylesheet `:host` is kept as written and matches nothing.
extension WXSSTranslation {
    /// One piece of a selector, with the offsets it spans in the source.
    private enum Piece {
        /// White space or a combinator (`>`, `+`, `~`).
        case separator
        case comma
        case comment
        /// `.name`: the range of `name`.
        case className(Range<Int>)
        /// A type selector: the range of the name.
        case type(Range<Int>)
        case universal
        /// `:host` or `:host(…)`: the range of the argument, if any.
        case host(argument: Range<Int>?)
        /// `:not(`, `:is(`, `:where(`, `:has(` …: the range of the head and of the argument.
        case selectorFunction(head: Range<Int>, argument: Range<Int>)
        /// Anything else (`#id`, `[attr]`, `:hover`, `::after`, `:nth-child(2n)`), as written.
        case verbatim
    }

    private struct Lexed {
        var piece: Piece
        var range: Range<Int>
        /// The brackets to add when the selector ends before they close (`)`, `]`).
        var missingClose = ""
    }

    private static let selectorFunctions: Set<String> = ["not", "is", "where", "has", "matches", "any", "-webkit-any", "-moz-any"]

    /// Writes the translation of the selector list in `range`.
    mutating func translateSelectors(_ range: Range<Int>) {
        render(lex(range), classPrefix: scope.isEmpty ? nil : scope, nesting: 0)
    }

    private mutating func render(_ pieces: some Collection<Lexed>, classPrefix: String?, nesting: Int) {
        let subject = Self.inLastCompound(Array(pieces))
        for (n, lexed) in pieces.enumerated() {
            switch lexed.piece {
            case .className(let name):
                output.append(".")
                if let classPrefix { output.append(classPrefix + "-") }
                output.copy(source, name)
            case .type(let name):
                output.append("wx-")
                output.copy(source, name)
            case .host(let argument) where !scope.isEmpty:
                renderHost(argument, subject: subject[n], nesting: nesting)
            case .selectorFunction(let head, let argument) where nesting < Self.nestingLimit:
                output.copy(source, head)
                render(lex(argument), classPrefix: classPrefix, nesting: nesting + 1)
                output.append(")")
            default:
                output.copy(source, lexed.range)
                output.append(lexed.missingClose)
            }
        }
    }

    private mutating func renderHost(_ argument: Range<Int>?, subject: Bool, nesting: Int) {
        if subject { output.append(":where(") }
        var rest = ArraySlice(argument.map { lex(trimmed($0)) } ?? [])
        if let first = rest.first {
            switch first.piece {
            case .type, .universal:
                render([first], classPrefix: nil, nesting: nesting + 1)
                rest = rest.dropFirst()
            default:
                break
            }
        }
        output.append("[data-mh-host=\"" + scope + "\"]")
        render(rest, classPrefix: nil, nesting: nesting + 1)
        if subject { output.append(")") }
    }

    /// For each piece, whether it belongs to the last compound selector of its complex selector
    /// (the element the rule styles).
    private static func inLastCompound(_ pieces: [Lexed]) -> [Bool] {
        var result = [Bool](repeating: false, count: pieces.count)
        var laterCompound = false, sawCompound = false
        for n in pieces.indices.reversed() {
            switch pieces[n].piece {
            case .comma:
                laterCompound = false
                sawCompound = false
            case .separator:
                if sawCompound { laterCompound = true }
            case .comment:
                break
            default:
                result[n] = !laterCompound
                sawCompound = true
            }
        }
        return result
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, ViewSource.isWhitespace(source.text[lower]) { lower += 1 }
        while upper > lower, ViewSource.isWhitespace(source.text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func lex(_ range: Range<Int>) -> [Lexed] {
        var pieces: [Lexed] = []
        var j = range.lowerBound
        let end = range.upperBound
        while j < end {
            let start = j
            let c = source.text[j]
            var piece = Piece.verbatim
            var missingClose = ""
            if ViewSource.isWhitespace(c) {
                while j < end, ViewSource.isWhitespace(source.text[j]) { j += 1 }
                piece = .separator
            } else if c == "/", source[j + 1] == "*" {
                j = min(source.commentEnd(from: j) ?? end, end)
                piece = .comment
            } else if c == "," {
                j += 1
                piece = .comma
            } else if c == ">" || c == "+" || c == "~" {
                j += 1
                piece = .separator
            } else if c == "*" {
                j += 1
                piece = .universal
            } else if c == ".", source.startsIdentifier(at: j + 1) {
                j = min(source.nameEnd(from: j + 1), end)
                piece = .className(start + 1..<j)
            } else if c == "#", ViewSource.isNameCharacter(source[j + 1]) || source.isEscape(at: j + 1) {
                j = min(source.nameEnd(from: j + 1), end)
            } else if c == "[" {
                (j, missingClose) = bracketEnd(from: j, limit: end)
            } else if c == ":" {
                (j, piece, missingClose) = pseudo(from: j, limit: end)
            } else if source.startsIdentifier(at: j) {
                j = min(source.nameEnd(from: j), end)
                piece = .type(start..<j)
            } else if c == "\"" || c == "'" {
                j = min(source.stringExtent(from: j).end, end)
            } else if let number = source.numberEnd(from: j) {
                j = min(source.nameEnd(from: number), end)
            } else {
                j += 1
            }
            pieces.append(Lexed(piece: piece, range: start..<j, missingClose: missingClose))
        }
        return pieces
    }

    /// A pseudo-class or pseudo-element from the `:` at `start`.
    private func pseudo(from start: Int, limit: Int) -> (Int, Piece, String) {
        let nameStart = source[start + 1] == ":" ? start + 2 : start + 1
        guard nameStart < limit, source.startsIdentifier(at: nameStart) else { return (nameStart, .verbatim, "") }
        let nameEnd = min(source.nameEnd(from: nameStart), limit)
        let name = source.slice(nameStart, nameEnd).lowercased()
        let isClass = nameStart == start + 1
        guard nameEnd < limit, source.text[nameEnd] == "(" else {
            return (nameEnd, isClass && name == "host" ? .host(argument: nil) : .verbatim, "")
        }
        let (end, missing) = bracketEnd(from: nameEnd, limit: limit)
        let argument = nameEnd + 1..<(missing.isEmpty ? end - 1 : end)
        if isClass, name == "host" { return (end, .host(argument: argument), missing) }
        if isClass, Self.selectorFunctions.contains(name) {
            return (end, .selectorFunction(head: start..<nameEnd + 1, argument: argument), missing)
        }
        return (end, .verbatim, missing)
    }

    /// The offset after the bracket matching the `(` or `[` at `start`, skipping strings and
    /// comments; when `limit` comes first, `limit` and the brackets missing, innermost first.
    private func bracketEnd(from start: Int, limit: Int) -> (Int, String) {
        var closers: [Unicode.Scalar] = []
        var j = start
        while j < limit {
            let c = source.text[j]
            switch c {
            case "(": closers.append(")")
            case "[": closers.append("]")
            case ")", "]":
                if closers.last == c { closers.removeLast() }
                if closers.isEmpty { return (j + 1, "") }
            case "\"", "'":
                j = source.stringExtent(from: j).end
                continue
            case "/" where source[j + 1] == "*":
                j = source.commentEnd(from: j) ?? limit
                continue
            default:
                break
            }
            j += 1
        }
        var missing = String.UnicodeScalarView()
        missing.append(contentsOf: closers.reversed())
        return (limit, String(missing))
    }
}
