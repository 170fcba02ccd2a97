import Foundation
import MiniHostCore
import MiniHostIsolation
import MiniHostProtocol

/// One preview: an app running in the host as under `minihost run` (same services, gate, world
/// and isolation), and the browsers that show and drive it. Messages to browsers are JSON text
/// (docs/preview.md); the session keeps them in step with the app's top page.
public final class PreviewSession: @unchecked Sendable {
    let lock = NSLock()
    public let services: HostServices
    let prompter: BrowserPrompter
    let launchOptions: LaunchOptions
    let conversation: String?
    private(set) var host: AppHost!
    /// The package shown; replaced by a reload.
    var package: AppPackage
    var app: RunningApp?
    /// Browsers: an id and the function that sends one message to it.
    var clients: [Int: @Sendable (String) -> Void] = [:]
    private var nextClient = 1
    /// Driver requests in flight: token → what to do with `{ok, value|error}`.
    var pendingReplies: [Int: @Sendable (JSONValue) -> Void] = [:]
    var nextToken = 1
    /// View sync state (PreviewSession+Sync).
    var syncInFlight = false, syncAgain = false, fullWanted = true
    var sentScopes: Set<String> = []
    var lastStack: [JSONValue] = []
    var lastCompileError: String?
    var lastPanels: String?
    var lastPanelsRead = Date.distantPast
    var panelsScheduled = false
    /// The latest console, error, lifecycle and exit messages, replayed to a browser that connects
    /// later (the app's first lines come before any browser; a toast of the past is not).
    var recentLog: [String] = []
    static let recentLogLimit = 300
    /// Called with every app event (the CLI prints them).
    public var onEvent: (@Sendable (String, RuntimeEvent) -> Void)?

    public init(package: AppPackage, services: HostServices, prompter: BrowserPrompter, isolation: Isolation,
                launchOptions: LaunchOptions = LaunchOptions(), conversation: String? = nil, workerPool: WorkerPool? = nil) {
        self.package = package
        self.services = services
        self.prompter = prompter
        self.launchOptions = launchOptions
        self.conversation = conversation
        final class Box: @unchecked Sendable { weak var session: PreviewSession? }
        let box = Box()
        host = AppHost(services: services, isolation: isolation) { appId, event in box.session?.handle(appId, event) }
        host.workerPool = workerPool
        box.session = self
        prompter.broadcast = { [weak self] in self?.broadcast($0) }
    }

    /// Starts the app; false when it failed to launch (its errors went to the browsers).
    @discardableResult
    public func launch(timeout: Double = 30) throws -> Bool {
        let app = try host.start(lock.withLock { package }, options: launchOptions, conversation: conversation)
        lock.withLock { self.app = app; fullWanted = true }
        let ok = app.waitForLaunch(timeout: timeout) == true
        requestSync(full: true)
        return ok
    }

    /// Stops the app and denies whatever it still asks.
    public func stop() {
        prompter.close()
        if let app = lock.withLock({ app }), app.exit == nil { host.stop(app) }
    }

    // MARK: Browsers

    /// A browser connected: it gets `hello`, the open dialogs, the panels and a full page.
    func connect(send: @escaping @Sendable (String) -> Void) -> Int {
        let id = lock.withLock { () -> Int in
            let id = nextClient
            nextClient += 1
            clients[id] = send
            return id
        }
        send(helloMessage())
        for line in lock.withLock({ recentLog }) { send(line) }
        if let error = lock.withLock({ lastCompileError }) { send(error) }
        for prompt in prompter.openPrompts { send(prompt) }
        lock.withLock { lastPanels = nil; lastPanelsRead = .distantPast }
        sendPanels()
        requestSync(full: true)
        return id
    }

    func disconnect(_ id: Int) { lock.withLock { _ = clients.removeValue(forKey: id) } }

    func broadcast(_ message: String) {
        let targets = lock.withLock { Array(clients.values) }
        for send in targets { send(message) }
    }

    func broadcast(_ type: String, _ fields: [String: JSONValue]) {
        var object = fields
        object["type"] = .string(type)
        broadcast(JSONValue.object(object).jsonText)
    }

    /// Broadcasts a message of the app's log and keeps it for browsers that connect later.
    func log(_ type: String, _ fields: [String: JSONValue]) {
        var object = fields
        object["type"] = .string(type)
        let text = JSONValue.object(object).jsonText
        lock.withLock {
            recentLog.append(text)
            if recentLog.count > Self.recentLogLimit { recentLog.removeFirst(recentLog.count - Self.recentLogLimit) }
        }
        broadcast(text)
    }

    // MARK: App events

    func handle(_ appId: String, _ event: RuntimeEvent) {
        onEvent?(appId, event)
        switch event {
        case let .reply(command, data) where command == "driver":
            guard let reply = JSONValue.parse(data), let token = reply["token"]?.numberValue.map(Int.init) else { return }
            let done = lock.withLock { pendingReplies.removeValue(forKey: token) }
            done?(reply)
        case let .console(level, message, source):
            log("console", ["level": .string(level), "message": .string(message), "source": source.map { .string($0) } ?? .null])
        case let .error(kind, message, stack):
            log("error", ["kind": .string(kind), "message": .string(message), "stack": stack.map { .string($0) } ?? .null])
        case let .lifecycle(target, hook, route, _):
            log("lifecycle", ["target": .string(target), "hook": .string(hook), "route": route.map { .string($0) } ?? .null])
            if target == "page" { requestSync(full: false) }
        case .setData:
            requestSync(full: false)
        case let .ui(api, args):
            broadcast("ui", ["api": .string(api), "args": JSONValue.parse(args) ?? .object([:])])
        case let .exit(status, reason):
            let waiting = lock.withLock { () -> [@Sendable (JSONValue) -> Void] in
                defer { pendingReplies.removeAll(); syncInFlight = false }
                return Array(pendingReplies.values)
            }
            for done in waiting { done(.object(["ok": .bool(false), "error": .string("the app ended")])) }
            log("exit", ["status": .string(status), "reason": reason.map { .string($0) } ?? .null])
        case .reply:
            break
        }
    }

    /// Sends a driver request to the app; `done` gets its `{token, ok, value|error}` reply.
    func driver(_ op: String, _ arg: [String: JSONValue] = [:], done: @escaping @Sendable (JSONValue) -> Void = { _ in }) {
        guard let app = lock.withLock({ app }), app.exit == nil else {
            done(.object(["ok": .bool(false), "error": .string("the app is not running")]))
            return
        }
        let token = lock.withLock { () -> Int in
            let token = nextToken
            nextToken += 1
            pendingReplies[token] = done
            return token
        }
        app.perform(.driver(token: token, op: op, argumentJSON: JSONValue.object(arg).jsonText))
    }

    /// A driver request made for the person at the browser: a failure shows in the console panel.
    func act(_ op: String, _ arg: [String: JSONValue] = [:]) {
        driver(op, arg) { [weak self] reply in
            if reply["ok"]?.boolValue != true {
                self?.broadcast("error", ["kind": .string("preview"), "message": .string("\(op): \(reply["error"]?.stringValue ?? "failed")"), "stack": .null])
            }
            self?.requestSync(full: false)
        }
    }
}
