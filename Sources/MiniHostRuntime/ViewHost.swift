import MiniHostEngine
import MiniHostProtocol

/// An app's view layer: a second global context in the app's VM, apart from the logic context
/// (as WeChat's view thread is apart from its logic thread). Only JSON text crosses between the
/// two: data patches and requests from the logic side, events and component requests back.
final class ViewHost {
    let context: JSContext
    private let dispatcher: JSProtectedValue
    private let target: ViewNativeTarget
    /// True while a flush task is queued, so a burst of patches renders once.
    var flushQueued = false

    /// Makes the view context in `vm` and installs the view runtime (`ViewJS/`). A view made
    /// ahead of its app (``PreparedVM``) is bound to the app's sandbox later (``bind(to:)``).
    init(vm: JSVirtualMachine, sandbox: Sandbox? = nil) throws {
        let context = JSContext(vm: vm)
        context.setEvalEnabled(false, message: "Code generation from strings is disabled in mini-programs (eval, new Function)")
        context.setName("view")
        let target = ViewNativeTarget(sandbox: sandbox)
        let natives = try target.makeNatives(in: context)
        let installer = try context.evaluate(ViewBootstrapScript.shared)
        guard let installFn = installer.object else { throw JSError(message: "the view runtime did not evaluate to a function") }
        let dispatcherValue = try context.call(installFn, [natives.value])
        guard dispatcherValue.object != nil else { throw JSError(message: "the view runtime returned no dispatcher") }
        self.context = context
        self.target = target
        self.dispatcher = JSProtectedValue(dispatcherValue, context: context)
    }

    func bind(to sandbox: Sandbox) { target.sandbox = sandbox }

    /// Calls a dispatcher operation with JSON text (nil: no argument); returns its answer as a
    /// string, or nil. Nested inside a logic task, so the watchdog is not re-armed: an app cannot
    /// win more CPU time by calling into its view.
    func call(_ op: String, _ json: String?) throws(JSError) -> String? {
        guard let obj = dispatcher.object, let fn = try obj.get(op).object else { return nil }
        let args = json.map { [context.string($0)] } ?? []
        return try context.callNested(fn, this: obj, args).string
    }

    /// A driver request (`view.*`); the runtime answers through `native.reply`.
    func driver(_ token: Int, _ op: String, _ json: String) throws(JSError) {
        guard let obj = dispatcher.object, let fn = try obj.get("driver").object else { return }
        try context.callNested(fn, this: obj, [context.number(Double(token)), context.string(op), context.string(json)])
    }
}

/// The host functions the view runtime calls; forwards to the sandbox.
private final class ViewNativeTarget {
    weak var sandbox: Sandbox?
    init(sandbox: Sandbox?) { self.sandbox = sandbox }

    func makeNatives(in context: JSContext) throws(JSError) -> JSObject {
        let natives = context.makeObject()
        func str(_ v: JSValue) -> String { v.string ?? "" }
        try natives.set("template", context.makeNativeFunction(name: "template") { [weak self, unowned context] args in
            guard let text = self?.sandbox?.viewFile(str(args[0]), suffix: ".wxml") else { return args.undefined }
            return context.string(text)
        }.value)
        // `wxs(path)`: a .wxs file; `wxs(wxmlPath, module, code, line)`: inline code of a template.
        try natives.set("wxs", context.makeNativeFunction(name: "wxs") { [weak self, unowned context] args in
            let path = str(args[0])
            guard let sandbox = self?.sandbox else { throw JSError(message: "the app has stopped") }
            let url = "miniapp://\(sandbox.config.appId)/\(path)"
            if let code = args[2].string {
                let line = max(1, Int(args[3].number ?? 1))
                let source = JSContext.functionSource(parameters: ViewBootstrapScript.wxsParameters, body: code)
                return try context.evaluate(source, sourceURL: url, startingLine: line)
            }
            guard let source = sandbox.viewFile(path, suffix: ".wxs") else { throw JSError(message: "WXS module '\(path)' is not in the package") }
            return try context.compileFunction(parameters: ViewBootstrapScript.wxsParameters, body: source, sourceURL: url).value
        }.value)
        try natives.set("logic", context.makeNativeFunction(name: "logic") { [weak self, unowned context] args in
            guard let answer = try self?.sandbox?.logicFromView(str(args[0]), str(args[1])) else { return args.undefined }
            return context.string(answer)
        }.value)
        try natives.set("reply", context.makeNativeFunction(name: "reply") { [weak self] args in
            self?.sandbox?.nativeLifecycle("driver", "reply", nil, str(args[0]))
            return args.undefined
        }.value)
        try natives.set("print", context.makeNativeFunction(name: "print") { [weak self] args in
            self?.sandbox?.nativePrint(str(args[0]), str(args[1]), source: args.count > 2 ? str(args[2]) : "")
            return args.undefined
        }.value)
        return natives
    }
}
