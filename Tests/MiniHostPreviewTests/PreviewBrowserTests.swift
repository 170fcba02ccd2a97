import Foundation
import MiniHostPreview
import MiniHostProtocol
import Testing

/// The preview in a real headless Chromium: the pages of the samples and of a WeChat project
/// fixture drawn with their styles, clicks and text reaching the app, its dialogs answered.
@Suite("Preview in Chromium", .serialized)
struct PreviewBrowserTests {
    static let kit = PreviewFixture.packageRoot.appendingPathComponent("Tests/MiniHostPreviewTests/Fixtures/preview-kit").path

    /// Opens `fixture`'s preview in a new headless Chromium and waits for the first page.
    static func open(_ fixture: PreviewFixture) async throws -> (Chromium, ChromiumPage) {
        let browser = try await Chromium.launch()
        do {
            let page = try await browser.open(fixture.server.url)
            try await page.waitFor("document.documentElement.dataset.mhState === 'ready'", timeout: 30)
            return (browser, page)
        } catch {
            browser.quit()
            throw error
        }
    }

    /// Runs `body` on the preview of `sample` (the fixture project by default) in a new browser.
    static func withPreview(_ sample: String = kit, _ body: (ChromiumPage) async throws -> Void) async throws {
        let fixture = try await PreviewFixture.make(sample: sample)
        defer { fixture.stop() }
        let (browser, page) = try await open(fixture)
        defer { browser.quit() }
        try await body(page)
    }

    static func text(_ page: ChromiumPage, _ selector: String) async throws -> String? {
        try await page.evaluate("(() => { const e = document.querySelector(\(JSONValue.string(selector).jsonText)); return e ? e.textContent : null; })()").stringValue
    }

    @Test("each sample's entry page shows its text, and its screenshot is not blank", arguments: [
        ("org.minihost.hello", "Hello, world!"), ("org.minihost.checkin", "Check-in"),
        ("org.minihost.flights", "Flights"), ("org.minihost.taxi", "taxi"),
    ])
    func samples(sample: String, expected: String) async throws {
        try await Self.withPreview(sample) { page in
            let text = try await page.evaluate("document.querySelector('#mh-page').innerText").stringValue ?? ""
            #expect(text.localizedCaseInsensitiveContains(expected), "\(sample): \(text)")
            let png = try await page.screenshot()
            #expect(try await Self.distinctColours(png, in: page) > 4, "the screenshot of \(sample) is blank")
        }
    }

    @Test("a click reaches the handler; setData repaints without a reload; a toast shows")
    func click() async throws {
        try await Self.withPreview { page in
            try await page.evaluate("window.__sameDocument = true")
            #expect(try await Self.text(page, "#inc") == "taps: 0")
            try await page.click("#inc")
            try await page.waitFor("document.querySelector('#inc').textContent === 'taps: 1'")
            try await page.click("#inc")
            try await page.waitFor("document.querySelector('#inc').textContent === 'taps: 2'")
            #expect(try await page.evaluate("window.__sameDocument") == .bool(true), "the page was reloaded")
            try await page.waitFor("document.querySelector('#mh-data') && document.querySelector('#mh-data').textContent.includes('\"n\": 2') || document.querySelector('#mh-data').textContent.includes('\"n\":2')")
            try await page.click(".item[data-item='b']")
            try await page.waitFor("document.querySelectorAll('.item').length === 2")
            try await page.waitFor("document.querySelector('#mh-toast') && document.querySelector('#mh-toast').textContent.includes('removed b')")
        }
    }

    @Test("a modal appears in the page and its answer reaches the app")
    func modal() async throws {
        try await Self.withPreview { page in
            try await page.click("#ask")
            try await page.waitFor("document.querySelector('#mh-dialog') && document.querySelector('#mh-dialog').textContent.includes('Proceed?')")
            try await page.click("#mh-dialog [data-mh-answer='confirm']")
            try await page.waitFor("document.querySelector('#answer').textContent === 'confirmed'")
            #expect(try await page.evaluate("!document.querySelector('#mh-dialog') || document.querySelector('#mh-dialog').offsetParent === null") == .bool(true))
            try await page.click("#ask")
            try await page.click("#mh-dialog [data-mh-answer='cancel']")
            try await page.waitFor("document.querySelector('#answer').textContent === 'cancelled'")
        }
    }

    @Test("a consent prompt is a dialog; the World panel moves the user and the app sees it; the audit shows the decision")
    func consentAndWorld() async throws {
        try await Self.withPreview { page in
            try await page.evaluate("document.querySelector('[data-mh-panel=\"mh-world\"]').click()")
            try await page.evaluate("""
                (() => { const set = (id, v) => { const e = document.getElementById(id); e.value = v; };
                set('mh-lat', '31.2304'); set('mh-lng', '121.4737');
                document.getElementById('mh-location-form').requestSubmit(); return true; })()
                """)
            try await page.click("#where")
            try await page.waitFor("document.querySelector('#mh-dialog') && document.querySelector('#mh-dialog').textContent.includes('to show where you are')")
            try await page.click("#mh-dialog [data-mh-answer='once']")
            try await page.waitFor("document.querySelector('#position').textContent === '31.230,121.474'")
            try await page.waitFor("document.querySelector('#mh-audit').textContent.includes('getLocation')")
        }
    }

    @Test("typing in an input reaches the app (model:value) and the page follows")
    func input() async throws {
        try await Self.withPreview { page in
            try await page.click("#name input, #name textarea, #name")
            try await page.type("Ann")
            try await page.waitFor("document.querySelector('#greeting').textContent === 'Hello Ann'")
        }
    }

    @Test("WXSS applies: rpx scaled to the frame, the app's and the page's styles, a component's isolated")
    func styles() async throws {
        try await Self.withPreview { page in
            let sizes = try await page.evaluate("""
                (() => { const box = document.querySelector('#box'), pg = document.querySelector('#mh-page');
                return { box: box.getBoundingClientRect().width, page: pg.getBoundingClientRect().width }; })()
                """)
            let box = sizes["box"]?.numberValue ?? 0, width = sizes["page"]?.numberValue ?? 0
            #expect(width > 0 && abs(box - width / 2) < 1.5, "375rpx should be half the frame: \(box) of \(width)")
            let colours = try await page.evaluate("""
                (() => { const c = (s) => getComputedStyle(document.querySelector(s)).color;
                return { page: c('#heading'), card: c('#card .' + [...document.querySelector('#card').querySelectorAll('*')].map((e) => [...e.classList]).flat().find((k) => k.endsWith('title'))) }; })()
                """)
            #expect(colours["page"] == .string("rgb(0, 0, 255)"), "app.wxss's .title on the page: \(colours.jsonText)")
            #expect(colours["card"] == .string("rgb(255, 0, 0)"), "the card's own .title, not the app's: \(colours.jsonText)")
        }
    }

    @Test("the tab bar switches pages; the navigation bar shows the page's title")
    func navigation() async throws {
        try await Self.withPreview { page in
            #expect(try await Self.text(page, "#mh-nav-title") == "Home")
            try await page.evaluate("[...document.querySelectorAll('*')].find((e) => e.children.length === 0 && e.textContent.trim() === 'Second' && !e.closest('#mh-page')).click()")
            try await page.waitFor("document.querySelector('#second')")
            #expect(try await Self.text(page, "#mh-nav-title") == "Preview Kit")
        }
    }

    @Test("scrolling the page calls onPageScroll, and reaching its bottom onReachBottom once")
    func pageScroll() async throws {
        try await Self.withPreview { page in
            try await page.evaluate("[...document.querySelectorAll('#mh-tabbar *')].find((e) => e.children.length === 0 && e.textContent.trim() === 'Second').click()")
            try await page.waitFor("document.querySelector('#scrolled')")
            try await page.evaluate("document.querySelector('#mh-viewport').scrollTop = 100")
            try await page.waitFor("document.querySelector('#scrolled').textContent === 'scrolled 100'")
            try await page.evaluate("document.querySelector('#mh-viewport').scrollTop = 1e6")
            try await page.waitFor("document.querySelector('#bottom').textContent === 'bottom 1'")
            try await page.evaluate("document.querySelector('#mh-viewport').scrollTop = 1e6 - 1")
            try await page.evaluate("new Promise((r) => setTimeout(r, 200))")
            #expect(try await Self.text(page, "#bottom") == "bottom 1", "still at the bottom: no second call")
        }
    }

    @Test("the console panel shows the app's console lines with the file and line that printed them")
    func consoleSource() async throws {
        try await Self.withPreview { page in
            try await page.waitFor("[...document.querySelectorAll('#mh-console .mh-log')].some((r) => r.textContent.includes('preview kit launched') && r.textContent.includes('app.js:3'))")
        }
    }

    @Test("a tap navigates; the back arrow returns; the page stack panel follows")
    func backArrow() async throws {
        try await Self.withPreview("org.minihost.hello") { page in
            try await page.click("#fruit-pears")
            try await page.waitFor("document.querySelector('#item') && document.querySelector('#item').textContent === 'pears'")
            try await page.waitFor("document.querySelector('#mh-stack').textContent.includes('pages/detail/detail')")
            try await page.click("#mh-back")
            try await page.waitFor("document.querySelector('#fruit-pears') && !document.querySelector('#item')")
            try await page.waitFor("!document.querySelector('#mh-stack').textContent.includes('pages/detail/detail')")
        }
    }

    @Test("a hostile page cannot script or restyle the tool around it")
    func hostilePage() async throws {
        let hostile = PreviewFixture.packageRoot.appendingPathComponent("Tests/MiniHostPreviewTests/Fixtures/preview-hostile").path
        try await Self.withPreview(hostile) { page in
            try await page.waitFor("document.querySelector('#markup')")
            let report = try await page.evaluate("""
                (() => {
                  const frame = document.querySelector('#mh-viewport').getBoundingClientRect();
                  const cover = document.querySelector('#mh-page .cover').getBoundingClientRect();
                  const visible = (s) => { const e = document.querySelector(s); return !!e && getComputedStyle(e).display !== 'none'; };
                  return {
                    pwned: window.__pwned === true,
                    markupIsText: document.querySelector('#markup').textContent.includes('<img') && !document.querySelector('#markup img'),
                    handlers: [...document.querySelectorAll('#mh-page *')].some((e) => [...e.attributes].some((a) => /^on|^href$/i.test(a.name))),
                    scriptURL: [...document.querySelectorAll('#mh-page img')].some((e) => /^javascript:/i.test(e.getAttribute('src') || '')),
                    hooksTaken: !!document.querySelector('#mh-page #mh-dialog, #mh-page [data-mh-answer]'),
                    toolVisible: visible('#mh-toolbar') && visible('#mh-panels') && getComputedStyle(document.body).display !== 'none',
                    coverInside: cover.left >= frame.left - 1 && cover.top >= frame.top - 1,
                    coverClipped: document.elementFromPoint(5, 5) === null || !document.querySelector('#mh-page').contains(document.elementFromPoint(5, 5)),
                    title: document.querySelector('#mh-nav-title').textContent,
                    richScript: !!document.querySelector('#mh-page script'),
                  };
                })()
                """)
            #expect(report["pwned"] == .bool(false))
            #expect(report["markupIsText"] == .bool(true))
            #expect(report["handlers"] == .bool(false))
            #expect(report["scriptURL"] == .bool(false))
            #expect(report["hooksTaken"] == .bool(false))
            #expect(report["toolVisible"] == .bool(true), "\(report.jsonText)")
            #expect(report["coverInside"] == .bool(true), "\(report.jsonText)")
            #expect(report["coverClipped"] == .bool(true), "\(report.jsonText)")
            #expect(report["title"] == .string("<img src=x onerror=alert(1)>"))
            #expect(report["richScript"] == .bool(false))
        }
    }

    /// The number of distinct colours in a PNG, decoded by the browser itself.
    static func distinctColours(_ png: Data, in page: ChromiumPage) async throws -> Int {
        let value = try await page.evaluate("""
            (async () => { const img = new Image(); img.src = 'data:image/png;base64,\(png.base64EncodedString())';
            await img.decode(); const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data;
            const seen = new Set(); for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
            return seen.size; })()
            """)
        return Int(value.numberValue ?? 0)
    }
}
