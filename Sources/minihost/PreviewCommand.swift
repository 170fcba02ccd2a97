import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostDevTest
import MiniHostIsolation
import MiniHostPreview
import MiniHostProtocol

/// `minihost preview`: the app in a browser — its pages drawn from the view layer with its WXSS,
/// live, usable, with the console, page stack, data, audit log and world beside it.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show a mini-program in a browser, live: its pages with their styles, its dialogs, its console and world.",
        discussion: "Prints `preview: http://127.0.0.1:PORT/?token=…` on stdout once the server is ready; open that address"
            + " (the token lets the page drive the app; the server answers only its own loopback address and origin)."
            + " The app runs as under `minihost run`: same services, consent, world and isolation; prompts the policy leaves"
            + " open become dialogs in the page. The app's console, errors and lifecycle go to stderr. Ctrl-C ends the preview.\n\n"
            + ExitStatus.list([
                (0, "the preview ended (Ctrl-C) or the screenshot was written"),
                (1, "the server, the browser or the screenshot failed"),
                (2, "a bad target, manifest, package, world or policy file"),
            ]) + " " + ExitStatus.signal
    )

    @Argument(help: "What to preview: a manifest file, a package directory, or an app id in the catalogue.", completion: .file())
    var target: String

    @Option(help: "The port to listen on (default: any free port).")
    var port: Int = 0

    @Option(help: "The address to listen on (loopback by default; any other address lets others on the network with the URL drive the app).")
    var host: String = "127.0.0.1"

    @Option(help: "The simulated world (docs/world.schema.json).", completion: .file(extensions: ["json"]))
    var world: String?

    @Option(help: "Where the app runs: process (a supervised worker process) or in-process (a thread of the host).")
    var isolation: IsolationOption = .process

    @Option(name: .customLong("grant"), help: "Grant a permission without asking (repeatable).")
    var grants: [String] = []

    @Option(name: .customLong("deny"), help: "Deny a permission without asking (repeatable).")
    var denials: [String] = []

    @Option(help: "A consent policy file: {\"location\": \"allow\", \"payment\": \"deny\", \"chat.send\": \"ask\"}.", completion: .file(extensions: ["json"]))
    var policy: String?

    @Option(help: "Where network calls go: world or live.")
    var network: NetworkOption = .world

    @Option(help: "The launch query of the entry page, as a query string (a=1&b=2).")
    var query: String?

    @Flag(help: "Recompile and relaunch on the same page when a file of the package changes; a compile error shows in the page (implies --dev).")
    var watch = false

    @Flag(help: "Open the page in the desktop's browser (xdg-open).")
    var open = false

    @Option(help: "Write a PNG of the entry page in its phone frame, taken in headless Chromium, to this file and exit.", completion: .file(extensions: ["png"]))
    var screenshot: String?

    @Flag(help: "Development mode: skip the digest check.")
    var dev = false

    @Option(help: "The data directory (default: $XDG_DATA_HOME/minihost).", completion: .directory)
    var dataDir: String?

    @OptionGroup var targetOptions: TargetOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() throws {
        let package: AppPackage
        let services: HostServices
        let browser = BrowserPrompter()
        do {
            try world.map { try InputFiles.check($0, as: "the world file") }
            try policy.map { try InputFiles.check($0, as: "the policy file") }
            package = try targetOptions.load(target, dev: dev || watch, dataDirectory: dataDir)
            let dir = DataDirectory.resolve(dataDir)
            try DataDirectory.ensure(dir)
            let worldModel = try world.map { try World.load(URL(fileURLWithPath: $0)) } ?? .default
            let prompter = try ConsentOptions(grant: grants, deny: denials, policy: policy, world: worldModel.policy).makePrompter(fallback: browser)
            services = try HostServices(dataDirectory: dir, prompter: prompter, world: worldModel, network: network.value)
        } catch {
            throw reportBadTarget(error)
        }
        defer { services.flush() }
        let session = PreviewSession(package: package, services: services, prompter: browser, isolation: isolation.value,
                                     launchOptions: LaunchOptions(query: RunCommand.parseQuery(query ?? "")))
        let printer = EventPrinter(json: false)
        printer.toStandardError = true
        session.onEvent = { appId, event in if case .reply = event {} else { printer.print(appId, event) } }
        let server = PreviewServer(session: session, host: host, port: port)
        Interrupts.onInterrupt { _ in
            session.stop()
            server.stop()
            services.flush()
        }
        do {
            try server.start()
            try session.launch()
        } catch {
            CLIMessages.report("\(error)", kind: .failure)
            session.stop()
            throw ExitCode(1)
        }
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            FileHandle.standardError.write(Data("minihost: warning: listening on \(host): anyone who can reach it and has the URL (with its token) can drive the app\n".utf8))
        }
        FileHandle.standardOutput.write(Data("preview: \(server.url)\n".utf8))
        if let screenshot {
            let ok = Self.writeScreenshot(url: server.url, to: screenshot)
            session.stop()
            server.stop()
            if !ok { throw ExitCode(1) }
            return
        }
        if open { Self.openInDesktopBrowser(server.url) }
        if watch {
            let watcher = PackageWatcher(root: package.rootURL)
            watcher.interval = PreviewWatch.pollInterval
            while true {
                watcher.waitForChange()
                session.reload { try targetOptions.load(target, dev: true, dataDirectory: dataDir) }
            }
        }
        while true { sleep(3600) }  // until Ctrl-C
    }

    /// Takes the screenshot of the phone frame in a headless Chromium whose window holds the
    /// tallest common phone; false (reported) when it cannot.
    static func writeScreenshot(url: String, to path: String) -> Bool {
        let result = BlockingTask.run { () async throws -> Data in
            let browser = try await Chromium.launch(width: 1280, height: 1100)
            defer { browser.quit() }
            let page = try await browser.open(url)
            try await page.waitFor("document.documentElement.dataset.mhState === 'ready'", timeout: 30)
            _ = try await page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
            return try await page.screenshot(of: "#mh-frame")
        }
        do {
            try result.get().write(to: URL(fileURLWithPath: path))
            return true
        } catch {
            CLIMessages.report("screenshot: \(error)", kind: .failure)
            return false
        }
    }

    static func openInDesktopBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { FileHandle.standardError.write(Data("minihost: warning: --open: cannot start xdg-open: \(error)\n".utf8)) }
    }
}
