import Foundation
import Testing

/// End-to-end: a WeChat project folder, as DevTools opens it, runs unchanged; its location
/// declarations decide whether the user is asked or the call is refused with 1002.
@Suite struct WeChatProjectRunTests {
    func project(permission: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-wx-\(UUID().uuidString)")
        let files: [String: String] = [
            "project.config.json": #"{"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef", "projectname": "near", "compileType": "miniprogram"}"#,
            "miniprogram/app.json": #"{"pages": ["pages/index/index"], \#(permission) "window": {"navigationBarTitleText": "Near"}}"#,
            "miniprogram/app.js": "import { tag } from './utils/tag';\nApp({ onLaunch() { console.log(tag('launch')) } });\n",
            "miniprogram/utils/tag.ts": "export const tag = (s: string): string => '[' + s + ']';\n",
            "miniprogram/pages/index/index.js": "Page({ onReady() { wx.getLocation({ type: 'wgs84', success: (r) => console.log('at ' + typeof r.latitude), fail: (e) => console.log('refused ' + e.errCode) }) } })\n",
            "miniprogram/pages/index/index.json": "{}",
            "miniprogram/pages/index/index.wxml": "<view>{{motto}}</view>",
            "miniprogram/sitemap.json": "{}",
        ]
        try writeFiles(files, under: root)
        return root
    }

    @Test(arguments: ["process", "in-process"])
    func aDeclaredLocationIsAskedForAndAnUndeclaredOneRefused(isolation: String) throws {
        let declared = try project(permission: #""permission": {"scope.userLocation": {"desc": "to find shops"}}, "requiredPrivateInfos": ["getLocation"],"#)
        let undeclared = try project(permission: "")
        defer { try? FileManager.default.removeItem(at: declared); try? FileManager.default.removeItem(at: undeclared) }
        let asked = try CLI.run(["run", declared.path, "--json", "--isolation", isolation, "--grant", "location", "--data-dir", tempDataDir()], stdin: "")
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.consoleMessages == ["[launch]", "at number"], "\(asked.stdout)")
        let refused = try CLI.run(["run", undeclared.path, "--json", "--isolation", isolation, "--grant", "location", "--data-dir", tempDataDir()], stdin: "")
        #expect(refused.consoleMessages == ["[launch]", "refused 1002"], "\(refused.stdout)")
    }

    @Test func validateSaysItIsAWeChatProject() throws {
        let root = try project(permission: "")
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLI.run(["validate", root.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"ok: wx0123456789abcdef "near" (WeChat project) — 1 page"#), "\(r.stdout)")
    }
}
