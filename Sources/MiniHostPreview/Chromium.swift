import Foundation
import MiniHostProtocol

/// A headless Chromium started for the preview's screenshots, benchmarks and tests (Debian's
/// `chromium`, or `$MINIHOST_CHROMIUM`), driven through the DevTools protocol on a pipe. Its
/// profile is a temporary folder removed when it quits.
public final class Chromium: @unchecked Sendable {
    private let pid: pid_t
    private let profile: URL
    public let devTools: DevToolsConnection
    private let lock = NSLock()
    private var exited = false

    /// The browser's executable: `$MINIHOST_CHROMIUM`, else the first of the usual names on PATH.
    public static func executable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["MINIHOST_CHROMIUM"], !path.isEmpty { return path }
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in dirs where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        }
        throw PreviewError("no Chromium found (install Debian's chromium: scripts/bootstrap does, or set MINIHOST_CHROMIUM)")
    }

    /// Starts the browser with a window of `width`×`height` CSS pixels.
    public static func launch(width: Int = 1280, height: Int = 900) async throws -> Chromium {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var args = ["--headless=new", "--disable-gpu", "--remote-debugging-pipe", "--user-data-dir=\(profile.path)",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-sync", "--mute-audio", "--hide-scrollbars",
                    "--window-size=\(width),\(height)", "about:blank"]
        // Chromium's own sandbox cannot start as root (containers, CI); the page is ours.
        if geteuid() == 0 { args.insert("--no-sandbox", at: 0) }
        let commands = try closeOnExecPipe(), answers = try closeOnExecPipe()
        let pid: pid_t
        do {
            pid = try spawn(try executable(), args, descriptors: [3: commands.read, 4: answers.write])
        } catch {
            for fd in [commands.read, commands.write, answers.read, answers.write] { close(fd) }
            try? FileManager.default.removeItem(at: profile)
            throw error
        }
        close(commands.read)
        close(answers.write)
        let connection = DevToolsConnection(output: FileHandle(fileDescriptor: commands.write, closeOnDealloc: true),
                                            input: FileHandle(fileDescriptor: answers.read, closeOnDealloc: true))
        let browser = Chromium(pid: pid, profile: profile, devTools: connection)
        do {
            try await connection.send("Browser.getVersion")
        } catch {
            browser.quit()
            throw PreviewError("Chromium did not start: \(error)")
        }
        return browser
    }

    private init(pid: pid_t, profile: URL, devTools: DevToolsConnection) {
        self.pid = pid
        self.profile = profile
        self.devTools = devTools
    }

    /// posix_spawn with `descriptors` (child fd → parent fd) and /dev/null for the standard ones.
    private static func spawn(_ path: String, _ args: [String], descriptors: [Int32: Int32]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Each parent descriptor is first copied above the targets: a dup2 onto itself would keep
        // close-on-exec, and one onto the other's source would overwrite it.
        var copies: [Int32] = []
        defer { for fd in copies { close(fd) } }
        for (child, parent) in descriptors {
            let copy = fcntl(parent, F_DUPFD_CLOEXEC, 10)
            guard copy >= 0 else { throw PreviewError("cannot copy a pipe: \(String(cString: strerror(errno)))") }
            copies.append(copy)
            posix_spawn_file_actions_adddup2(&actions, copy, child)
        }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw PreviewError("cannot start \(path): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Opens `url` in a new tab and waits for it to load.
    public func open(_ url: String) async throws -> ChromiumPage {
        let target = try await devTools.send("Target.createTarget", ["url": .string("about:blank")])
        guard let targetId = target["targetId"]?.stringValue else { throw PreviewError("Chromium opened no tab") }
        let attached = try await devTools.send("Target.attachToTarget", ["targetId": .string(targetId), "flatten": .bool(true)])
        guard let session = attached["sessionId"]?.stringValue else { throw PreviewError("Chromium did not attach to its tab") }
        let page = ChromiumPage(devTools: devTools, session: session)
        try await devTools.send("Page.enable", session: session)
        try await devTools.send("Page.navigate", ["url": .string(url)], session: session)
        _ = try await page.waitFor("document.readyState === 'complete'", timeout: 30)
        return page
    }

    /// Quits the browser and removes its profile.
    public func quit() {
        let first = lock.withLock { () -> Bool in defer { exited = true }; return !exited }
        guard first else { return }
        devTools.close()  // Chromium quits when its command pipe closes
        var status: Int32 = 0
        var reaped = false
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) != 0 { reaped = true; break }
            usleep(20_000)
        }
        if !reaped {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(at: profile)
    }
}

/// A pipe whose ends close on exec (only the descriptors handed to a child are inherited).
private func closeOnExecPipe() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw PreviewError("cannot make a pipe: \(String(cString: strerror(errno)))") }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
}

/// A tab of the headless browser.
public struct ChromiumPage: Sendable {
    let devTools: DevToolsConnection
    let session: String

    /// The value of a JavaScript expression in the page (a promise is awaited), as JSON.
    public func evaluate(_ expression: String) async throws -> JSONValue {
        let result = try await devTools.send("Runtime.evaluate", ["expression": .string(expression), "awaitPromise": .bool(true),
                                                                  "returnByValue": .bool(true)], session: session)
        if let exception = result["exceptionDetails"] {
            let text = exception["exception"]?["description"]?.stringValue ?? exception["text"]?.stringValue ?? "an exception"
            throw PreviewError("in the page: \(text)")
        }
        return result["result"]?["value"] ?? .null
    }

    /// Polls `expression` until it is truthy; returns its value or throws after `timeout` seconds.
    @discardableResult
    public func waitFor(_ expression: String, timeout: Double = 10) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let value = try await evaluate("(() => { try { return (\(expression)) || null; } catch (e) { return null; } })()")
            if value != .null && value != .bool(false) { return value }
            if Date() > deadline { throw PreviewError("timed out after \(timeout) s waiting for \(expression)") }
            try await Task.sleep(nanoseconds: 30_000_000)
        }
    }

    /// Clicks the middle of the first element `selector` matches, as a mouse would.
    public func click(_ selector: String) async throws {
        let quoted = JSONValue.string(selector).jsonText
        let box = try await waitFor("""
            (() => { const e = document.querySelector(\(quoted)); if (!e) return null; e.scrollIntoView({block: 'center'});
            const r = e.getBoundingClientRect(); return r.width > 0 ? {x: r.x + r.width / 2, y: r.y + r.height / 2} : null; })()
            """)
        guard let x = box["x"]?.numberValue, let y = box["y"]?.numberValue else { throw PreviewError("\(selector) has no box to click") }
        for type in ["mousePressed", "mouseReleased"] {
            try await devTools.send("Input.dispatchMouseEvent", ["type": .string(type), "x": .number(x), "y": .number(y),
                                                                 "button": .string("left"), "clickCount": .number(1)], session: session)
        }
    }

    /// Types text into the focused element, as a keyboard would.
    public func type(_ text: String) async throws {
        try await devTools.send("Input.insertText", ["text": .string(text)], session: session)
    }

    /// A PNG of the viewport, or of the box of the first element `selector` matches.
    public func screenshot(of selector: String? = nil) async throws -> Data {
        var params: [String: JSONValue] = ["format": .string("png")]
        if let selector {
            let rect = try await evaluate("""
                (() => { const e = document.querySelector(\(JSONValue.string(selector).jsonText)); if (!e) return null;
                const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; })()
                """)
            if case .object = rect { params["clip"] = rect.merging(["scale": .number(1)]) }
        }
        let shot = try await devTools.send("Page.captureScreenshot", params, session: session)
        guard let base64 = shot["data"]?.stringValue, let data = Data(base64Encoded: base64) else {
            throw PreviewError("Chromium returned no screenshot")
        }
        return data
    }
}

extension JSONValue {
    fileprivate func merging(_ fields: [String: JSONValue]) -> JSONValue {
        guard case var .object(object) = self else { return self }
        for (k, v) in fields { object[k] = v }
        return .object(object)
    }
}
