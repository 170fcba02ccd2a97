import MiniHostEngine
import MiniHostProtocol

/// Converts the runtime's argument copies (plain data made by its own frozen code) to JSON values,
/// and host results back to JavaScript values.
enum BridgeConversion {
    /// Walks a copy made by the runtime's `copyValue`: plain objects, arrays and primitives only,
    /// so no app code can run here. Anything else becomes null.
    static func json(_ v: JSValue) -> JSONValue {
        switch v.kind {
        case .null, .undefined: return .null
        case .boolean: return .bool(v.bool)
        case .number: return .number(v.number ?? 0)
        case .string: return .string(v.string ?? "")
        case .object:
            guard let obj = v.object else { return .null }
            if v.isArray {
                let length = obj.length
                let n = length.isFinite && length > 0 ? Int(min(length, 1_000_000)) : 0
                var out: [JSONValue] = []
                out.reserveCapacity(n)
                for i in 0..<n {
                    out.append(obj.element(i).map(json) ?? .null)
                }
                return .array(out)
            }
            // Each property is read with the name the engine listed (no string made per key).
            return obj.withPropertyNames { names in
                var out: [String: JSONValue] = Dictionary(minimumCapacity: names.count)
                for i in 0..<names.count {
                    if let item = names.value(i) { out[names.name(i)] = json(item) }
                }
                return .object(out)
            }
        case .symbol, .bigInt: return .null
        }
    }

    /// A call's arguments: the runtime passes its copy and that copy's `JSON.stringify` text;
    /// reading the text is cheaper than walking the object through the engine. The walk remains
    /// for text the strict reader refuses (a lone surrogate in a string).
    static func arguments(_ value: JSValue, text: JSValue) -> JSONValue {
        // The text is read straight from the engine's UTF-8 copy, without a Swift string. A lone
        // surrogate cuts that copy short, so the reader refuses it and the walk takes over.
        if case let parsed?? = text.withUTF8String({ JSONValue.parse(utf8: $0) }) { return parsed }
        return json(value)
    }

    /// A JavaScript value for a host result.
    static func jsValue(_ value: BridgeValue, in context: JSContext) -> JSValue {
        switch value {
        case let .jsonText(text): return context.parseJSON(text) ?? context.null
        case let .value(v): return jsValue(v, in: context)
        }
    }

    static func jsValue(_ v: JSONValue, in context: JSContext) -> JSValue {
        switch v {
        case .null: return context.null
        case let .bool(b): return context.boolean(b)
        case let .number(n): return context.number(n)
        case let .string(s): return context.string(s)
        case .array, .object: return context.parseJSON(v.jsonText) ?? context.null
        }
    }
}
