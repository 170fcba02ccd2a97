import CJavaScriptCore

/// A JavaScript object (`JSObjectRef`) together with its context.
@frozen
public struct JSObject {
    @usableFromInline let ref: JSObjectRef
    @usableFromInline let ctx: JSContextRef

    @inlinable
    init(_ ref: JSObjectRef, in ctx: JSContextRef) {
        self.ref = ref
        self.ctx = ctx
    }

    @inlinable public var value: JSValue { JSValue(ref, in: ctx) }
    @inlinable public var isFunction: Bool { JSObjectIsFunction(ctx, ref) }

    /// Reads a property. Runs getters: use on host-owned objects, or in the one-copy argument path.
    public func get(_ name: String) throws(JSError) -> JSValue {
        var exception: JSValueRef?
        let v = JSString.with(name) { JSObjectGetProperty(ctx, ref, $0, &exception) }
        if let exception { throw JSError(exception: JSValue(exception, in: ctx)) }
        return JSValue(v ?? JSValueMakeUndefined(ctx), in: ctx)
    }

    public func get(index: Int) throws(JSError) -> JSValue {
        var exception: JSValueRef?
        let v = JSObjectGetPropertyAtIndex(ctx, ref, UInt32(clamping: index), &exception)
        if let exception { throw JSError(exception: JSValue(exception, in: ctx)) }
        return JSValue(v ?? JSValueMakeUndefined(ctx), in: ctx)
    }

    /// The element at `index`, nil when reading it threw (for walking plain data).
    @inlinable
    public func element(_ index: Int) -> JSValue? {
        var exception: JSValueRef?
        let v = JSObjectGetPropertyAtIndex(ctx, ref, UInt32(clamping: index), &exception)
        guard exception == nil, let v else { return nil }
        return JSValue(v, in: ctx)
    }

    /// `Number(this.length)`: NaN when there is no numeric length or reading it threw.
    @inlinable
    public var length: Double {
        var exception: JSValueRef?
        let v = JSObjectGetProperty(ctx, ref, JSStaticString.length.ref, &exception)
        guard exception == nil, let v else { return .nan }
        return JSValueToNumber(ctx, v, nil)
    }

    /// Sets a property (writable, enumerable, configurable).
    public func set(_ name: String, _ value: JSValue) throws(JSError) {
        var exception: JSValueRef?
        JSString.with(name) { JSObjectSetProperty(ctx, ref, $0, value.ref, JSPropertyAttributes(kJSPropertyAttributeNone), &exception) }
        if let exception { throw JSError(exception: JSValue(exception, in: ctx)) }
    }

    public func set(index: Int, _ value: JSValue) throws(JSError) {
        var exception: JSValueRef?
        JSObjectSetPropertyAtIndex(ctx, ref, UInt32(clamping: index), value.ref, &exception)
        if let exception { throw JSError(exception: JSValue(exception, in: ctx)) }
    }

    @discardableResult
    public func delete(_ name: String) -> Bool {
        JSString.with(name) { JSObjectDeleteProperty(ctx, ref, $0, nil) }
    }

    public func has(_ name: String) -> Bool {
        JSString.with(name) { JSObjectHasProperty(ctx, ref, $0) }
    }

    /// The object's own enumerable string keys.
    public var propertyNames: [String] {
        withPropertyNames { names in (0..<names.count).map { names.name($0) } }
    }

    /// Runs `body` with the object's own enumerable string keys as the engine lists them, so that
    /// each property is read with the engine's own name (no string made to look it up).
    @inlinable
    public func withPropertyNames<R>(_ body: (JSPropertyNames) throws -> R) rethrows -> R {
        let names: JSPropertyNameArrayRef = JSObjectCopyPropertyNames(ctx, ref)
        defer { JSPropertyNameArrayRelease(names) }
        return try body(JSPropertyNames(names, of: self))
    }

    /// Calls the object as a function.
    @discardableResult
    public func call(this: JSObject? = nil, _ arguments: [JSValue] = []) throws(JSError) -> JSValue {
        var exception: JSValueRef?
        let result = arguments.withRefs { JSObjectCallAsFunction(ctx, ref, this?.ref, $0.count, $0.baseAddress, &exception) }
        if let exception { throw JSError(exception: JSValue(exception, in: ctx)) }
        guard let result else { throw JSError.terminated }
        return JSValue(result, in: ctx)
    }
}

/// An object's own enumerable property names (`JSPropertyNameArrayRef`), borrowed for the
/// duration of ``JSObject/withPropertyNames(_:)``.
@frozen
public struct JSPropertyNames {
    @usableFromInline let names: JSPropertyNameArrayRef
    @usableFromInline let object: JSObject

    @inlinable
    init(_ names: JSPropertyNameArrayRef, of object: JSObject) {
        self.names = names
        self.object = object
    }

    @inlinable public var count: Int { JSPropertyNameArrayGetCount(names) }

    /// The `i`th name.
    @inlinable
    public func name(_ i: Int) -> String { JSString.swiftString(JSPropertyNameArrayGetNameAtIndex(names, i)) }

    /// The value of the `i`th property, read with the engine's name; nil when reading it threw.
    @inlinable
    public func value(_ i: Int) -> JSValue? {
        var exception: JSValueRef?
        let v = JSObjectGetProperty(object.ctx, object.ref, JSPropertyNameArrayGetNameAtIndex(names, i), &exception)
        guard exception == nil, let v else { return nil }
        return JSValue(v, in: object.ctx)
    }
}

extension Array where Element == JSValue {
    /// Runs `body` with the values' refs as a C array (no base address when empty), on the stack.
    func withRefs<R>(_ body: (UnsafeBufferPointer<JSValueRef?>) -> R) -> R {
        if isEmpty { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return withUnsafeTemporaryAllocation(of: JSValueRef?.self, capacity: count) { buf in
            for (i, value) in enumerated() { buf.initializeElement(at: i, to: value.ref) }
            return body(UnsafeBufferPointer(buf))
        }
    }
}
