import CJavaScriptCore

/// A Swift function callable from JavaScript: it gets the call's `this` and arguments and returns
/// the call's result (``JSArguments/undefined`` when it has none).
public typealias NativeFunction = (_ arguments: JSArguments) throws -> JSValue

/// The `this` and arguments of a native call, borrowed for the duration of the call.
@frozen
public struct JSArguments {
    @usableFromInline let ctx: JSContextRef
    @usableFromInline let thisRef: JSObjectRef?
    @usableFromInline let base: UnsafePointer<JSValueRef?>?
    public let count: Int

    @inlinable
    init(ctx: JSContextRef, this: JSObjectRef?, count: Int, base: UnsafePointer<JSValueRef?>?) {
        self.ctx = ctx
        self.thisRef = this
        self.count = count
        self.base = base
    }

    /// The `i`th argument; `undefined` past the last.
    @inlinable
    public subscript(i: Int) -> JSValue {
        if i < count, let base, let v = base[i] { return JSValue(v, in: ctx) }
        return JSValue.undefined(in: ctx)
    }

    /// The call's `this` (nil when JavaScript passed none).
    @inlinable
    public var this: JSObject? { thisRef.map { JSObject($0, in: ctx) } }

    /// `undefined`, what a native function returns when it has no result.
    @inlinable
    public var undefined: JSValue { JSValue.undefined(in: ctx) }
}

/// Throw this from a native function to throw `value` in JavaScript.
public struct JSThrow: Error, @unchecked Sendable {
    public let value: JSValue
    public init(_ value: JSValue) { self.value = value }
}

extension JSContext {
    /// Makes a JavaScript function backed by a Swift closure. Thrown Swift errors become JavaScript
    /// exceptions (``JSThrow`` throws a given value; anything else an `Error` with its description).
    /// The closure lives as long as the function object: capture the context `unowned`.
    public func makeNativeFunction(name: String, _ body: @escaping NativeFunction) -> JSObject {
        let box = Unmanaged.passRetained(NativeFunctionBox(body)).toOpaque()
        let obj = JSObjectMake(ref, NativeFunctionBox.jsClass.ref, box)!
        return JSObject(obj, in: ref)
    }
}

/// The private data of a native function object: the Swift closure it runs.
final class NativeFunctionBox {
    let body: NativeFunction
    init(_ body: @escaping NativeFunction) { self.body = body }

    /// The class of every native function object: calls run ``nativeCall``, finalizing releases the box.
    static let jsClass: NativeFunctionClass = {
        var def = kJSClassDefinitionEmpty
        def.className = UnsafeRawPointer(("NativeFunction" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
        def.attributes = JSClassAttributes(kJSClassAttributeNoAutomaticPrototype)
        def.callAsFunction = nativeCall
        def.finalize = nativeFinalize
        return NativeFunctionClass(ref: JSClassCreate(&def))
    }()
}

/// A `JSClassRef` made once for the whole process and never released.
struct NativeFunctionClass: @unchecked Sendable {
    let ref: JSClassRef
}

private func nativeCall(_ ctx: JSContextRef?, _ function: JSObjectRef?, _ this: JSObjectRef?, _ argc: Int, _ argv: UnsafePointer<JSValueRef?>?, _ exception: UnsafeMutablePointer<JSValueRef?>?) -> JSValueRef? {
    guard let ctx, let function, let raw = JSObjectGetPrivate(function) else { return nil }
    let box = Unmanaged<NativeFunctionBox>.fromOpaque(raw).takeUnretainedValue()
    do {
        return try box.body(JSArguments(ctx: ctx, this: this, count: argc, base: argv)).ref
    } catch let thrown as JSThrow {
        exception?.pointee = thrown.value.ref
    } catch {
        let text = (error as? JSError)?.message ?? String(describing: error)
        var msg: JSValueRef? = JSString.with(text) { JSValueMakeString(ctx, $0) }
        exception?.pointee = JSObjectMakeError(ctx, 1, &msg, nil)
    }
    return JSValueMakeUndefined(ctx)
}

private func nativeFinalize(_ object: JSObjectRef?) {
    guard let object, let raw = JSObjectGetPrivate(object) else { return }
    Unmanaged<NativeFunctionBox>.fromOpaque(raw).release()
}
