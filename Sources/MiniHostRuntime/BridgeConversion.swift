import CJavaScriptCore
import MiniHostEngine
import MiniHostProtocol

/// Converts the runtime's argument copies (plain data made by its own frozen code) to JSON values,
/// and host results back to JavaScript values.
enum BridgeConversion {
    nonisolated(unsafe) static let lengthKey = JSStringHandle("length")

    /// Walks a copy made by the runtime's `copyValue`: plain objects, arrays and primitives only,
    /// so no app code can run here. Anything else becomes null.
    static func json(_ v: JSValue) -> JSONValue {
        switch JSValueGetType(v.ctx, v.ref) {
        case kJSTypeNull, kJSTypeUndefined: return .null
        case kJSTypeBoolean: return .bool(v.bool)
        case kJSTypeNumber: return .number(v.number ?? 0)
        case kJSTypeString: return .string(v.string ?? "")
        case kJSTypeObject:
            guard let obj = v.object else { return .null }
            let ctx = v.ctx
            if v.isArray {
                let length = JSValueToNumber(ctx, JSObjectGetProperty(ctx, obj.ref, lengthKey.ref, nil), nil)
                let n = length.isFinite && length > 0 ? Int(min(length, 1_000_000)) : 0
                var out: [JSONValue] = []
                out.reserveCapacity(n)
                for i in 0..<n {
                    let item = JSObjectGetPropertyAtIndex(ctx, obj.ref, UInt32(i), nil) ?? JSValueMakeNull(ctx)!
                    out.append(json(JSValue(item, in: ctx)))
                }
                return .array(out)
            }
            // Each property is read with the name JavaScriptCore listed (no string made per key).
            let names = JSObjectCopyPropertyNames(ctx, obj.ref)
            defer { JSPropertyNameArrayRelease(names) }
            let count = JSPropertyNameArrayGetCount(names)
            var out: [String: JSONValue] = Dictionary(minimumCapacity: count)
            for i in 0..<count {
                guard let name = JSPropertyNameArrayGetNameAtIndex(names, i) else { continue }
                var exception: JSValueRef?
                let item = JSObjectGetProperty(ctx, obj.ref, name, &exception)
                if exception == nil, let item { out[JSStringHandle.swiftString(name)] = json(JSValue(item, in: ctx)) }
            }
            return .object(out)
        default: return .null
        }
    }

    /// A call's arguments: the runtime passes its copy and that copy's `JSON.stringify` text;
    /// reading the text is cheaper than walking the object through the C API. The walk remains
    /// for text the strict reader refuses (a lone surrogate in a string).
    static func arguments(_ value: JSValue, text: JSValue) -> JSONValue {
        guard text.isString, let s = JSValueToStringCopy(text.ctx, text.ref, nil) else { return json(value) }
        defer { JSStringRelease(s) }
        // The text is read straight from JavaScriptCore's UTF-8 copy, without a Swift string. A
        // lone surrogate cuts that copy short, so the reader refuses it and the walk takes over.
        return JSStringHandle.withUTF8(s) { JSONValue.parse(utf8: $0) } ?? json(value)
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
