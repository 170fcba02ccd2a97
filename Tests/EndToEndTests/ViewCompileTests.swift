import Foundation
import Testing

/// End-to-end: templates and styles are compiled and checked when the CLI loads a package;
/// a broken one stops the load with `file:line:col`, in both isolation modes.
@Suite struct ViewCompileTests {
    static let files: [String: String] = [
        "app.json": #"{"usingComponents": {"card": "components/card/card"}}"#,
        "app.wxss": "@import \"common/base.wxss\";\npage { font-size: 28rpx; }\n",
        "common/base.wxss": ".base { margin: 0 }\n",
        "pages/index/index.js": "Page({ data: { list: [1, 2] }, onLoad() { console.log('loaded') } })",
        "pages/index/index.wxml": "<view wx:for=\"{{list}}\" wx:key=\"*this\" bindtap=\"onTap\">{{item}}</view>\n<card title=\"t\"/>\n",
        "components/card/card.js": "Component({})",
        "components/card/card.json": #"{"component": true}"#,
        "components/card/card.wxml": "<view class=\"card\"><slot/></view>",
    ]

    @Test(arguments: ["process", "in-process"])
    func anAppWithTemplatesRuns(isolation: String) throws {
        let app = try TempApp(files: Self.files)
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == ["loaded"])
    }

    @Test func brokenTemplatesAndStylesNameTheirPlace() throws {
        let cases: [(String, String, String)] = [
            ("pages/index/index.wxml", "<view>\n  <text>{{ a + }}</text>\n</view>", "pages/index/index.wxml:2:16: unexpected } in the expression"),
            ("components/card/card.wxml", "<view>", "components/card/card.wxml:1:1: <view> is never closed"),
            ("common/base.wxss", ".a {\n", "common/base.wxss:1: block opened here is never closed with }"),
        ]
        for (path, text, message) in cases {
            var files = Self.files
            files[path] = text
            let app = try TempApp(files: files)
            defer { app.remove() }
            for command in [["run", app.path, "--dev", "--data-dir", tempDataDir()], ["validate", app.path, "--dev"]] {
                let r = try CLI.run(command, stdin: "")
                #expect(r.status == 2, "\(command[0]) \(path)")
                #expect(r.stderr.contains(message), "\(r.stderr)")
            }
        }
        var files = Self.files
        files["app.json"] = #"{"usingComponents": {"card": "components/nope/nope"}}"#
        let app = try TempApp(files: files)
        defer { app.remove() }
        let r = try CLI.run(["validate", app.path, "--dev"], stdin: "")
        #expect(r.status == 2)
        #expect(r.stderr.contains("app.json: usingComponents.card: cannot find the component \"components/nope/nope\""), "\(r.stderr)")
    }
}
