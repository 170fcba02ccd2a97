import Dispatch
import Foundation
import MiniHostCore
import MiniHostEngine
import MiniHostProtocol
import MiniHostIsolation

/// Runs one test file in its own driver VM (a plain JavaScriptCore context, never an app's) on
/// its own serial queue. Every driver API that waits is a Promise settled by a task on that
/// queue: the driver thread never waits for an app, while an app's bridge thread may wait for
/// the driver (a mock function, a prompt).
final class DriverSession: @unchecked Sendable {
    let file: TestFile
    let config: RunConfig
    let queue = DispatchQueue(label: "minihost.devtest.driver")
    private let finishedSignal = DispatchSemaphore(value: 0)

    // Touched on `queue` only.
    private var vm: JSVirtualMachine?
    private var context: JSContext?
    private var runner: JSProtectedValue?
    private var nextHandle = 1
    private var apps: [Int: DriverApp] = [:]
    private var scope: TestScope?
    private var nativeRefs: [JSProtectedValue] = []
    private var done = false
    /// What the file printed (`console.*`) since the last report: it goes with the next one.
    private var output: [TestResult.LogLine] = []
    /// The file's snapshots (`toMatchSnapshot`), read on first use and saved when it ends.
    private lazy var snapshots = SnapshotStore(testFile: file.url, update: config.updateSnapshots)

    // Results and mock answers (any thread).
    private let lock = NSLock()
    private var results: [TestResult] = []
    private var mockWaits: [Int: MockWait] = [:]
    private var nextMockToken = 1
    private let cleanup = DispatchGroup()
    private var lastProgress = Date()

    /// One test's state: its world, its apps.
    final class TestScope {
        let name: String
        var world: TestWorld?
        var apps: [DriverApp] = []
        init(name: String) { self.name = name }
    }

    final class MockWait: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var result: Result<BridgeValue, BridgeError> = .failure(BridgeError(.hostError, "the mock did not answer"))
    }

    init(file: TestFile, config: RunConfig) {
        self.file = file
        self.config = config
    }

    /// Runs the file's tests; blocks the calling thread (not the driver's) until they are done.
    func run() -> [TestResult] {
        queue.async { self.load() }
        // A driver that stops making progress (it cannot, unless the driver VM itself breaks)
        // ends the file instead of the run.
        let stall = config.timeoutMs / 1000 * 3 + 120
        while finishedSignal.wait(timeout: .now() + 1) == .timedOut {
            if Date().timeIntervalSince(lock.withLock { lastProgress }) > stall {
                add(TestResult(file: file.displayPath, name: "(driver)", status: .failed, line: 0, ms: 0,
                               error: .init(name: "Error", message: "the test driver made no progress for \(Int(stall)) s; the file's remaining tests did not run", stack: "")))
                break
            }
        }
        // Give stopping apps a moment; an app hung in-process never stops, and is left behind.
        _ = cleanup.wait(timeout: .now() + 3)
        return lock.withLock { results }
    }

    // MARK: Loading

    private func load() {
        let vm = JSVirtualMachine()
        let context = JSContext(vm: vm)
        self.vm = vm
        self.context = context
        // A test that spins (while (true) {}) in the driver is stopped; its test then times out.
        vm.setExecutionTimeLimit(seconds: max(1, config.timeoutMs / 1000) * 2)
        do {
            let installer = try context.evaluate(DriverScript.source, sourceURL: DriverScript.sourceURL)
            guard let fn = installer.object else { throw DriverError("the driver script did not evaluate to a function") }
            let natives = try makeNatives(context)
            let r = try context.call(fn, [natives.value])
            runner = JSProtectedValue(r, context: context)
        } catch {
            add(TestResult(file: file.displayPath, name: "(driver)", status: .failed, line: 0, ms: 0,
                           error: .init(name: "Error", message: "the test driver could not start: \(error)", stack: "")))
            return finish()
        }
        if let syntax = Self.syntaxError(file.source, url: file.displayPath, context: context) {
            add(TestResult(file: file.displayPath, name: "(syntax error)", status: .failed, line: syntax.line, ms: 0,
                           error: .init(name: "SyntaxError", message: "\(syntax.message) (\(file.displayPath):\(syntax.line))", stack: "")))
            return finish()
        }
        do {
            try context.evaluate(file.source, sourceURL: file.displayPath)
        } catch {
            let line = TestResult.line(in: error.stack ?? "", file: file.displayPath)
            add(TestResult(file: file.displayPath, name: "(loading the file)", status: .failed, line: line, ms: 0,
                           error: .init(name: error.name ?? "Error", message: error.isTermination ? "loading the file ran longer than the driver's CPU limit" : error.message, stack: error.stack ?? "")))
            return finish()
        }
        callRunner("run", [])
    }

    /// JavaScriptCore's syntax check with the line of the first error.
    static func syntaxError(_ source: String, url: String, context: JSContext) -> (message: String, line: Int)? {
        do {
            try context.checkSyntax(source, sourceURL: url)
            return nil
        } catch {
            return (error.message, error.line)
        }
    }

    private func finish() {
        if done { return }
        done = true
        closeScope()
        if !output.isEmpty {
            config.fileOutput?(file.displayPath, output)
            lock.withLock { if let last = results.indices.last { results[last].output += output } }
            output = []
        }
        do { try snapshots.save() } catch {
            add(TestResult(file: file.displayPath, name: "(snapshots)", status: .failed, line: 0, ms: 0,
                           error: .init(name: "SnapshotError", message: "cannot write \(snapshots.url.path): \(error)", stack: "")))
        }
        runner = nil
        nativeRefs = []
        context = nil
        vm = nil
        finishedSignal.signal()
    }

    private func add(_ r: TestResult) { lock.withLock { results.append(r); lastProgress = Date() } }

    /// Calls a runner method as one outermost call (its microtasks drain when it returns).
    private func callRunner(_ name: String, _ args: [JSValue]) {
        guard let context, let obj = runner?.object, let fn = try? obj.get(name).object else { return }
        do {
            try context.call(fn, this: obj, args)
        } catch {
            if !error.isTermination {
                add(TestResult(file: file.displayPath, name: scope?.name ?? "(driver)", status: .failed, line: 0, ms: 0,
                               error: .init(name: "Error", message: "the driver failed: \(error.message)", stack: error.stack ?? "")))
            }
        }
    }

    /// Settles a pending driver promise (from any thread).
    func settle(_ id: Int, ok: Bool, _ text: String) {
        queue.async { [self] in
            guard let context else { return }
            callRunner("settle", [context.number(Double(id)), context.boolean(ok), context.string(text)])
        }
    }

    // MARK: Mock functions (called on a bridge thread; the driver answers on its queue)

    func invokeMock(_ fnId: Int, api: String, argumentsJSON: String) -> Result<BridgeValue, BridgeError> {
        let wait = MockWait()
        let token: Int = lock.withLock {
            let t = nextMockToken
            nextMockToken += 1
            mockWaits[t] = wait
            return t
        }
        queue.async { [self] in
            guard let context else { mockDone(token, ok: false, #"{"errCode":1009,"errMsg":"the test has ended"}"#); return }
            callRunner("invokeMock", [context.number(Double(fnId)), context.number(Double(token)), context.string(argumentsJSON)])
        }
        if wait.done.wait(timeout: .now() + config.timeoutMs / 1000 + 1) == .timedOut {
            lock.withLock { _ = mockWaits.removeValue(forKey: token) }
            return .failure(BridgeError(.hostError, "the test's mock for \(api) did not answer in time"))
        }
        if case let .failure(e) = wait.result {
            let prefix = "\(api):fail "
            return .failure(BridgeError(e.code, e.reason.hasPrefix(prefix) ? String(e.reason.dropFirst(prefix.count)) : e.reason))
        }
        return wait.result
    }

    private func mockDone(_ token: Int, ok: Bool, _ json: String) {
        guard let wait = lock.withLock({ mockWaits.removeValue(forKey: token) }) else { return }
        if ok {
            wait.result = .success(.jsonText(json))
        } else {
            let v = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
            let code = (v["errCode"] as? NSNumber).flatMap { BridgeErrorCode(rawValue: $0.intValue) } ?? .hostError
            wait.result = .failure(BridgeError(code, (v["errMsg"] as? String) ?? "the mock failed"))
        }
        wait.done.signal()
    }

    // MARK: Tests

    private func beginTest(_ name: String) {
        lock.withLock { lastProgress = Date() }
        closeScope()
        scope = TestScope(name: name)
    }

    /// Ends the current test: its prompts are denied, its apps stopped (off this thread) and its
    /// world removed once they have.
    private func closeScope() {
        guard let scope else { return }
        self.scope = nil
        scope.world?.prompter.close()
        let world = scope.world
        let group = DispatchGroup()
        for app in scope.apps {
            group.enter()
            cleanup.enter()
            app.stop { group.leave(); self.cleanup.leave() }
            apps.removeValue(forKey: app.handle)
        }
        cleanup.enter()
        group.notify(queue: .global()) { world?.remove(); self.cleanup.leave() }
    }

    private func report(_ json: String) {
        guard var r = TestResult.from(json: json, file: file.displayPath) else { return }
        if r.status == .passed, let scope, let dead = scope.apps.lazy.compactMap(\.abnormalEnd).first {
            r.status = .failed
            r.error = .init(name: "AppError", message: dead, stack: "")
        }
        r.output = output
        output = []
        if r.status == .failed, let scope {
            r.console = scope.apps.flatMap { $0.tail(config.consoleLines) }
        }
        add(r)
        config.progress?(r)
    }

    // MARK: Launching

    private func createApp(_ json: String) throws -> String {
        guard let scope else { throw DriverError("minihost.launch() must be called inside a test or a beforeEach/afterEach hook") }
        let o = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        let grant = try Self.names(o["grant"], "grant")
        let deny = try Self.names(o["deny"], "deny")
        let world: TestWorld
        if let existing = scope.world {
            world = existing
            if o["world"] != nil && !(o["world"] is NSNull) {
                throw DriverError("minihost.launch({world}): this test's world was made by its first launch; later launches share it (omit world)")
            }
            try world.setPolicy((grant, deny))
        } else if o["world"] == nil || o["world"] is NSNull, let ready = config.worldPool?.take() {
            world = ready
            try world.setPolicy((grant, deny))
            scope.world = world
        } else {
            let model = try config.world(o["world"], relativeTo: file.url.deletingLastPathComponent())
            world = try TestWorld(model: model, policy: (grant, deny), maxPromptWait: config.timeoutMs / 1000 + 5, inMemory: config.inMemoryWorlds, network: config.network)
            scope.world = world
        }
        var query: [String: String] = [:]
        if let q = o["query"] as? [String: Any] {
            for (k, v) in q { query[k] = (v as? String) ?? "\(v)" }
        } else if let q = o["query"] as? String {
            query = Self.parseQuery(q)
        }
        let conversation = o["conversation"] as? String
        if let conversation, !world.model.conversations.contains(where: { $0.id == conversation }) {
            throw DriverError("minihost.launch({conversation: \"\(conversation)\"}): the world has no such conversation (it has: \(world.model.conversations.map(\.id).joined(separator: ", ")))")
        }
        var options = LaunchOptions(query: query)
        if let conversation {
            options.extraJSON = JSONValue.object(["scene": .string("chat"), "conversationId": .string(conversation)]).jsonText
        }
        let handle = nextHandle
        nextHandle += 1
        let app = DriverApp(handle: handle, package: config.package, world: world, options: options, conversation: conversation,
                            apis: config.apis, session: self)
        apps[handle] = app
        scope.apps.append(app)
        // The real launch happens at the end of this driver turn (or when the test first waits
        // on the app): mocks set right after `await minihost.launch()` reach App.onLaunch.
        queue.async { [self] in app.startIfNeeded(isolation: config.isolation, pool: config.vmPool, workers: config.workerPool) }
        return JSONText.object([("handle", String(handle)), ("appId", JSONText.quote(config.package.manifest.appId))])
    }

    static func names(_ v: Any?, _ field: String) throws -> [String] {
        guard let v, !(v is NSNull) else { return [] }
        if let s = v as? String { return [s] }
        guard let a = v as? [Any], a.allSatisfy({ $0 is String }) else { throw DriverError("minihost.launch({\(field)}): must be a permission name or an array of them") }
        return a.compactMap { $0 as? String }
    }

    static func parseQuery(_ text: String) -> [String: String] {
        var query: [String: String] = [:]
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            query[kv[0].removingPercentEncoding ?? kv[0]] = kv.count > 1 ? (kv[1].removingPercentEncoding ?? kv[1]) : ""
        }
        return query
    }

    private func app(_ v: JSValue) throws -> DriverApp {
        guard let h = v.number, let app = apps[Int(h)] else { throw DriverError("this app belongs to a test that has ended") }
        return app
    }

    // MARK: Natives

    private func makeNatives(_ context: JSContext) throws -> JSObject {
        let natives = context.makeObject()
        func str(_ v: JSValue) -> String { v.string ?? "" }
        func fn(_ name: String, _ body: @escaping (JSArguments) throws -> JSValue) throws {
            try natives.set(name, context.makeNativeFunction(name: name, body).value)
        }
        let undefined = { context.undefined }
        try natives.set("file", context.string(file.displayPath))
        try natives.set("timeout", context.number(config.timeoutMs))
        try fn("matches") { [config] a in context.boolean(config.matches(str(a[0]))) }
        try fn("setTimer") { [unowned self] a in
            let id = a[0].number ?? 0, ms = a[1].number ?? 0
            queue.asyncAfter(deadline: .now() + .milliseconds(Int(ms))) { [self] in
                guard let context = self.context else { return }
                callRunner("fire", [context.number(id)])
            }
            return undefined()
        }
        try fn("clearTimer") { _ in undefined() }
        try fn("report") { [unowned self] a in report(str(a[0])); return undefined() }
        try fn("log") { [unowned self] a in output.append(.init(level: str(a[0]), message: str(a[1]))); return undefined() }
        try fn("resolveModule") { [config] a in
            context.string(try DriverModules.resolve(str(a[1]), from: str(a[0]), root: config.package.rootURL).jsonText)
        }
        try fn("compileModule") { a in try DriverModules.compile(str(a[0]), path: str(a[1]), in: context) }
        try fn("snapshot") { [unowned self] a in
            switch try snapshots.check(str(a[0]), str(a[1])) {
            case .matched, .written: return context.string("{\"ok\":true}")
            case let .mismatch(expected): return context.string("{\"ok\":false,\"expected\":" + JSONText.quote(expected) + "}")
            }
        }
        try fn("beginTest") { [unowned self] a in beginTest(str(a[0])); return undefined() }
        try fn("endTest") { [unowned self] _ in closeScope(); return undefined() }
        try fn("finished") { [unowned self] _ in queue.async { self.finish() }; return undefined() }
        try fn("createApp") { [unowned self] a in context.string(try createApp(str(a[0]))) }
        try fn("packageInfo") { [config] _ in
            context.string(JSONText.object([("appId", JSONText.quote(config.package.manifest.appId)), ("name", JSONText.quote(config.package.manifest.name)),
                                            ("pages", "[" + config.package.manifest.pages.map { JSONText.quote($0) }.joined(separator: ",") + "]")]))
        }
        try fn("startApp") { [unowned self] a in try app(a[0]).startIfNeeded(isolation: config.isolation, pool: config.vmPool, workers: config.workerPool); return undefined() }
        try fn("request") { [unowned self] a in
            let app = try app(a[0])
            app.request(Int(a[1].number ?? 0), op: str(a[2]), argumentJSON: str(a[3]))
            return undefined()
        }
        try fn("launched") { [unowned self] a in
            let app = try app(a[0]), id = Int(a[1].number ?? 0)
            let timeout = config.timeoutMs / 1000
            guard let running = app.running else {
                settle(id, ok: false, app.endReason ?? "the app is not running")
                return undefined()
            }
            DispatchQueue.global().async { [self] in
                switch running.waitForLaunch(timeout: timeout) {
                case true?: settle(id, ok: true, "null")
                case false?:
                    let why = app.endReason.map { ": \($0)" } ?? ""
                    settle(id, ok: false, "the app failed to launch\(why) (app.js or the entry page threw; see the app's console)")
                case nil: settle(id, ok: false, "the app did not finish launching within \(Int(timeout * 1000)) ms")
                }
            }
            return undefined()
        }
        try fn("idle") { [unowned self] a in
            let app = try app(a[0]), id = Int(a[1].number ?? 0), ms = a[2].number ?? 3000
            guard let running = app.running else { settle(id, ok: false, app.endReason ?? "the app is not running"); return undefined() }
            let once = Once()
            let token = running.runtime.whenIdle { [self] in if once.take() { settle(id, ok: true, "null") } }
            queue.asyncAfter(deadline: .now() + .milliseconds(Int(ms))) { [self] in
                if once.take() {
                    if let token { running.runtime.cancelWait(token) }
                    settle(id, ok: false, "app.idle: the app was still busy after \(Int(ms)) ms (timers or calls pending)")
                }
            }
            return undefined()
        }
        try fn("mock") { [unowned self] a in
            let app = try app(a[0])
            let kind = str(a[2])
            try app.setMock(str(a[1]), kind == "fn" ? .function(Int(str(a[3])) ?? 0) : .value(str(a[3])))
            return undefined()
        }
        try fn("restore") { [unowned self] a in try app(a[0]).restore(a[1].string); return undefined() }
        try fn("calls") { [unowned self] a in context.string(try app(a[0]).callsJSON(a[1].string)) }
        try fn("console") { [unowned self] a in context.string(try app(a[0]).consoleJSON()) }
        try fn("errors") { [unowned self] a in context.string(try app(a[0]).errorsJSON()) }
        try fn("world") { [unowned self] a in
            let app = try app(a[0])
            let arg = (try? JSONSerialization.jsonObject(with: Data(str(a[2]).utf8))) as? [String: Any] ?? [:]
            return context.string(try app.world.perform(str(a[1]), arg))
        }
        try fn("closeApp") { [unowned self] a in
            let app = try app(a[0])
            cleanup.enter()
            app.stop { self.cleanup.leave() }
            return undefined()
        }
        try fn("nextPrompt") { [unowned self] a in
            let id = Int(a[0].number ?? 0), ms = a[1].number ?? 3000
            guard let prompter = scope?.world?.prompter else {
                settle(id, ok: false, "app.nextPrompt: no app of this test has been launched")
                return undefined()
            }
            let once = Once()
            let cancel = prompter.next { [self] p in
                if once.take() {
                    let json = "{\"id\":\(p.id)," + p.json.dropFirst()
                    settle(id, ok: true, json)
                }
            }
            queue.asyncAfter(deadline: .now() + .milliseconds(Int(ms))) { [self] in
                if once.take() {
                    cancel()
                    settle(id, ok: false, "app.nextPrompt: no prompt came within \(Int(ms)) ms")
                }
            }
            return undefined()
        }
        try fn("answerPrompt") { [unowned self] a in
            let id = Int(a[0].number ?? 0), answer = str(a[1]), index = Int(a[2].number ?? -1)
            guard let prompter = scope?.world?.prompter else { throw DriverError("the prompt belongs to a test that has ended") }
            let value: PromptAnswer = answer == "always" ? .allowAlways : (answer == "deny" ? .deny : .allowOnce)
            guard prompter.answer(id, value, pick: index >= 0 ? index : nil, content: a[3].string) else {
                throw DriverError("the prompt was already answered (or timed out)")
            }
            return undefined()
        }
        try fn("mockDone") { [unowned self] a in
            mockDone(Int(a[0].number ?? 0), ok: a[1].bool, str(a[2]))
            return undefined()
        }
        return natives
    }
}

/// A flag that can be taken once (for a settle that races a timeout).
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false
    func take() -> Bool { lock.withLock { if taken { return false }; taken = true; return true } }
}
