import Foundation
import MiniHostEngine
import MiniHostProtocol

/// A VM with the runtime installed and the sandbox switches set (eval off, globals reduced,
/// intrinsics frozen), not yet bound to an app. Making one is most of an app's start-up cost, so
/// hosts may make them ahead of time and hand one to ``Sandbox/init(config:prepared:events:)``.
public final class PreparedVM: @unchecked Sendable {
    let vm: JSVirtualMachine
    let context: JSContext
    let dispatcher: JSProtectedValue
    private let target: NativeTarget
    /// The view context, made ahead with the VM (nil: the app makes it when a template needs it).
    let view: ViewHost?
    /// The pool that takes this VM's context group back once its app has stopped (a recycling
    /// ``VMPool``; nil: the group goes with the app).
    weak var recycler: VMPool?

    private init(vm: JSVirtualMachine, context: JSContext, dispatcher: JSProtectedValue, target: NativeTarget, view: ViewHost?) {
        self.view = view
        self.vm = vm
        self.context = context
        self.dispatcher = dispatcher
        self.target = target
    }

    func bind(to sandbox: Sandbox) { target.sandbox = sandbox }

    /// Creates a VM and installs the runtime in it.
    /// `apis` are the host APIs to make stubs for (they are part of the frozen `mp` object).
    /// `group`: a context group whose previous app has stopped (see ``VMPool``'s recycling); the
    /// new app still gets a global object, intrinsics and runtime of its own.
    /// `warm`: run the built-in warm-up app (see `warmUp`). It pays only ahead of a launch: a VM
    /// made on the launch path skips it (the launch compiles what it uses anyway, and the warm-up's
    /// garbage would stay in the idle app's heap).
    /// `view`: make the view context too (a VM made ahead of its app: the view costs about 5 ms
    /// to make, which a launch onto a page with a template would otherwise pay).
    public static func make(apis: [APIDescriptor] = [], in group: JSVirtualMachine? = nil, warm: Bool = true, view: Bool = true) throws -> PreparedVM {
        try make(apis: apis, in: group, warmUpFiles: warm ? WarmUpApp.files : nil, view: view)
    }

    /// ``make(apis:in:warm:)`` with the warm-up app's files given (nil: no warm-up).
    static func make(apis: [APIDescriptor], in group: JSVirtualMachine?, warmUpFiles: [String: String]?, view: Bool = false) throws -> PreparedVM {
        let vm = group ?? JSVirtualMachine()
        let context = JSContext(vm: vm)
        context.setEvalEnabled(false, message: "Code generation from strings is disabled in mini-programs (eval, new Function)")
        let target = NativeTarget()
        let natives = try target.makeNatives(in: context, apis: apis)
        let installer = try context.evaluate(BootstrapScript.shared)
        guard let installFn = installer.object else { throw JSError(message: "the runtime script did not evaluate to a function") }
        let dispatcherValue = try context.call(installFn, [natives.value])
        guard let dispatcherObject = dispatcherValue.object else { throw JSError(message: "the runtime script returned no dispatcher") }
        let rejection = try dispatcherObject.get("onRejection")
        if let fn = rejection.object { try context.setUnhandledRejectionHandler(fn) }
        if let warmUpFiles { try warmUp(context, dispatcherObject, target, files: warmUpFiles) }
        let viewHost = view ? try ViewHost(vm: vm) : nil
        return PreparedVM(vm: vm, context: context, dispatcher: JSProtectedValue(dispatcherValue, context: context), target: target, view: viewHost)
    }

    /// Runs a small built-in app through launch, setData, a page call and navigation, then resets
    /// the runtime's state. JavaScriptCore compiles each function on its first call, per VM; doing
    /// that here takes it off the launch path. Nothing of the warm-up app remains afterwards.
    /// Throws if the warm-up app did not run through (an error it reported, a launch that failed):
    /// a warm-up that silently stops early warms nothing.
    private static func warmUp(_ context: JSContext, _ dispatcher: JSObject, _ target: NativeTarget, files: [String: String]) throws(JSError) {
        let run = WarmUpRun(files: files)
        target.warmUp = run
        defer { target.warmUp = nil }
        func call(_ name: String, _ args: [JSValue] = []) throws(JSError) -> JSValue {
            guard let fn = try dispatcher.get(name).object else { throw JSError(message: "the runtime has no \(name)()") }
            return try context.call(fn, this: dispatcher, args)
        }
        let routes = try context.makeArray([context.string(WarmUpApp.page)]).value
        let query = context.parseJSON(#"{"q":"1"}"#) ?? context.undefined
        let launched = try call("launch", [context.string(WarmUpApp.appId), routes, context.string(WarmUpApp.page), query, context.undefined])
        let tapped = try call("callPage", [context.null, context.string("tap"), context.string(#"{"n":1}"#)])
        let data = try call("pageData", [context.null])
        _ = try call("hide")
        _ = try call("show")
        var failure = run.errors.first
        if failure == nil, launched.bool != true { failure = "its launch failed" }
        if failure == nil, let message = tapped.string { failure = "its page call failed: \(message)" }
        if failure == nil, data.string == nil { failure = "its page had no data" }
        if let failure { throw JSError(message: "the runtime's warm-up app did not run through: \(failure)") }
        _ = try call("reset")
    }
}

/// What a warm-up serves and what went wrong in it (no sandbox is bound then).
final class WarmUpRun {
    let files: [String: String]
    var errors: [String] = []
    init(files: [String: String]) { self.files = files }
}

/// The host functions the runtime's JavaScript calls; forwards to the bound sandbox.
final class NativeTarget: @unchecked Sendable {
    weak var sandbox: Sandbox?
    /// Set while a prepared VM warms up: its modules, and the errors its app reported.
    var warmUp: WarmUpRun?

    func makeNatives(in context: JSContext, apis: [APIDescriptor]) throws(JSError) -> JSObject {
        let natives = context.makeObject()
        func str(_ v: JSValue) -> String { v.string ?? "" }
        func optStr(_ v: JSValue) -> String? { v.string }

        try natives.set("print", context.makeNativeFunction(name: "print") { [weak self] args in
            self?.sandbox?.nativePrint(str(args[0]), str(args[1]), source: args.count > 2 ? str(args[2]) : "")
            return args.undefined
        }.value)
        try natives.set("lifecycle", context.makeNativeFunction(name: "lifecycle") { [weak self] args in
            self?.sandbox?.nativeLifecycle(str(args[0]), str(args[1]), optStr(args[2]), optStr(args[3]))
            return args.undefined
        }.value)
        try natives.set("setData", context.makeNativeFunction(name: "setData") { [weak self, unowned context] args in
            let key = args[2].number.map { Int($0) }
            guard let problem = self?.sandbox?.nativeSetData(str(args[0]), str(args[1]), viewKey: key) else { return args.undefined }
            return context.string(problem)
        }.value)
        try natives.set("view", context.makeNativeFunction(name: "view") { [weak self, unowned context] args in
            guard let answer = try self?.sandbox?.nativeView(str(args[0]), str(args[1]), path: optStr(args[2])) else { return args.undefined }
            return context.string(answer)
        }.value)
        try natives.set("error", context.makeNativeFunction(name: "error") { [weak self] args in
            self?.warmUp?.errors.append("\(str(args[0])): \(str(args[1]))")
            self?.sandbox?.nativeError(str(args[0]), str(args[1]), optStr(args[2]))
            return args.undefined
        }.value)
        try natives.set("setTimer", context.makeNativeFunction(name: "setTimer") { [weak self] args in
            self?.sandbox?.nativeSetTimer(Int(args[0].number ?? 0), args[1].number ?? 0)
            return args.undefined
        }.value)
        try natives.set("clearTimer", context.makeNativeFunction(name: "clearTimer") { [weak self] args in
            self?.sandbox?.nativeClearTimer(Int(args[0].number ?? 0))
            return args.undefined
        }.value)
        try natives.set("post", context.makeNativeFunction(name: "post") { [weak self] args in
            self?.sandbox?.nativePost(args[0])
            return args.undefined
        }.value)
        try natives.set("load", context.makeNativeFunction(name: "load") { [weak self, unowned context] args in
            if let files = self?.warmUp?.files {
                guard let path = Sandbox.moduleCandidates(bases: str(args[0])).first(where: { files[exactly: $0] != nil }), let source = files[exactly: path] else {
                    throw JSError(message: "Cannot find module '\(str(args[2]))' in the warm-up app")
                }
                let fn = try context.compileFunction(parameters: Sandbox.moduleParameters, body: source, sourceURL: "miniapp://minihost/warmup/\(path)")
                return try context.makeArray([context.string(path), context.string("js"), fn.value]).value
            }
            guard let sandbox = self?.sandbox else { throw JSError(message: "the app has stopped") }
            return try sandbox.nativeLoad(base: str(args[0]), from: str(args[1]), spec: str(args[2]))
        }.value)
        // The stubs name their API by its index in `apis`, then in the unsupported names' table
        // (no string crosses per call).
        let names = apis.map(\.name) + WeChatAPIs.entries.map(\.name)
        func apiName(_ v: JSValue) -> String {
            guard let n = v.number, n >= 0, n < Double(names.count) else { return "" }
            return names[Int(n)]
        }
        try natives.set("callSync", context.makeNativeFunction(name: "callSync") { [weak self] args in
            guard let sandbox = self?.sandbox else { return args.undefined }
            return try sandbox.nativeCallSync(sandbox.makeCall(apiName(args[0]), value: args[1], text: args[2])) ?? args.undefined
        }.value)
        try natives.set("callSyncArgs", context.makeNativeFunction(name: "callSyncArgs") { [weak self] args in
            guard let sandbox = self?.sandbox else { return args.undefined }
            let count = min(2, max(0, Int(args[1].number ?? 0)))
            let values = (0..<count).map { BridgeConversion.json(args[2 + $0]) }
            return try sandbox.nativeCallSync(sandbox.makeCall(apiName(args[0]), arguments: .array(values))) ?? args.undefined
        }.value)
        try natives.set("callAsync", context.makeNativeFunction(name: "callAsync") { [weak self] args in
            guard let sandbox = self?.sandbox else { return args.undefined }
            return try sandbox.nativeCallAsync(sandbox.makeCall(apiName(args[0]), value: args[1], text: args[3]), jsId: args[2].number ?? 0) ?? args.undefined
        }.value)
        let apiPairs = try apis.map { d throws(JSError) in try context.makeArray([context.string(d.name), context.string(d.kind.rawValue)]).value }
        try natives.set("apis", context.makeArray(apiPairs).value)
        // Functions, not values: what they return is garbage once the runtime has read it.
        try natives.set("wechatTable", context.makeNativeFunction(name: "wechatTable") { [unowned context] _ in
            context.string(WeChatAPIs.runtimeTable)
        }.value)
        try natives.set("wechatListed", context.makeNativeFunction(name: "wechatListed") { [unowned context] args in
            context.boolean(args[0].string.map(WeChatAPIs.names.contains) ?? false)
        }.value)
        try natives.set("wechatMethods", context.makeNativeFunction(name: "wechatMethods") { [unowned context] args in
            let methods = args[0].string.flatMap(WeChatAPIs.methods(of:)) ?? []
            return try context.makeArray(methods.map { context.string($0) }).value
        }.value)
        try natives.set("allowedGlobals", context.makeArray(GlobalAllowlist.builtins.map { context.string($0) }).value)
        return natives
    }
}

/// The app a prepared VM runs once to get the runtime's own functions compiled.
enum WarmUpApp {
    static let appId = "org.minihost.warmup"
    static let page = "pages/w/w"
    static let files: [String: String] = [
        "app.js": "App({ globalData: {}, onLaunch(o) { console.log('launch %s %d', o.path, 1, { a: [1, 'x'] }) }, onShow() {}, onHide() {} })",
        "utils/u.js": "module.exports = { tag: (s) => `w${s}` };",
        "pages/w/w.js": """
        const { tag } = require('../../utils/u');
        Page({
          data: { list: [{ x: 1 }], title: '' },
          onLoad(q) { this.setData({ title: tag(q.q), 'list[0].x': 2 }) },
          onShow() {}, onReady() { setTimeout(() => {}, 1) },
          tap(arg) { this.setData({ n: arg.n }, () => {}); mp.navigateTo({ url: '/pages/w/w?x=1' }).catch(() => {}); console.info(getCurrentPages().length, getApp().globalData) },
        })
        """,
    ]
}
