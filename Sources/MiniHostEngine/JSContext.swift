import CJavaScriptCore

/// A global context (`JSGlobalContextRef`) in a ``JSVirtualMachine``: one global object and its
/// built-ins.
public final class JSContext: @unchecked Sendable {
    public let vm: JSVirtualMachine
    @usableFromInline let ref: JSGlobalContextRef

    public init(vm: JSVirtualMachine) {
        self.vm = vm
        ref = JSGlobalContextCreateInGroup(vm.group, nil)
    }

    deinit { JSGlobalContextRelease(ref) }

    public var globalObject: JSObject { JSObject(JSContextGetGlobalObject(ref), in: ref) }

    // MARK: Evaluating code

    /// Evaluates a script. `sourceURL` is what stack traces show (MiniHost passes virtual URLs).
    @discardableResult
    public func evaluate(_ source: String, sourceURL: String, startingLine: Int = 1) throws(JSError) -> JSValue {
        vm.resetTermination()
        var exception: JSValueRef?
        let result = JSString.with(source) { src in
            JSString.with(sourceURL) { url in
                JSEvaluateScript(ref, src, nil, url, Int32(clamping: startingLine), &exception)
            }
        }
        return try finish(result, exception)
    }

    /// Checks a script's syntax without running it; throws the first syntax error, with its line
    /// and column.
    public func checkSyntax(_ source: String, sourceURL: String, startingLine: Int = 1) throws(JSSyntaxError) {
        var exception: JSValueRef?
        let ok = JSString.with(source) { src in
            JSString.with(sourceURL) { url in JSCheckScriptSyntax(ref, src, url, Int32(clamping: startingLine), &exception) }
        }
        if !ok, let exception {
            throw JSSyntaxError(exception: JSValue(exception, in: ref), sourceURL: sourceURL)
        }
    }

    /// Compiles `body` into a function with the given parameter names by evaluating a wrapper
    /// around it as the host (this works while `eval` is disabled for the app, which
    /// `JSObjectMakeFunction` does not). The wrapper sits on the body's first line, so line
    /// numbers in stack traces match the file's.
    public func compileFunction(parameters: [String], body: String, sourceURL: String) throws(JSError) -> JSObject {
        let value = try evaluate(Self.functionSource(parameters: parameters, body: body), sourceURL: sourceURL)
        guard let fn = value.object, fn.isFunction else { throw JSError(message: "could not compile \(sourceURL)") }
        return fn
    }

    /// The script ``compileFunction(parameters:body:sourceURL:)`` evaluates (for syntax checks
    /// that must see exactly the same text).
    public static func functionSource(parameters: [String], body: String) -> String {
        "(function (" + parameters.joined(separator: ", ") + ") {" + body + "\n})"
    }

    /// Calls a function as an outermost call (watchdog armed per call).
    @discardableResult
    public func call(_ function: JSObject, this: JSObject? = nil, _ arguments: [JSValue] = []) throws(JSError) -> JSValue {
        vm.resetTermination()
        do {
            return try function.call(this: this, arguments)
        } catch {
            if vm.wasTerminated { throw JSError.terminated }
            throw error
        }
    }

    /// Calls a function from inside a call already running in this VM (a native the app called,
    /// or another context of the same VM): the watchdog is not re-armed, so the outer call's CPU
    /// limit covers it, and a termination comes back as ``JSError/terminated``.
    @discardableResult
    public func callNested(_ function: JSObject, this: JSObject? = nil, _ arguments: [JSValue] = []) throws(JSError) -> JSValue {
        let result: JSValue
        do {
            result = try function.call(this: this, arguments)
        } catch {
            if vm.wasTerminated { throw JSError.terminated }
            throw error
        }
        if vm.wasTerminated { throw JSError.terminated }
        return result
    }

    func finish(_ result: JSValueRef?, _ exception: JSValueRef?) throws(JSError) -> JSValue {
        if vm.wasTerminated { throw JSError.terminated }
        if let exception { throw JSError(exception: JSValue(exception, in: ref)) }
        // After a termination inside a microtask JSC returns NULL with no exception.
        guard let result else { throw JSError.terminated }
        return JSValue(result, in: ref)
    }

    // MARK: Making values

    @inlinable public var undefined: JSValue { JSValue(JSValueMakeUndefined(ref), in: ref) }
    @inlinable public var null: JSValue { JSValue(JSValueMakeNull(ref), in: ref) }
    @inlinable public func boolean(_ b: Bool) -> JSValue { JSValue(JSValueMakeBoolean(ref, b), in: ref) }
    @inlinable public func number(_ d: Double) -> JSValue { JSValue(JSValueMakeNumber(ref, d), in: ref) }
    @inlinable public func string(_ s: String) -> JSValue {
        JSString.with(s) { JSValue(JSValueMakeString(ref, $0), in: ref) }
    }

    public func makeObject() -> JSObject { JSObject(JSObjectMake(ref, nil, nil), in: ref) }

    public func makeArray(_ values: [JSValue] = []) throws(JSError) -> JSObject {
        var exception: JSValueRef?
        let arr = values.withRefs { JSObjectMakeArray(ref, $0.count, $0.baseAddress, &exception) }
        if let exception { throw JSError(exception: JSValue(exception, in: ref)) }
        guard let arr else { throw JSError(message: "could not make an array") }
        return JSObject(arr, in: ref)
    }

    /// Makes an `Error` object with the given message.
    public func makeError(_ message: String) -> JSValue {
        var arg: JSValueRef? = string(message).ref
        let err = JSObjectMakeError(ref, 1, &arg, nil)
        return JSValue(err ?? JSValueMakeUndefined(ref), in: ref)
    }

    /// `JSON.parse(text)`; nil when the text is not JSON.
    @inlinable
    public func parseJSON(_ text: String) -> JSValue? {
        guard let v = JSString.with(text, { JSValueMakeFromJSONString(ref, $0) }) else { return nil }
        return JSValue(v, in: ref)
    }

    /// A pending promise with the functions that settle it.
    public func makeDeferredPromise() throws(JSError) -> (promise: JSObject, resolve: JSObject, reject: JSObject) {
        var resolve: JSObjectRef?
        var reject: JSObjectRef?
        var exception: JSValueRef?
        let promise = JSObjectMakeDeferredPromise(ref, &resolve, &reject, &exception)
        if let exception { throw JSError(exception: JSValue(exception, in: ref)) }
        guard let promise, let resolve, let reject else { throw JSError(message: "could not make a promise") }
        return (JSObject(promise, in: ref), JSObject(resolve, in: ref), JSObject(reject, in: ref))
    }

    // MARK: Sandbox switches

    /// Turns `eval`, `new Function` and the async/generator function constructors off (they throw
    /// `EvalError` with `message`); host evaluation keeps working.
    public func setEvalEnabled(_ enabled: Bool, message: String) {
        JSString.with(message) { JSGlobalContextSetEvalEnabled(ref, enabled, $0) }
    }

    /// Calls `handler(promise, reason)` for every promise rejection that nobody handled.
    public func setUnhandledRejectionHandler(_ handler: JSObject) throws(JSError) {
        var exception: JSValueRef?
        JSGlobalContextSetUnhandledRejectionCallback(ref, handler.ref, &exception)
        if let exception { throw JSError(exception: JSValue(exception, in: ref)) }
    }

    public func setName(_ name: String) {
        JSString.with(name) { JSGlobalContextSetName(ref, $0) }
    }

    // MARK: Memory

    /// Asks for a collection soon (asynchronous).
    public func garbageCollect() { JSGarbageCollect(ref) }

    /// Collects now, the only way idle garbage is reclaimed on this JavaScriptCore.
    public func collectGarbageNow() { JSSynchronousGarbageCollectForDebugging(ref) }
}
