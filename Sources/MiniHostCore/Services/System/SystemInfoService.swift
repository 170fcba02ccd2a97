import Foundation
import MiniHostProtocol

/// `getSystemInfo` / `getSystemInfoSync`: the device, screen, language and theme of the world's
/// `device`, in WeChat's shape. No permission: WeChat asks for none.
struct SystemInfoService {
    let services: HostServices

    /// WeChat's navigation bar below the status bar, in CSS pixels.
    static let navigationBarHeight = 44
    /// The WeChat version and base library this host answers as.
    static let weChatVersion = "8.0.50"
    static let sdkVersion = "3.4.10"

    var apis: [HostAPI] {
        [HostAPI(name: "getSystemInfo", syncName: "getSystemInfoSync") { [services] call throws(BridgeError) in
            .value(Self.info(services.world.device, appId: call.app.appId))
        }]
    }

    static func info(_ d: WorldDevice, appId: String) -> JSONValue {
        let top = d.statusBarHeight + navigationBarHeight
        let safeArea: JSONValue = .object([
            "left": .number(0), "right": .number(Double(d.screenWidth)), "top": .number(Double(d.statusBarHeight)),
            "bottom": .number(Double(d.screenHeight)), "width": .number(Double(d.screenWidth)),
            "height": .number(Double(d.screenHeight - d.statusBarHeight)),
        ])
        return .object([
            "brand": .string(d.brand), "model": .string(d.model), "system": .string(d.system), "platform": .string(d.platform),
            "pixelRatio": .number(d.pixelRatio), "screenWidth": .number(Double(d.screenWidth)), "screenHeight": .number(Double(d.screenHeight)),
            "windowWidth": .number(Double(d.screenWidth)), "windowHeight": .number(Double(d.screenHeight - top)),
            "statusBarHeight": .number(Double(d.statusBarHeight)), "safeArea": safeArea,
            "language": .string(d.language), "theme": .string(d.theme), "version": .string(weChatVersion), "SDKVersion": .string(sdkVersion),
            "fontSizeSetting": .number(16), "benchmarkLevel": .number(1), "deviceOrientation": .string("portrait"),
            "enableDebug": .bool(false), "host": .object(["appId": .string(appId)]),
        ])
    }
}
