import Dispatch
import Foundation
import MiniHostCore
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol
import MiniHostRuntime

/// The driver's handle on one app of a test: how it is launched, its mocks and call record (the
/// bridge consults them before the gate and the service), what it printed, and the driver
/// requests still waiting for an answer. Host-side; only the trusted driver sets it.
final class DriverApp: BridgeInterceptor, @unchecked Sendable {
    enum Mock { case value(String), function(Int) }

    let handle: Int
    let package: AppPackage
    let world: TestWorld
    let options: LaunchOptions
    let conversation: String?
    private weak var session: DriverSession?
    private let known: Set<String>

    private let lock = NSLock()
    private var mocks: [String: Mock] = [:]
    private var calls: [String] = []  // JSON objects {api, args, result|error, mocked}
    private var consoleLines: [(level: String, message: String)] = []
    private var errorLines: [String] = []
    private var pending: Set<Int> = []
    private var endedReason: String?
    private var abnormal: String?
    private(set) var host: AppHost?
    private(set) var running: RunningApp?
    private var started = false

    init(handle: Int, package: AppPackage, world: TestWorld, options: LaunchOptions, conversation: String?, apis: [APIDescriptor], session: DriverSession) {
        self.handle = handle
        self.package = package
        self.world = world
        self.options = options
        self.conversation = conversation
        self.session = session
        // The host's APIs and WeChat's other names: those MiniHost lacks (their calls cross the
        // bridge and fail with 1008 unless mocked) and those the runtime implements (under a
        // driver the runtime asks the host about them first).
        self.known = Set(apis.filter { $0.kind != .event }.map(\.name)).union(WeChatAPIs.names)
    }

    // MARK: Starting and stopping (on the driver's queue)

    /// Starts the app once (idempotent). Errors are kept and fail every later request. An app
    /// closed before its launch came round (its test ended without waiting on it) never starts:
    /// nothing would stop it again, and it would run on, in a removed world, to the end of the run.
    func startIfNeeded(isolation: Isolation, pool: InProcessVMPool?, workers: WorkerPool? = nil) {
        let start = lock.withLock {
            defer { started = true }
            return !started && endedReason == nil
        }
        guard start else { return }
        let host = AppHost(services: world.services, isolation: isolation) { [weak self] _, event in self?.event(event) }
        if isolation == .process { host.workerPool = workers }
        self.host = host
        do {
            let prepared = isolation == .inProcess ? pool?.takeOrMake() : nil
            running = try host.start(package, options: options, prepared: prepared, conversation: conversation, interceptor: self)
        } catch {
            end("the app could not start: \(error)")
        }
    }

    var isStarted: Bool { lock.withLock { started } }

    /// Stops the app off the driver's thread (an app that hangs in-process never finishes
    /// stopping: the driver does not wait for it). `done` runs once it has stopped.
    func stop(done: @escaping @Sendable () -> Void) {
        lock.withLock { if endedReason == nil { endedReason = "the app was closed" } }
        failPending("the app was closed")
        guard let host, let running else { done(); return }
        DispatchQueue.global().async {
            host.stop(running)
            done()
        }
    }

    // MARK: Requests

    func request(_ id: Int, op: String, argumentJSON: String) {
        if let reason = lock.withLock({ endedReason }) {
            session?.settle(id, ok: false, reason)
            return
        }
        guard let running else { session?.settle(id, ok: false, "the app is not running"); return }
        lock.withLock { _ = pending.insert(id) }
        running.perform(.driver(token: id, op: op, argumentJSON: argumentJSON))
    }

    private func event(_ event: RuntimeEvent) {
        switch event {
        case let .console(level, message, _):
            lock.withLock { consoleLines.append((level, message)) }
        case let .error(kind, message, stack):
            let text = "[\(kind)] \(message)" + (stack.map { "\n" + $0 } ?? "")
            lock.withLock {
                errorLines.append(text)
                consoleLines.append(("error", text))
            }
        case let .reply(command, data) where command == "driver":
            guard let reply = Self.driverReply(data) else { return }
            guard lock.withLock({ pending.remove(reply.token) }) != nil else { return }
            session?.settle(reply.token, ok: reply.ok, reply.text)
        case let .exit(status, reason):
            if status != "ok" {
                let why = "the app ended (\(status))" + (reason.map { ": \($0)" } ?? "")
                lock.withLock { if abnormal == nil { abnormal = why } }
                end(why)
            }
        default:
            break
        }
    }

    /// A reply of the runtime to a driver request, `{"token":N,"ok":true,"value":V}` or
    /// `{"token":N,"ok":false,"error":"…"}` (the runtime writes the token first): the value goes on
    /// to the driver as the checked JSON text it came as, or the error message. A string cut inside
    /// a surrogate pair gets the replacement character there, as it does in process mode (see
    /// ``JSONText/replacingLoneSurrogates(_:)``); a reply that is still not strict JSON (nested
    /// too deep) fails its request rather than leaving it to wait for the test's timeout. Nil when
    /// not even the token can be read.
    static func driverReply(_ data: String) -> (token: Int, ok: Bool, text: String)? {
        func read(_ text: String) -> (token: Int, ok: Bool, text: String)? {
            guard let (v, value) = JSONText.object(text, keepingRaw: "value"),
                  let number = v["token"]?.numberValue, let token = Int(exactly: number) else { return nil }
            if v["ok"]?.boolValue == true { return (token, true, value ?? "null") }
            return (token, false, v["error"]?.stringValue ?? "the app refused the request")
        }
        if let reply = read(data) ?? read(JSONText.replacingLoneSurrogates(data)) { return reply }
        let prefix = #"{"token":"#
        guard data.hasPrefix(prefix), let token = Int(data.dropFirst(prefix.count).prefix(while: { $0.isASCII && $0.isNumber })) else { return nil }
        return (token, false, "the app's answer cannot be read as JSON (nested more than 512 deep?)")
    }

    /// The app ended on its own (killed, crashed) or could not start: waiting requests fail.
    private func end(_ reason: String) {
        lock.withLock { if endedReason == nil { endedReason = reason } }
        lock.withLock { consoleLines.append(("error", reason)) }
        failPending(reason)
    }

    private func failPending(_ reason: String) {
        let ids = lock.withLock { () -> [Int] in defer { pending.removeAll() }; return Array(pending) }
        for id in ids { session?.settle(id, ok: false, reason) }
    }

    var endReason: String? { lock.withLock { endedReason } }
    /// Why the app ended on its own during the test (killed, crashed), if it did.
    var abnormalEnd: String? { lock.withLock { abnormal } }

    // MARK: Mocks and the call record (BridgeInterceptor: called on bridge threads)

    func setMock(_ api: String, _ mock: Mock) throws {
        guard known.contains(api) else {
            throw DriverError("app.mock(\"\(api)\"): no such API: neither the host nor WeChat's base library has it")
        }
        lock.withLock { mocks[api] = mock }
    }

    func restore(_ api: String?) {
        lock.withLock { if let api { mocks.removeValue(forKey: api) } else { mocks.removeAll() } }
    }

    func isMocked(_ api: String) -> Bool { lock.withLock { mocks[api] != nil } }

    func mock(for api: String) -> (@Sendable (_ arguments: JSONValue) -> Result<BridgeValue, BridgeError>)? {
        guard let mock = lock.withLock({ mocks[api] }) else { return nil }
        switch mock {
        case let .value(json): return { _ in .success(.jsonText(json)) }
        case let .function(fnId):
            return { [weak self] arguments in
                guard let session = self?.session else { return .failure(BridgeError(.hostError, "the test has ended")) }
                return session.invokeMock(fnId, api: api, argumentsJSON: arguments.jsonText)
            }
        }
    }

    func record(api: String, arguments: JSONValue, result: Result<BridgeValue, BridgeError>, mocked: Bool) {
        var fields: [(String, String)] = [("api", JSONText.quote(api)), ("args", arguments.jsonText)]
        // A member the runtime implements asked first and, unmocked, runs in the app: the host
        // never sees its result.
        if !mocked, WeChatAPIs.runtimeNames.contains(api), case .failure(let e) = result, e.code == .serviceUnavailable {
            fields.append(("runtime", "true"))
            fields.append(("mocked", "false"))
            lock.withLock { calls.append(JSONText.object(fields)) }
            return
        }
        switch result {
        case let .success(v): fields.append(("result", v.jsonText))
        case let .failure(e):
            fields.append(("error", JSONText.object([("errCode", String(e.code.rawValue)), ("errMsg", JSONText.quote("\(api):fail \(e.reason)"))])))
        }
        fields.append(("mocked", mocked ? "true" : "false"))
        let line = JSONText.object(fields)
        lock.withLock { calls.append(line) }
    }

    func callsJSON(_ api: String?) -> String {
        let all = lock.withLock { calls }
        let chosen = api.map { name in all.filter { $0.hasPrefix("{\"api\":" + JSONText.quote(name) + ",") } } ?? all
        return "[" + chosen.joined(separator: ",") + "]"
    }

    func consoleJSON() -> String {
        let lines = lock.withLock { consoleLines }
        return "[" + lines.map { JSONText.object([("level", JSONText.quote($0.level)), ("message", JSONText.quote($0.message))]) }.joined(separator: ",") + "]"
    }

    func errorsJSON() -> String {
        "[" + lock.withLock { errorLines }.map { JSONText.quote($0) }.joined(separator: ",") + "]"
    }

    /// The last `n` console lines, for a failure report.
    func tail(_ n: Int) -> [String] {
        lock.withLock { consoleLines.suffix(n).map { "\(package.manifest.appId) \($0.level): \($0.message)" } }
    }
}
