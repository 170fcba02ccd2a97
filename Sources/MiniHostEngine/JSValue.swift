import CJavaScriptCore

/// A JavaScript value (`JSValueRef`) together with the context it belongs to.
///
/// A `JSValue` is not protected from garbage collection: it is valid while it is reachable
/// from JavaScript or sits on the native stack during a call. Keep values across calls with
/// ``JSProtectedValue``.
public struct JSValue {
    public let ref: JSValueRef
    public let ctx: JSContextRef

    public init(_ ref: JSValueRef, in ctx: JSContextRef) {
        self.ref = ref
        self.ctx = ctx
    }

    // MARK: Type tests

    public var isUndefined: Bool { JSValueIsUndefined(ctx, ref) }
    public var isNull: Bool { JSValueIsNull(ctx, ref) }
    public var isNullOrUndefined: Bool { isUndefined || isNull }
    public var isBoolean: Bool { JSValueIsBoolean(ctx, ref) }
    public var isNumber: Bool { JSValueIsNumber(ctx, ref) }
    public var isString: Bool { JSValueIsString(ctx, ref) }
    public var isSymbol: Bool { JSValueIsSymbol(ctx, ref) }
    public var isBigInt: Bool { JSValueIsBigInt(ctx, ref) }
    public var isObject: Bool { JSValueIsObject(ctx, ref) }
    public var isArray: Bool { JSValueIsArray(ctx, ref) }
    public var isFunction: Bool {
        guard isObject, let obj = JSValueToObject(ctx, ref, nil) else { return false }
        return JSObjectIsFunction(ctx, obj)
    }

    // MARK: Conversions (host-owned values only: these may run JS for objects)

    public var bool: Bool { JSValueToBoolean(ctx, ref) }

    /// The number, or nil when the value is not a number (no coercion).
    public var number: Double? { isNumber ? JSValueToNumber(ctx, ref, nil) : nil }

    /// The string, or nil when the value is not a string (no coercion, so no user code runs).
    public var string: String? {
        guard isString, let s = JSValueToStringCopy(ctx, ref, nil) else { return nil }
        return JSStringHandle(adopting: s).string
    }

    /// `String(value)` in JavaScript terms. May run user code (`toString`) for objects.
    public func coercedString() -> String {
        guard let s = JSValueToStringCopy(ctx, ref, nil) else { return "" }
        return JSStringHandle(adopting: s).string
    }

    /// The value as an object, or nil when it is a primitive.
    public var object: JSObject? {
        guard isObject, let obj = JSValueToObject(ctx, ref, nil) else { return nil }
        return JSObject(obj, in: ctx)
    }

    /// `JSON.stringify(value)`; nil for `undefined`, functions and symbols.
    public func jsonString(indent: UInt32 = 0) throws(JSError) -> String? {
        var exception: JSValueRef?
        let s = JSValueCreateJSONString(ctx, ref, indent, &exception)
        if let exception { throw JSError(exception: exception, in: ctx) }
        guard let s else { return nil }
        return JSStringHandle(adopting: s).string
    }

    public func strictEquals(_ other: JSValue) -> Bool { JSValueIsStrictEqual(ctx, ref, other.ref) }
}

/// A JavaScript object (`JSObjectRef`).
public struct JSObject {
    public let ref: JSObjectRef
    public let ctx: JSContextRef

    public init(_ ref: JSObjectRef, in ctx: JSContextRef) {
        self.ref = ref
        self.ctx = ctx
    }

    public var value: JSValue { JSValue(ref, in: ctx) }
    public var isFunction: Bool { JSObjectIsFunction(ctx, ref) }

    /// Reads a property. Runs getters: use on host-owned objects, or in the one-copy argument path.
    public func get(_ name: String) throws(JSError) -> JSValue {
        var exception: JSValueRef?
        let v = JSStringHandle.with(name) { JSObjectGetProperty(ctx, ref, $0, &exception) }
        if let exception { throw JSError(exception: exception, in: ctx) }
        return JSValue(v ?? JSValueMakeUndefined(ctx), in: ctx)
    }

    public func get(index: Int) throws(JSError) -> JSValue {
        var exception: JSValueRef?
        let v = JSObjectGetPropertyAtIndex(ctx, ref, UInt32(clamping: index), &exception)
        if let exception { throw JSError(exception: exception, in: ctx) }
        return JSValue(v ?? JSValueMakeUndefined(ctx), in: ctx)
    }

    /// Sets a property with the given attributes (default: none, i.e. writable, enumerable, configurable).
    public func set(_ name: String, _ value: JSValue, attributes: JSPropertyAttributes = JSPropertyAttributes(kJSPropertyAttributeNone)) throws(JSError) {
        var exception: JSValueRef?
        JSStringHandle.with(name) { JSObjectSetProperty(ctx, ref, $0, value.ref, attributes, &exception) }
        if let exception { throw JSError(exception: exception, in: ctx) }
    }

    public func set(index: Int, _ value: JSValue) throws(JSError) {
        var exception: JSValueRef?
        JSObjectSetPropertyAtIndex(ctx, ref, UInt32(clamping: index), value.ref, &exception)
        if let exception { throw JSError(exception: exception, in: ctx) }
    }

    @discardableResult
    public func delete(_ name: String) -> Bool {
        JSStringHandle.with(name) { JSObjectDeleteProperty(ctx, ref, $0, nil) }
    }

    public func has(_ name: String) -> Bool {
        JSStringHandle.with(name) { JSObjectHasProperty(ctx, ref, $0) }
    }

    /// The object's own enumerable string keys.
    public var propertyNames: [String] {
        let names = JSObjectCopyPropertyNames(ctx, ref)
        defer { JSPropertyNameArrayRelease(names) }
        let count = JSPropertyNameArrayGetCount(names)
        var result: [String] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            result.append(JSStringHandle.swiftString(JSPropertyNameArrayGetNameAtIndex(names, i)))
        }
        return result
    }

    /// Calls the object as a function.
    @discardableResult
    public func call(this: JSObject? = nil, _ arguments: [JSValue] = []) throws(JSError) -> JSValue {
        var exception: JSValueRef?
        let result: JSValueRef? = arguments.withUnsafeBufferPointer { buf in
            if buf.isEmpty {
                return JSObjectCallAsFunction(ctx, ref, this?.ref, 0, nil, &exception)
            }
            var refs = [JSValueRef?](repeating: nil, count: buf.count)
            for i in 0..<buf.count { refs[i] = buf[i].ref }
            return refs.withUnsafeBufferPointer { rbuf in
                JSObjectCallAsFunction(ctx, ref, this?.ref, rbuf.count, rbuf.baseAddress, &exception)
            }
        }
        if let exception { throw JSError(exception: exception, in: ctx) }
        guard let result else { throw JSError.terminated }
        return JSValue(result, in: ctx)
    }
}

/// A value kept alive across calls (`JSValueProtect`/`JSValueUnprotect`).
/// It keeps its context (and so the VM) alive until it is released.
public final class JSProtectedValue {
    public let ref: JSValueRef
    public let context: JSContext

    public init(_ value: JSValue, context: JSContext) {
        self.ref = value.ref
        self.context = context
        JSValueProtect(context.ref, ref)
    }

    deinit { JSValueUnprotect(context.ref, ref) }

    public var value: JSValue { JSValue(ref, in: context.ref) }
    public var object: JSObject? { value.object }
}

/// Makes a number value from a native function (a convenience for `NativeFunction` bodies).
public func JSValueMakeNumberBridge(_ ctx: JSContextRef, _ d: Double) -> JSValueRef { JSValueMakeNumber(ctx, d) }
