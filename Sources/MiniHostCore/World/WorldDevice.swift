import Foundation

/// The user's device: faults a developer can try their app against (location services off, a
/// full disk), what the system, device and window APIs report (default an iPhone 13 as WeChat
/// DevTools simulates it), and changes over time (network, theme, memory warnings).
public struct WorldDevice: Sendable, Equatable, Codable {
    /// False: the device's location services are turned off. Every location API that needs the
    /// user's position (`getLocation`, `getFuzzyLocation`, `startLocationUpdate`) fails with
    /// 1008 `service unavailable: location services are off`, after its consent check.
    /// `chooseLocation` (the user picks a place) still works.
    public var locationServices: Bool
    /// True: the disk holding the host's database is full. The host sets SQLite's
    /// `max_page_count` to the database's size once its own tables are set up, so any write that
    /// needs a new page fails with `SQLITE_FULL` (1009 `host error: …` for the app); writes that
    /// fit in the pages already there, and every read, still work.
    public var storageFull: Bool
    public var brand: String
    public var model: String
    public var system: String
    public var platform: String
    public var pixelRatio: Double
    /// The screen in CSS pixels.
    public var screenWidth: Int
    public var screenHeight: Int
    public var statusBarHeight: Int
    /// The window (nil: the screen's width; the screen's height less the status bar and WeChat's
    /// 44-pixel navigation bar).
    public var windowWidth: Int?
    public var windowHeight: Int?
    /// Insets of the safe area from the screen's edges (nil: the status bar at the top, none else).
    public var safeArea: WorldInsets?
    public var language: String
    /// The theme at launch: "light" or "dark".
    public var theme: String
    /// The user's font size, as a factor of the standard size (WeChat's `fontSizeScaleFactor`).
    public var fontSizeScale: Double
    /// The network at launch (`getNetworkType`).
    public var networkType: NetworkType
    public var wifiEnabled: Bool
    public var bluetoothEnabled: Bool
    /// "portrait" or "landscape".
    public var orientation: String
    /// Battery level in percent, and whether it is charging (`getBatteryInfo`).
    public var batteryLevel: Int
    public var batteryCharging: Bool
    /// What happens to the device while an app runs, played for each app from its start.
    public var changes: [WorldDeviceChange]

    /// WeChat's network types.
    public enum NetworkType: String, Sendable, Codable, CaseIterable { case wifi, _2g = "2g", _3g = "3g", _4g = "4g", _5g = "5g", unknown, none }

    public init(locationServices: Bool = true, storageFull: Bool = false, brand: String = "devtools", model: String = "iPhone 13",
                system: String = "iOS 16.0", platform: String = "devtools", pixelRatio: Double = 3, screenWidth: Int = 390,
                screenHeight: Int = 844, statusBarHeight: Int = 47, windowWidth: Int? = nil, windowHeight: Int? = nil,
                safeArea: WorldInsets? = nil, language: String = "zh_CN", theme: String = "light", fontSizeScale: Double = 1,
                networkType: NetworkType = .wifi, wifiEnabled: Bool = true, bluetoothEnabled: Bool = true, orientation: String = "portrait",
                batteryLevel: Int = 100, batteryCharging: Bool = false, changes: [WorldDeviceChange] = []) {
        self.locationServices = locationServices
        self.storageFull = storageFull
        self.brand = brand
        self.model = model
        self.system = system
        self.platform = platform
        self.pixelRatio = pixelRatio
        self.screenWidth = screenWidth
        self.screenHeight = screenHeight
        self.statusBarHeight = statusBarHeight
        self.windowWidth = windowWidth
        self.windowHeight = windowHeight
        self.safeArea = safeArea
        self.language = language
        self.theme = theme
        self.fontSizeScale = fontSizeScale
        self.networkType = networkType
        self.wifiEnabled = wifiEnabled
        self.bluetoothEnabled = bluetoothEnabled
        self.orientation = orientation
        self.batteryLevel = batteryLevel
        self.batteryCharging = batteryCharging
        self.changes = changes
    }

    /// What is out of range (the screen, the window, the pixel ratio, the status bar, …).
    func problems() -> [String] {
        var out: [String] = []
        if !(pixelRatio > 0 && pixelRatio <= 8) { out.append("device.pixel_ratio must be above 0 and at most 8 (got \(pixelRatio))") }
        for (name, value) in [("screen_width", screenWidth), ("screen_height", screenHeight), ("window_width", windowWidth ?? 1), ("window_height", windowHeight ?? 1)]
        where !(1...10_000).contains(value) {
            out.append("device.\(name) must be from 1 to 10000 CSS pixels (got \(value))")
        }
        if !(0...min(1000, screenHeight)).contains(statusBarHeight) { out.append("device.status_bar_height must be from 0 to the screen's height (got \(statusBarHeight))") }
        if let s = safeArea {
            if s.left + s.right >= screenWidth || s.top + s.bottom >= screenHeight || [s.top, s.right, s.bottom, s.left].contains(where: { $0 < 0 }) {
                out.append("device.safe_area: insets must be at least 0 and leave part of the screen")
            }
        }
        if !["light", "dark"].contains(theme) { out.append("device.theme must be \"light\" or \"dark\"") }
        if !(fontSizeScale >= 0.5 && fontSizeScale <= 3) { out.append("device.font_size_scale must be from 0.5 to 3 (got \(fontSizeScale))") }
        if !["portrait", "landscape"].contains(orientation) { out.append("device.orientation must be \"portrait\" or \"landscape\"") }
        if !(0...100).contains(batteryLevel) { out.append("device.battery_level must be from 0 to 100 (got \(batteryLevel))") }
        for (i, c) in changes.enumerated() {
            if !(0...600_000).contains(c.afterMs) { out.append("device.changes[\(i)].after_ms must be from 0 to 600000 (ten minutes; got \(c.afterMs))") }
            if let t = c.theme, !["light", "dark"].contains(t) { out.append("device.changes[\(i)].theme must be \"light\" or \"dark\"") }
            if c.theme == nil && c.networkType == nil && c.memoryWarning == nil {
                out.append("device.changes[\(i)] must change network_type, theme or memory_warning")
            }
        }
        return out
    }

    enum CodingKeys: String, WorldMembers {
        case locationServices = "location_services"
        case storageFull = "storage_full"
        case brand, model, system, platform, language, theme, orientation, changes
        case pixelRatio = "pixel_ratio"
        case screenWidth = "screen_width"
        case screenHeight = "screen_height"
        case statusBarHeight = "status_bar_height"
        case windowWidth = "window_width"
        case windowHeight = "window_height"
        case safeArea = "safe_area"
        case fontSizeScale = "font_size_scale"
        case networkType = "network_type"
        case wifiEnabled = "wifi_enabled"
        case bluetoothEnabled = "bluetooth_enabled"
        case batteryLevel = "battery_level"
        case batteryCharging = "battery_charging"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = WorldDevice()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        locationServices = try value(.locationServices, d.locationServices)
        storageFull = try value(.storageFull, d.storageFull)
        brand = try value(.brand, d.brand)
        model = try value(.model, d.model)
        system = try value(.system, d.system)
        platform = try value(.platform, d.platform)
        language = try value(.language, d.language)
        theme = try value(.theme, d.theme)
        pixelRatio = try value(.pixelRatio, d.pixelRatio)
        screenWidth = try value(.screenWidth, d.screenWidth)
        screenHeight = try value(.screenHeight, d.screenHeight)
        statusBarHeight = try value(.statusBarHeight, d.statusBarHeight)
        windowWidth = try c.decodeIfPresent(Int.self, forKey: .windowWidth)
        windowHeight = try c.decodeIfPresent(Int.self, forKey: .windowHeight)
        safeArea = try c.decodeIfPresent(WorldInsets.self, forKey: .safeArea)
        fontSizeScale = try value(.fontSizeScale, d.fontSizeScale)
        networkType = try value(.networkType, d.networkType)
        wifiEnabled = try value(.wifiEnabled, d.wifiEnabled)
        bluetoothEnabled = try value(.bluetoothEnabled, d.bluetoothEnabled)
        orientation = try value(.orientation, d.orientation)
        batteryLevel = try value(.batteryLevel, d.batteryLevel)
        batteryCharging = try value(.batteryCharging, d.batteryCharging)
        changes = try value(.changes, d.changes)
    }
}

/// Distances from the screen's edges in CSS pixels.
public struct WorldInsets: Sendable, Equatable, Codable {
    public var top: Int
    public var right: Int
    public var bottom: Int
    public var left: Int

    public init(top: Int = 0, right: Int = 0, bottom: Int = 0, left: Int = 0) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    enum CodingKeys: String, WorldMembers { case top, right, bottom, left }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        top = try c.decodeIfPresent(Int.self, forKey: .top) ?? 0
        right = try c.decodeIfPresent(Int.self, forKey: .right) ?? 0
        bottom = try c.decodeIfPresent(Int.self, forKey: .bottom) ?? 0
        left = try c.decodeIfPresent(Int.self, forKey: .left) ?? 0
    }
}

/// One change of the device `after_ms` after an app starts: the network (`onNetworkStatusChange`),
/// the theme (`onThemeChange`) or a memory warning (`onMemoryWarning`, with its level).
public struct WorldDeviceChange: Sendable, Equatable, Codable {
    public var afterMs: Int
    public var networkType: WorldDevice.NetworkType?
    public var theme: String?
    public var memoryWarning: Int?

    public init(afterMs: Int, networkType: WorldDevice.NetworkType? = nil, theme: String? = nil, memoryWarning: Int? = nil) {
        self.afterMs = afterMs
        self.networkType = networkType
        self.theme = theme
        self.memoryWarning = memoryWarning
    }

    enum CodingKeys: String, WorldMembers {
        case theme
        case afterMs = "after_ms"
        case networkType = "network_type"
        case memoryWarning = "memory_warning"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        afterMs = try c.decodeIfPresent(Int.self, forKey: .afterMs) ?? 0
        networkType = try c.decodeIfPresent(WorldDevice.NetworkType.self, forKey: .networkType)
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        memoryWarning = try c.decodeIfPresent(Int.self, forKey: .memoryWarning)
    }
}
