import Dispatch
import Foundation
import MiniHostProtocol

/// A reply a scripted peer will post: who, what, and after how long.
public struct PeerReply: Sendable, Equatable {
    public var peer: String
    public var text: String
    public var delayMs: Int

    public init(peer: String, text: String, delayMs: Int) {
        self.peer = peer
        self.text = text
        self.delayMs = delayMs
    }
}

/// The world's scripted peers (docs/spec.md): a peer who is a member of the conversation a
/// message was posted in, and is not its sender, answers with its first matching rule.
///
/// Peers answer what people post (the user, through an app or directly, and contacts posting with
/// `minihost chat post --as`), never another peer's scripted reply, so two peers cannot talk to
/// each other forever. The process that posted a message is the one that makes its peers' replies
/// (a running host for its apps' messages; `minihost chat post` for its own), so each reply is
/// made once however many processes share the data directory.
public enum ChatPeers {
    /// The longest reply a peer posts (the rest of a `{text}` expansion is cut).
    public static let maxReplyLength = 2000

    /// The replies `message` triggers among `members`, soonest first.
    public static func replies(to message: ChatMessage, members: [String], world: World) -> [PeerReply] {
        var out: [PeerReply] = []
        for peer in world.peers where peer.id != message.senderId && members.contains(peer.id) {
            guard let rule = peer.rules.first(where: { $0.matches(message.text) }) else { continue }
            let name = world.contacts.first { $0.id == peer.id }?.name ?? peer.id
            let text = String(render(rule.reply, text: message.text, from: message.senderName, name: name).prefix(maxReplyLength))
            guard !text.isEmpty else { continue }
            out.append(PeerReply(peer: peer.id, text: text, delayMs: max(0, rule.delayMs)))
        }
        return out.enumerated().sorted { ($0.element.delayMs, $0.offset) < ($1.element.delayMs, $1.offset) }.map(\.element)
    }

    /// Fills `{text}`, `{from}` and `{name}` in one pass (text that came in is not expanded again).
    public static func render(_ template: String, text: String, from: String, name: String) -> String {
        var out = ""
        var rest = Substring(template)
        let fields = ["{text}": text, "{from}": from, "{name}": name]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let tail = rest[open...]
            if let (key, value) = fields.first(where: { tail.hasPrefix($0.key) }) {
                out += value
                rest = tail.dropFirst(key.count)
            } else {
                out += "{"
                rest = tail.dropFirst()
            }
        }
        return out + rest
    }
}

/// The conversations one running app may see: the one it was launched from and those the user
/// picked for it with `chooseConversation` (for this run only); and whether the gate has let it
/// read in this run (a `chat.read` call went through, e.g. allowed once).
final class ChatVisibility: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String]
    private var allowedToRead = false

    init(launch: String?) { ids = launch.map { [$0] } ?? [] }

    func contains(_ id: String) -> Bool { lock.withLock { ids.contains(id) } }
    var all: [String] { lock.withLock { ids } }
    func add(_ id: String) { lock.withLock { if !ids.contains(id) { ids.append(id) } } }

    /// Set once a `chat.read` API passed the gate in this run.
    var readAllowed: Bool {
        get { lock.withLock { allowedToRead } }
        set { lock.withLock { allowedToRead = newValue } }
    }
}

/// The host's chat traffic (one per host): it posts the messages apps send, runs the peers'
/// replies, and delivers new messages as `onMessage` events to the running apps that may see
/// them. New messages written by another process into the same data directory (`minihost chat
/// post`) are found by polling the message table while some running app can see a conversation.
///
/// An app receives a message when the conversation is in its visible set, its manifest declares
/// `chat.read` and the user has not denied it, and it is not the app that sent the message. Apps
/// are known to the hub from their first chat call.
public final class ChatHub: @unchecked Sendable {
    // What it needs of the host's services, not the services themselves: they keep the hub (a
    // component), and a hub that kept them would keep both, their database open, forever.
    private let world: World
    private let clock: @Sendable () -> Date
    private let grants: GrantStore
    let store: ChatStore
    /// How often the watcher looks for messages posted by other processes.
    public let pollInterval: TimeInterval
    private let queue = DispatchQueue(label: "minihost.chat")
    private let lock = NSLock()
    private var sessions: [ObjectIdentifier: AppSession] = [:]
    // The fields below are used on `queue` only.
    private var lastSeen: Int64
    private var origins: [Int64: ObjectIdentifier] = [:]
    private var timer: DispatchSourceTimer?

    init(services: HostServices, store: ChatStore, pollInterval: TimeInterval = 0.15) {
        self.world = services.world
        self.clock = services.clock
        self.grants = services.grants
        self.store = store
        self.pollInterval = pollInterval
        self.lastSeen = (try? store.lastMessageId()) ?? 0
        queue.setSpecific(key: Self.onQueue, value: true)
    }

    /// Remembers a running app (idempotent) and starts the watcher if it can see a conversation.
    func register(_ session: AppSession) {
        let id = ObjectIdentifier(session)
        let added = lock.withLock { () -> Bool in
            guard sessions[id] == nil, session.isRunning else { return false }
            sessions[id] = session
            return true
        }
        if added {
            session.onStop { [weak self] in self?.unregister(id) }
        }
        updateWatcher()
    }

    private func unregister(_ id: ObjectIdentifier) {
        _ = lock.withLock { sessions.removeValue(forKey: id) }
        updateWatcher()
    }

    /// Starts the watcher when a running app can see a conversation, stops it when none can.
    /// Synchronous, so a message posted elsewhere after an app's chat call returned is an event.
    func updateWatcher() {
        if DispatchQueue.getSpecific(key: Self.onQueue) == true {
            updateWatcherOnQueue()
        } else {
            queue.sync { updateWatcherOnQueue() }
        }
    }

    private static let onQueue = DispatchSpecificKey<Bool>()

    private func updateWatcherOnQueue() {
        if watchNeeded, timer == nil {
            // What was posted while nobody watched is history (getMessages), not an event.
            lastSeen = max(lastSeen, (try? store.lastMessageId()) ?? lastSeen)
            let t = DispatchSource.makeTimerSource(queue: queue)
            t.schedule(deadline: .now() + pollInterval, repeating: pollInterval)
            t.setEventHandler { [weak self] in self?.tick() }
            timer = t
            t.resume()
        } else if !watchNeeded, let t = timer {
            t.cancel()
            timer = nil
        }
    }

    /// Whether the watcher is polling (for tests).
    var isWatching: Bool { queue.sync { timer != nil } }

    private func tick() {
        poll()
        if !watchNeeded, let t = timer {
            t.cancel()
            timer = nil
        }
    }

    /// True while some registered app is running and can see a conversation.
    private var watchNeeded: Bool {
        lock.withLock { Array(sessions.values) }.contains { $0.isRunning && !visibility($0).all.isEmpty }
    }

    func visibility(_ session: AppSession) -> ChatVisibility {
        session.component(ChatVisibility.self) { ChatVisibility(launch: session.launchConversation) }
    }

    /// Posts a message the user sends through `session`'s app (provenance from the host's record
    /// of the app), delivers it to the other apps that may see it and starts the peers' replies.
    func send(from session: AppSession, conversation: String, text: String) throws -> ChatMessage {
        let user = world.user.id
        let message: ChatMessage = try queue.sync {
            let m = try store.post(conversation: conversation, sender: user, text: text, time: clock(),
                                   viaAppId: session.app.appId, viaAppName: session.app.manifest.name)
            origins[m.id] = ObjectIdentifier(session)
            poll()
            return m
        }
        schedulePeers(after: message)
        return message
    }

    /// Schedules the peers' replies to `message`; every running app that will receive a reply is
    /// held (kept from idling) until it has been delivered.
    func schedulePeers(after message: ChatMessage) {
        let members = (try? store.conversation(message.conversationId)?.members) ?? []
        for reply in ChatPeers.replies(to: message, members: members, world: world) {
            let held = lock.withLock { Array(sessions.values) }.filter { mayReceive($0, message.conversationId) }
            for s in held { s.hold() }
            queue.asyncAfter(deadline: .now() + .milliseconds(reply.delayMs)) { [self] in
                defer { for s in held { s.release() } }
                do {
                    _ = try store.post(conversation: message.conversationId, sender: reply.peer, text: reply.text, time: clock())
                } catch {
                    FileHandle.standardError.write(Data("minihost: chat: peer \(reply.peer) could not reply in \(message.conversationId): \(error)\n".utf8))
                }
                poll()
            }
        }
    }

    /// Delivers every message above `lastSeen`. Runs on `queue`.
    private func poll() {
        while true {
            let batch: [ChatMessage]
            do { batch = try store.messages(after: lastSeen) } catch { return }
            guard let last = batch.last else { return }
            let targets = lock.withLock { Array(sessions.values) }
            for m in batch {
                let origin = origins.removeValue(forKey: m.id)
                for s in targets where ObjectIdentifier(s) != origin && mayReceive(s, m.conversationId) {
                    s.send("Message", .object([
                        "conversationId": .string(m.conversationId),
                        "message": ChatService.json(m, app: s.appId, store: store),
                    ]))
                }
            }
            lastSeen = last.id
        }
    }

    /// Whether `session`'s app gets events of `conversation`: running, the conversation visible to
    /// it, `chat.read` declared, and granted — or, not decided yet, allowed once in this run (a
    /// `chat.read` call went through). A denial (also one made while it runs) stops delivery.
    func mayReceive(_ session: AppSession, _ conversation: String) -> Bool {
        let visible = visibility(session)
        guard session.isRunning, visible.contains(conversation),
              CapabilityGate.isDeclared(.chatRead, in: session.app.manifest) else { return false }
        switch (try? grants.state(app: session.appId, permission: .chatRead)) ?? .denied {
        case .granted: return true
        case .prompt: return visible.readAllowed
        case .denied: return false
        }
    }
}
