import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore

/// Records what the host sends an app, and its holds.
final class RecordingChannel: AppEventChannel, @unchecked Sendable {
    private let lock = NSLock()
    private var received: [BridgeEvent] = []
    private var held = 0
    private var maxHeld = 0

    func send(_ event: BridgeEvent) { lock.withLock { received.append(event) } }
    func hold() { lock.withLock { held += 1; maxHeld = max(maxHeld, held) } }
    func release() { lock.withLock { held -= 1 } }

    var events: [BridgeEvent] { lock.withLock { received } }
    var holds: Int { lock.withLock { held } }
    var maxHolds: Int { lock.withLock { maxHeld } }

    /// The texts of the `Message` events so far.
    var texts: [String] {
        events.compactMap { e -> String? in
            guard e.name == "Message", case let .value(v) = e.payload else { return nil }
            return v["message"]?["text"]?.stringValue
        }
    }

    /// Waits until `predicate` holds (false after `timeout` seconds).
    func wait(timeout: Double = 5, _ predicate: (RecordingChannel) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(self) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return predicate(self)
    }
}

/// The chat service on the host side, without a VM: least authority over conversations,
/// per-message consent, rate limit, provenance, peers, the watcher and the pickers.
@Suite struct ChatTests {
    static let world = World(
        contacts: [
            WorldContact(id: "lin", name: "Lin", phone: "+86 1"),
            WorldContact(id: "sam", name: "Sam"),
            WorldContact(id: "mum", name: "Mum"),
        ],
        conversations: [
            WorldConversation(id: "team", title: "Team", members: ["me", "lin", "sam"], messages: [
                WorldMessage(from: "lin", text: "morning", time: "2026-01-01T08:00:00Z"),
                WorldMessage(from: "me", text: "hi"),
            ]),
            WorldConversation(id: "family", title: "Family", members: ["me", "mum"], messages: [WorldMessage(from: "mum", text: "secret")]),
            WorldConversation(id: "quiet", title: "Quiet", members: ["me", "sam"]),
        ],
        peers: [
            WorldPeer(id: "lin", rules: [WorldPeerRule(match: .contains, text: "check-in", reply: "here", delayMs: 30)]),
            WorldPeer(id: "sam", rules: [
                WorldPeerRule(match: .equals, text: "ping", reply: "pong from {name} to {from}: {text}", delayMs: 10),
                WorldPeerRule(match: .contains, text: "check-in", reply: "late", delayMs: 60),
            ]),
        ])

    static func manifest(id: String = "org.test.chat", name: String = "Chat Test", _ permissions: [String]) throws -> Manifest {
        let req = permissions.map { #"{"name": "\#($0)"}"# }.joined(separator: ", ")
        return try Manifest.parse(Data(#"{"app_id": "\#(id)", "name": "\#(name)", "pages": ["p/i"], "req_permissions": [\#(req)]}"#.utf8), file: "t")
    }

    static func services(_ prompter: Prompter) throws -> HostServices {
        try HostServices(database: MiniHostDatabase.inMemory(), prompter: prompter, world: world)
    }

    /// A bridge for an app, connected to a recording channel (so it counts as running).
    static func app(_ services: HostServices, id: String = "org.test.chat", name: String = "Chat Test", _ permissions: [String] = ["chat.read", "chat.send"],
                    conversation: String? = "team") throws -> (AppBridge, RecordingChannel) {
        let b = AppBridge(app: AppIdentity(manifest: try manifest(id: id, name: name, permissions)), registry: HostAPIRegistry.standard(services: services),
                          services: services, launchConversation: conversation)
        let channel = RecordingChannel()
        b.connect(channel)
        return (b, channel)
    }

    func call(_ b: AppBridge, _ api: String, _ args: [String: JSONValue] = [:]) -> Result<BridgeValue, BridgeError> {
        b.handle(BridgeCall(id: 1, api: api, arguments: .object(args)))
    }

    func value(_ r: Result<BridgeValue, BridgeError>) throws -> JSONValue {
        guard case let .value(v) = try r.get() else { throw BridgeError(.hostError, "not a value") }
        return v
    }

    func code(_ r: Result<BridgeValue, BridgeError>) -> Int? {
        if case let .failure(e) = r { return e.code.rawValue }
        return nil
    }

    func send(_ b: AppBridge, _ conversation: String, _ text: String) -> Result<BridgeValue, BridgeError> {
        call(b, "sendMessage", ["conversationId": .string(conversation), "text": .string(text)])
    }

    static func store(_ services: HostServices) throws -> ChatStore {
        try ChatService(services: services).store()
    }

    @Test func seedsTheWorldOnceAndKeepsHistory() throws {
        let db = try MiniHostDatabase.inMemory()
        let store = try ChatStore(database: db, world: Self.world)
        #expect(try store.conversations().map(\.id) == ["family", "quiet", "team"])
        let team = try store.messages(in: "team", limit: 10).messages
        #expect(team.map(\.text) == ["morning", "hi"])
        #expect(team.first?.senderName == "Lin")
        #expect(team.first?.time == ISO8601DateFormatter().date(from: "2026-01-01T08:00:00Z"))
        try store.post(conversation: "team", sender: "sam", text: "new", time: Date())
        // Opening again (another run, another world with the same id) keeps the stored history
        // and adds only conversations that are new.
        var other = Self.world
        other.conversations = [WorldConversation(id: "team", title: "Renamed", members: ["me"], messages: [WorldMessage(from: "me", text: "reseeded")]),
                               WorldConversation(id: "extra", title: "Extra", members: ["me", "lin"])]
        let again = try ChatStore(database: db, world: other)
        #expect(try again.messages(in: "team", limit: 10).messages.map(\.text) == ["morning", "hi", "new"])
        #expect(try again.conversation("team")?.title == "Team")
        #expect(try again.conversations().map(\.id) == ["extra", "family", "quiet", "team"])
        #expect(throws: ChatStoreError.self) { try again.post(conversation: "team", sender: "mum", text: "x", time: Date()) }
        #expect(throws: ChatStoreError.self) { try again.post(conversation: "nope", sender: "me", text: "x", time: Date()) }
    }

    @Test func pagesOfMessagesGoBackwards() throws {
        let store = try ChatStore(database: MiniHostDatabase.inMemory(), world: Self.world)
        for i in 1...5 { try store.post(conversation: "quiet", sender: "sam", text: "m\(i)", time: Date()) }
        let last2 = try store.messages(in: "quiet", limit: 2)
        #expect(last2.messages.map(\.text) == ["m4", "m5"] && last2.hasMore)
        let before = try store.messages(in: "quiet", before: last2.messages[0].id, limit: 10)
        #expect(before.messages.map(\.text) == ["m1", "m2", "m3"] && !before.hasMore)
    }

    @Test func withoutChatReadAnAppSeesNoConversation() throws {
        let prompter = ScriptedPrompter(answer: { _ in .allowAlways })
        let services = try Self.services(prompter)
        let (b, _) = try Self.app(services, ["chat.send"])
        #expect(call(b, "getConversations") == .failure(.notDeclared))
        #expect(call(b, "getMessages", ["conversationId": .string("team")]) == .failure(.notDeclared))
        #expect(prompter.requests.isEmpty)
    }

    @Test func withChatReadOnlyItsOwnConversation() throws {
        let services = try Self.services(ScriptedPrompter(answer: { _ in .allowAlways }))
        let (b, _) = try Self.app(services)
        let list = try value(call(b, "getConversations"))["conversations"]?.arrayValue ?? []
        #expect(list.map { $0["conversationId"]?.stringValue } == ["team"])
        #expect(list.first?["memberCount"] == .number(3))
        #expect(list.first?["members"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Alex", "Lin", "Sam"])
        let messages = try value(call(b, "getMessages", ["conversationId": .string("team")]))
        #expect(messages["messages"]?.arrayValue?.compactMap { $0["text"]?.stringValue } == ["morning", "hi"])
        // Another real conversation and one that does not exist fail alike.
        let other = call(b, "getMessages", ["conversationId": .string("family")])
        let missing = call(b, "getMessages", ["conversationId": .string("nope")])
        #expect(code(other) == 1007)
        guard case let .failure(e1) = other, case let .failure(e2) = missing else { return }
        #expect(e1.reason.replacingOccurrences(of: "family", with: "X") == e2.reason.replacingOccurrences(of: "nope", with: "X"))
        #expect(code(send(b, "family", "hello")) == 1007)
        // Launched from no conversation: nothing at all.
        let (none, _) = try Self.app(services, id: "org.test.none", conversation: nil)
        #expect(try value(call(none, "getConversations"))["conversations"] == .array([]))
        #expect(code(call(none, "getMessages", ["conversationId": .string("team")])) == 1007)
    }

    @Test func eachMessageNeedsConsentAndCarriesProvenance() throws {
        // chat.send itself (remembered), then: deny, once, always.
        let prompter = ScriptedPrompter([.allowAlways, .allowAlways, .deny, .allowOnce, .allowAlways])
        let services = try Self.services(prompter)
        let (b, _) = try Self.app(services, name: "Checker")
        _ = try value(call(b, "getConversations"))
        let store = try Self.store(services)
        let before = try store.messages(in: "team", limit: 100).messages.count
        #expect(send(b, "team", "no thanks") == .failure(BridgeError(.cancelled, "cancel: the user declined to send the message")))
        #expect(try store.messages(in: "team", limit: 100).messages.count == before)
        let sent = try value(send(b, "team", "once"))
        #expect(sent["messageId"]?.numberValue != nil && sent["time"]?.numberValue != nil)
        let kinds = prompter.requests.map(\.kind)
        #expect(kinds.suffix(2) == [.chatMessage, .chatMessage])
        let prompt = try #require(prompter.requests.last)
        #expect(prompt.appName == "Checker")
        #expect(prompt.details.contains(PromptDetail("message", "once")))
        #expect(prompt.details.contains(PromptDetail("conversation", "Team")))
        // "always in this conversation" is remembered for (app, conversation) …
        _ = try value(send(b, "team", "always"))
        #expect(try services.grants.state(app: "org.test.chat", permission: .chatSend, scope: "team") == .granted)
        let asked = prompter.requests.count
        _ = try value(send(b, "team", "no prompt now"))
        #expect(prompter.requests.count == asked)
        let texts = try store.messages(in: "team", limit: 100).messages.suffix(3)
        #expect(texts.map(\.text) == ["once", "always", "no prompt now"])
        #expect(texts.allSatisfy { $0.senderId == "me" && $0.viaAppId == "org.test.chat" && $0.viaAppName == "Checker" && $0.provenance == "via Checker" })
        let decisions = try services.audit.entries(app: "org.test.chat", limit: nil).filter { $0.api == "sendMessage" }
            .flatMap { Array(repeating: $0.decision, count: $0.count) }
        // Each call: the gate's chat.send stage, then the message's own consent.
        #expect(decisions == ["allow", "deny", "allow", "allow", "allow", "allow", "allow", "allow"])
    }

    @Test func aLongMessageIsShownWhole() throws {
        let c = ChatConversation(id: "team", title: "Team", members: ["me"])
        let store = try ChatStore(database: MiniHostDatabase.inMemory(), world: Self.world)
        let text = String(repeating: "abcdefghij", count: 200) + "\u{1B}[2J"
        let details = ChatService.promptDetails(c, text: text, store: store)
        let shown = details.dropFirst(2).map(\.value).joined()
        #expect(shown == PromptText.sanitize(text, maxLength: 10_000))
        #expect(details.dropFirst(2).allSatisfy { PromptText.sanitize($0.value) == $0.value })
    }

    @Test func aHostileAppCannotSendFasterThanItsLimit() throws {
        let services = try Self.services(ScriptedPrompter(answer: { _ in .allowAlways }))
        let (b, _) = try Self.app(services)
        // quiet is not visible to this app, yet every attempt counts.
        for i in 1...10 { #expect(code(send(b, "quiet", "spam \(i)")) == 1007) }
        let (b2, _) = try Self.app(services, id: "org.test.other", conversation: "quiet")
        for i in 1...10 { _ = send(b2, "quiet", "ok \(i)") }
        guard case let .failure(e) = send(b2, "quiet", "eleventh") else { Issue.record("not limited"); return }
        #expect(e.code == .limitExceeded)
        #expect(e.reason.hasPrefix("rate limit exceeded: at most 10 calls a minute"))
        // The first app's bucket is its own.
        guard case let .failure(e1) = send(b, "team", "11th") else { Issue.record("not limited"); return }
        #expect(e1.code == .limitExceeded)
        let store = try Self.store(services)
        #expect(try store.messages(in: "quiet", limit: 100).messages.count == 10)
        #expect(try services.audit.entries(app: "org.test.other", limit: nil).last?.decision == "rate-limited")
    }

    @Test func provenanceComesFromTheHostNotTheArguments() throws {
        let services = try Self.services(ScriptedPrompter(answer: { _ in .allowAlways }))
        let (b, _) = try Self.app(services, id: "org.evil", name: "Evil")
        _ = try value(call(b, "sendMessage", ["conversationId": .string("team"), "text": .string("trust me"),
                                              "via": .string("Bank"), "viaAppName": .string("Bank"), "from": .string("lin"), "senderId": .string("lin")]))
        let m = try #require(try Self.store(services).messages(in: "team", limit: 1).messages.last)
        #expect(m.text == "trust me" && m.senderId == "me" && m.viaAppId == "org.evil" && m.viaAppName == "Evil")
    }

    @Test func argumentsAreCheckedBeforeAnyPrompt() throws {
        let prompter = ScriptedPrompter(answer: { _ in .allowAlways })
        let services = try Self.services(prompter)
        let (b, _) = try Self.app(services)
        #expect(send(b, "team", "") == .failure(.invalid("text must be a non-empty string of at most 2000 characters (got an empty string)")))
        #expect(send(b, "team", String(repeating: "x", count: 2001)) == .failure(.invalid("text must be a non-empty string of at most 2000 characters (got 2001 characters)")))
        #expect(call(b, "sendMessage", ["text": .string("x")]) == .failure(.invalid("conversationId must be a non-empty string of at most 128 characters (it is missing)")))
        #expect(call(b, "getMessages", ["conversationId": .string("team"), "limit": .number(101)]) == .failure(.invalid("limit must be an integer from 1 to 100 (got 101)")))
        #expect(prompter.requests.isEmpty)
    }

    @Test func peersReplyAndAppsThatMaySeeGetEvents() throws {
        let services = try Self.services(ScriptedPrompter(answer: { _ in .allowAlways }))
        let (sender, senderEvents) = try Self.app(services, id: "org.test.sender", name: "Sender")
        let (watcher, watcherEvents) = try Self.app(services, id: "org.test.watcher", ["chat.read"])
        let (blind, blindEvents) = try Self.app(services, id: "org.test.blind", ["chat.send"])
        let (elsewhere, elsewhereEvents) = try Self.app(services, id: "org.test.elsewhere", ["chat.read"], conversation: "family")
        _ = try value(call(sender, "getConversations"))
        _ = try value(call(watcher, "getConversations"))
        _ = call(blind, "getConversations")
        _ = try value(call(elsewhere, "getConversations"))
        _ = try value(send(sender, "team", "Check-in please"))
        // The sender is held until the replies arrive.
        #expect(senderEvents.maxHolds >= 1)
        #expect(senderEvents.wait { $0.texts == ["here", "late"] })
        #expect(senderEvents.wait { $0.holds == 0 })
        #expect(watcherEvents.wait { $0.texts == ["Check-in please", "here", "late"] })
        let first = try #require(watcherEvents.events.first)
        guard case let .value(payload) = first.payload else { Issue.record("no payload"); return }
        #expect(payload["conversationId"] == .string("team"))
        #expect(payload["message"]?["via"]?["name"] == .string("Sender"))
        #expect(payload["message"]?["from"]?["isSelf"] == .bool(true))
        #expect(payload["message"]?["from"]?["id"]?.stringValue?.hasPrefix("u_") == true)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(blindEvents.events.isEmpty)
        #expect(elsewhereEvents.events.isEmpty)
        // A denied chat.read stops delivery.
        try services.grants.set(app: "org.test.watcher", permission: .chatRead, state: .denied)
        _ = try value(send(sender, "team", "ping"))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(watcherEvents.texts.count == 3)
        #expect(senderEvents.texts == ["here", "late", "pong from Sam to Alex: ping"])
    }

    @Test func postsFromAnotherProcessReachRunningApps() throws {
        let services = try Self.services(ScriptedPrompter(answer: { _ in .allowAlways }))
        let (b, events) = try Self.app(services)
        _ = try value(call(b, "getConversations"))
        let store = try Self.store(services)
        let hub = services.component(ChatHub.self) { ChatHub(services: services, store: store) }
        #expect(hub.isWatching)
        // Another writer (as `minihost chat post` would be) on the same database.
        let other = try ChatStore(database: services.database, world: Self.world)
        try other.post(conversation: "team", sender: "sam", text: "from outside", time: Date())
        try other.post(conversation: "family", sender: "mum", text: "not for this app", time: Date())
        #expect(events.wait { $0.texts == ["from outside"] })
        Thread.sleep(forTimeInterval: 0.3)
        #expect(events.texts == ["from outside"])
        // Once the app stops, the watcher stops.
        b.disconnect()
        #expect(events.wait { _ in !hub.isWatching })
    }

    @Test func deliveryWaitsUntilTheUserLetTheAppRead() throws {
        let prompter = ScriptedPrompter(answer: { _ in .allowOnce })
        let services = try Self.services(prompter)
        let (b, events) = try Self.app(services, ["chat.read"], conversation: nil)
        prompter.enqueuePicks(2)
        #expect(try value(call(b, "chooseConversation"))["conversationId"] == .string("team"))
        let other = try ChatStore(database: services.database, world: Self.world)
        // Picked, but chat.read never allowed: the pick alone does not let it read.
        try other.post(conversation: "team", sender: "sam", text: "before", time: Date())
        Thread.sleep(forTimeInterval: 0.4)
        #expect(events.texts.isEmpty)
        _ = try value(call(b, "getMessages", ["conversationId": .string("team")]))
        #expect(try services.grants.state(app: "org.test.chat", permission: .chatRead) == .prompt)
        try other.post(conversation: "team", sender: "sam", text: "after", time: Date())
        #expect(events.wait { $0.texts == ["after"] })
    }

    @Test func pickersGiveOnlyWhatWasPicked() throws {
        let prompter = ScriptedPrompter(answer: { _ in .allowAlways })
        let services = try Self.services(prompter)
        let (b, _) = try Self.app(services, conversation: nil)
        prompter.enqueuePicks(nil, 0, 0)
        #expect(call(b, "chooseConversation") == .failure(.cancel))
        let picked = try value(call(b, "chooseConversation"))
        #expect(picked == .object(["conversationId": .string("family"), "title": .string("Family"), "memberCount": .number(2)]))
        #expect(prompter.choiceRequests.last?.kind == .conversation)
        #expect(prompter.choiceRequests.last?.options == ["Family (2 members)", "Quiet (2 members)", "Team (3 members)"])
        let list = try value(call(b, "getConversations"))["conversations"]?.arrayValue ?? []
        #expect(list.map { $0["conversationId"]?.stringValue } == ["family"])
        #expect(code(call(b, "getMessages", ["conversationId": .string("team")])) == 1007)
        let contact = try value(call(b, "chooseContact"))
        #expect(contact["name"] == .string("Lin") && contact["phone"] == .string("+86 1"))
        let handle = try #require(contact["id"]?.stringValue)
        #expect(handle != "lin" && handle.hasPrefix("u_"))
        // The same person has the same handle in this app's messages, another in another app.
        let store = try Self.store(services)
        #expect(try store.handle(for: "lin", app: "org.test.chat") == handle)
        #expect(try store.handle(for: "lin", app: "org.test.other") != handle)
        #expect(call(b, "chooseContact") == .failure(.cancel))
        let decisions = try services.audit.entries(app: "org.test.chat", limit: nil)
            .flatMap { Array(repeating: $0.decision, count: $0.count) }
        #expect(decisions.filter { $0 == "cancel" }.count == 2)
    }

    @Test func peerRulesAndTemplates() {
        #expect(ChatPeers.render("{name} got {text} from {from} {x}", text: "{name}", from: "Alex", name: "Sam") == "Sam got {name} from Alex {x}")
        let m = ChatMessage(id: 1, conversationId: "team", senderId: "me", senderName: "Alex", text: "Daily check-in", time: Date())
        #expect(ChatPeers.replies(to: m, members: ["me", "lin", "sam"], world: Self.world) ==
                [PeerReply(peer: "lin", text: "here", delayMs: 30), PeerReply(peer: "sam", text: "late", delayMs: 60)])
        #expect(ChatPeers.replies(to: m, members: ["me", "sam"], world: Self.world).map(\.peer) == ["sam"])
        var fromLin = m
        fromLin.senderId = "lin"
        #expect(ChatPeers.replies(to: fromLin, members: ["me", "lin"], world: Self.world).isEmpty)
    }
}
