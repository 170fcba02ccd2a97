import CJavaScriptCore
import Foundation
import MiniHostEngine

/// A VM with the runtime installed and the sandbox switches set (eval off, globals reduced,
/// intrinsics frozen), not yet bound to an app. Making one is most of an app's start-up cost, so
/// hosts may make them ahead of time and hand one to ``Sandbox/init(config:prepared:events:)``.
public final class PreparedVM: @unchecked Sendable {
    let vm: JSVirtualMachine
    let context: JSContext
    let dispatcher: JSProtectedValue
    private let target: NativeTarget

    private init(vm: JSVirtualMachine, context: JSContext, dispatcher: JSProtectedValue, target: NativeTarget) {
        self.vm = vm
        self.context = context
        self.dispatcher = dispatcher
        self.target = target
    }

    func bind(to sandbox: Sandbox) { target.sandbox = sandbox }

    /// Creates a VM and installs the runtime in it.
    public static func make() throws -> PreparedVM {
        let vm = JSVirtualMachine()
        let context = JSContext(vm: vm)
        context.setEvalEnabled(false, message: "Code generation from strings is disabled in mini-programs (eval, new Function)")
        let target = NativeTarget()
        let natives = try target.makeNatives(in: context)
        let installer = try context.evaluate(BootstrapScript.source, sourceURL: BootstrapScript.sourceURL)
        guard let installFn = installer.object else { throw JSError(message: "the runtime script did not evaluate to a function") }
        let dispatcherValue = try context.call(installFn, [natives.value])
        guard let dispatcherObject = dispatcherValue.object else { throw JSError(message: "the runtime script returned no dispatcher") }
        let rejection = try dispatcherObject.get("onRejection")
        if let fn = rejection.object { try context.setUnhandledRejectionHandler(fn) }
        return PreparedVM(vm: vm, context: context, dispatcher: JSProtectedValue(dispatcherValue, context: context), target: target)
    }
}

/// The host functions the runtime's JavaScript calls; forwards to the bound sandbox.
final class NativeTarget: @unchecked Sendable {
    weak var sandbox: Sandbox?

    func makeNatives(in context: JSContext) throws(JSError) -> JSObject {
        let natives = context.makeObject()
        func str(_ v: JSValue) -> String { v.string ?? "" }
        func optStr(_ v: JSValue) -> String? { v.string }

        try natives.set("print", context.makeNativeFunction(name: "print") { [weak self] ctx, _, args in
            self?.sandbox?.nativePrint(str(args[0]), str(args[1]))
            return JSValueMakeUndefined(ctx)
        }.value)
        try natives.set("lifecycle", context.makeNativeFunction(name: "lifecycle") { [weak self] ctx, _, args in
            self?.sandbox?.nativeLifecycle(str(args[0]), str(args[1]), optStr(args[2]), optStr(args[3]))
            return JSValueMakeUndefined(ctx)
        }.value)
        try natives.set("setData", context.makeNativeFunction(name: "setData") { [weak self] ctx, _, args in
            self?.sandbox?.nativeSetData(str(args[0]), str(args[1]))
            return JSValueMakeUndefined(ctx)
        }.value)
        try natives.set("error", context.makeNativeFunction(name: "error") { [weak self] ctx, _, args in
            self?.sandbox?.nativeError(str(args[0]), str(args[1]), optStr(args[2]))
            return JSValueMakeUndefined(ctx)
        }.value)
        try natives.set("setTimer", context.makeNativeFunction(name: "setTimer") { [weak self] ctx, _, args in
            self?.sandbox?.nativeSetTimer(Int(args[0].number ?? 0), args[1].number ?? 0)
            return JSValueMakeUndefined(ctx)
        }.value)
        try natives.set("clearTimer", context.makeNativeFunction(name: "clearTimer") { [weak self] ctx, _, args in
            self?.sandbox?.nativeClearTimer(Int(args[0].number ?? 0))
            return JSValueMakeUndefined(ctx)
        }.value)
        try natives.set("post", context.makeNativeFunction(name: "post") { [weak self] ctx, _, args in
            self?.sandbox?.nativePost(args[0])
            return JSValueMakeUndefined(ctx)
        }.value)
        try natives.set("load", context.makeNativeFunction(name: "load") { [weak self] ctx, _, args in
            guard let sandbox = self?.sandbox else { throw JSError(message: "the app has stopped") }
            return try sandbox.nativeLoad(ctx, base: str(args[0]), from: str(args[1]), spec: str(args[2]))
        }.value)
        try natives.set("allowedGlobals", context.makeArray(GlobalAllowlist.builtins.map { context.string($0) }).value)
        try natives.set("frozenGlobals", context.makeArray(GlobalAllowlist.frozen.map { context.string($0) }).value)
        return natives
    }
}
