import CJavaScriptCore

/// A JavaScript value together with the context it belongs to (`JSValueRef`).
///
/// A `JSValue` is not protected from garbage collection: it is valid while it is reachable
/// from JavaScript or sits on the native stack during a call. Keep values across calls with
/// ``JSProtectedValue``. Two words, no reference counting: passing one costs nothing.
@frozen
public struct JSValue {
    @usableFromInline let ref: JSValueRef
    @usableFromInline let ctx: JSContextRef

    @inlinable
    init(_ ref: JSValueRef, in ctx: JSContextRef) {
        self.ref = ref
        self.ctx = ctx
    }

    /// `undefined` in the context `ctx`.
    @inlinable
    static func undefined(in ctx: JSContextRef) -> JSValue { JSValue(JSValueMakeUndefined(ctx), in: ctx) }

    // MARK: Type tests

    /// The value's type (`typeof`, with `null` apart and functions as objects).
    @inlinable
    public var kind: JSValueKind {
        switch JSValueGetType(ctx, ref) {
        case kJSTypeUndefined: return .undefined
        case kJSTypeNull: return .null
        case kJSTypeBoolean: return .boolean
        case kJSTypeNumber: return .number
        case kJSTypeString: return .string
        case kJSTypeSymbol: return .symbol
        case kJSTypeBigInt: return .bigInt
        default: return .object
        }
    }

    @inlinable public var isUndefined: Bool { JSValueIsUndefined(ctx, ref) }
    @inlinable public var isNull: Bool { JSValueIsNull(ctx, ref) }
    @inlinable public var isNullOrUndefined: Bool { isUndefined || isNull }
    @inlinable public var isBoolean: Bool { JSValueIsBoolean(ctx, ref) }
    @inlinable public var isNumber: Bool { JSValueIsNumber(ctx, ref) }
    @inlinable public var isString: Bool { JSValueIsString(ctx, ref) }
    @inlinable public var isSymbol: Bool { JSValueIsSymbol(ctx, ref) }
    @inlinable public var isBigInt: Bool { JSValueIsBigInt(ctx, ref) }
    @inlinable public var isObject: Bool { JSValueIsObject(ctx, ref) }
    @inlinable public var isArray: Bool { JSValueIsArray(ctx, ref) }
    public var isFunction: Bool {
        guard isObject, let obj = JSValueToObject(ctx, ref, nil) else { return false }
        return JSObjectIsFunction(ctx, obj)
    }

    // MARK: Conversions (host-owned values only: these may run JS for objects)

    @inlinable public var bool: Bool { JSValueToBoolean(ctx, ref) }

    /// The number, or nil when the value is not a number (no coercion).
    @inlinable
    public var number: Double? { isNumber ? JSValueToNumber(ctx, ref, nil) : nil }

    /// The string, or nil when the value is not a string (no coercion, so no user code runs).
    @inlinable
    public var string: String? {
        guard isString, let s = JSValueToStringCopy(ctx, ref, nil) else { return nil }
        return JSString(adopting: s).string
    }

    /// Runs `body` with the engine's UTF-8 copy of the string, without making a Swift string; nil
    /// when the value is not a string. A lone surrogate cuts the copy short before it.
    @inlinable
    public func withUTF8String<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        guard isString, let s = JSValueToStringCopy(ctx, ref, nil) else { return nil }
        defer { JSStringRelease(s) }
        return try JSString.withUTF8(s, body)
    }

    /// `String(value)` in JavaScript terms. May run user code (`toString`) for objects.
    public func coercedString() -> String {
        guard let s = JSValueToStringCopy(ctx, ref, nil) else { return "" }
        return JSString(adopting: s).string
    }

    /// The value as an object, or nil when it is a primitive.
    @inlinable
    public var object: JSObject? {
        guard isObject, let obj = JSValueToObject(ctx, ref, nil) else { return nil }
        return JSObject(obj, in: ctx)
    }

    /// `JSON.stringify(value)`; nil for `undefined`, functions and symbols.
    public func jsonString(indent: UInt32 = 0) throws(JSError) -> String? {
        var exception: JSValueRef?
        let s = JSValueCreateJSONString(ctx, ref, indent, &exception)
        if let exception { throw JSError(exception: JSValue(exception, in: ctx)) }
        guard let s else { return nil }
        return JSString(adopting: s).string
    }

    public func strictEquals(_ other: JSValue) -> Bool { JSValueIsStrictEqual(ctx, ref, other.ref) }
}

/// The type of a ``JSValue``.
public enum JSValueKind: Sendable {
    case undefined, null, boolean, number, string, symbol, bigInt, object
}

/// A value kept alive across calls (`JSValueProtect`/`JSValueUnprotect`).
/// It keeps its context (and so the VM) alive until it is released.
public final class JSProtectedValue {
    @usableFromInline let ref: JSValueRef
    public let context: JSContext

    public init(_ value: JSValue, context: JSContext) {
        self.ref = value.ref
        self.context = context
        JSValueProtect(context.ref, ref)
    }

    deinit { JSValueUnprotect(context.ref, ref) }

    @inlinable public var value: JSValue { JSValue(ref, in: context.ref) }
    @inlinable public var object: JSObject? { value.object }
}
