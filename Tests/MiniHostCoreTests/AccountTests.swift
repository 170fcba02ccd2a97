import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore

/// Account and everyday device APIs on the host side: login codes and their exchange, the
/// profile behind consent, the clipboard, phone calls, the scanner, the album, analytics.
@Suite struct AccountTests {
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [RuntimeEvent] = []
        func add(_ e: RuntimeEvent) { lock.withLock { events.append(e) } }
        var all: [RuntimeEvent] { lock.withLock { events } }
    }

    final class Clock: @unchecked Sendable {
        var date = Date(timeIntervalSince1970: 1_700_000_000)
    }

    struct Host {
        var services: HostServices
        var bridge: AppBridge
        var reports: Reports
    }

    func host(_ prompter: Prompter = ScriptedPrompter(), world: World = .default, clock: Clock = Clock(), appId: String = "org.test.account") throws -> Host {
        let services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: prompter, world: world, clock: { clock.date })
        return try host(services, appId: appId)
    }

    func host(_ services: HostServices, appId: String) throws -> Host {
        let reports = Reports()
        let manifest = try Manifest.parse(Data(#"{"app_id": "\#(appId)", "name": "Account", "pages": ["p/a"]}"#.utf8), file: "t")
        let bridge = AppBridge(app: AppIdentity(manifest: manifest), registry: .standard(services: services), services: services, reporter: { reports.add($0) })
        return Host(services: services, bridge: bridge, reports: reports)
    }

    func call(_ h: Host, _ api: String, _ args: [String: JSONValue] = [:]) -> Result<BridgeValue, BridgeError> {
        h.bridge.handle(BridgeCall(id: 1, api: api, arguments: .object(args)))
    }

    func value(_ r: Result<BridgeValue, BridgeError>) -> JSONValue? {
        guard case let .success(v) = r else { return nil }
        return JSONValue.parse(Data(v.jsonText.utf8))
    }

    func reason(_ r: Result<BridgeValue, BridgeError>) -> String? {
        if case let .failure(e) = r { return "\(e.code.rawValue) \(e.reason)" }
        return nil
    }

    func uiEvents(_ h: Host) -> [(String, JSONValue?)] {
        h.reports.all.compactMap { if case let .ui(api, args) = $0 { return (api, JSONValue.parse(Data(args.utf8))) } else { return nil } }
    }

    @Test func loginGivesACodeTheBackendExchangesOnceForTheOpenid() throws {
        let clock = Clock()
        let h = try host(clock: clock)
        #expect(reason(call(h, "checkSession"))?.hasPrefix("1007 session time out") == true)
        let code = try #require(value(call(h, "login"))?["code"]?.stringValue)
        #expect(code.count == 32)
        #expect(value(call(h, "checkSession")) == .object([:]))
        let sessions = LoginSessions.of(h.services)
        #expect(sessions.exchange(code: code, appId: "org.test.other")["errcode"] == .number(40029))
        let exchanged = sessions.exchange(code: code, appId: "org.test.account")
        #expect(exchanged["openid"]?.stringValue == sessions.openid(appId: "org.test.account"))
        #expect(exchanged["session_key"]?.stringValue == sessions.sessionKey(appId: "org.test.account"))
        #expect(sessions.exchange(code: code)["errcode"] == .number(40163))
        // A code is good for five minutes.
        let late = try #require(value(call(h, "login"))?["code"]?.stringValue)
        clock.date += 301
        #expect(sessions.exchange(code: late)["errmsg"] == .string("invalid code"))
        #expect(sessions.openid(appId: "a") != sessions.openid(appId: "b"))
        #expect(sessions.openid(appId: "a").count == 28)
    }

    @Test func theWorldsOpenidIsUsedForEveryApp() throws {
        var world = World.default
        world.user.openid = "oFixed"
        let h = try host(world: world)
        let code = try #require(value(call(h, "login"))?["code"]?.stringValue)
        let sessions = LoginSessions.of(h.services)
        #expect(sessions.exchange(code: code)["openid"] == .string("oFixed"))
    }

    @Test func theProfileNeedsConsentAndComesFromTheWorldsUser() throws {
        var world = World.default
        world.user = WorldUser(id: "me", name: "Mei", avatarUrl: "https://example.com/mei.png", gender: 2, language: "zh_CN", country: "China", province: "Beijing", city: "Beijing")
        let prompter = ScriptedPrompter([.allowOnce, .deny])
        let h = try host(prompter, world: world)
        #expect(reason(call(h, "getUserProfile", [:]))?.hasPrefix("1001 invalid argument: desc must be a non-empty string of at most 30") == true)
        #expect(prompter.requests.isEmpty)
        let result = try #require(value(call(h, "getUserProfile", ["desc": .string("show your name")])))
        let info = try #require(result["userInfo"])
        #expect(info["nickName"] == .string("Mei"))
        #expect(info["gender"] == .number(2))
        #expect(info["avatarUrl"] == .string("https://example.com/mei.png"))
        #expect(result["rawData"].flatMap { JSONValue.parse(Data(($0.stringValue ?? "").utf8)) } == info)
        #expect(result["signature"]?.stringValue?.count == 40)
        #expect(prompter.requests.first?.kind == .permission(.userInfo))
        #expect(prompter.requests.first?.title == "see your nickname, avatar, gender and region")
        #expect(reason(call(h, "getUserProfile", ["desc": .string("again")])) == "1003 auth deny")
        // The remembered "deny" shows in getSetting under WeChat's scope.
        #expect(value(call(h, "getSetting"))?["authSetting"] == .object(["userInfo": .bool(false), "scope.userInfo": .bool(false)]))
    }

    @Test func theClipboardIsWrittenWithAToastAndReadWithConsent() throws {
        var world = World.default
        world.clipboard = "from the world"
        let prompter = ScriptedPrompter([.allowOnce, .deny])
        let h = try host(prompter, world: world)
        #expect(value(call(h, "getClipboardData")) == .object(["data": .string("from the world")]))
        #expect(value(call(h, "setClipboardData", ["data": .string("copied")])) == .object([:]))
        #expect(reason(call(h, "getClipboardData")) == "1003 auth deny")
        let toast = try #require(uiEvents(h).first)
        #expect(toast.0 == "showToast")
        #expect(toast.1?["title"] == .string("内容已复制"))
        #expect(DeviceState.of(h.services).clipboard == "copied")
        #expect(reason(call(h, "setClipboardData"))?.hasPrefix("1001 invalid argument: data must be a string") == true)
    }

    @Test func phoneCallsVibrationAndAnalyticsAreUIEvents() throws {
        let h = try host()
        #expect(reason(call(h, "makePhoneCall", ["phoneNumber": .string("call me")]))?.contains("phoneNumber must be a telephone number") == true)
        #expect(value(call(h, "makePhoneCall", ["phoneNumber": .string("+86 10 1234 5678")])) == .object([:]))
        #expect(DeviceState.of(h.services).phoneCalls == ["+86 10 1234 5678"])
        #expect(value(call(h, "vibrateShort", ["type": .string("heavy")])) == .object([:]))
        #expect(reason(call(h, "vibrateShort", ["type": .string("soft")]))?.contains("type must be one of") == true)
        #expect(value(call(h, "vibrateLong")) == .object([:]))
        let sync = h.bridge.handle(BridgeCall(id: 2, api: "reportAnalytics", arguments: .array([.string("purchase"), .object(["price": .number(3)])])))
        #expect(value(sync) == .object([:]))
        #expect(reason(h.bridge.handle(BridgeCall(id: 3, api: "reportEvent", arguments: .array([.number(1)]))))?.contains("eventId must be a non-empty string") == true)
        #expect(value(call(h, "setEnableDebug", ["enableDebug": .bool(true)])) == .object([:]))
        #expect(reason(call(h, "setEnableDebug"))?.contains("enableDebug must be true or false (it is missing)") == true)
        let events = uiEvents(h)
        #expect(events.map(\.0) == ["makePhoneCall", "vibrateShort", "vibrateLong", "reportAnalytics"])
        #expect(events[3].1 == .object(["eventName": .string("purchase"), "data": .object(["price": .number(3)])]))
    }

    @Test func scansAreConsumedInOrderThenCancelled() throws {
        var world = World.default
        world.scans = [WorldScan(result: "https://shop.example/item/7"), WorldScan(result: "6901234567892", scanType: "EAN_13")]
        let h = try host(world: world)
        #expect(reason(call(h, "scanCode", ["scanType": .array([.string("qr")])]))?.contains("scanType[0] must be one of") == true)
        let first = try #require(value(call(h, "scanCode", ["onlyFromCamera": .bool(true)])))
        #expect(first["result"] == .string("https://shop.example/item/7"))
        #expect(first["scanType"] == .string("QR_CODE"))
        #expect(first["rawData"] == .string(Data("https://shop.example/item/7".utf8).base64EncodedString()))
        #expect(value(call(h, "scanCode"))?["scanType"] == .string("EAN_13"))
        #expect(reason(call(h, "scanCode")) == "1004 cancel")
    }

    @Test func pickersAnswerFromTheWorldsAlbum() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("account-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(repeating: 7, count: 2048).write(to: directory.appendingPathComponent("cat.png"))
        let worldFile = directory.appendingPathComponent("world.json")
        try Data(#"{"media": [{"path": "cat.png", "width": 640, "height": 480}, {"type": "video", "data_base64": "AAEC", "duration": 4.5}]}"#.utf8).write(to: worldFile)
        let world = try World.load(worldFile)
        let h = try host(world: world)
        let images = try #require(value(call(h, "chooseImage", ["count": .number(3)])))
        let path = try #require(images["tempFilePaths"]?.arrayValue?.first?.stringValue)
        #expect(path.hasPrefix("wxfile://tmp/") && path.hasSuffix(".png"))
        #expect(images["tempFiles"] == .array([.object(["path": .string(path), "size": .number(2048)])]))
        let picked = PickedFiles.of(h.services)
        #expect(picked.file(appId: "org.test.account", path: path)?.count == 2048)
        #expect(picked.file(appId: "org.test.other", path: path) == nil)
        let media = try #require(value(call(h, "chooseMedia", ["mediaType": .array([.string("video")])])))
        #expect(media["type"] == .string("video"))
        #expect(media["tempFiles"]?.arrayValue?.first?["size"] == .number(3))
        #expect(media["tempFiles"]?.arrayValue?.first?["duration"] == .number(4.5))
        #expect(value(call(h, "chooseMedia"))?["type"] == .string("mix"))
        #expect(reason(call(h, "chooseImage", ["count": .number(10)]))?.contains("count must be") == true)
        #expect(reason(call(h, "previewImage", ["urls": .array([])]))?.contains("urls must be a non-empty array") == true)
        #expect(value(call(h, "previewImage", ["urls": .array([.string(path)])])) == .object([:]))
        #expect(uiEvents(h).last?.1 == .object(["urls": .array([.string(path)]), "current": .string(path), "showmenu": .bool(true)]))
        // An empty album is a cancelled picker.
        #expect(reason(call(try host(), "chooseImage")) == "1004 cancel")
    }

    @Test func theWorldFileChecksTheAlbumAndTheProfile() throws {
        func problem(_ json: String) -> String? {
            do { _ = try World.parse(Data(json.utf8), file: "w.json"); return nil } catch { return error.message }
        }
        #expect(problem(#"{"media": [{"type": "image"}]}"#)?.contains("media[0] must have either path or data_base64") == true)
        #expect(problem(#"{"media": [{"data_base64": "***"}]}"#)?.contains("media[0].data_base64 is not valid base64") == true)
        #expect(problem(#"{"media": [{"type": "gif", "data_base64": "AA=="}]}"#) != nil)
        #expect(problem(#"{"scans": [{"scan_type": "QR_CODE"}]}"#)?.contains("scans[0].result is missing") == true)
        #expect(problem(#"{"scans": [{"result": "x", "kind": "QR_CODE"}]}"#)?.contains("\"scans[0].kind\" is not a world field") == true)
        #expect(problem(#"{"user": {"gender": 3}}"#)?.contains("user.gender must be 0 (unknown), 1 (male) or 2 (female)") == true)
        #expect(problem(#"{"user": {"gender": 1.5}}"#)?.contains("user.gender must be a whole number") == true)
        let old = try World.parse(Data(#"{"user": {"id": "me", "name": "Alex"}}"#.utf8), file: "w.json")
        #expect(old.clipboard == "" && old.scans.isEmpty && old.media.isEmpty && old.user.language == "zh_CN")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("account-missing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"media": [{"path": "gone.jpg"}]}"#.utf8).write(to: dir.appendingPathComponent("w.json"))
        #expect(throws: WorldError.self) { try World.load(dir.appendingPathComponent("w.json")) }
    }
}

/// What apps leave on the host stays bounded however often they call.
@Suite struct AccountBoundsTests {
    @Test func loginCodesAreCappedPerAppAndExpiredOnesDropped() throws {
        let clock = AccountTests.Clock()
        let sessions = LoginSessions(user: WorldUser(), clock: { clock.date })
        let first = sessions.issue(appId: "a")
        let other = sessions.issue(appId: "b")
        for _ in 0..<LoginSessions.maxCodesPerApp { _ = sessions.issue(appId: "a") }
        #expect(sessions.exchange(code: first)["errcode"] == .number(40029))
        #expect(sessions.exchange(code: other)["openid"] != nil)
        let late = sessions.issue(appId: "a")
        clock.date += LoginSessions.codeLifetime + 1
        _ = sessions.issue(appId: "a")
        #expect(sessions.exchange(code: late)["errcode"] == .number(40029))
    }

    @Test func pickedFilesAndCallsKeepTheLatest() {
        let picked = PickedFiles()
        let media = WorldMedia(dataBase64: "AA==")
        let first = picked.register(appId: "a", media: media)
        var last = first
        for _ in 0..<PickedFiles.maxPerApp { last = picked.register(appId: "a", media: media) }
        #expect(picked.file(appId: "a", path: first) == nil)
        #expect(picked.file(appId: "a", path: last) == Data([0]))
        let device = DeviceState(world: .default)
        for i in 0...DeviceState.maxCalls { device.recordCall("\(i)") }
        #expect(device.phoneCalls.count == DeviceState.maxCalls && device.phoneCalls.first == "1")
    }
}
