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
            if v.isArray {
                let length = JSValueToNumber(v.ctx, JSObjectGetProperty(v.ctx, obj.ref, lengthKey.ref, nil), nil)
                let n = length.isFinite && length > 0 ? Int(min(length, 1_000_000)) : 0
                var out: [JSONValue] = []
                out.reserveCapacity(n)
                for i in 0..<n { out.append(json((try? obj.get(index: i)) ?? JSValue(JSValueMakeNull(v.ctx), in: v.ctx))) }
                return .array(out)
            }
            var out: [String: JSONValue] = [:]
            for key in obj.propertyNames {
                if let item = try? obj.get(key) { out[key] = json(item) }
            }
            return .object(out)
        default: return .null
        }
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
