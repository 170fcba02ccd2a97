import Foundation
import MiniHostProtocol

/// The system, window, device and app APIs (`getSystemInfo`, `getWindowInfo`, …), the network,
/// battery and app authorisation, answered from the world's `device`; and the device's changes
/// over time (`device.changes`), played for each app from its start as `onNetworkStatusChange`,
/// `onThemeChange` and `onMemoryWarning` events. No permission: WeChat asks for none.
struct SystemInfoService {
    let services: HostServices

    static let events = ["NetworkStatusChange", "ThemeChange", "MemoryWarning"]

    /// The device as it is now for one app: its network and theme after the changes played so far.
    final class DeviceNow: @unchecked Sendable {
        private let lock = NSLock()
        private var theme: String
        private var network: WorldDevice.NetworkType
        init(_ d: WorldDevice) { theme = d.theme; network = d.networkType }
        var state: (theme: String, network: WorldDevice.NetworkType) { lock.withLock { (theme, network) } }
        func apply(_ c: WorldDeviceChange) {
            lock.withLock {
                if let t = c.theme { theme = t }
                if let n = c.networkType { network = n }
            }
        }
    }

    func info(_ call: APICall) -> SystemInfo {
        let now = call.session.component(DeviceNow.self) { DeviceNow(services.world.device) }.state
        return SystemInfo(device: services.world.device, theme: now.theme, networkType: now.network, appId: call.app.appId)
    }

    var apis: [HostAPI] {
        func sync(_ name: String, _ body: @escaping @Sendable (SystemInfo, APICall) throws(BridgeError) -> JSONValue) -> HostAPI {
            HostAPI(name: name, syncOnly: true) { call throws(BridgeError) in .value(try body(info(call), call)) }
        }
        return [
            HostAPI(name: "getSystemInfo", syncName: "getSystemInfoSync") { call throws(BridgeError) in .value(info(call).systemInfo) },
            HostAPI(name: "getSystemInfoAsync") { call throws(BridgeError) in .value(info(call).systemInfo) },
            sync("getWindowInfo") { i, _ throws(BridgeError) in .object(i.window) },
            sync("getDeviceInfo") { i, _ throws(BridgeError) in .object(i.deviceInfo) },
            sync("getAppBaseInfo") { i, _ throws(BridgeError) in .object(i.appBase) },
            sync("getSystemSetting") { i, _ throws(BridgeError) in .object(i.setting) },
            sync("getMenuButtonBoundingClientRect") { i, _ throws(BridgeError) in i.menuButtonRect },
            sync("getAppAuthorizeSetting") { _, call throws(BridgeError) in try authorizeSetting(call.app) },
            HostAPI(name: "getNetworkType") { call throws(BridgeError) in
                let type = info(call).networkType
                return .value(.object(["networkType": .string(type.rawValue), "signalStrength": .number(type == .none ? 0 : 100),
                                       "hasSystemProxy": .bool(false)]))
            },
            HostAPI(name: "getBatteryInfo", syncName: "getBatteryInfoSync") { [services] _ throws(BridgeError) in
                let d = services.world.device
                return .value(.object(["level": .number(Double(d.batteryLevel)), "isCharging": .bool(d.batteryCharging)]))
            },
        ]
    }

    /// WeChat's app authorisation settings, from the gate's grants for this app: location is
    /// `authorized` (coarse only: with `locationReducedAccuracy`), `denied` or `not determined`;
    /// what MiniHost has no permission for (camera, album, …) is `not determined`.
    func authorizeSetting(_ app: AppIdentity) throws(BridgeError) -> JSONValue {
        func state(_ p: Permission) throws(BridgeError) -> PermissionState {
            do { return try services.grants.state(app: app.appId, permission: p, scope: "") } catch {
                throw BridgeError(.hostError, "host error: cannot read grants (\(error))")
            }
        }
        let precise = try state(.location), coarse = try state(.locationCoarse)
        let location: String
        if precise == .granted || coarse == .granted { location = "authorized" }
        else if precise == .denied || coarse == .denied { location = "denied" }
        else { location = "not determined" }
        var out: [String: JSONValue] = ["locationAuthorized": .string(location), "locationReducedAccuracy": .bool(precise != .granted && coarse == .granted)]
        for name in ["album", "bluetooth", "camera", "microphone", "notification", "notificationAlert", "notificationBadge", "notificationSound", "phoneCalendar"] {
            out[name + "Authorized"] = .string("not determined")
        }
        return .object(out)
    }

    /// Plays the world's device changes for an app that starts: each one after its `after_ms`,
    /// as the event it stands for; the app is held (not idle) until the last has played.
    static func appStarted(_ session: AppSession, device: WorldDevice) {
        guard !device.changes.isEmpty else { return }
        let now = session.component(DeviceNow.self) { DeviceNow(device) }
        for change in device.changes.sorted(by: { $0.afterMs < $1.afterMs }) {
            session.hold()
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(change.afterMs)) {
                defer { session.release() }
                guard session.isRunning else { return }
                now.apply(change)
                if let n = change.networkType {
                    session.send("NetworkStatusChange", .object(["isConnected": .bool(n != .none), "networkType": .string(n.rawValue)]))
                }
                if let t = change.theme { session.send("ThemeChange", .object(["theme": .string(t)])) }
                if let level = change.memoryWarning { session.send("MemoryWarning", .object(["level": .number(Double(level))])) }
            }
        }
    }
}
