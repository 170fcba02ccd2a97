import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostDevTest
import MiniHostIsolation
import MiniHostPreview

/// `minihost-bench preview`: a real click in headless Chromium on the preview of a counter page,
/// through the WebSocket, the view layer's tap, the handler's setData and the patch back, to the
/// animation frame that shows the new text. The floor is the same click on a button whose own
/// handler changes its text in the page (the browser's input and frame timing alone). And
/// `--watch`'s loop: a template edited on disk to its new text painted in the browser.
struct PreviewBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Click to paint through the browser preview, in headless Chromium.")

    @Option(help: "Timed clicks.") var runs = 100
    @Option(help: "Where the app runs: process or in-process.") var isolation = "process"
    @OptionGroup var options: BenchOptions

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-preview-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = try RenderProject.write(to: scratch.appendingPathComponent("counter"), entry: "counter")
        let package = try RenderProject.load(root, cache: scratch)
        let browserPrompter = BrowserPrompter(maxWait: 1)
        let services = try HostServices(dataDirectory: scratch.appendingPathComponent("data"), prompter: browserPrompter)
        let session = PreviewSession(package: package, services: services, prompter: browserPrompter,
                                     isolation: isolation == "in-process" ? .inProcess : .process)
        let server = PreviewServer(session: session)
        try server.start()
        defer { session.stop(); server.stop() }
        guard try session.launch() else { throw ValidationError("the preview bench app failed to launch") }
        let runs = self.runs
        let url = server.url
        // The watch loop of `minihost preview --watch`, on a thread of its own.
        Thread.detachNewThread {
            let watcher = PackageWatcher(root: root)
            watcher.interval = PreviewWatch.pollInterval
            while true {
                watcher.waitForChange()
                session.reload { try RenderProject.load(root, cache: scratch) }
            }
        }
        let template = root.appendingPathComponent("pages/counter/counter.wxml")
        let result = BlockingTask.run { () async throws -> (app: [Double], floor: [Double], watch: [Double]) in
            let browser = try await Chromium.launch()
            defer { browser.quit() }
            let page = try await browser.open(url)
            try await page.waitFor("document.documentElement.dataset.mhState === 'ready' && document.querySelector('#inc')", timeout: 30)
            var app: [Double] = []
            for i in 0..<(runs + 10) {
                _ = try await page.evaluate("window.__mhPaint = window.minihostPreview.nextPaint(); true")
                try await page.click("#inc")
                let paint = try await page.evaluate("window.__mhPaint")
                guard let ms = paint["inputToPaintMs"]?.numberValue else { throw ValidationError("no paint reported: \(paint.jsonText)") }
                _ = try await page.waitFor("document.querySelector('#inc').textContent.includes('taps: \(i + 1)')", timeout: 5)
                if i >= 10 { app.append(ms) }
            }
            // The floor: a button of the page's own, its click handler changing its text.
            _ = try await page.evaluate("""
                (() => { const b = document.createElement('button'); b.id = 'mh-bench-floor'; b.textContent = '0';
                b.style.cssText = 'position:fixed;left:0;top:0;width:80px;height:40px;z-index:99999';
                b.addEventListener('click', (e) => { b.textContent = String(Number(b.textContent) + 1);
                const t = e.timeStamp; requestAnimationFrame(() => { window.__mhFloor = performance.now() - t; }); });
                document.body.appendChild(b); return true; })()
                """)
            var floor: [Double] = []
            for i in 0..<(runs + 10) {
                _ = try await page.evaluate("window.__mhFloor = undefined; true")
                try await page.click("#mh-bench-floor")
                let ms = try await page.waitFor("window.__mhFloor", timeout: 5)
                if i >= 10, let v = ms.numberValue { floor.append(v) }
            }
            // Watch: the page's template edited; timed to the animation frame showing the edit.
            var watch: [Double] = []
            for i in 0..<12 {
                let start = now()
                try Data(RenderProject.counterTemplate.replacingOccurrences(of: "taps:", with: "edit \(i):").utf8).write(to: template)
                _ = try await page.waitFor("document.querySelector('#inc') && document.querySelector('#inc').textContent.startsWith('edit \(i):')", timeout: 10)
                _ = try await page.evaluate("new Promise((r) => requestAnimationFrame(() => r(true)))")
                if i >= 2 { watch.append((now() - start) * 1000) }
            }
            return (app, floor, watch)
        }
        let (app, floor, watch) = try result.get()
        options.emit([
            ("isolation", isolation),
            ("clicks", app.count),
            ("click_to_paint_ms", median(app)),
            ("click_to_paint_p90_ms", percentile(app, 0.9)),
            ("browser_floor_ms", median(floor)),
            ("watch_relaunch_ms", median(watch)),
            ("watch_relaunch_max_ms", watch.max() ?? 0),
            ("watch_poll_interval_ms", PreviewWatch.pollInterval * 1000),
        ])
    }
}
