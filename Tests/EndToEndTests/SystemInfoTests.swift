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
}
