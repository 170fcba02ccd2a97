import Foundation
import MiniHostProtocol
import Testing

@testable import MiniHostCore

/// The world's `device` member: location services off (1008, ER-8) and a full disk (a real
/// SQLite `SQLITE_FULL` through `max_page_count`; 1009, ER-9).
@Suite struct DeviceFaultTests {
    // MARK: The world file

    func parse(_ text: String) throws(WorldError) -> World { try World.parse(Data(text.utf8), file: "w.json") }

    func error(_ text: String) -> String {
        do { _ = try parse(text); return "" } catch { return error.message }
    }

    @Test func theDeviceIsReadWithHealthyDefaults() throws {
        #expect(World.default.device == WorldDevice(locationServices: true, storageFull: false))
        #expect(try parse("{}").device == WorldDevice())
        #expect(try parse(#"{"device": {}}"#).device == WorldDevice())
        #expect(try parse(#"{"device": {"location_services": false}}"#).device == WorldDevice(locationServices: false, storageFull: false))
        #expect(try parse(#"{"device": {"storage_full": true}}"#).device == WorldDevice(locationServices: true, storageFull: true))
        #expect(try parse(#"{"device": {"location_services": false, "storage_full": true}}"#).device == WorldDevice(locationServices: false, storageFull: true))
    }

    @Test func deviceMistakesNameThePath() {
        #expect(error(#"{"device": {"gps": false}}"#) == #"w.json: "device.gps" is not a world field (see docs/world.schema.json)"#)
        #expect(error(#"{"device": {"locationServices": false}}"#) == #"w.json: "device.locationServices" is not a world field (see docs/world.schema.json)"#)
        #expect(error(#"{"device": {"storage_full": "yes"}}"#) == "w.json: device.storage_full must be true or false")
        #expect(error(#"{"device": {"location_services": 0}}"#) == "w.json: device.location_services must be true or false")
        #expect(error(#"{"device": true}"#) == "w.json: device must be an object")
    }

    @Test func theSchemaDocumentsTheDevice() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/world.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let device = try #require((schema["properties"] as? [String: Any])?["device"] as? [String: Any])
        #expect(device["additionalProperties"] as? Bool == false)
        #expect(Set(((device["properties"] as? [String: Any]) ?? [:]).keys) == [
            "location_services", "storage_full", "brand", "model", "system", "platform", "pixel_ratio",
            "screen_width", "screen_height", "status_bar_height", "language", "theme", "window_width", "window_height",
            "safe_area", "font_size_scale", "network_type", "wifi_enabled", "bluetooth_enabled", "orientation",
            "battery_level", "battery_charging", "changes",
        ])
    }

    // MARK: Location services off

    struct Host {
        var services: HostServices
        var bridge: AppBridge
        var prompter: ScriptedPrompter

        func call(_ api: String, _ args: [String: JSONValue] = [:]) -> Result<BridgeValue, BridgeError> {
            bridge.handle(BridgeCall(id: 1, api: api, arguments: .object(args)))
        }
    }

    static func manifest(_ permissions: [String]) throws -> Manifest {
        let list = permissions.map { #"{"name": "\#($0)", "reason": "r"}"# }.joined(separator: ", ")
        return try Manifest.parse(Data(#"{"app_id": "org.test.device", "name": "Device", "pages": ["p/i"], "req_permissions": [\#(list)]}"#.utf8), file: "t")
    }

    static func host(_ permissions: [String] = ["location"], world: World, answer: PromptAnswer = .allowAlways, database: MiniHostDatabase? = nil) throws -> Host {
        let prompter = ScriptedPrompter(answer: { _ in answer })
        let services = try HostServices(database: database ?? MiniHostDatabase.inMemory(), prompter: prompter, world: world)
        let bridge = AppBridge(app: AppIdentity(manifest: try manifest(permissions)), registry: .standard(services: services), services: services)
        return Host(services: services, bridge: bridge, prompter: prompter)
    }

    static var locationOff: World {
        var w = World.default
        w.device.locationServices = false
        return w
    }

    static let off = BridgeError(.serviceUnavailable, "service unavailable: location services are off")

    @Test func everyAPIThatNeedsThePositionFailsWith1008() throws {
        let h = try Self.host(["location", "location.coarse"], world: Self.locationOff)
        #expect(h.call("getLocation") == .failure(Self.off))
        #expect(h.call("getLocation", ["type": .string("gcj02"), "altitude": .bool(true)]) == .failure(Self.off))
        #expect(h.call("getFuzzyLocation") == .failure(Self.off))
        #expect(h.call("startLocationUpdate", ["interval": .number(100)]) == .failure(Self.off))
        #expect(Self.off.code.rawValue == 1008)
        // Nothing to stop, and nothing was started: stopping succeeds.
        #expect(h.call("stopLocationUpdate") == .success(.empty))
        // The picker needs no position: the user still picks a place.
        h.prompter.enqueuePicks(0)
        let pick = try h.call("chooseLocation").get()
        #expect(pick.jsonText.contains("Tiananmen Square"))
        // Arguments are still checked first.
        #expect(h.call("getLocation", ["type": .string("bd09")]) == .failure(.invalid("type must be one of 'wgs84', 'gcj02' (got 'bd09')")))
    }

    @Test func theConsentGateStillAnswersFirstAndNoGrantChanges() throws {
        // Not declared: 1002, no prompt.
        let undeclared = try Self.host([], world: Self.locationOff)
        #expect(undeclared.call("getLocation") == .failure(.notDeclared))
        #expect(undeclared.call("getFuzzyLocation") == .failure(.notDeclared))
        #expect(undeclared.call("startLocationUpdate") == .failure(.notDeclared))
        #expect(undeclared.prompter.requests.isEmpty)

        // Denied: 1003 (the user's answer is remembered, as always), never 1008.
        let denied = try Self.host(["location"], world: Self.locationOff, answer: .deny)
        #expect(denied.call("getLocation") == .failure(.authDeny))
        #expect(denied.call("startLocationUpdate") == .failure(.authDeny))
        #expect(denied.prompter.requests.count == 1)

        // Granted: 1008; the grant is the user's answer, untouched by the failure, and the audit
        // holds the gate's decisions only.
        let granted = try Self.host(["location"], world: Self.locationOff)
        #expect(granted.call("getLocation") == .failure(Self.off))
        #expect(granted.call("getLocation") == .failure(Self.off))
        #expect(try granted.services.grants.state(app: "org.test.device", permission: .location) == .granted)
        let audit = try granted.services.audit.entries(app: "org.test.device")
        #expect(audit.map(\.decision) == ["allow", "allow"])
        #expect(audit.map(\.reason) == ["the user allowed it (remembered)", "granted"])
    }

    @Test func turningLocationServicesBackOnGivesPositionsAgain() throws {
        let h = try Self.host(["location"], world: Self.locationOff)
        #expect(h.call("getLocation") == .failure(Self.off))
        LocationService.provider(h.services).servicesEnabled = true
        #expect(try h.call("getLocation").get().jsonText.contains("39.9087"))
        LocationService.provider(h.services).servicesEnabled = false
        #expect(h.call("getLocation") == .failure(Self.off))
    }

    // MARK: A full disk

    /// A fresh data directory; removed by `cleanUp`.
    struct TempDir {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-device-\(UUID().uuidString)", isDirectory: true)
        func cleanUp() { try? FileManager.default.removeItem(at: url) }
    }

    static var diskFull: World {
        var w = World.default
        w.device.storageFull = true
        return w
    }

    static let full = BridgeError(.hostError, "host error: cannot write storage (database or disk is full)")

    @Test func aFullDiskFailsWritesThatNeedPagesWith1009AndKeepsWhatIsStored() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        // Stored while the disk still had room.
        do {
            let before = try Self.host(world: .default, database: MiniHostDatabase(directory: dir.url))
            #expect(before.call("setStorage", ["key": .string("kept"), "data": .string("from before")]) == .success(.empty))
        }
        let h = try Self.host(world: Self.diskFull, database: MiniHostDatabase(directory: dir.url))
        let usage = try h.services.database.pageUsage()
        #expect(usage.maxPages == usage.pages)
        // The host's own tables were set up before the disk filled up.
        let tables = try h.services.database.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables.contains("wallet") && tables.contains("chat_message"))

        // A small value fits in the page already there; a 200 KB one needs new pages.
        #expect(h.call("setStorage", ["key": .string("small"), "data": .number(1)]) == .success(.empty))
        let big = JSONValue.string(String(repeating: "x", count: 200_000))
        #expect(h.call("setStorage", ["key": .string("big"), "data": big]) == .failure(Self.full))
        #expect(h.call("setStorage", ["key": .string("kept"), "data": big]) == .failure(Self.full))
        #expect(h.bridge.handle(BridgeCall(id: 2, api: "setStorageSync", arguments: .array([.string("kept"), big])))
            == .failure(BridgeError(.hostError, "host error: cannot write storage (database or disk is full)")))
        #expect(Self.full.code.rawValue == 1009)
        // No host path in what the app sees.
        if case let .failure(e) = h.call("setStorage", ["key": .string("big"), "data": big]) { #expect(!e.reason.contains(dir.url.path)) }

        // Reads work; nothing stored was lost or half-written.
        #expect(h.call("getStorage", ["key": .string("kept")]) == .success(.jsonText(#"{"data":"from before"}"#)))
        #expect(h.call("getStorage", ["key": .string("small")]) == .success(.jsonText(#"{"data":1}"#)))
        #expect(h.call("getStorage", ["key": .string("big")]) == .failure(BridgeError(.notFound, #"data not found for key "big""#)))
        #expect(try h.services.storage.load(app: "org.test.device") == ["kept": #""from before""#, "small": "1"])
        // Removing frees room again: the freed pages are reused without growing the file.
        #expect(h.call("removeStorage", ["key": .string("small")]) == .success(.empty))
        #expect(try h.services.database.pageUsage().pages <= usage.pages)

        // The fault belongs to that host's connection: a host without it writes again, and the
        // data is all there.
        let after = try Self.host(world: .default, database: MiniHostDatabase(directory: dir.url))
        #expect(after.call("setStorage", ["key": .string("big"), "data": big]) == .success(.empty))
        #expect(after.call("getStorage", ["key": .string("kept")]) == .success(.jsonText(#"{"data":"from before"}"#)))
    }

    @Test func aFullDiskInMemoryBehavesTheSame() throws {
        let h = try Self.host(world: Self.diskFull)
        #expect(h.call("setStorage", ["key": .string("a"), "data": .string("b")]) == .success(.empty))
        #expect(h.call("setStorage", ["key": .string("big"), "data": .string(String(repeating: "y", count: 200_000))]) == .failure(Self.full))
        #expect(h.call("getStorage", ["key": .string("a")]) == .success(.jsonText(#"{"data":"b"}"#)))
    }

    @Test func aCallThatCannotBeAuditedIsNotPerformed() throws {
        let h = try Self.host(["location"], world: Self.diskFull)
        #expect(h.call("authorize", ["scope": .string("scope.userLocation")]).isSuccess)
        #expect(Self.fillAudit(h.services))
        let before = try h.services.audit.entries(app: "org.test.device").count
        // The gate allows, but its decision cannot be recorded: no position leaves the host.
        let result = h.call("getLocation")
        #expect(result == .failure(BridgeError(.hostError, "host error: cannot record the call in the audit log (database or disk is full)")))
        #expect(h.call("getFuzzyLocation") == result)
        #expect(h.call("startLocationUpdate") == result)
        #expect(!LocationService.provider(h.services).isPlaying)
        #expect(try h.services.audit.entries(app: "org.test.device").count == before)
    }

    /// Appends other apps' decisions until even the smallest cannot be written: the audit log's
    /// pages are full. True when it got there.
    /// Fills the database's last free pages with audit rows (written past the log's bounds, which
    /// would otherwise stop the filling), until a write fails.
    static func fillAudit(_ services: HostServices) -> Bool {
        let filler = AuditLog(database: services.database, policy: .unbounded)
        var filled = false
        for size in [200, 40, 0] {
            filled = false
            for i in 0..<2_000 where !filled {
                filler.append(AuditEntry(appId: "org.a", api: "x", decision: "d", reason: "\(i % 10)" + String(repeating: "f", count: size)))
                filler.flush()
                filled = filler.takeWriteError() != nil
            }
        }
        return filled
    }

    @Test func aPaymentThatCannotBeRecordedChargesNothing() throws {
        var world = Self.diskFull
        world.wallet = WorldWallet(currency: "CNY", balance: 10_000, perPaymentLimit: 5_000, dailyLimit: 8_000)
        world.merchants = [WorldMerchant(id: "m.free", name: "Free")]
        let prompter = ScriptedPrompter(answer: { _ in .allowOnce })
        let services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: prompter, world: world)
        try services.grants.set(app: "org.test.pay", permission: .payment, state: .granted)
        let manifest = try Manifest.parse(Data(#"{"app_id": "org.test.pay", "name": "Pay", "pages": ["p/i"], "req_permissions": [{"name": "payment"}], "merchant": {"id": "m.free", "name": "Free"}}"#.utf8), file: "t")
        let bridge = AppBridge(app: AppIdentity(manifest: manifest), registry: .standard(services: services), services: services)
        #expect(Self.fillAudit(services))
        let order: [String: JSONValue] = ["orderId": .string("A-1"), "amount": .number(1234), "currency": .string("CNY"), "description": .string("Coffee")]
        let result = bridge.handle(BridgeCall(id: 1, api: "requestPayment", arguments: .object(order)))
        #expect(result == .failure(BridgeError(.hostError, "host error: the wallet failed (database or disk is full)")))
        let wallet = try PaymentService(services: services).store()
        #expect(try wallet.wallet().balance == 10_000)
        #expect(try wallet.entries(app: "org.test.pay").isEmpty)
    }

    @Test func aFullDiskErrorNamesNoPath() throws {
        let db = try MiniHostDatabase.inMemory()
        try db.simulateFullDisk()
        do {
            try db.write { try $0.execute(sql: "INSERT INTO storage VALUES ('org.a', 'k', ?, 1)", arguments: [String(repeating: "z", count: 100_000)]) }
            Issue.record("the write should fail")
        } catch let error as StoreError {
            #expect(error.message == StoreError.fullMessage && error.message == "database or disk is full")
            #expect(error.path == ":memory:")
        }
    }
}

private extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
