import Dispatch
import Foundation
import MiniHostProtocol

/// The APIs a host offers, by name (async and `*Sync` names alike).
public final class HostAPIRegistry: @unchecked Sendable {
    private var byName: [String: (api: HostAPI, isSync: Bool)] = [:]
    public private(set) var descriptors: [APIDescriptor] = []
    /// The APIs as registered (their names, `*Sync` forms and positional fields: `minihost types`).
    public let hostAPIs: [HostAPI]

    /// `events` are the names of host events (`LocationChange` → `mp.onLocationChange`).
    public init(_ apis: [HostAPI], events: [String] = []) {
        hostAPIs = apis
        for event in events {
            descriptors.append(APIDescriptor(name: event, kind: .event))
        }
        for api in apis where api.syncOnly {
            byName[api.name] = (api, true)
            descriptors.append(APIDescriptor(name: api.name, kind: .sync))
        }
        for api in apis where !api.syncOnly {
            byName[api.name] = (api, false)
            descriptors.append(APIDescriptor(name: api.name, kind: .async))
            if let sync = api.syncName {
                byName[sync] = (api, true)
                descriptors.append(APIDescriptor(name: sync, kind: .sync))
            }
        }
    }

    /// The standard registry: storage, consent, location, payment and chat.
    public static func standard(services: HostServices) -> HostAPIRegistry {
        let gate = CapabilityGate(services: services)
        let storage = StorageService(store: services.storage)
        let location = LocationService(services: services)
        let payment = PaymentService(services: services)
        let chat = ChatService(services: services)
        // Apps that may read chat get onMessage events from launch, before their first chat call.
        // The services keep their observers: one that kept them (through the chat service)
        // would keep them, and their database open, forever.
        services.onAppStart(key: "chat") { [weak services] session in
            if let services { ChatService(services: services).appStarted(session) }
        }
        let device = services.world.device
        services.onAppStart(key: "device") { session in SystemInfoService.appStarted(session, device: device) }
        return HostAPIRegistry(
            storage.apis + ConsentAPIs(gate: gate).apis + location.apis + payment.apis + chat.apis
                + SystemInfoService(services: services).apis + UIFeedbackService().apis
                + ModalService(services: services).apis + AccountService(services: services).apis
                + DeviceService(services: services).apis + MediaService(services: services).apis
                + NetworkService(services: services).apis + SocketService(services: services).apis
                + FileSystemService(services: services).apis,
            events: LocationService.events + PaymentService.events + ChatService.events + SystemInfoService.events
                + NetworkService.events)
    }

    func lookup(_ name: String) -> (api: HostAPI, isSync: Bool)? { byName[name] }
}

/// Answers and records an app's calls for a trusted test driver (`minihost test`): set only by
/// host code when it starts the app, never by anything the app sends. A mock answers in place of
/// the gate and the service, after the arguments were copied; every call is recorded.
public protocol BridgeInterceptor: AnyObject, Sendable {
    /// True while `api` has a mock (its async calls then never run on the app's thread).
    func isMocked(_ api: String) -> Bool
    /// The mock of `api` as it stands now (it answers the call's arguments), or nil to let the
    /// call through to the gate and the service. Taken when the app makes the call: a mock set,
    /// replaced or restored after that does not change how the call is answered, however long it
    /// waits behind the app's earlier calls.
    func mock(for api: String) -> (@Sendable (_ arguments: JSONValue) -> Result<BridgeValue, BridgeError>)?
    /// Called once per call with the outcome (`mocked`: a mock answered it).
    func record(api: String, arguments: JSONValue, result: Result<BridgeValue, BridgeError>, mocked: Bool)
}

/// One app's channel to the host: it knows which app it serves (set by the host when the app
/// starts), runs every call through the gate and the API's service, and answers in order.
public final class AppBridge: BridgeEndpoint, @unchecked Sendable {
    public let app: AppIdentity
    public let session: AppSession
    private let registry: HostAPIRegistry
    private let gate: CapabilityGate
    /// Async calls of one app run in order, off the app's JS thread (a prompt may block here).
    private let queue: DispatchQueue
    /// Mocks and the call record of a test driver (nil outside `minihost test`). Weak: the
    /// driver's handle on the app holds the app (and so this bridge); a strong reference back
    /// kept every test's app, its VM and its world alive to the end of the run.
    public private(set) weak var interceptor: (any BridgeInterceptor)?

    public init(app: AppIdentity, registry: HostAPIRegistry, services: HostServices, launchConversation: String? = nil, interceptor: BridgeInterceptor? = nil,
                reporter: (@Sendable (RuntimeEvent) -> Void)? = nil) {
        self.interceptor = interceptor
        self.app = app
        self.session = AppSession(app: app, launchConversation: launchConversation, reporter: reporter)
        self.registry = registry
        self.gate = CapabilityGate(services: services)
        self.queue = DispatchQueue(label: "minihost.bridge.\(app.appId)")
        let path = services.database.path
        self.dataDirectory = path.hasSuffix("/" + MiniHostDatabase.fileName) ? URL(fileURLWithPath: path).deletingLastPathComponent().path : nil
    }

    /// The host's data directory (nil in memory), which must not appear in what the app sees.
    private let dataDirectory: String?

    /// A host error as the app sees it: the data directory's path is never part of it (MD-6).
    private func scrubbed(_ error: BridgeError) -> BridgeError {
        guard error.code == .hostError, let dir = dataDirectory, error.reason.contains(dir) else { return error }
        return BridgeError(.hostError, error.reason.replacingOccurrences(of: dir, with: "<data directory>"))
    }

    public var apis: [APIDescriptor] { registry.descriptors }

    public func connect(_ channel: any AppEventChannel) {
        session.connect(channel)
        gate.services.appStarted(session)
    }
    public func disconnect() { session.disconnect() }

    public func callSync(_ call: BridgeCall) -> BridgeReply {
        BridgeReply(id: call.id, result: handle(call))
    }

    /// APIs that need no permission never prompt, so they are answered on the caller's thread.
    public func answersAtOnce(_ api: String) -> Bool {
        answersAtOnce(api, registry.lookup(api))
    }

    private func answersAtOnce(_ api: String, _ found: (api: HostAPI, isSync: Bool)?) -> Bool {
        if let interceptor, interceptor.isMocked(api) { return false }
        guard let (spec, _) = found else { return true }
        return spec.permission == nil && spec.mayBlock == false && spec.performLater == nil
    }

    /// One registry lookup serves both the question and the call.
    public func callIfAtOnce(_ call: BridgeCall) -> BridgeReply? {
        let found = registry.lookup(call.api)
        if let found, !found.isSync, found.api.performLater != nil, interceptor?.isMocked(call.api) != true {
            return startLater(call, api: found.api)
        }
        guard answersAtOnce(call.api, found) else { return nil }
        return BridgeReply(id: call.id, result: handle(call, found: found))
    }

    /// Calls of ``HostAPI/performLater`` APIs started by ``callIfAtOnce(_:)`` whose answer was not
    /// ready then: the sandbox's ``callAsync(_:reply:)`` of the same call takes them by id.
    private var started: [UInt64: LateReply] = [:]
    private let startedLock = NSLock()

    /// Starts a call whose work may finish later: its answer when it came at once (a world
    /// route without delay), else nil, and the answer goes to the `callAsync` that follows.
    private func startLater(_ call: BridgeCall, api: HostAPI) -> BridgeReply? {
        let late = LateReply()
        handleLater(call, api: api) { late.fulfil($0) }
        if let result = late.takeIfReady() { return BridgeReply(id: call.id, result: result) }
        startedLock.withLock { started[call.id] = late }
        return nil
    }

    public func callAsync(_ call: BridgeCall, reply: @escaping @Sendable (BridgeReply) -> Void) {
        if let late = startedLock.withLock({ started.removeValue(forKey: call.id) }) {
            return late.whenReady { reply(BridgeReply(id: call.id, result: $0)) }
        }
        let found = registry.lookup(call.api)
        let mock = mock(for: call)  // as it stands when the app makes the call
        queue.async { [self] in
            // The app is gone (stopped, or its worker died): the call is dropped, not performed.
            if session.hasStopped { return }
            if mock == nil, let found, !found.isSync, found.api.performLater != nil {
                handleLater(call, api: found.api) { reply(BridgeReply(id: call.id, result: $0)) }
                return
            }
            reply(BridgeReply(id: call.id, result: handle(call, found: found, mock: mock)))
        }
    }

    /// The interceptor's mock (if any) or the gate and the service; recorded for the driver.
    func handle(_ call: BridgeCall) -> Result<BridgeValue, BridgeError> {
        handle(call, found: registry.lookup(call.api))
    }

    private typealias Mock = @Sendable (JSONValue) -> Result<BridgeValue, BridgeError>

    /// Names the host does not implement (WeChat's other APIs) can be mocked too.
    private func mock(for call: BridgeCall) -> Mock? {
        guard let interceptor else { return nil }
        return interceptor.mock(for: call.api)
    }

    /// `found`: the registry's entry for the call's API (looked up by the caller).
    private func handle(_ call: BridgeCall, found: (api: HostAPI, isSync: Bool)?) -> Result<BridgeValue, BridgeError> {
        handle(call, found: found, mock: mock(for: call))
    }

    /// `mock`: the interceptor's mock for the call, taken when the app made it.
    private func handle(_ call: BridgeCall, found: (api: HostAPI, isSync: Bool)?, mock: Mock?) -> Result<BridgeValue, BridgeError> {
        guard let interceptor else { return serve(call, found: found) }
        var object: JSONValue = call.arguments
        if let (api, isSync) = found, isSync { object = .object(api.namedArguments(call.arguments)) }
        if let mock {
            let mocked = mock(object)
            interceptor.record(api: call.api, arguments: object, result: mocked, mocked: true)
            return mocked
        }
        let result = serve(call, found: found)
        interceptor.record(api: call.api, arguments: object, result: result, mocked: false)
        return result
    }

    /// The reason a call of a name the host does not implement fails with (errCode 1008): the
    /// runtime makes stubs for the WeChat APIs MiniHost lacks, and their calls end here.
    public static let notSupported = "not supported by MiniHost"

    /// Validation, then the gate (consent, rate limit), then the service.
    private func serve(_ call: BridgeCall, found: (api: HostAPI, isSync: Bool)?) -> Result<BridgeValue, BridgeError> {
        guard let (api, isSync) = found else {
            return .failure(BridgeError(.serviceUnavailable, Self.notSupported))
        }
        let arguments: APIArguments
        if isSync {
            arguments = APIArguments(api: call.api, names: api.positional, values: call.arguments.arrayValue ?? [])
        } else if let object = call.arguments.objectValue {
            arguments = APIArguments(api: call.api, value: object)
        } else {
            let error = BridgeError.invalid("the options must be an object")
            gate.record(app, api.name, api.permission, "invalid", error.reason)
            return .failure(error)
        }
        let apiCall = APICall(app: app, session: session, api: isSync ? (api.syncName ?? api.name) : api.name, arguments: arguments, isSync: isSync)
        do {
            try admit(apiCall, api)
            return .success(try api.perform(apiCall))
        } catch {
            return .failure(failed(error, apiCall, api))
        }
    }

    /// The checks before the work: the API's validation, then the gate (consent, rate limit).
    private func admit(_ apiCall: APICall, _ api: HostAPI) throws(BridgeError) {
        if let validate = api.validate { try validate(apiCall.arguments) }
        try gate.check(app, api: apiCall.api, permission: api.permission, rateLimit: api.rateLimit)
    }

    /// A failure as the app sees it (an invalid call is audited).
    private func failed(_ error: BridgeError, _ apiCall: APICall, _ api: HostAPI) -> BridgeError {
        if error.code == .invalidArgument || error.code == .invalidOrder {
            gate.record(app, apiCall.api, api.permission, "invalid", error.reason)
        }
        return scrubbed(error)
    }

    /// An async call of an API whose work finishes later: admitted here, answered through `reply`
    /// (recorded for a test driver when it comes).
    private func handleLater(_ call: BridgeCall, api: HostAPI, reply: @escaping @Sendable (Result<BridgeValue, BridgeError>) -> Void) {
        let interceptor = self.interceptor
        let done: @Sendable (Result<BridgeValue, BridgeError>) -> Void = { result in
            interceptor?.record(api: call.api, arguments: call.arguments, result: result, mocked: false)
            reply(result)
        }
        guard let object = call.arguments.objectValue else {
            let error = BridgeError.invalid("the options must be an object")
            gate.record(app, api.name, api.permission, "invalid", error.reason)
            return done(.failure(error))
        }
        let apiCall = APICall(app: app, session: session, api: api.name, arguments: APIArguments(api: call.api, value: object), isSync: false)
        do {
            try admit(apiCall, api)
        } catch {
            return done(.failure(failed(error, apiCall, api)))
        }
        api.performLater!(apiCall) { [weak self] result in
            guard let self else { return done(result) }
            done(result.mapError { self.failed($0, apiCall, api) })
        }
    }
}

/// The answer of a call started on the app's thread: taken there if it came at once, else handed
/// to whoever waits for it.
final class LateReply: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<BridgeValue, BridgeError>?
    private var waiter: (@Sendable (Result<BridgeValue, BridgeError>) -> Void)?

    func fulfil(_ r: Result<BridgeValue, BridgeError>) {
        let w: (@Sendable (Result<BridgeValue, BridgeError>) -> Void)? = lock.withLock {
            if let waiter { return waiter }
            result = r
            return nil
        }
        w?(r)
    }

    func takeIfReady() -> Result<BridgeValue, BridgeError>? {
        lock.withLock { defer { result = nil }; return result }
    }

    func whenReady(_ body: @escaping @Sendable (Result<BridgeValue, BridgeError>) -> Void) {
        let ready: Result<BridgeValue, BridgeError>? = lock.withLock {
            if let result { return result }
            waiter = body
            return nil
        }
        if let ready { body(ready) }
    }
}
