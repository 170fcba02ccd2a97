import Foundation
import MiniHostCore
import MiniHostProtocol

/// The tool panels' world and audit log: the wallet, the conversations, where the user is, and
/// the gate's latest decisions about the app, sent when they changed.
extension PreviewSession {
    static let auditShown = 100
    static let messagesShown = 20
    static let panelsInterval: TimeInterval = 0.25

    /// Reads the panels at most every `panelsInterval` seconds (a burst of taps reads them once
    /// more after the burst), and sends what changed.
    func sendPanels() {
        let now = Date()
        let wait = lock.withLock { () -> TimeInterval? in
            if panelsScheduled { return nil }
            let due = lastPanelsRead.addingTimeInterval(Self.panelsInterval)
            if due > now { panelsScheduled = true; return due.timeIntervalSince(now) }
            lastPanelsRead = now
            return 0
        }
        guard let wait else { return }
        if wait > 0 {
            DispatchQueue.global().asyncAfter(deadline: .now() + wait) { [weak self] in
                guard let self else { return }
                self.lock.withLock { self.panelsScheduled = false }
                self.sendPanels()
            }
            return
        }
        let (world, audit) = panelsMessages()
        let changed = lock.withLock { () -> Bool in
            if lastPanels == world + audit { return false }
            lastPanels = world + audit
            return true
        }
        if changed {
            broadcast(world)
            broadcast(audit)
        }
    }

    /// `{"type":"world",…}` and `{"type":"audit","entries":[…]}` (the latest entries, oldest first).
    func panelsMessages() -> (world: String, audit: String) {
        let appId = lock.withLock { package.manifest.appId }
        var world: [String: JSONValue] = [:]
        if let wallet = try? services.walletStore().wallet() {
            world["wallet"] = .object(["balance": .string(Self.money(wallet.balance)), "currency": .string(wallet.currency)])
        }
        if let chats = try? services.chatStore(),
           let conversations = try? chats.conversations() {
            world["conversations"] = .array(conversations.map { c in
                let messages = (try? chats.messages(in: c.id, limit: Self.messagesShown).messages) ?? []
                return .object(["id": .string(c.id), "title": .string(c.title),
                                "messages": .array(messages.map { m in
                                    .object(["from": .string(m.senderName), "text": .string(m.text),
                                             "via": m.viaAppName.map { .string($0) } ?? .null])
                                })])
            })
        }
        let fix = LocationService.provider(services).current()
        world["location"] = .object(["latitude": .number(fix.latitude), "longitude": .number(fix.longitude)])
        let entries = (try? services.audit.entries(app: appId, limit: Self.auditShown)) ?? []
        let audit = JSONValue.array(entries.map { e in
            .object(["time": .string(e.timeText), "api": .string(e.api), "permission": e.permission.map { .string($0) } ?? .null,
                     "decision": .string(e.decision), "reason": .string(e.reason), "count": .number(Double(e.count))])
        })
        world["type"] = .string("world")
        return (JSONValue.object(world).jsonText, JSONValue.object(["type": .string("audit"), "entries": audit]).jsonText)
    }

    /// Minor units as the wallet shows them: 1250 → "12.50".
    static func money(_ minor: Int64) -> String {
        let sign = minor < 0 ? "-" : ""
        let v = abs(minor)
        return "\(sign)\(v / 100).\(String(format: "%02d", Int(v % 100)))"
    }

    /// The person at the browser moves the user.
    func moveUser(latitude: Double, longitude: Double) {
        do {
            try LocationService.provider(services).moveTo(latitude: latitude, longitude: longitude)
        } catch {
            broadcast("error", ["kind": .string("preview"), "message": .string("location: \(error)"), "stack": .null])
        }
        sendPanels()
    }
}
