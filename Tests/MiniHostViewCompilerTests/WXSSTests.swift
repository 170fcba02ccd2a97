import Foundation
import MiniHostCore
import Testing

/// WXSS: syntax checked with `file:line` errors, imports resolved and inlined, `rpx` untouched.
@Suite struct WXSSTests {
    func checkError(_ entries: [String: String]) -> String? {
        do {
            try WXSSChecker.check(files: files(entries))
            return nil
        } catch {
            return error.description
        }
    }

    @Test func validStylesheetsPass() {
        #expect(checkError([
            "app.wxss": "@import \"common/base.wxss\";\n/* a } comment */\npage { width: 750rpx; content: \"}\"; }\n@media (min-width: 100px) { .a { b: c } }\n",
            "common/base.wxss": "@import '/common/vars';\n.x{margin:10rpx}",
            "common/vars.wxss": ":root { --c: #fff; }",
        ]) == nil)
    }

    @Test func syntaxErrorsNameFileAndLine() {
        #expect(checkError(["a.wxss": ".a {\n  color: red;\n"]) == "a.wxss:1: block opened here is never closed with }")
        #expect(checkError(["a.wxss": ".a { }\n}\n"]) == "a.wxss:2: stray } with no block to close")
        #expect(checkError(["a.wxss": "\n\n/* never"]) == "a.wxss:3: comment is never closed with */")
        #expect(checkError(["a.wxss": ".a { content: \"x; }\n"]) == "a.wxss:1: string is never closed")
        #expect(checkError(["a.wxss": "@import common;"]) == "a.wxss:1: @import must name a file in quotes, as @import \"common.wxss\";")
    }

    @Test func importErrors() {
        #expect(checkError(["pages/a/a.wxss": "\n@import \"../../missing.wxss\";"]) == "pages/a/a.wxss:2: imported file missing.wxss does not exist")
        #expect(checkError(["a.wxss": "@import \"b.wxss\";", "b.wxss": "\n@import \"/a.wxss\";"]) == "b.wxss:2: import cycle: a.wxss → b.wxss → a.wxss")
        #expect(checkError(["a.wxss": "@import \"a.wxss\";"]) == "a.wxss:1: import cycle: a.wxss → a.wxss")
        #expect(checkError(["a.wxss": "@import \"../x.wxss\";"]) == "a.wxss:1: imported file x.wxss does not exist")
        #expect(checkError(["a/a.wxss": "@import \"../../../b\";", "b.wxss": ""]) == nil)
    }

    @Test func anOwnersStylesheetInlinesImportsInOrderAfterAppStyles() throws {
        let f = files([
            "app.wxss": "@import \"common/base.wxss\";\npage { font-size: 28rpx; }\n",
            "common/base.wxss": ".base { margin: 0 }",
            "pages/index/index.wxss": "@import url(\"../../common/card.wxss\");\n.title { height: 88rpx; }",
            "common/card.wxss": "@import \"base.wxss\";\n.card {}",
        ])
        let page = try WXSSChecker.stylesheet(owner: "pages/index/index", files: f, includeApp: true)
        #expect(page.text == ".base { margin: 0 }\npage { font-size: 28rpx; }\n.base { margin: 0 }\n.card {}\n.title { height: 88rpx; }\n")
        #expect(page.files == ["app.wxss", "common/base.wxss", "pages/index/index.wxss", "common/card.wxss"])
        let component = try WXSSChecker.stylesheet(owner: "pages/index/index", files: f, includeApp: false)
        #expect(component.files == ["pages/index/index.wxss", "common/card.wxss", "common/base.wxss"])
        #expect(try WXSSChecker.stylesheet(owner: "pages/none/none", files: f, includeApp: false) == Stylesheet(text: "", files: []))
    }

    @Test func truncatedStylesheetsThrowRatherThanTrap() {
        let text = Array("@import \"b.wxss\";\n/* c */ .a { content: '}'; width: 10rpx; }\n@media x { .b { c: d } }".unicodeScalars)
        for cut in 0...text.count {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: text[0..<cut])
            _ = checkError(["a.wxss": String(prefix), "b.wxss": ""])
        }
    }
}
