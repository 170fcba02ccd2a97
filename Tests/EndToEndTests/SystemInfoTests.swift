import Foundation
import Testing

/// End-to-end: `getSystemInfoSync` and `getSystemInfo` answer from the world's `device`.
@Suite struct SystemInfoTests {
    @Test(arguments: ["process", "in-process"])
    func systemInfoComesFromTheWorldsDevice(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": """
        Page({ async onLoad() {
          const s = wx.getSystemInfoSync();
          console.log([s.model, s.platform, s.screenWidth, s.windowHeight, s.pixelRatio, s.theme, s.language, s.host.appId].join(' '));
          const a = await wx.getSystemInfo();
          console.log(a.errMsg + ' ' + a.safeArea.top + ' ' + (typeof a.SDKVersion));
        } })
        """])
        defer { app.remove() }
        let world = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-world-\(UUID().uuidString).json")
        try Data(#"{"device": {"model": "Pixel 8", "platform": "android", "screen_width": 412, "screen_height": 915, "status_bar_height": 24, "pixel_ratio": 2.625, "theme": "dark"}}"#.utf8).write(to: world)
        defer { try? FileManager.default.removeItem(at: world) }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--world", world.path, "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == ["Pixel 8 android 412 847 2.625 dark zh_CN org.test.e2e", "getSystemInfo:ok 24 string"], "\(r.stdout)")
    }

    @Test(arguments: ["process", "in-process"])
    func deviceInfoAndItsChangesComeFromTheWorld(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": """
        Page({ async onLoad() {
          const w = wx.getWindowInfo();
          console.log([w.windowWidth, w.windowHeight, w.safeArea.top, w.safeArea.bottom, w.safeArea.height].join(' '));
          const d = wx.getDeviceInfo(), a = wx.getAppBaseInfo(), s = wx.getSystemSetting();
          console.log([d.model, d.platform, a.theme, a.fontSizeScaleFactor, s.wifiEnabled, s.deviceOrientation].join(' '));
          console.log(wx.getAppAuthorizeSetting().locationAuthorized + ' ' + wx.getMenuButtonBoundingClientRect().top);
          console.log((await wx.getNetworkType()).networkType + ' ' + wx.getBatteryInfoSync().level + ' ' + (await wx.getSystemInfoAsync()).theme);
          wx.onNetworkStatusChange((r) => console.log('network ' + r.isConnected + ' ' + r.networkType));
          const onTheme = (r) => console.log('theme ' + r.theme + ' ' + wx.getSystemInfoSync().theme);
          wx.onThemeChange(onTheme);
          wx.onMemoryWarning((r) => { console.log('memory ' + r.level); wx.offThemeChange(onTheme); });
        } })
        """])
        defer { app.remove() }
        let world = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-world-\(UUID().uuidString).json")
        try Data(#"""
        {"device": {"model": "Pixel 8", "platform": "android", "screen_width": 412, "screen_height": 915, "status_bar_height": 24,
          "safe_area": {"top": 24, "bottom": 16}, "font_size_scale": 1.25, "network_type": "4g", "orientation": "landscape", "battery_level": 42,
          "changes": [{"after_ms": 400, "network_type": "none"}, {"after_ms": 600, "theme": "dark"},
                      {"after_ms": 800, "memory_warning": 10}, {"after_ms": 1000, "theme": "light"}]}}
        """#.utf8).write(to: world)
        defer { try? FileManager.default.removeItem(at: world) }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--world", world.path, "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            "412 847 24 899 875", "Pixel 8 android light 1.25 true landscape", "not determined 28", "4g 42 light",
            "network false none", "theme dark dark", "memory 10",
        ], "\(r.stdout)")
    }
}
