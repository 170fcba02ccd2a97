import Foundation
import MiniHostProtocol

/// `connectSocket` and its task's `send`/`close` (the runtime's `SocketTask`, `JS/20-network.js`):
/// confined to the declared origins like HTTP, answered by the world's scripted peers
/// (`network.sockets`). Events reach the runtime as `NetworkTaskEvent`s:
/// `{id, type: 'open'|'message'|'error'|'close', …}`.
public struct SocketService: Sendable {
    public let services: HostServices

    public init(services: HostServices) { self.services = services }

    /// WeChat's limit: at most five sockets open at once per app.
    public static let maxOpen = 5
    public static let maxMessageBytes = 1024 * 1024

    /// Answered through ``HostAPI/performLater`` although the work is quick: the peer's
    /// deliveries hold the app (not idle) from within the call, and in a worker that hold must
    /// arrive before the reply, which an answer given at once does not ensure.
    public var apis: [HostAPI] {
        [
            Self.later("connectSocket", validate: { args throws(BridgeError) in
                _ = try Self.socketURL(args)
                _ = try args.string("taskId", maxLength: 64)!
                _ = try NetworkRequest.headers(args)
            }) { call throws(BridgeError) in try connect(call) },
            Self.later("socketTaskSend") { call throws(BridgeError) in try send(call) },
            Self.later("socketTaskClose") { call throws(BridgeError) in try close(call) },
        ]
    }

    static func later(_ name: String, validate: (@Sendable (APIArguments) throws(BridgeError) -> Void)? = nil,
                      _ work: @escaping @Sendable (APICall) throws(BridgeError) -> BridgeValue) -> HostAPI {
        var api = HostAPI(name: name, validate: validate, perform: work)
        api.performLater = { call, reply in
            do throws(BridgeError) { reply(.success(try work(call))) } catch { reply(.failure(error)) }
        }
        return api
    }

    static func socketURL(_ args: APIArguments) throws(BridgeError) -> (String, NetworkOrigin) {
        let url = try args.string("url", maxLength: NetworkRequestRules.maxURLLength)!
        guard let origin = NetworkOrigin.of(url: url), origin.scheme == "wss" || origin.scheme == "ws" else {
            throw BridgeError.invalid("invalid url \(PromptText.quoted(url, maxLength: 200)): it must be an absolute wss:// URL")
        }
        return (url, origin)
    }

    func sockets(_ session: AppSession) -> WorldSockets {
        session.component(WorldSockets.self) { WorldSockets(session: session) }
    }

    func connect(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let (url, origin) = try Self.socketURL(call.arguments)
        let id = try call.arguments.string("taskId", maxLength: 64)!
        try NetworkService(services: services).confine(origin, call)
        guard services.networkMode == .world else {
            throw BridgeError(.serviceUnavailable, "live WebSocket connections are not supported by MiniHost yet; give the peer in the world file's network.sockets")
        }
        guard let peer = services.world.network.socket(url) else {
            throw BridgeError(.notFound, "no socket peer in the world for \(PromptText.quoted(url, maxLength: 300)) (add one to the world file's network.sockets)")
        }
        try sockets(call.session).open(id, peer: peer)
        return .empty
    }

    func send(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let id = try call.arguments.string("taskId", maxLength: 64)!
        let text = try call.arguments.string("data", nonEmpty: false, maxLength: Self.maxMessageBytes)!
        try sockets(call.session).receive(id, text)
        return .empty
    }

    func close(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let id = try call.arguments.string("taskId", maxLength: 64)!
        let code = try call.arguments.number("code", required: false, integer: true, range: 1000...4999).map { Int($0) } ?? 1000
        let reason = try call.arguments.string("reason", required: false, nonEmpty: false, maxLength: 123) ?? ""
        try sockets(call.session).close(id, code: code, reason: reason)
        return .empty
    }
}

/// One app's sockets to the world's peers. Deliveries run in order on one queue; the app is held
/// (not idle) while any is scheduled.
final class WorldSockets: @unchecked Sendable {
    private let lock = NSLock()
    private var open: [String: WorldSocket] = [:]
    private let queue = DispatchQueue(label: "minihost.sockets")
    private weak var session: AppSession?

    init(session: AppSession) { self.session = session }

    func open(_ id: String, peer: WorldSocket) throws(BridgeError) {
        let refusal = lock.withLock { () -> BridgeError? in
            if open[id] != nil { return BridgeError.invalid("taskId \(PromptText.quoted(id)) is already in use") }
            if open.count >= SocketService.maxOpen { return BridgeError(.limitExceeded, "at most \(SocketService.maxOpen) sockets may be open at once") }
            open[id] = peer
            return nil
        }
        if let refusal { throw refusal }
        deliver(id, after: 0, ["type": .string("open"), "header": .object([:])])
        for message in peer.onOpen { deliver(id, after: 0, ["type": .string("message"), "data": .string(message)]) }
    }

    /// A message from the app: the peer's first matching rule answers.
    func receive(_ id: String, _ text: String) throws(BridgeError) {
        guard let peer = lock.withLock({ open[id] }) else { throw BridgeError(.notFound, "the socket is not connected") }
        guard let rule = peer.rules.first(where: { $0.matches(text) }) else { return }
        if let reply = rule.reply {
            deliver(id, after: rule.delayMs, ["type": .string("message"), "data": .string(reply.replacingOccurrences(of: "{text}", with: text))])
        }
        if rule.close { deliver(id, after: rule.delayMs, ["type": .string("close"), "code": .number(1000), "reason": .string("")], closes: true) }
    }

    func close(_ id: String, code: Int, reason: String) throws(BridgeError) {
        guard lock.withLock({ open[id] }) != nil else { throw BridgeError(.notFound, "the socket is not connected") }
        deliver(id, after: 0, ["type": .string("close"), "code": .number(Double(code)), "reason": .string(reason)], closes: true)
    }

    /// Sends a `NetworkTaskEvent` for socket `id` after `ms`, unless it closed meanwhile.
    private func deliver(_ id: String, after ms: Int, _ payload: [String: JSONValue], closes: Bool = false) {
        guard let session else { return }
        session.hold()
        queue.asyncAfter(deadline: .now() + .milliseconds(ms)) { [weak self] in
            defer { session.release() }
            guard let self else { return }
            let live = self.lock.withLock { () -> Bool in
                guard self.open[id] != nil else { return false }
                if closes { self.open[id] = nil }
                return true
            }
            guard live else { return }
            var event = payload
            event["id"] = .string(id)
            session.send(NetworkService.events[0], .object(event))
        }
    }
}
