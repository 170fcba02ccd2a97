import Foundation
import MiniHostProtocol

/// Parses WeChat's `{{ }}` expression grammar into the Expr arrays of the compiled template
/// (`["bin","+",a,b]`, `["get",obj,key]`, …): JavaScript's precedence, no assignment, no functions.
struct ExprParser {
    private var lexer: ExprLexer
    private var lookahead: ExprToken?
    private var depth = 0
    /// Nesting bound, so a hostile template cannot exhaust the stack.
    static let maxDepth = 200

    init(source: ViewSource, start: Int, end: Int) {
        lexer = ExprLexer(source: source, start: start, end: end)
    }

    var source: ViewSource { lexer.source }

    mutating func peek() throws(ViewCompileError) -> ExprToken {
        if let lookahead { return lookahead }
        let token = try lexer.next()
        lookahead = token
        return token
    }

    @discardableResult
    mutating func advance() throws(ViewCompileError) -> ExprToken {
        let token = try peek()
        lookahead = nil
        return token
    }

    /// Consumes the punctuator `p` when it comes next.
    mutating func eat(_ p: String) throws(ViewCompileError) -> Bool {
        if try peek().isPunct(p) { lookahead = nil; return true }
        return false
    }

    mutating func expect(_ p: String, _ what: String) throws(ViewCompileError) {
        let token = try peek()
        guard token.isPunct(p) else { throw source.error(token.offset, "expected \(p) \(what), found \(token.shown)") }
        lookahead = nil
    }

    /// Offset of the first scalar not yet consumed (after spaces).
    mutating func restOffset() throws(ViewCompileError) -> Int { try peek().offset }

    // MARK: Grammar

    mutating func expression() throws(ViewCompileError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw source.error(try peek().offset, "expression nested too deeply") }
        let test = try logical()
        guard try eat("?") else { return test }
        let yes = try expression()
        try expect(":", "in a conditional expression")
        let no = try expression()
        return .array([.string("cond"), test, yes, no])
    }

    /// `||`, `??` (lowest) over `&&`.
    private mutating func logical() throws(ViewCompileError) -> JSONValue {
        var left = try logicalAnd()
        while true {
            if try eat("||") { left = .array([.string("or"), left, try logicalAnd()]) }
            else if try eat("??") { left = .array([.string("nc"), left, try logicalAnd()]) }
            else { return left }
        }
    }

    private mutating func logicalAnd() throws(ViewCompileError) -> JSONValue {
        var left = try binary(0)
        while try eat("&&") { left = .array([.string("and"), left, try binary(0)]) }
        return left
    }

    /// Binary operators by JavaScript precedence, loosest first.
    private static let levels: [[String]] = [
        ["|"], ["^"], ["&"], ["==", "!=", "===", "!=="], ["<", "<=", ">", ">=", "in"], ["<<", ">>", ">>>"], ["+", "-"], ["*", "/", "%"],
    ]

    /// Precedence climbing: operators of `minLevel` and tighter, left-associative.
    private mutating func binary(_ minLevel: Int) throws(ViewCompileError) -> JSONValue {
        var left = try unary()
        while true {
            let token = try peek()
            let op: String
            switch token.kind {
            case let .punct(p): op = p
            case .name("in"): op = "in"
            default: return left
            }
            guard let level = Self.levels.firstIndex(where: { $0.contains(op) }), level >= minLevel else { return left }
            advance0()
            left = .array([.string("bin"), .string(op), left, try binary(level + 1)])
        }
    }

    private mutating func advance0() { lookahead = nil }

    private mutating func unary() throws(ViewCompileError) -> JSONValue {
        let token = try peek()
        var op: String?
        switch token.kind {
        case let .punct(p) where ["!", "-", "+", "~"].contains(p): op = p
        case .name("typeof"): op = "typeof"
        default: break
        }
        guard let op else { return try postfix() }
        advance0()
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw source.error(token.offset, "expression nested too deeply") }
        return .array([.string("un"), .string(op), try unary()])
    }

    private mutating func postfix() throws(ViewCompileError) -> JSONValue {
        var value = try primary()
        while true {
            if try eat(".") {
                let token = try advance()
                guard case let .name(name) = token.kind else { throw source.error(token.offset, "expected a property name after '.', found \(token.shown)") }
                value = .array([.string("get"), value, .array([.string("lit"), .string(name)])])
            } else if try eat("[") {
                let key = try expression()
                try expect("]", "to close the index")
                value = .array([.string("get"), value, key])
            } else if try eat("(") {
                let args = try list(close: ")", what: "to close the argument list")
                value = .array([.string("call"), value, .array(args)])
            } else {
                return value
            }
        }
    }

    private mutating func primary() throws(ViewCompileError) -> JSONValue {
        let token = try advance()
        switch token.kind {
        case let .number(n): return .array([.string("lit"), .number(n)])
        case let .string(s): return .array([.string("lit"), .string(s)])
        case .name("true"): return .array([.string("lit"), .bool(true)])
        case .name("false"): return .array([.string("lit"), .bool(false)])
        case .name("null"): return .array([.string("lit"), .null])
        case .name("undefined"): return .array([.string("undef")])
        case let .name(name) where !Self.reserved.contains(name): return .array([.string("id"), .string(name)])
        case .punct("("):
            let inner = try expression()
            try expect(")", "to close the parenthesis")
            return inner
        case .punct("["): return .array([.string("arr"), .array(try list(close: "]", what: "to close the array"))])
        case .punct("{"):
            let entries = try objectBody(close: "}")
            try expect("}", "to close the object")
            return entries
        case .end: throw source.error(token.offset, "expected an expression")
        default: throw source.error(token.offset, "unexpected \(token.shown) in the expression")
        }
    }

    private static let reserved: Set<String> = [
        "in", "typeof", "function", "var", "let", "const", "new", "delete", "void", "return", "if", "else", "for", "while",
    ]

    /// Comma-separated expressions and `...spread`s up to `close` (a trailing comma allowed).
    private mutating func list(close: String, what: String) throws(ViewCompileError) -> [JSONValue] {
        var items: [JSONValue] = []
        while true {
            if try eat(close) { return items }
            if try eat("...") {
                items.append(.array([.string("..."), try expression()]))
            } else {
                items.append(try expression())
            }
            if try eat(close) { return items }
            try expect(",", "or \(close) \(what)")
        }
    }

    /// The entries of an object literal (`a`, `b: 1`, `'c': x`, `...d`) up to (not including)
    /// the punctuator `close`, as an `obj` Expr; also the body of `<template data="{{…}}">`.
    mutating func objectBody(close: String) throws(ViewCompileError) -> JSONValue {
        var entries: [JSONValue] = []
        while true {
            let next = try peek()
            if next.isPunct(close) || next.kind == .end { break }
            if try eat("...") {
                entries.append(.array([.string("..."), try expression()]))
            } else {
                let keyToken = try advance()
                let key: String
                switch keyToken.kind {
                case let .name(n): key = n
                case let .string(s): key = s
                case let .number(n): key = ExprToken(kind: .number(n), offset: 0, endOffset: 0).shown
                default: throw source.error(keyToken.offset, "expected a property name in the object, found \(keyToken.shown)")
                }
                if try eat(":") {
                    entries.append(.array([.string(key), try expression()]))
                } else {
                    guard case .name = keyToken.kind, !Self.reserved.contains(key) else {
                        throw source.error(try peek().offset, "expected : after the property name \(key)")
                    }
                    let value: JSONValue = switch key {
                    case "true": .array([.string("lit"), .bool(true)])
                    case "false": .array([.string("lit"), .bool(false)])
                    case "null": .array([.string("lit"), .null])
                    case "undefined": .array([.string("undef")])
                    default: .array([.string("id"), .string(key)])
                    }
                    entries.append(.array([.string(key), value]))
                }
            }
            if try !eat(",") { break }
        }
        return .array([.string("obj"), .array(entries)])
    }
}
