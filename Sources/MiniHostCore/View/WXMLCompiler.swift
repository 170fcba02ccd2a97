import Foundation
import MiniHostProtocol

/// A compiled `.wxml` file: the JSON of the view-layer contract and the files it refers to.
public struct CompiledTemplate: Sendable {
    /// `{"v":1,"path",…,"imports","templates","wxs","body"}` (`using` is added by ``ViewCompiler``).
    public var json: JSONValue
    /// The files named by `<import>`, `<include>` and `<wxs src>`, with where they were named.
    public var references: [Reference]

    public struct Reference: Sendable, Equatable {
        public var path: String
        public var line: Int
        public var column: Int

        public init(path: String, line: Int, column: Int) {
            self.path = path
            self.line = line
            self.column = column
        }
    }
}

/// Compiles WXML source to the node JSON the view runtime renders (control attributes, events,
/// `{{ }}` expressions, templates, imports, WXS modules); errors name `file:line:col`.
public enum WXMLCompiler {
    public static func compile(path: String, data: Data) throws(ViewCompileError) -> CompiledTemplate {
        try compile(path: path, text: text(path: path, data: data))
    }

    static func text(path: String, data: Data) throws(ViewCompileError) -> String {
        guard let text = String(validatingUTF8Data: data) else {
            throw ViewCompileError(file: path, line: 0, column: 0, reason: "is not UTF-8 text")
        }
        return text
    }

    /// Compiles on a thread with a large stack (see ``LargeStack``).
    public static func compile(path: String, text: String) throws(ViewCompileError) -> CompiledTemplate {
        try LargeStack.run { () throws(ViewCompileError) in try compileHere(path: path, text: text) }
    }

    /// Compiles on the calling thread, which needs a few MiB of stack for the deepest templates.
    static func compileHere(path: String, text: String) throws(ViewCompileError) -> CompiledTemplate {
        let source = ViewSource(path: path, text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        var state = WXMLTreeCompiler(source: source)
        let body = try state.nodes(MarkupReader.read(source))
        let json: JSONValue = .object([
            "v": .number(1),
            "path": .string(path),
            "imports": .array(state.imports.map { .string($0) }),
            "templates": .object(state.templates),
            "wxs": .array(state.wxs),
            "body": .array(body),
        ])
        return CompiledTemplate(json: json, references: state.references)
    }
}

extension String {
    /// The text of UTF-8 bytes, nil when they are not valid UTF-8.
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}

/// The pass from elements as written to nodes: what one file's compilation collects on the way.
struct WXMLTreeCompiler {
    let source: ViewSource
    var imports: [String] = []
    var templates: [String: JSONValue] = [:]
    var wxs: [JSONValue] = []
    var references: [CompiledTemplate.Reference] = []

    init(source: ViewSource) { self.source = source }

    private static let eventPrefixes: [(prefix: String, capture: Bool, catches: Bool, mut: Bool)] = [
        ("capture-catch", true, true, false), ("capture-bind", true, false, false), ("mut-bind", false, false, true),
        ("catch", false, true, false), ("bind", false, false, false),
    ]

    private func position(_ offset: Int) -> [String: JSONValue] {
        let (line, col) = source.position(offset)
        return ["line": .number(Double(line)), "col": .number(Double(col))]
    }

    /// Sibling nodes, with `wx:if`/`wx:elif`/`wx:else` chains joined into one `if` node.
    mutating func nodes(_ raw: [RawNode]) throws(ViewCompileError) -> [JSONValue] {
        var out: [JSONValue] = []
        /// Index in `out` of the `if` node a following `wx:elif`/`wx:else` may join.
        var openChain: Int?
        /// Blank text after an open chain: dropped if the chain goes on, kept otherwise.
        var blank: JSONValue?
        func flushBlank() {
            if let pending = blank { out.append(pending) }
            blank = nil
        }
        defer { flushBlank() }
        for node in raw {
            switch node {
            case let .text(range):
                let text = source.slice(range.lowerBound, range.upperBound)
                let isBlank = text.allSatisfy(\.isWhitespace)
                if isBlank, text.contains(where: \.isNewline) { continue }
                let json: JSONValue = .object(["k": .string("text"), "v": try WXMLValues.value(source, range)])
                if isBlank, openChain != nil, blank == nil {
                    blank = json
                    continue
                }
                flushBlank()
                out.append(json)
                openChain = nil
            case let .element(element):
                let compiled = try elementNode(element)
                if case .joinsChain = compiled { blank = nil } else if case .none = compiled {} else { flushBlank() }
                switch compiled {
                case .none:
                    continue
                case let .plain(json):
                    out.append(json)
                    openChain = nil
                case let .startsChain(json):
                    out.append(json)
                    openChain = out.count - 1
                case let .joinsChain(branch, isElse, offset):
                    guard let index = openChain, var branches = out[index]["branches"]?.arrayValue else {
                        throw source.error(offset, "\(isElse ? "wx:else" : "wx:elif") without a wx:if before it")
                    }
                    branches.append(branch)
                    out[index] = .object(["k": .string("if"), "branches": .array(branches)])
                    openChain = isElse ? nil : index
                }
            }
        }
        return out
    }

    private enum Compiled {
        case none
        case plain(JSONValue)
        case startsChain(JSONValue)
        case joinsChain(JSONValue, isElse: Bool, offset: Int)
    }

    private func attributeValue(_ attribute: RawAttribute) throws(ViewCompileError) -> JSONValue {
        guard let range = attribute.value else { return .object(["e": WXMLValues.lit(.bool(true))]) }
        return try WXMLValues.value(source, range)
    }

    private func text(_ attribute: RawAttribute) -> String {
        attribute.value.map { WXMLValues.decodeEntities(source.slice($0.lowerBound, $0.upperBound)) } ?? ""
    }

    /// A name given as `x` or `{{x}}` (`wx:for-item`, `wx:key`).
    private func bareName(_ attribute: RawAttribute) -> String {
        var name = text(attribute).trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("{{"), name.hasSuffix("}}"), name.count >= 4 {
            name = String(name.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
        }
        return name
    }

    private func identifier(_ attribute: RawAttribute) throws(ViewCompileError) -> String {
        let name = bareName(attribute)
        guard let first = name.unicodeScalars.first, ExprLexer.isNameStart(first), name.unicodeScalars.allSatisfy(ExprLexer.isNamePart) else {
            throw source.error(attribute.offset, "\(attribute.name) must be a variable name (got \"\(name)\")")
        }
        return name
    }

    /// The package path an `src` names; a missing `ext` is added.
    private mutating func reference(_ element: RawElement, ext: String) throws(ViewCompileError) -> String {
        guard let attribute = element.attribute("src") else { throw source.error(element.offset, "<\(element.tag)> needs a src attribute") }
        var written = text(attribute).trimmingCharacters(in: .whitespaces)
        guard !written.isEmpty, !written.contains("{{") else {
            throw source.error(attribute.offset, "src of <\(element.tag)> must be a path written out (got \"\(written)\")")
        }
        if !written.hasSuffix(ext) { written += ext }
        guard let path = WXMLValues.resolve(written, from: source.path) else {
            throw source.error(attribute.offset, "src \"\(written)\" names no file")
        }
        let (line, col) = source.position(attribute.offset)
        references.append(CompiledTemplate.Reference(path: path, line: line, column: col))
        return path
    }

    private mutating func elementNode(_ element: RawElement) throws(ViewCompileError) -> Compiled {
        switch element.tag {
        case "import":
            imports.append(try reference(element, ext: ".wxml"))
            return .none
        case "wxs":
            try addWXS(element)
            return .none
        case "template" where element.attribute("name") != nil:
            guard element.attribute("is") == nil else { throw source.error(element.offset, "<template> has both name and is") }
            let name = text(element.attribute("name")!).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw source.error(element.offset, "<template name> needs a name") }
            templates[name] = .array(try nodes(element.children))
            return .none
        default:
            break
        }
        var node = try plainNode(element)
        let controls = element.attributes.filter { $0.name.hasPrefix("wx:") }
        var forItems: RawAttribute?, condition: (kind: String, attribute: RawAttribute)?
        var item = "item", index = "index", key: JSONValue = .null
        for attribute in controls {
            switch attribute.name {
            case "wx:for", "wx:for-items":
                guard forItems == nil else { throw source.error(attribute.offset, "wx:for given twice") }
                guard attribute.value != nil else { throw source.error(attribute.offset, "\(attribute.name) needs a value") }
                forItems = attribute
            case "wx:for-item": item = try identifier(attribute)
            case "wx:for-index": index = try identifier(attribute)
            case "wx:key":
                let name = bareName(attribute)
                key = name.isEmpty ? .null : .string(name)
            case "wx:if", "wx:elif", "wx:else":
                if let condition { throw source.error(attribute.offset, "\(attribute.name) cannot go with \(condition.attribute.name)") }
                if attribute.name != "wx:else", attribute.value == nil { throw source.error(attribute.offset, "\(attribute.name) needs a condition") }
                condition = (attribute.name, attribute)
            default:
                continue  // other `wx:` attributes mean nothing to WeChat either
            }
        }
        var cond: JSONValue = .null
        if let condition, condition.kind != "wx:else" { cond = WXMLValues.expression(of: try attributeValue(condition.attribute)) }
        func branch(_ node: JSONValue) -> JSONValue { .object(["cond": cond, "node": node]) }
        if let condition, forItems != nil, condition.kind == "wx:if" {
            node = .object(["k": .string("if"), "branches": .array([branch(node)])])
        }
        if let forItems {
            var loop = position(element.offset)
            loop["k"] = .string("for")
            loop["items"] = try attributeValue(forItems)
            loop["item"] = .string(item)
            loop["index"] = .string(index)
            loop["key"] = key
            loop["node"] = node
            node = .object(loop)
        }
        guard let condition else { return .plain(node) }
        switch condition.kind {
        case "wx:if": return forItems != nil ? .plain(node) : .startsChain(.object(["k": .string("if"), "branches": .array([branch(node)])]))
        default: return .joinsChain(branch(node), isElse: condition.kind == "wx:else", offset: condition.attribute.offset)
        }
    }

    /// The node of an element without its `wx:` control attributes.
    private mutating func plainNode(_ element: RawElement) throws(ViewCompileError) -> JSONValue {
        switch element.tag {
        case "block":
            return .object(["k": .string("block"), "children": .array(try nodes(element.children))])
        case "template":
            guard let isAttribute = element.attribute("is") else { throw source.error(element.offset, "<template> needs a name or an is attribute") }
            var node = position(element.offset)
            node["k"] = .string("tpl")
            node["is"] = try attributeValue(isAttribute)
            node["data"] = try element.attribute("data").map(templateData) ?? .null
            return .object(node)
        case "include":
            return .object(["k": .string("include"), "src": .string(try reference(element, ext: ".wxml"))])
        case "slot":
            return .object(["k": .string("slot"), "name": try element.attribute("name").map(attributeValue) ?? .null])
        default:
            break
        }
        var attrs: [JSONValue] = [], events: [JSONValue] = [], model: [JSONValue] = []
        for attribute in element.attributes where !attribute.name.hasPrefix("wx:") {
            if attribute.name.hasPrefix("model:") {
                model.append(.array([.string(String(attribute.name.dropFirst(6))), .string(try modelPath(attribute))]))
            } else if let event = try event(attribute) {
                events.append(event)
            } else {
                attrs.append(.array([.string(attribute.name), try attributeValue(attribute)]))
            }
        }
        var node = position(element.offset)
        node["k"] = .string("el")
        node["tag"] = .string(element.tag)
        node["attrs"] = .array(attrs)
        node["events"] = .array(events)
        node["children"] = .array(try nodes(element.children))
        if !model.isEmpty { node["model"] = .array(model) }
        return .object(node)
    }

    private func event(_ attribute: RawAttribute) throws(ViewCompileError) -> JSONValue? {
        for form in Self.eventPrefixes where attribute.name.hasPrefix(form.prefix) {
            var type = attribute.name.dropFirst(form.prefix.count)
            if type.hasPrefix(":") { type = type.dropFirst() }
            guard !type.isEmpty else { throw source.error(attribute.offset, "\(attribute.name) names no event") }
            let handler: JSONValue = attribute.value == nil ? .string("") : try attributeValue(attribute)
            return .object([
                "type": .string(String(type)), "handler": handler,
                "capture": .bool(form.capture), "catch": .bool(form.catches), "mut": .bool(form.mut),
            ])
        }
        return nil
    }

    /// `model:value="{{a.b[0]}}"` → `a.b[0]`: the binding must be a plain data path.
    private func modelPath(_ attribute: RawAttribute) throws(ViewCompileError) -> String {
        func path(_ expr: JSONValue) -> String? {
            guard let parts = expr.arrayValue, let op = parts.first?.stringValue else { return nil }
            if op == "id", parts.count == 2 { return parts[1].stringValue }
            guard op == "get", parts.count == 3, let base = path(parts[1]), let key = parts[2].arrayValue,
                  key.first?.stringValue == "lit", key.count == 2 else { return nil }
            if let n = key[1].numberValue, n >= 0, n == n.rounded() { return "\(base)[\(Int(n))]" }
            guard let name = key[1].stringValue, let first = name.unicodeScalars.first, ExprLexer.isNameStart(first),
                  name.unicodeScalars.allSatisfy(ExprLexer.isNamePart) else { return nil }
            return "\(base).\(name)"
        }
        guard let expr = try attributeValue(attribute)["e"], let result = path(expr) else {
            throw source.error(attribute.offset, "\(attribute.name) must bind a data path such as {{value}} or {{form.name}}")
        }
        return result
    }

    /// `data="{{a, b: 1, ...c}}"`: the braces hold an object literal's body.
    private func templateData(_ attribute: RawAttribute) throws(ViewCompileError) -> JSONValue {
        guard let range = attribute.value else { throw source.error(attribute.offset, "data of <template> needs a value") }
        var start = range.lowerBound
        while start < range.upperBound, let c = source[start], c == " " || c == "\t" || c == "\n" || c == "\r" { start += 1 }
        guard source.has("{{", at: start) else { throw source.error(attribute.offset, "data of <template> must be {{…}} (an object literal's body)") }
        var parser = ExprParser(source: source, start: start + 2, end: range.upperBound)
        let body = try parser.objectBody(close: "}")
        let end = try WXMLValues.closing(&parser, limit: range.upperBound)
        if let rest = (end..<range.upperBound).first(where: { !(source[$0]?.properties.isWhitespace ?? true) }) {
            throw source.error(rest, "unexpected text after the data of <template>")
        }
        return body
    }

    private mutating func addWXS(_ element: RawElement) throws(ViewCompileError) {
        guard let moduleAttribute = element.attribute("module") else { throw source.error(element.offset, "<wxs> needs a module attribute") }
        let module = try identifier(moduleAttribute)
        if wxs.contains(where: { $0["module"]?.stringValue == module }) {
            throw source.error(moduleAttribute.offset, "wxs module \(module) is defined twice")
        }
        if element.attribute("src") != nil {
            wxs.append(.object(["module": .string(module), "src": .string(try reference(element, ext: ".wxs"))]))
            return
        }
        let content = element.content ?? element.offset..<element.offset
        let code = element.content.map { source.slice($0.lowerBound, $0.upperBound) } ?? ""
        wxs.append(.object(["module": .string(module), "code": .string(code), "line": .number(Double(source.position(content.lowerBound).line))]))
    }
}
