import Foundation
import MiniHostPreview
import Testing

/// `minihost preview` as a user runs it: the real binary, its printed address, `--screenshot`,
/// and `--watch` relaunching on the same page or showing a compile error in the page.
@Suite("minihost preview (the command)", .serialized)
struct PreviewCommandTests {
    /// The `minihost` binary built next to the tests.
    static var binary: URL {
        if let explicit = ProcessInfo.processInfo.environment["MINIHOST_BIN"] { return URL(fileURLWithPath: explicit) }
        for dir in [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()] {
            let url = dir.appendingPathComponent("minihost")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return PreviewFixture.packageRoot.appendingPathComponent(".build/debug/minihost")
    }

    /// A running `minihost preview`: its process and the address it printed.
    final class Running: @unchecked Sendable {
        let process = Process()
        let stderr = Pipe()
        var url = ""

        init(_ args: [String], scratch: URL) throws {
            process.executableURL = PreviewCommandTests.binary
            process.arguments = ["preview"] + args + ["--data-dir", scratch.appendingPathComponent("data").path]
            process.currentDirectoryURL = PreviewFixture.packageRoot
            let stdout = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            // The first line of stdout is the address, once the server listens.
            var line = Data()
            while true {
                let byte = stdout.fileHandleForReading.readData(ofLength: 1)
                if byte.isEmpty || byte == Data("\n".utf8) { break }
                line.append(byte)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("preview: http://127.0.0.1:") else {
                process.terminate()
                throw PreviewError("unexpected first line: \(text); stderr: \(String(decoding: stderr.fileHandleForReading.availableData, as: UTF8.self))")
            }
            url = String(text.dropFirst("preview: ".count))
        }

        func stop() {
            if process.isRunning { process.interrupt() }
            process.waitUntilExit()
        }
    }

    static func scratchCopyOfKit() throws -> (scratch: URL, project: URL) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-preview-cmd-\(UUID().uuidString)")
        let project = scratch.appendingPathComponent("kit")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PreviewBrowserTests.kit, toPath: project.path)
        return (scratch, project)
    }

    @Test("--screenshot writes a PNG of the entry page that is not blank")
    func screenshot() async throws {
        let (scratch, project) = try Self.scratchCopyOfKit()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("shot.png")
        let status = try await offPool { () -> Int32 in
            let p = Process()
            p.executableURL = Self.binary
            p.arguments = ["preview", project.path, "--dev", "--screenshot", file.path, "--data-dir", scratch.appendingPathComponent("data").path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        #expect(status == 0)
        let png = try Data(contentsOf: file)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let browser = try await Chromium.launch()
        defer { browser.quit() }
        let page = try await browser.open("about:blank")
        #expect(try await PreviewBrowserTests.distinctColours(png, in: page) > 4)
    }

    @Test("--watch relaunches on the same page after a change, and shows a compile error with its file and line")
    func watch() async throws {
        let (scratch, project) = try Self.scratchCopyOfKit()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let running = try await offPool { try Running([project.path, "--watch", "--dev"], scratch: scratch) }
        defer { running.stop() }
        let browser = try await Chromium.launch()
        defer { browser.quit() }
        let page = try await browser.open(running.url)
        try await page.waitFor("document.documentElement.dataset.mhState === 'ready' && document.querySelector('#inc')", timeout: 30)
        try await page.evaluate("[...document.querySelectorAll('#mh-tabbar *')].find((e) => e.children.length === 0 && e.textContent.trim() === 'Second').click()")
        try await page.waitFor("document.querySelector('#second')")
        try await page.evaluate("window.__sameDocument = true")

        let second = project.appendingPathComponent("pages/second/second.wxml")
        try Data("<view class=\"page\"><text id=\"second\">Second page, edited</text></view>\n".utf8).write(to: second)
        try await page.waitFor("document.querySelector('#second') && document.querySelector('#second').textContent === 'Second page, edited'", timeout: 15)

        try Data("<view class=\"page\">\n  <text id=\"second\">{{ broken </text>\n</view>\n".utf8).write(to: second)
        let shown = try await page.waitFor("""
            document.documentElement.dataset.mhState === 'compile-error' && document.querySelector('#mh-compile-error').textContent
            """, timeout: 15)
        let text = shown.stringValue ?? ""
        #expect(text.contains("pages/second/second.wxml"), "\(text)")
        #expect(text.contains("2"), "the line: \(text)")

        try Data("<view class=\"page\"><text id=\"second\">Second page, fixed</text></view>\n".utf8).write(to: second)
        try await page.waitFor("document.documentElement.dataset.mhState === 'ready' && document.querySelector('#second') && document.querySelector('#second').textContent === 'Second page, fixed'", timeout: 15)
        #expect(try await page.evaluate("window.__sameDocument") == .bool(true), "the browser page was reloaded")
    }

    @Test("a bad target is exit status 2 with a message naming it")
    func badTarget() async throws {
        let (status, message) = try await offPool { () -> (Int32, String) in
            let p = Process()
            let err = Pipe()
            p.executableURL = Self.binary
            p.arguments = ["preview", "no/such/project"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = err
            try p.run()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        #expect(status == 2)
        #expect(message.contains("no/such/project"))
    }
}
