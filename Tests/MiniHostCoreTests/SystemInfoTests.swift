import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore

/// The system, window, device and app info APIs answer from the world's device, with WeChat's
/// key names; the sync-only ones are sync functions; authorisation comes from the gate's grants.
@Suite struct SystemInfoServiceTests {
    func bridge(_ world: World) throws -> (AppBridge, HostServices) {
        let services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: DenyAllPrompter(), world: world)
        let manifest = try Manifest.parse(Data(#"{"app_id": "org.test.sys", "name": "Sys", "pages": ["p/a"], "req_permissions": [{"name": "location"}]}"#.utf8), file: "t")
        return (AppBridge(app: AppIdentity(manifest: manifest), registry: .standard(services: services), services: services), services)
    }

    func value(_ b: AppBridge, _ api: String, sync: Bool = true) throws -> JSONValue {
        let result = b.handle(BridgeCall(id: 1, api: api, arguments: sync ? .array([]) : .object([:])))
        guard case let .value(v) = try result.get() else { throw BridgeError(.hostError, "not a value") }
        return v
    }

    @Test func windowAndSafeAreaFollowTheDevice() throws {
        var device = WorldDevice(screenWidth: 400, screenHeight: 800, statusBarHeight: 20, safeArea: WorldInsets(top: 30, right: 0, bottom: 20, left: 10))
        device.fontSizeScale = 1.5
        let (b, _) = try bridge(World(device: device))
        let w = try value(b, "getWindowInfo")
        #expect(w["windowWidth"] == .number(400) && w["windowHeight"] == .number(736) && w["statusBarHeight"] == .number(20))
        #expect(w["safeArea"] == .object(["left": .number(10), "right": .number(400), "top": .number(30), "bottom": .number(780), "width": .number(390), "height": .number(750)]))
        let base = try value(b, "getAppBaseInfo")
        #expect(base["fontSizeScaleFactor"] == .number(1.5) && base["fontSizeSetting"] == .number(24) && base["theme"] == .string("light"))
        let menu = try value(b, "getMenuButtonBoundingClientRect")
        #expect(menu == .object(["width": .number(87), "height": .number(32), "top": .number(24), "bottom": .number(56), "left": .number(306), "right": .number(393)]))
        let all = try value(b, "getSystemInfoAsync", sync: false)
        #expect(all["windowHeight"] == .number(736) && all["model"] == .string("iPhone 13") && all["SDKVersion"] == .string("3.4.10"))
    }

    @Test func syncOnlyAPIsAreSyncFunctions() throws {
        let (b, _) = try bridge(World())
        let kinds = Dictionary(b.apis.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for name in ["getWindowInfo", "getDeviceInfo", "getAppBaseInfo", "getSystemSetting", "getAppAuthorizeSetting", "getMenuButtonBoundingClientRect"] {
            #expect(kinds[name] == .sync, "\(name)")
        }
        #expect(kinds["getSystemInfoAsync"] == .async && kinds["getNetworkType"] == .async && kinds["getBatteryInfoSync"] == .sync)
        #expect(kinds["onThemeChange"] == nil && kinds["ThemeChange"] == .event)
    }

    @Test func authorizeSettingComesFromTheGrants() throws {
        let (b, services) = try bridge(World())
        #expect(try value(b, "getAppAuthorizeSetting")["locationAuthorized"] == .string("not determined"))
        try services.grants.set(app: "org.test.sys", permission: .locationCoarse, state: .granted, scope: "")
        let coarse = try value(b, "getAppAuthorizeSetting")
        #expect(coarse["locationAuthorized"] == .string("authorized") && coarse["locationReducedAccuracy"] == .bool(true))
        #expect(coarse["cameraAuthorized"] == .string("not determined"))
        try services.grants.set(app: "org.test.sys", permission: .locationCoarse, state: .denied, scope: "")
        #expect(try value(b, "getAppAuthorizeSetting")["locationAuthorized"] == .string("denied"))
    }

    @Test func networkAndBatteryComeFromTheDevice() throws {
        let (b, _) = try bridge(World(device: WorldDevice(networkType: ._4g, batteryLevel: 42, batteryCharging: true)))
        #expect(try value(b, "getNetworkType", sync: false)["networkType"] == .string("4g"))
        #expect(try value(b, "getBatteryInfoSync") == .object(["level": .number(42), "isCharging": .bool(true)]))
        let setting = try value(b, "getSystemSetting")
        #expect(setting == .object(["bluetoothEnabled": .bool(true), "locationEnabled": .bool(true), "wifiEnabled": .bool(true), "deviceOrientation": .string("portrait")]))
    }
}
