import Foundation
import Testing
@testable import MiniHostCore

/// World files: defaults, every field read, and precise errors.
@Suite struct WorldTests {
    func parse(_ text: String) throws(WorldError) -> World { try World.parse(Data(text.utf8), file: "w.json") }

    func error(_ text: String) -> String {
        do { _ = try parse(text); return "" } catch { return error.message }
    }

    @Test func anEmptyFileIsTheDefaultWorld() throws {
        #expect(try parse("{}") == World.default)
        #expect(World.default.problems().isEmpty)
    }

    @Test func everyFieldIsRead() throws {
        let w = try parse("""
        {"user": {"id": "u", "name": "Una"},
         "wallet": {"currency": "USD", "balance": 500, "per_payment_limit": 100, "daily_limit": 300},
         "merchants": [{"id": "m1", "name": "Shop", "key": "k"}],
         "location": {"provider": "route", "speed": 10, "loop": true, "points": [{"t": 0, "latitude": 1, "longitude": 2}, {"t": 5, "latitude": 1.1, "longitude": 2.1, "altitude": 7}]},
         "places": [{"name": "P", "address": "A", "latitude": 3, "longitude": 4}],
         "contacts": [{"id": "c", "name": "Cy", "phone": "123"}],
         "conversations": [{"id": "x", "title": "X", "members": ["u", "c"], "messages": [{"from": "c", "text": "hi"}]}],
         "peers": [{"id": "c", "rules": [{"match": "contains", "text": "here", "reply": "ok {from}", "delay_ms": 5}]}],
         "policy": {"payment": "allow", "choose": "deny"}}
        """)
        #expect(w.user == WorldUser(id: "u", name: "Una"))
        #expect(w.wallet == WorldWallet(currency: "USD", balance: 500, perPaymentLimit: 100, dailyLimit: 300))
        #expect(w.merchant("m1")?.key == "k")
        #expect(w.location.provider == .route && w.location.points.count == 2 && w.location.loop && w.location.speed == 10)
        #expect(w.location.points[1].altitude == 7)
        #expect(w.places.first?.name == "P")
        #expect(w.name(of: "c") == "Cy" && w.name(of: "u") == "Una")
        #expect(w.conversations.first?.messages.first?.text == "hi")
        #expect(w.peers.first?.rules.first?.matches("I am HERE") == true)
        #expect(w.peers.first?.rules.first?.matches("late") == false)
        #expect(w.policy == ["payment": .allow, "choose": .deny])
    }

    @Test func mistakesAreNamedWithTheFileAndTheField() {
        #expect(error("{\"wallet\": {\"balance\": \"lots\"}}") == "w.json: wallet.balance must be an integer")
        #expect(error("{\"peers\": [{\"id\": \"lin\", \"rule\": []}]}") == "w.json: \"peers[0].rule\" is not a world field (see docs/world.schema.json)")
        #expect(error("{\"location\": {\"provider\": \"route\"}}").contains("location.points must hold at least one point"))
        #expect(error("{\"location\": {\"latitude\": 91}}").contains("location.latitude must be within -90…90"))
        #expect(error("{\"conversations\": [{\"id\": \"c\", \"members\": [\"me\", \"ghost\"]}]}").contains("conversations[0].members: \"ghost\" is neither user.id nor a contact"))
        #expect(error("{\"wallet\": {\"currency\": \"yen\"}}").contains("wallet.currency must be an ISO 4217 code"))
        #expect(error("{\"policy\": {\"teleport\": \"allow\"}}").contains("policy: \"teleport\" is not a permission"))
        #expect(error("{\"peers\": [{\"id\": \"lin\", \"rules\": [{\"match\": \"regex\", \"text\": \"(\", \"reply\": \"x\"}]}]}").contains("peers[0].rules[0].text is not a valid regular expression"))
        #expect(error("[1]").hasPrefix("w.json: "))
        #expect(error("{").hasPrefix("w.json: "))
    }

    /// Numbers a field cannot hold are named with the field, never "not valid JSON"; every number
    /// has a range (a delay of 9.2e18 ms would hold a run forever).
    @Test func numbersOutOfRangeNameTheirField() {
        for balance in ["1.5", "1e30"] {
            let text = error("{\"wallet\": {\"balance\": \(balance)}}")
            #expect(text.hasPrefix("w.json: wallet.balance must be a whole number (got "), "\(text)")
        }
        #expect(error("{\"wallet\": {\"balance\": 1000000000000000001}}").contains("wallet.balance must be from 0 to 1000000000000000 (got 1000000000000000001)"))
        let peer = "{\"contacts\": [{\"id\": \"lin\", \"name\": \"Lin\"}], \"peers\": [{\"id\": \"lin\", \"rules\": [{\"reply\": \"x\", \"delay_ms\": DELAY}]}]}"
        for delay in ["-1", "9200000000000000000"] {
            let text = error(peer.replacingOccurrences(of: "DELAY", with: delay))
            #expect(text.contains("peers[0].rules[0].delay_ms"), "\(text)")
        }
        #expect(error("{\"device\": {\"screen_width\": 0}}").contains("device.screen_width must be from 1 to 10000"))
        #expect(error("{\"device\": {\"pixel_ratio\": 0}}").contains("device.pixel_ratio must be above 0"))
        #expect(error("{\"device\": {\"theme\": \"blue\"}}").contains("device.theme must be"))
        #expect(error("{\"device\": {\"battery_level\": 101}}").contains("device.battery_level must be from 0 to 100 (got 101)"))
        #expect(error("{\"device\": {\"window_height\": 0}}").contains("device.window_height must be from 1 to 10000"))
        #expect(error("{\"device\": {\"font_size_scale\": 9}}").contains("device.font_size_scale must be from 0.5 to 3"))
        #expect(error("{\"device\": {\"safe_area\": {\"top\": 900}}}").contains("device.safe_area: insets must"))
        #expect(error("{\"device\": {\"changes\": [{\"after_ms\": 5}]}}").contains("device.changes[0] must change network_type, theme or memory_warning"))
        #expect(error("{\"device\": {\"changes\": [{\"after_ms\": 1.5, \"theme\": \"dark\"}]}}").contains("device.changes[0].after_ms"))
    }

    @Test func aSessionDeliversOnlyWhileRunningAndRunsStopHandlersOnce() {
        final class Sink: AppEventChannelProbe, @unchecked Sendable {}
        let session = AppSession(app: AppIdentity(manifest: Manifest(appId: "org.t.a", name: "A", pages: ["p"])))
        let sink = Sink()
        session.send("X", .null)  // not connected yet: dropped
        session.connect(sink)
        #expect(session.isRunning)
        session.send("X", .number(1))
        session.hold()
        let count = StopCounter()
        session.onStop { count.add() }
        session.disconnect()
        session.disconnect()
        session.send("X", .number(2))
        session.release()
        #expect(sink.names == ["X"] && sink.holds == 1 && sink.releases == 0)
        #expect(count.value == 1)
        session.onStop { count.add() }  // after the stop: runs at once
        #expect(count.value == 2)
    }
}

final class StopCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}

import MiniHostProtocol

class AppEventChannelProbe: AppEventChannel, @unchecked Sendable {
    private let lock = NSLock()
    private var _names: [String] = []
    private var _holds = 0
    private var _releases = 0
    func send(_ event: BridgeEvent) { lock.withLock { _names.append(event.name) } }
    func hold() { lock.withLock { _holds += 1 } }
    func release() { lock.withLock { _releases += 1 } }
    var names: [String] { lock.withLock { _names } }
    var holds: Int { lock.withLock { _holds } }
    var releases: Int { lock.withLock { _releases } }
}
