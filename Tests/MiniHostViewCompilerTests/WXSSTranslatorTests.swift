import Foundation
import MiniHostCore
import Testing

/// WXSS → browser CSS for the preview: rpx, `wx-` tags, component scopes, `:host`, at-rules,
/// and well-formed output for any input.
@Suite struct WXSSTranslatorTests {
    func page(_ wxss: String) -> String { WXSSTranslator.css(wxss, scope: "") }
    func component(_ wxss: String) -> String { WXSSTranslator.css(wxss, scope: "c2") }

    @Test func rpxBecomesAMultipleOfTheFramesRpx() {
        #expect(page(".a{width:750rpx;margin:.5rpx -10rpx 1e1rpx +2RPX}")
            == ".a{width:calc(750 * var(--rpx));margin:calc(.5 * var(--rpx)) calc(-10 * var(--rpx)) calc(1e1 * var(--rpx)) calc(+2 * var(--rpx))}")
        #expect(page(".a { width: calc(100% - 20rpx); border: 1.5rpx solid red !important }")
            == ".a { width: calc(100% - calc(20 * var(--rpx))); border: calc(1.5 * var(--rpx)) solid red !important }")
        #expect(page(".a{transform:translate(-50%,-8rpx)}") == ".a{transform:translate(-50%,calc(-8 * var(--rpx)))}")
    }

    @Test func rpxIsLeftAloneOutsideDimensions() {
        let kept = ".w-10rpx, #i10rpx{content:\"10rpx\";font-family:'1rpx';background:url(img-2rpx.png);--w10rpx:1;color:#10rpx;width:10rpxs;x:a10rpx}/* 3rpx */"
        #expect(page(kept) == kept)
        #expect(page("@media (max-width: 750rpx) { .a { top: 1rpx } }") == "@media (max-width: 750rpx) { .a { top: calc(1 * var(--rpx)) } }")
    }

    @Test func typeSelectorsBecomeWxElements() {
        #expect(page("view, scroll-view > text, page .a, van-button + image ~ *, VIEW{}") == "wx-view, wx-scroll-view > wx-text, wx-page .a, wx-van-button + wx-image ~ *, wx-VIEW{}")
        #expect(page("view:not(text):is(button, .b) :where(icon)::after{}") == "wx-view:not(wx-text):is(wx-button, .b) :where(wx-icon)::after{}")
        #expect(page("input[type=text]::placeholder, a:hover, :first-child, li:nth-child(2n+1), [class~=\"view\"] b{}")
            == "wx-input[type=text]::placeholder, wx-a:hover, :first-child, wx-li:nth-child(2n+1), [class~=\"view\"] wx-b{}")
    }

    @Test func pageClassesStayGlobal() {
        #expect(page(".title .sub.on:not(.x), #main.y{color:red}") == ".title .sub.on:not(.x), #main.y{color:red}")
    }

    @Test func componentClassesGetTheScope() {
        #expect(component(".title .sub-title.active:not(.x, view.y), #id.z > text.a\\:b{color:red}")
            == ".c2-title .c2-sub-title.c2-active:not(.c2-x, wx-view.c2-y), #id.c2-z > wx-text.c2-a\\:b{color:red}")
        #expect(component(".a{background:url(x.png) .5rpx}") == ".c2-a{background:url(x.png) calc(.5 * var(--rpx))}")
    }

    @Test func hostStylesTheComponentsElementBelowItsOwnersClasses() {
        #expect(component(":host{display:block}") == ":where([data-mh-host=\"c2\"]){display:block}")
        #expect(component(":host(.big){}") == ":where([data-mh-host=\"c2\"].big){}")
        #expect(component(":host( van-icon.big ){}") == ":where(wx-van-icon[data-mh-host=\"c2\"].big){}")
        #expect(component(":host::after{}") == ":where([data-mh-host=\"c2\"])::after{}")
        #expect(component(":host .a, :host > view{}") == "[data-mh-host=\"c2\"] .c2-a, [data-mh-host=\"c2\"] > wx-view{}")
        #expect(component(":host:hover .a, :HOST{}") == "[data-mh-host=\"c2\"]:hover .c2-a, :where([data-mh-host=\"c2\"]){}")
        #expect(page(":host{display:block}:host(.a){}") == ":host{display:block}:host(.a){}")
    }

    @Test func atRules() {
        #expect(component("@media (min-width: 100px) { .a view { width: 10rpx } @supports (display: grid) { text { } } }")
            == "@media (min-width: 100px) { .c2-a wx-view { width: calc(10 * var(--rpx)) } @supports (display: grid) { wx-text { } } }")
        #expect(component("@keyframes spin { from { width: 1rpx } 50% { top: 2rpx } to { transform: rotate(1turn) } }")
            == "@keyframes spin { from { width: calc(1 * var(--rpx)) } 50% { top: calc(2 * var(--rpx)) } to { transform: rotate(1turn) } }")
        #expect(page("@-webkit-keyframes view{from{}}") == "@-webkit-keyframes view{from{}}")
        #expect(page("@font-face { font-family: view; src: url(a.woff) format(\"woff\"); size: 2rpx }")
            == "@font-face { font-family: view; src: url(a.woff) format(\"woff\"); size: calc(2 * var(--rpx)) }")
        #expect(page("@charset \"utf-8\";@import \"a.wxss\";@import url(b.wxss) screen;\n.a{}") == "@charset \"utf-8\";\n.a{}")
        #expect(page("@custom view { .a text { width: 1rpx } }") == "@custom view { .a text { width: 1rpx } }")
        #expect(page("@layer base;@layer base { view {} }") == "@layer base;@layer base { wx-view {} }")
    }

    @Test func stringsAndCommentsAreKeptWhole() {
        #expect(page(".a::after{content:\"} 10rpx {\";background:url(\"a}.png\")}/* view { .b 2rpx } */view{}")
            == ".a::after{content:\"} 10rpx {\";background:url(\"a}.png\")}/* view { .b 2rpx } */wx-view{}")
        #expect(component("[title=\"view .a {\"] .b, .c/* .d view */ .e{x:'\\'}1rpx'}")
            == "[title=\"view .a {\"] .c2-b, .c2-c/* .d view */ .c2-e{x:'\\'}1rpx'}")
        #expect(page(".a{background:url(data:image/png;base64,a{b}10rpx)}") == ".a{background:url(data:image/png;base64,a{b}10rpx)}")
    }

    @Test func badInputGivesClosedOutput() {
        #expect(page(".a{width:10rpx") == ".a{width:calc(10 * var(--rpx))}")
        #expect(page(".a{content:\"abc") == ".a{content:\"abc\"}")
        #expect(page(".a{} /* open") == ".a{} /* open*/")
        #expect(page("}}.a{}}") == ".a{}")
        #expect(page(".a{} view") == ".a{} ")
        #expect(component("@media x{.a{") == "@media x{.c2-a{}}")
        #expect(component(":not(.a {}.b{}") == ":not(.c2-a ){}.c2-b{}")
        #expect(component("[x=\"1\" {}") == "[x=\"1\" ]{}")
        #expect(page("@media print") == "@media print;")
        #expect(page("a\u{0}b{content:\"\u{0}\"}") == "wx-a\u{FFFD}b{content:\"\u{FFFD}\"}")
    }

    /// Every prefix of a stylesheet, and text made of CSS's special characters, translates
    /// without trapping to output with no NUL whose comments, strings and blocks are closed
    /// (checked where the checker reads the text as CSS does: no escapes, no line breaks).
    @Test func anyInputTranslatesToWellFormedCSS() {
        let sheet = "@import \"b\";/* c */ .a:not(.b) view[x=\"{\"] { content: '}'; width: 10rpx; background: url(a.png) }\n"
            + "@media (x) { :host(.y) > text { top: -.5rpx } } @keyframes k { 50% { left: 1e1rpx } } @font-face { src: url('f') }"
        var texts = (0...sheet.unicodeScalars.count).map { String(String.UnicodeScalarView(sheet.unicodeScalars.prefix($0))) }
        var generator = SeededGenerator(seed: 24)
        let alphabet = Array("{}()[]\"'/*@:.,;>+~# %-a5rpxhost\\\n\u{0}é".unicodeScalars)
        for _ in 0..<400 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<60, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            texts.append(String(text))
        }
        for (n, text) in texts.enumerated() {
            for scope in ["", "c2"] {
                let css = WXSSTranslator.css(text, scope: scope)
                #expect(!css.unicodeScalars.contains("\u{0}"), "NUL from \(text.debugDescription)")
                guard n < sheet.unicodeScalars.count || !(text.contains("\\") || text.contains("\n")) else { continue }
                do {
                    try WXSSChecker.check(files: ["a.wxss": Data(css.utf8)])
                } catch {
                    Issue.record("\(text.debugDescription) → \(css.debugDescription): \(error)")
                }
            }
        }
    }

    @Test func aPackagesInlinedStylesheetTranslates() throws {
        let f = files([
            "app.wxss": "@import \"common.wxss\";\npage { font-size: 28rpx; }\n",
            "common.wxss": ".hairline { border: 1rpx solid #eee }",
            "components/card/card.wxss": "@import \"../../common.wxss\";\n:host { display: block }\n.title view { height: 88rpx }",
        ])
        let pageSheet = try WXSSChecker.stylesheet(owner: "pages/index/index", files: f, includeApp: true)
        #expect(WXSSTranslator.css(pageSheet.text, scope: "")
            == ".hairline { border: calc(1 * var(--rpx)) solid #eee }\nwx-page { font-size: calc(28 * var(--rpx)); }\n")
        let card = try WXSSChecker.stylesheet(owner: "components/card/card", files: f, includeApp: false)
        #expect(WXSSTranslator.css(card.text, scope: "c3")
            == ".c3-hairline { border: calc(1 * var(--rpx)) solid #eee }\n:where([data-mh-host=\"c3\"]) { display: block }\n.c3-title wx-view { height: calc(88 * var(--rpx)) }\n")
    }

    /// Deep nesting and long lines of unclosed constructs stay linear and never exhaust the stack.
    @Test func pathologicalInputStaysCheap() {
        let depth = 20_000
        let nested = String(repeating: "@media x{", count: depth) + ".a{}" + String(repeating: "}", count: depth)
        let css = page(nested)
        #expect(css.hasSuffix(String(repeating: "}", count: depth)))
        let selectors = page(String(repeating: ":not(", count: depth) + "view" + String(repeating: ")", count: depth) + "{}")
        #expect(selectors.hasPrefix(":not(:not(wx-view") == false && selectors.hasPrefix(":not(:not(") && selectors.hasSuffix(")){}"))
        let urls = ".a{b:" + String(repeating: "url(", count: 50_000) + "}"
        #expect(page(urls) == urls)
        #expect(component(String(repeating: ":host", count: 50_000) + "{}").hasSuffix("\"]){}"))
    }
}
