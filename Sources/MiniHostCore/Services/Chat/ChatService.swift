import Foundation
import MiniHostProtocol

/// The chat APIs (docs/spec.md), on least authority: an app sees only the conversation it was
/// launched from and those the user picked for it (`chooseConversation`); every other id, real or
/// not, is "not found" with the same words. Reading needs `chat.read`; sending needs `chat.send`,
/// then the user's consent for each message (or "always" for that app in that conversation), is
/// rate-limited per app, and is stored with the app's name as provenance ("via <app name>").
/// Peers' replies and messages posted by other processes arrive as `mp.onMessage` events.
public struct ChatService: Sendable {
    public let services: HostServices

    public init(services: HostServices) { self.services = services }

    /// The host events this service sends (`mp.on<Name>`).
    public static let events: [String] = ["Message"]

    /// At most this many messages a minute per app (a burst of 10, then one every 6 s).
    public static let sendRule = RateLimiter.Rule(capacity: 10, refillPerSecond: 10.0 / 60)
    public static let maxTextLength = 2000
    public static let maxIdLength = 128
    public static let maxLimit = 100

    public var apis: [HostAPI] {
        [
            HostAPI(name: "getConversations", permission: .chatRead) { call throws(BridgeError) in
                try getConversations(call)
            },
            HostAPI(name: "getMessages", permission: .chatRead, validate: { args throws(BridgeError) in
                _ = try Self.messagesArguments(args)
            }) { call throws(BridgeError) in
                try getMessages(call)
            },
            HostAPI(name: "sendMessage", permission: .chatSend, rateLimit: Self.sendRule, mayBlock: true, validate: { args throws(BridgeError) in
                _ = try Self.sendArguments(args)
            }) { call throws(BridgeError) in
                try sendMessage(call)
            },
            HostAPI(name: "chooseConversation", mayBlock: true) { call throws(BridgeError) in
                try chooseConversation(call)
            },
            HostAPI(name: "chooseContact", mayBlock: true) { call throws(BridgeError) in
                try chooseContact(call)
            },
        ]
    }

    // MARK: Shared state

    /// The host's chat store (made, and seeded from the world, on first use).
    func store() throws(BridgeError) -> ChatStore {
        do {
            return try services.chatStore()
        } catch {
            throw BridgeError(.hostError, "host error: cannot open the chat store (\(error))")
        }
    }

    /// The host's chat hub, with `call`'s app registered for events.
    func hub(_ call: APICall) throws(BridgeError) -> ChatHub {
        let store = try store()
        let hub = services.component(ChatHub.self) { ChatHub(services: services, store: store) }
        hub.register(call.session)
        return hub
    }

    var gate: CapabilityGate { CapabilityGate(services: services) }

    /// An app started: one that declares `chat.read` is registered for `onMessage` events at once.
    func appStarted(_ session: AppSession) {
        guard CapabilityGate.isDeclared(.chatRead, in: session.app.manifest) else { return }
        guard let store = try? store() else { return }
        let hub = services.component(ChatHub.self) { ChatHub(services: services, store: store) }
        hub.register(session)
    }

    /// The same answer for a conversation that does not exist and one the app may not see.
    static func notFound(_ id: String) -> BridgeError {
        BridgeError(.notFound, "conversation \"\(id)\" not found (an app sees the conversation it was launched from and those the user picked for it)")
    }

    /// A conversation the app may see, or ``notFound(_:)``.
    func visibleConversation(_ id: String, _ call: APICall, hub: ChatHub) throws(BridgeError) -> ChatConversation {
        guard hub.visibility(call.session).contains(id) else { throw Self.notFound(id) }
        let found: ChatConversation?
        do { found = try hub.store.conversation(id) } catch {
            throw BridgeError(.hostError, "host error: cannot read conversations (\(error))")
        }
        guard let found else { throw Self.notFound(id) }
        return found
    }

    // MARK: JSON

    /// A person as an app sees them: an opaque per-app id, their name, and whether it is the user.
    static func person(_ id: String, name: String, app: String, store: ChatStore) -> JSONValue {
        var out: [String: JSONValue] = ["name": .string(name), "isSelf": .bool(id == store.world.user.id)]
        if let handle = try? store.handle(for: id, app: app) { out["id"] = .string(handle) }
        return .object(out)
    }

    /// A message as `app` sees it: `{id, conversationId, from: {id, name, isSelf}, text, time, via?}`
    /// (`time` in milliseconds since 1970; `via: {appId, name}` when an app sent it).
    static func json(_ m: ChatMessage, app: String, store: ChatStore) -> JSONValue {
        var out: [String: JSONValue] = [
            "id": .number(Double(m.id)),
            "conversationId": .string(m.conversationId),
            "from": person(m.senderId, name: m.senderName, app: app, store: store),
            "text": .string(m.text),
            "time": .number((m.time.timeIntervalSince1970 * 1000).rounded()),
        ]
        if let viaId = m.viaAppId {
            out["via"] = .object(["appId": .string(viaId), "name": .string(m.viaAppName ?? viaId)])
        }
        return .object(out)
    }

    static func conversationJSON(_ c: ChatConversation, app: String, store: ChatStore) -> JSONValue {
        .object([
            "conversationId": .string(c.id),
            "title": .string(c.title),
            "memberCount": .number(Double(c.members.count)),
            "members": .array(c.members.map { person($0, name: store.name(of: $0), app: app, store: store) }),
        ])
    }

    // MARK: Arguments

    static func messagesArguments(_ args: APIArguments) throws(BridgeError) -> (id: String, before: Int64?, limit: Int) {
        let id = try args.string("conversationId", maxLength: maxIdLength)!
        let before = try args.number("before", required: false, integer: true, range: 1...9_007_199_254_740_991).map { Int64($0) }
        let limit = try args.number("limit", required: false, integer: true, range: 1...Double(maxLimit)).map { Int($0) } ?? 20
        return (id, before, limit)
    }

    static func sendArguments(_ args: APIArguments) throws(BridgeError) -> (id: String, text: String) {
        let id = try args.string("conversationId", maxLength: maxIdLength)!
        let text = try args.string("text", maxLength: maxTextLength)!
        return (id, text)
    }

    // MARK: APIs

    func getConversations(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let hub = try hub(call)
        hub.visibility(call.session).readAllowed = true
        var list: [JSONValue] = []
        for id in hub.visibility(call.session).all {
            let c: ChatConversation?
            do { c = try hub.store.conversation(id) } catch {
                throw BridgeError(.hostError, "host error: cannot read conversations (\(error))")
            }
            if let c { list.append(Self.conversationJSON(c, app: call.app.appId, store: hub.store)) }
        }
        return .value(.object(["conversations": .array(list)]))
    }

    func getMessages(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let (id, before, limit) = try Self.messagesArguments(call.arguments)
        let hub = try hub(call)
        hub.visibility(call.session).readAllowed = true
        _ = try visibleConversation(id, call, hub: hub)
        let page: (messages: [ChatMessage], hasMore: Bool)
        do { page = try hub.store.messages(in: id, before: before, limit: limit) } catch {
            throw BridgeError(.hostError, "host error: cannot read messages (\(error))")
        }
        return .value(.object([
            "conversationId": .string(id),
            "messages": .array(page.messages.map { Self.json($0, app: call.app.appId, store: hub.store) }),
            "hasMore": .bool(page.hasMore),
        ]))
    }

    func sendMessage(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let (id, text) = try Self.sendArguments(call.arguments)
        let hub = try hub(call)
        let app = call.app
        let conversation: ChatConversation
        do { conversation = try visibleConversation(id, call, hub: hub) } catch {
            gate.record(app, "sendMessage", .chatSend, "deny", "conversation \"\(id)\" is not visible to the app")
            throw error
        }
        let remembered: PermissionState
        do { remembered = try services.grants.state(app: app.appId, permission: .chatSend, scope: id) } catch {
            throw BridgeError(.hostError, "host error: cannot read grants (\(error))")
        }
        if remembered == .granted {
            gate.record(app, "sendMessage", .chatSend, "allow", "allowed in conversation \"\(id)\" (remembered)")
        } else {
            let answer = services.prompter.ask(PromptRequest(
                kind: .chatMessage, appId: app.appId, appName: app.manifest.name,
                title: "send this message for you to \"\(conversation.title)\"",
                reason: app.manifest.reason(for: .chatSend),
                details: Self.promptDetails(conversation, text: text, store: hub.store)))
            switch answer {
            case .allowOnce:
                gate.record(app, "sendMessage", .chatSend, "allow", "the user allowed this message in \"\(id)\"")
            case .allowAlways:
                do { try services.grants.set(app: app.appId, permission: .chatSend, state: .granted, scope: id) } catch {
                    throw BridgeError(.hostError, "host error: cannot write grants (\(error))")
                }
                gate.record(app, "sendMessage", .chatSend, "allow", "the user allowed it in \"\(id)\" (remembered for this conversation)")
            case .deny:
                gate.record(app, "sendMessage", .chatSend, "deny", "the user declined this message in \"\(id)\"")
                throw BridgeError(.cancelled, "cancel: the user declined to send the message")
            }
        }
        // The app ended while the user decided: the message is not sent for it.
        if call.session.hasStopped {
            gate.record(app, "sendMessage", .chatSend, "deny", "the app ended before the message was sent")
            throw BridgeError(.cancelled, "cancel: the app ended before the message was sent")
        }
        let message: ChatMessage
        do { message = try hub.send(from: call.session, conversation: id, text: text) } catch {
            throw BridgeError(.hostError, "host error: cannot store the message (\(error))")
        }
        return .value(.object([
            "messageId": .number(Double(message.id)),
            "time": .number((message.time.timeIntervalSince1970 * 1000).rounded()),
        ]))
    }

    /// The prompt's lines: the conversation, its members, and the whole message (cut into lines
    /// short enough that a terminal prompt shows all of it).
    static func promptDetails(_ c: ChatConversation, text: String, store: ChatStore) -> [PromptDetail] {
        var details = [
            PromptDetail("conversation", c.title),
            PromptDetail("members", c.members.map { store.name(of: $0) }.joined(separator: ", ")),
        ]
        let shown = PromptText.sanitize(text, maxLength: Int.max)
        var rest = Substring(shown)
        var first = true
        repeat {
            details.append(PromptDetail(first ? "message" : "", String(rest.prefix(150))))
            rest = rest.dropFirst(150)
            first = false
        } while !rest.isEmpty
        return details
    }

    func chooseConversation(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let hub = try hub(call)
        let all: [ChatConversation]
        do { all = try hub.store.conversations() } catch {
            throw BridgeError(.hostError, "host error: cannot read conversations (\(error))")
        }
        guard !all.isEmpty else { throw BridgeError(.notFound, "there are no conversations to choose from") }
        let pick = services.prompter.choose(ChoiceRequest(
            kind: .conversation, appId: call.app.appId, appName: call.app.manifest.name,
            title: "pick a conversation to share with it",
            options: all.map { "\($0.title) (\($0.members.count) members)" }))
        guard let pick, all.indices.contains(pick) else {
            gate.record(call.app, "chooseConversation", nil, "cancel", "the user picked no conversation")
            throw BridgeError.cancel
        }
        let c = all[pick]
        hub.visibility(call.session).add(c.id)
        hub.updateWatcher()
        gate.record(call.app, "chooseConversation", nil, "allow", "the user picked conversation \"\(c.id)\"")
        return .value(.object([
            "conversationId": .string(c.id),
            "title": .string(c.title),
            "memberCount": .number(Double(c.members.count)),
        ]))
    }

    func chooseContact(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let store = try store()
        let contacts = services.world.contacts
        guard !contacts.isEmpty else { throw BridgeError(.notFound, "there are no contacts to choose from") }
        let pick = services.prompter.choose(ChoiceRequest(
            kind: .contact, appId: call.app.appId, appName: call.app.manifest.name,
            title: "pick a contact to share with it",
            options: contacts.map { c in c.phone.map { "\(c.name) (\($0))" } ?? c.name }))
        guard let pick, contacts.indices.contains(pick) else {
            gate.record(call.app, "chooseContact", nil, "cancel", "the user picked no contact")
            throw BridgeError.cancel
        }
        let c = contacts[pick]
        gate.record(call.app, "chooseContact", nil, "allow", "the user picked a contact")
        var out: [String: JSONValue] = ["name": .string(c.name)]
        if let phone = c.phone { out["phone"] = .string(phone) }
        do { out["id"] = .string(try store.handle(for: c.id, app: call.app.appId)) } catch {
            throw BridgeError(.hostError, "host error: cannot make the contact's id (\(error))")
        }
        return .value(.object(out))
    }
}
