import Foundation
import MiniHostProtocol

/// The values the system, window, device and app APIs report, built from the world's `device`
/// (and the device's current network and theme), with WeChat's key names.
struct SystemInfo {
    let device: WorldDevice
    /// The theme and network now (after the world's changes so far).
    let theme: String
    let networkType: WorldDevice.NetworkType
    let appId: String

    /// WeChat's navigation bar below the status bar, and its menu button (the capsule), in CSS pixels.
    static let navigationBarHeight = 44
    static let menuButton = (width: 87, height: 32, right: 7, top: 4)
    /// The WeChat version and base library this host answers as.
    static let weChatVersion = "8.0.50"
    static let sdkVersion = "3.4.10"

    private func n(_ v: Int) -> JSONValue { .number(Double(v)) }

    var windowWidth: Int { device.windowWidth ?? device.screenWidth }
    var windowHeight: Int { device.windowHeight ?? max(1, device.screenHeight - device.statusBarHeight - Self.navigationBarHeight) }

    var safeArea: JSONValue {
        let d = device, insets = d.safeArea ?? WorldInsets(top: d.statusBarHeight)
        let right = d.screenWidth - insets.right, bottom = d.screenHeight - insets.bottom
        return .object(["left": n(insets.left), "right": n(right), "top": n(insets.top), "bottom": n(bottom),
                        "width": n(right - insets.left), "height": n(bottom - insets.top)])
    }

    var window: [String: JSONValue] {
        ["pixelRatio": .number(device.pixelRatio), "screenWidth": n(device.screenWidth), "screenHeight": n(device.screenHeight),
         "windowWidth": n(windowWidth), "windowHeight": n(windowHeight), "statusBarHeight": n(device.statusBarHeight),
         "safeArea": safeArea, "screenTop": n(device.screenHeight - windowHeight)]
    }

    var deviceInfo: [String: JSONValue] {
        ["brand": .string(device.brand), "model": .string(device.model), "system": .string(device.system), "platform": .string(device.platform),
         "benchmarkLevel": n(1), "abi": .string("arm64"), "deviceAbi": .string("arm64"), "cpuType": .string("unknown"), "memorySize": n(4096)]
    }

    var appBase: [String: JSONValue] {
        ["SDKVersion": .string(Self.sdkVersion), "version": .string(Self.weChatVersion), "language": .string(device.language),
         "theme": .string(theme), "enableDebug": .bool(false), "host": .object(["appId": .string(appId)]),
         "fontSizeScaleFactor": .number(device.fontSizeScale), "fontSizeSetting": .number((16 * device.fontSizeScale).rounded())]
    }

    var setting: [String: JSONValue] {
        ["bluetoothEnabled": .bool(device.bluetoothEnabled), "locationEnabled": .bool(device.locationServices),
         "wifiEnabled": .bool(device.wifiEnabled), "deviceOrientation": .string(device.orientation)]
    }

    /// `getSystemInfo`: all of the above in one object.
    var systemInfo: JSONValue {
        var all = window.merging(deviceInfo) { a, _ in a }.merging(appBase) { a, _ in a }.merging(setting) { a, _ in a }
        all["locationAuthorized"] = .bool(true)
        return .object(all)
    }

    /// The menu button's rectangle, at the right of the navigation bar.
    var menuButtonRect: JSONValue {
        let m = Self.menuButton, top = device.statusBarHeight + m.top, right = windowWidth - m.right
        return .object(["width": n(m.width), "height": n(m.height), "top": n(top), "bottom": n(top + m.height),
                        "left": n(right - m.width), "right": n(right)])
    }
}
