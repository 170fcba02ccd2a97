import Dispatch
import Foundation
import MiniHostEngine
import MiniHostProtocol

/// One running app on the sandbox side: its own JavaScriptCore VM with the runtime installed,
/// its serial task queue, timers and lifecycle. Host code drives it with ``launch(_:)`` and
/// ``perform(_:)``; everything it has to say arrives through the event handler.
public final class Sandbox: @unchecked Sendable {
    public let config: SandboxConfig
    public let queue: DispatchQueue
    let emit: @Sendable (RuntimeEvent) -> Void
    private let activity = Activity()

    // Touched only on `queue` (or before the first task is queued).
    private var prepared: PreparedVM?
    private(set) var context: JSContext?
    private(set) var dispatcher: JSProtectedValue?
    /// The app's view layer, made when the first page with a template opens (or ahead, with a
    /// prepared VM: `preparedView`, bound then).
    var view: ViewHost?
    var preparedView: ViewHost?
    var viewFailed = false
    private var posted: [Int: JSProtectedValue] = [:]
    private var nextPostId = 1
    private var timerTokens: [Int: Int] = [:]
    /// Each pending timer's due time on the app's clock (ms), and the order it was set in: the
    /// clock a test advances (``tickClock(_:)``).
    var timerDue: [Int: (at: Double, token: Int)] = [:]
    /// How far a test moved the app's clock ahead of real time (ms).
    var clockAheadMs = 0.0
    /// The clock's time while ``tickClock(_:)`` fires a timer (a repeating one re-arms from it).
    var clockFiringAt: Double?
    /// Parsed host results by their JSON text (small ones only): a reply with the same text again
    /// is answered with this value, which the runtime copies before the app sees it, instead of
    /// being parsed again (parsing is most of a small call's cost).
    private var parsedResults: [String: JSProtectedValue] = [:]
    private var parsedResultBytes = 0
    /// The last result answered from `parsedResults`: the same text again (the very string, as
    /// a service that answers from its own cache returns) is found without hashing it.
    private var lastResult: (text: String, value: JSProtectedValue)?
    private var nextTimerToken = 1
    private var stopped = false

    /// Creates the app's VM and installs the runtime. `prepared` (from ``PreparedVM/make()``)
    /// skips that work when a VM was made ahead of time.
    /// The app's channel to the host (nil: no host APIs beyond the runtime's own).
    private let endpoint: BridgeEndpoint?

    public init(config: SandboxConfig, prepared: PreparedVM? = nil, endpoint: BridgeEndpoint? = nil, events: @escaping @Sendable (RuntimeEvent) -> Void) throws {
        self.config = config
        self.emit = events
        self.endpoint = endpoint
        self.queue = EventLoopPool.makeAppQueue(label: "minihost.app.\(config.appId)")
        let vm = try prepared ?? PreparedVM.make(apis: endpoint?.apis ?? [], warm: false, view: false)
        self.prepared = vm
        self.context = vm.context
        self.dispatcher = vm.dispatcher
        self.preparedView = vm.view
        vm.bind(to: self)
        vm.vm.setExecutionTimeLimit(seconds: Double(config.cpuLimitMs) / 1000)
        endpoint?.connect(SandboxEventChannel(sandbox: self))
    }

    /// Queues a host event as a task of the app: the listeners of `mp.on<Name>` run then.
    public func deliver(_ event: BridgeEvent) {
        enqueue { sandbox in
            guard let context = sandbox.context else { return }
            sandbox.callDispatcher("event", [context.string(event.name), BridgeConversion.jsValue(event.payload, in: context)])
        }
    }

    fileprivate func hold() { activity.hold() }
    fileprivate func release() { activity.release() }

    // MARK: Driving the app

    /// Runs app.js, `App.onLaunch`/`onShow` and opens the entry page. Calls `done(true)` once the
    /// entry page is ready, `done(false)` if app.js or the entry page failed.
    public func launch(_ options: LaunchOptions = LaunchOptions(), done: (@Sendable (Bool) -> Void)? = nil) {
        enqueue { sandbox in
            let ok = sandbox.launchNow(options)
            done?(ok)
        }
    }

    /// Queues a host command as a task of the app.
    public func perform(_ command: HostCommand) {
        enqueue { $0.performNow(command) }
    }

    /// Calls `body` once the app has no queued tasks and no pending timers.
    /// Returns a token for ``cancelWait(_:)``, or nil when `body` was called at once.
    @discardableResult
    public func whenIdle(_ body: @escaping @Sendable () -> Void) -> Int? { activity.whenIdle(body) }
    /// Calls `body` once the app has no queued tasks (pending timers may remain).
    @discardableResult
    public func whenDrained(_ body: @escaping @Sendable () -> Void) -> Int? { activity.whenDrained(body) }

    /// Forgets a `whenIdle`/`whenDrained` waiter whose wait gave up.
    public func cancelWait(_ token: Int) { activity.cancel(token) }
    public var isIdle: Bool { activity.isIdle }

    /// Stops the app: pending timers are dropped and the VM is released. Safe to call twice.
    public func stop(done: (@Sendable () -> Void)? = nil) {
        queue.async { [self] in
            stopNow()
            done?()
        }
    }

    /// Runs `body` with the app's JS context on its queue (for tests and the bridge).
    public func withContext(_ body: @escaping @Sendable (JSContext) -> Void) {
        enqueue { sandbox in if let ctx = sandbox.context { body(ctx) } }
    }

    // MARK: Tasks

    func enqueue(_ task: @escaping @Sendable (Sandbox) -> Void) {
        activity.taskQueued()
        queue.async { [self] in
            if !stopped { task(self) }
            activity.taskDone()
        }
    }

    private func stopNow() {
        guard !stopped else { return }
        stopped = true
        endpoint?.disconnect()
        timerTokens.removeAll()
        timerDue.removeAll()
        activity.clearTimers()
        posted.removeAll()
        parsedResults.removeAll()
        lastResult = nil
        view = nil
        preparedView = nil
        let group = prepared?.vm, recycler = prepared?.recycler
        dispatcher = nil
        context = nil
        prepared = nil
        // The app's global context is gone with its last reference; the group may serve a
        // later app with a new one, unless a call here was ever terminated (the pool decides).
        if let group, let recycler { recycler.recycle(group) }
    }

    /// Calls a dispatcher method as one task's outermost call, reporting exceptions and CPU-limit terminations.
    @discardableResult
    func callDispatcher(_ name: String, _ args: [JSValue] = []) -> JSValue? {
        guard let context, let obj = dispatcher?.object else { return nil }
        do {
            let fn = try obj.get(name)
            guard let f = fn.object else { return nil }
            let result = try context.call(f, this: obj, args)
            if context.vm.wasTerminated {
                // Terminated in the microtasks drained after the call: the call itself returned,
                // and JSC would throw the termination at the next entry (swallowing that task).
                _ = try? context.evaluate("0", sourceURL: BootstrapScript.sourceURL)
                report(.terminated)
            }
            return result
        } catch {
            report(error)
            return nil
        }
    }

    func report(_ error: JSError) {
        if error.isTermination {
            let message = "a task ran longer than the CPU limit of \(config.cpuLimitMs) ms and was terminated"
            emit(.error(kind: "cpu_limit", message: message, stack: nil))
            // Let the app's onError know, in a call of its own (the VM stays usable).
            if let context, let obj = dispatcher?.object, let f = try? obj.get("notifyError").object {
                _ = try? context.call(f, this: obj, [context.string("Error: " + message)])
            }
        } else {
            emit(.error(kind: "host", message: error.description, stack: error.stack))
        }
    }

    private func launchNow(_ options: LaunchOptions) -> Bool {
        guard let context else { return false }
        func strings(_ list: [String]) -> JSValue { (try? context.makeArray(list.map { context.string($0) }))?.value ?? context.undefined }
        let routes = strings(config.pages)
        let query = context.makeObject()
        for (k, v) in options.query { try? query.set(k, context.string(v)) }
        let extra = options.extraJSON.flatMap { context.parseJSON($0) } ?? context.undefined
        let alias = context.makeObject()
        for (k, v) in config.resolveAlias { try? alias.set(k, context.string(v)) }
        let result = callDispatcher("launch", [context.string(config.appId), routes, context.string(config.pages.first ?? ""), query.value, extra, alias.value,
                                               strings(config.tabBarPages), strings(config.independentRoots), context.string(config.appVersion), context.boolean(config.callsIntercepted)])
        return result?.bool ?? false
    }

    // MARK: Natives (called from the runtime's JavaScript, on the app's queue)

    /// A console line; `source` is where the app called console from (empty: the runtime's own).
    func nativePrint(_ level: String, _ message: String, source: String = "") {
        emit(.console(level: level, message: DataLimits.bounded(message), source: source.isEmpty ? nil : String(source.prefix(DataLimits.maxSourceLength))))
    }
    func nativeLifecycle(_ target: String, _ hook: String, _ route: String?, _ detail: String?) {
        // The runtime answers a driver request, and an API call from the console, through this
        // native (target "driver" or "api").
        if target == "driver" || target == "api" {
            emit(.reply(command: target, data: detail ?? "{}"))
            return
        }
        // A UI call the runtime answers itself (navigation) is reported through it (target "ui").
        if target == "ui" {
            emit(.ui(api: hook, args: detail ?? "{}"))
            return
        }
        emit(.lifecycle(target: target, hook: hook, route: route, detail: detail))
    }
    /// Emits a page's data patch; returns why it is refused instead (nothing is emitted then).
    /// `viewKey`: the page or component instance whose view gets the patch (nil: none).
    func nativeSetData(_ route: String, _ json: String, viewKey: Int?) -> String? {
        if let problem = DataLimits.setDataProblem(json) { return problem }
        emit(.setData(route: route, data: json))
        if let viewKey, view != nil { viewPatch(key: viewKey, json) }
        return nil
    }
    func nativeError(_ kind: String, _ message: String, _ stack: String?) {
        emit(.error(kind: kind, message: DataLimits.bounded(message), stack: (stack?.isEmpty ?? true) ? nil : stack.map(DataLimits.bounded)))
    }

    func nativeSetTimer(_ id: Int, _ ms: Double) {
        if timerTokens[id] == nil { activity.timerAdded() }
        let token = nextTimerToken
        nextTimerToken += 1
        timerTokens[id] = token
        if config.callsIntercepted { timerDue[id] = ((clockFiringAt ?? clockNowMs()) + max(0, ms), token) }
        let deadline = DispatchTime.now() + .nanoseconds(Int(max(0, ms) * 1_000_000))
        queue.asyncAfter(deadline: deadline) { [self] in
            guard timerTokens[id] == token else { return }
            fireTimer(id)
        }
    }

    /// Fires a pending timer now (its deadline came, or a test's clock passed it).
    func fireTimer(_ id: Int) {
        guard !stopped, timerTokens[id] != nil, let context else { return }
        // Counted as a task before the timer stops counting, so the app never looks idle in between.
        activity.taskQueued()
        defer { activity.taskDone() }
        timerTokens[id] = nil
        timerDue[id] = nil
        activity.timerRemoved()
        callDispatcher("fire", [context.number(Double(id))])
    }

    func nativeClearTimer(_ id: Int) {
        timerDue[id] = nil
        if timerTokens.removeValue(forKey: id) != nil { activity.timerRemoved() }
    }

    func nativePost(_ fn: JSValue) {
        guard let context else { return }
        let id = nextPostId
        nextPostId += 1
        posted[id] = JSProtectedValue(fn, context: context)
        enqueue { sandbox in
            guard let held = sandbox.posted.removeValue(forKey: id) else { return }
            sandbox.callDispatcher("run", [held.value])
        }
    }

    // MARK: Bridge calls

    /// A call with the runtime's copy of the arguments (`value`) and its `JSON.stringify` text:
    /// sent on as text when the endpoint forwards text (a worker's) and the text is strict JSON,
    /// else read into a value.
    func makeCall(_ api: String, value: JSValue, text: JSValue) -> BridgeCall {
        if endpoint?.forwardsArgumentText == true, let string = text.string, JSONText.isStrict(string) {
            return BridgeCall(id: nextCallId(), api: api, argumentsText: string)
        }
        return BridgeCall(id: nextCallId(), api: api, arguments: BridgeConversion.arguments(value, text: text))
    }

    /// A primitive-only call (its arguments already read).
    func makeCall(_ api: String, arguments: JSONValue) -> BridgeCall {
        BridgeCall(id: nextCallId(), api: api, arguments: arguments)
    }

    /// A `*Sync` API call, answered now: returns the result (nil: undefined, the app has
    /// stopped), or throws `[errCode, reason]`.
    func nativeCallSync(_ call: BridgeCall) throws -> JSValue? {
        let reply = endpoint?.callSync(call) ?? Self.unavailable(call)
        guard let context else { return nil }
        return try answer(reply, in: context)
    }

    /// A reply given during the call: the result, or `[errCode, reason]` thrown.
    private func answer(_ reply: BridgeReply, in context: JSContext) throws -> JSValue {
        switch reply.result {
        case let .success(value):
            return resultValue(value, in: context)
        case let .failure(error):
            throw JSThrow(try context.makeArray([context.number(Double(error.code.rawValue)), context.string(error.reason)]).value)
        }
    }

    /// An async API call. When the host can answer without blocking (``BridgeEndpoint/answersAtOnce``)
    /// the answer is given now (the result, or `[errCode, reason]` thrown) and the runtime settles
    /// the call in a microtask; otherwise this returns undefined and the reply comes back later as
    /// a task of the app (`[true, result]` / `[false, errCode, reason]`), which settles it then.
    /// Returns nil for undefined.
    func nativeCallAsync(_ call: BridgeCall, jsId: Double) throws -> JSValue? {
        guard let endpoint else {
            deliver(jsId, Self.unavailable(call))
            return nil
        }
        if let reply = endpoint.callIfAtOnce(call) {
            guard let context else { return nil }
            return try answer(reply, in: context)
        }
        activity.taskQueued()  // an answer is owed: the app is not idle until it arrives
        endpoint.callAsync(call) { [weak self] reply in
            guard let self else { return }
            self.deliver(jsId, reply)
            self.activity.taskDone()
        }
        return nil
    }

    /// The reply when the sandbox has no host to ask.
    private static func unavailable(_ call: BridgeCall) -> BridgeReply {
        BridgeReply(id: call.id, result: .failure(BridgeError(.serviceUnavailable, "no host service for \(call.api)")))
    }

    /// `[true, result]` or `[false, errCode, reason]`, as the runtime's stubs expect.
    private func replyArray(_ reply: BridgeReply) -> JSValue? {
        guard let context else { return nil }
        let parts: [JSValue]
        switch reply.result {
        case let .success(value): parts = [context.boolean(true), resultValue(value, in: context)]
        case let .failure(error): parts = [context.boolean(false), context.number(Double(error.code.rawValue)), context.string(error.reason)]
        }
        return try? context.makeArray(parts).value
    }

    /// A host result as a JavaScript value; small JSON results come from ``parsedResults``. The
    /// runtime's stubs copy every result (`cloneData`) before handing it to the app, so a cached
    /// value is never seen or changed by app code.
    private func resultValue(_ value: BridgeValue, in context: JSContext) -> JSValue {
        guard case let .jsonText(text) = value, text.utf8.count <= Self.cachedResultMaxBytes else {
            return BridgeConversion.jsValue(value, in: context)
        }
        if let last = lastResult, text.sharesStorage(with: last.text) { return last.value.value }
        if let held = parsedResults[text] {
            lastResult = (text, held)
            return held.value
        }
        let parsed = BridgeConversion.jsValue(value, in: context)
        // Deep values are left out: the runtime's copy recurses once per level.
        guard JSONText.nestingDepth(text) <= Self.cachedResultMaxDepth else { return parsed }
        if parsedResults.count >= Self.cachedResultsMax || parsedResultBytes + text.utf8.count > Self.cachedResultsMaxBytes {
            parsedResults.removeAll()
            parsedResultBytes = 0
        }
        let held = JSProtectedValue(parsed, context: context)
        parsedResults[text] = held
        parsedResultBytes += text.utf8.count
        lastResult = (text, held)
        return parsed
    }

    static let cachedResultMaxBytes = 2048
    static let cachedResultMaxDepth = 32
    static let cachedResultsMax = 64
    static let cachedResultsMaxBytes = 64 * 1024

    private func deliver(_ jsId: Double, _ reply: BridgeReply) {
        enqueue { sandbox in
            guard let context = sandbox.context, let r = sandbox.replyArray(reply) else { return }
            sandbox.callDispatcher("settleCall", [context.number(jsId), r])
        }
    }

    private var callCounter: UInt64 = 0
    private func nextCallId() -> UInt64 {
        callCounter &+= 1
        return callCounter
    }

    /// Resolves and compiles a module: `bases` are the normalized package paths the JS side
    /// computed, in order, separated by NUL (a character no path holds).
    func nativeLoad(base bases: String, from: String, spec: String) throws -> JSValue {
        guard let context else { throw JSError(message: "the app has stopped") }
        let candidates = Self.moduleCandidates(bases: bases)
        guard let path = candidates.first(where: { config.files[exactly: $0] != nil }), let data = config.files[exactly: path] else {
            let fromText = from.isEmpty ? "the app" : "'\(from)'"
            let shown = candidates.prefix(6).map { "'\($0)'" }.joined(separator: ", ") + (candidates.count > 6 ? ", …" : "")
            throw JSError(message: "Cannot find module '\(spec)' from \(fromText) (looked for \(shown))")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw JSError(message: "Module '\(path)' is not valid UTF-8")
        }
        let url = "miniapp://\(config.appId)/\(path)"
        let kind: String
        let value: JSValue
        if path.hasSuffix(".json") {
            guard let parsed = context.parseJSON(source) else { throw JSError(message: "Module '\(path)' is not valid JSON") }
            kind = "json"
            value = parsed
        } else {
            kind = "js"
            do {
                value = try context.compileFunction(parameters: Self.moduleParameters, body: source, sourceURL: url).value
            } catch {
                if error.isTermination { throw error }
                throw compileError(error, in: context, source: source, url: url)
            }
        }
        return try context.makeArray([context.string(path), context.string(kind), value]).value
    }

    /// Every file the NUL-separated `bases` may name, in order.
    static func moduleCandidates(bases: String) -> [String] {
        bases.split(separator: "\0").flatMap { moduleCandidates(String($0)) }
    }

    /// A module's files in the order they are tried; TypeScript (compiled by the host) stands in
    /// for `.js` (`./util` or `./util.js` finds `util.ts`).
    static func moduleCandidates(_ base: String) -> [String] {
        let typeScript = base.hasSuffix(".js") ? [String(base.dropLast(3)) + ".ts"] : []
        return [base] + typeScript + [base + ".js", base + ".ts", base + ".json", base + "/index.js", base + "/index.ts"]
    }

    /// The parameters a CommonJS module's code is compiled with.
    public static let moduleParameters = ["require", "module", "exports"]

    /// A module that does not compile: JSC's SyntaxError carries its line but no stack, so the
    /// message gets the module's virtual URL and line (`… (miniapp://<app>/<path>:<line>)`).
    private func compileError(_ error: JSError, in context: JSContext, source: String, url: String) -> Error {
        let wrapped = JSContext.functionSource(parameters: Self.moduleParameters, body: source)
        do {
            try context.checkSyntax(wrapped, sourceURL: url)
            return error
        } catch let syntax {
            guard let obj = syntax.exception.object else { return error }
            let line = syntax.line > 0 ? ":\(syntax.line)" : ""
            try? obj.set("message", context.string("\(error.message) (\(url)\(line))"))
            return JSThrow(syntax.exception)
        }
    }
}

/// The channel a host sends events on; it does not keep a stopped app alive.
private final class SandboxEventChannel: AppEventChannel, @unchecked Sendable {
    private weak var sandbox: Sandbox?

    init(sandbox: Sandbox) { self.sandbox = sandbox }

    func send(_ event: BridgeEvent) { sandbox?.deliver(event) }
    func hold() { sandbox?.hold() }
    func release() { sandbox?.release() }
}
