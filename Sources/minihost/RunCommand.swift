import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostIsolation
import MiniHostProtocol

/// `minihost run`: launch one or more apps and drive them from a line console.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Launch mini-programs and drive them from a line console (a terminal, stdin or --script).",
        discussion: "Console commands:\n" + ConsoleCommand.usage + "\nWith several apps, prefix a command with @<app-id> to address one (default: the first)."
    )

    @Argument(help: "What to run: a manifest file, a package directory with manifest.json, or an app id in the catalogue.")
    var targets: [String]

    @Flag(help: "Development mode: skip the digest check.")
    var dev = false

    @Flag(help: "Print one JSON object a line for every lifecycle hook, console line, setData, error and the exit.")
    var json = false

    @Option(help: "The data directory (default: $XDG_DATA_HOME/minihost).")
    var dataDir: String?

    @Option(help: "Read console commands from this file instead of the terminal.")
    var script: String?

    @Option(help: "End the run after this many seconds (exit status: timeout).")
    var timeout: Double?

    @Option(help: "The launch query of the entry page, as a query string (a=1&b=2).")
    var query: String?

    @Option(name: .customLong("grant"), help: "Grant a permission without asking (repeatable): location, payment, chat.send, …")
    var grants: [String] = []

    @Option(name: .customLong("deny"), help: "Deny a permission without asking (repeatable).")
    var denials: [String] = []

    @Option(help: "A consent policy file: {\"location\": \"allow\", \"payment\": \"deny\", \"chat.send\": \"ask\"}.")
    var policy: String?

    @Option(help: "The simulated world: wallet, merchants, location, contacts, conversations, peers, policy (docs/world.schema.json).")
    var world: String?

    @Option(help: "Where network calls go: world (the world file's network section answers) or live (the real network, declared domains only).")
    var network: NetworkOption = .world

    @Option(help: "Launch from this conversation of the world (the app gets {scene: 'chat', conversationId}).")
    var conversation: String?

    @Option(help: "Where apps run: process (a supervised worker process per app) or in-process (a thread of the host).")
    var isolation: IsolationOption = .process

    @OptionGroup var targetOptions: TargetOptions

    func validate() throws {
        if targets.isEmpty { throw ValidationError("Name at least one app to run.") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    func run() throws {
        var packages: [AppPackage] = []
        for target in targets {
            do { packages.append(try targetOptions.load(target, dev: dev, dataDirectory: dataDir)) } catch { throw reportBadTarget(error) }
        }
        if Set(packages.map(\.manifest.appId)).count != packages.count {
            throw reportBadTarget(PackageError(path: "", message: "the same app is named twice"))
        }
        let interactive = script == nil && isatty(STDIN_FILENO) == 1
        let broker = PromptBroker()
        let services: HostServices
        do {
            let dir = DataDirectory.resolve(dataDir)
            try DataDirectory.ensure(dir)
            let worldModel = try world.map { try World.load(URL(fileURLWithPath: $0)) } ?? .default
            if let conversation, !worldModel.conversations.contains(where: { $0.id == conversation }) {
                throw WorldError("--conversation \"\(conversation)\": the world has no such conversation (it has: \(worldModel.conversations.map(\.id).joined(separator: ", ")))")
            }
            let prompter = try ConsentOptions(grant: grants, deny: denials, policy: policy, world: worldModel.policy).makePrompter(interactiveConsole: interactive, broker: broker)
            services = try HostServices(dataDirectory: dir, prompter: prompter, world: worldModel, network: network.value)
        } catch {
            throw reportBadTarget(error)
        }
        defer { services.flush() }

        let printer = EventPrinter(json: json)
        printer.showAppId = packages.count > 1
        let host = AppHost(services: services, isolation: isolation.value) { appId, event in printer.print(appId, event) }
        // Interrupted (Ctrl-C, SIGTERM, SIGHUP): every app's exit is still reported, what the
        // services hold is written, and the process ends by that signal.
        Interrupts.onInterrupt { sig in
            host.stopAll(status: "interrupted", reason: Interrupts.name(sig), timeout: 2)
            services.flush()
        }
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        func remaining() -> Double? { deadline.map { max(0, $0.timeIntervalSinceNow) } }

        var launchOptions = LaunchOptions(query: Self.parseQuery(query ?? ""))
        if let conversation {
            launchOptions.extraJSON = JSONValue.object(["scene": .string("chat"), "conversationId": .string(conversation)]).jsonText
        }
        var apps: [RunningApp] = []
        for package in packages {
            do {
                apps.append(try host.start(package, options: launchOptions, conversation: conversation))
            } catch {
                printer.print(package.manifest.appId, .error(kind: "launch", message: "could not start the app: \(error)", stack: nil))
                printer.print(package.manifest.appId, .exit(status: "crashed", reason: "could not start the app"))
                throw ExitCode(1)
            }
        }
        var crashed = false
        for app in apps where app.waitForLaunch(timeout: remaining()) == false {
            crashed = true
        }
        if crashed {
            for app in apps {
                host.stop(app, status: app.launchFailed ? "crashed" : "ok", reason: app.launchFailed ? "the app failed to launch" : nil)
            }
            throw ExitCode(1)
        }

        // The console: a script, or stdin (interactive when it is a terminal).
        let lines: LineSource
        if let script {
            guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
                for app in apps { host.stop(app, status: "error", reason: "cannot read script") }
                throw reportBadTarget(PackageError(path: script, message: "cannot read the script \(script)"))
            }
            lines = LineSource(lines: text.components(separatedBy: .newlines))
        } else {
            lines = LineSource(interactive: interactive)
        }

        var timedOut = false
        var lineNumber = 0
        var scriptFailed = false
        var quit = false
        loop: while true {
            let next = lines.next()
            // While a consent prompt is open, the typed line answers it.
            if lines.interactive, broker.offer(next) { continue }
            guard let line = next else { break }
            lineNumber += 1
            if let r = remaining(), r <= 0 { timedOut = true; break }
            var target = apps[0]
            var text = line
            if line.hasPrefix("@") {
                let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
                guard let found = apps.first(where: { $0.appId == parts.first }) else {
                    printer.note("minihost: \(script.map { "\($0):\(lineNumber): " } ?? "")no running app \"\(parts.first ?? "")\"")
                    if script != nil { scriptFailed = true; break loop }
                    continue
                }
                target = found
                text = parts.count > 1 ? parts[1] : ""
            }
            let command: ConsoleCommand?
            do {
                command = try ConsoleCommand.parse(text)
            } catch {
                printer.note("minihost: \(script.map { "\($0):\(lineNumber): " } ?? "")\(error)")
                if script != nil { scriptFailed = true; break loop }
                continue
            }
            switch command {
            case nil: continue
            case .quit:
                quit = true
                break loop
            case let .wait(ms):
                let seconds = Double(ms) / 1000
                if let r = remaining(), r < seconds {
                    Thread.sleep(forTimeInterval: r)
                    timedOut = true
                    break loop
                }
                Thread.sleep(forTimeInterval: seconds)
            case let .host(hostCommand):
                target.perform(hostCommand)
                if !waitForCommand(target, broker: lines.interactive ? broker : nil, deadline: deadline) { timedOut = true; break loop }
            }
        }
        // The end of a script waits for the apps to be idle; `quit` ends the run at once.
        if !timedOut && !scriptFailed && !quit && !lines.interactive {
            for app in apps where !app.waitUntilIdle(timeout: remaining()) { timedOut = true }
        }
        let ended = apps.filter { $0.exit != nil && $0.exit?.status != "ok" }
        for app in apps where app.exit == nil {
            if timedOut {
                host.stop(app, status: "timeout", reason: "--timeout of \(timeout ?? 0) s reached")
            } else if scriptFailed {
                host.stop(app, status: "error", reason: "the script has an error")
            } else {
                host.stop(app)
            }
        }
        if scriptFailed { throw ExitCode(2) }
        if !ended.isEmpty { throw ExitCode(1) }
    }

    /// Waits until the command's tasks have run. At an interactive console it stops waiting when a
    /// consent prompt opens, so that the next typed line can answer it.
    func waitForCommand(_ app: RunningApp, broker: PromptBroker?, deadline: Date?) -> Bool {
        while true {
            let slice = deadline.map { min(0.05, max(0, $0.timeIntervalSinceNow)) } ?? 0.05
            if app.waitUntilDrained(timeout: slice) { return true }
            if let broker, broker.isWaiting { return true }
            if let deadline, deadline.timeIntervalSinceNow <= 0 { return false }
        }
    }

    static func parseQuery(_ text: String) -> [String: String] {
        var query: [String: String] = [:]
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            let key = kv[0].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? kv[0]
            let value = kv.count > 1 ? (kv[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? kv[1]) : ""
            query[key] = value
        }
        return query
    }
}

/// Console lines from a script, or from stdin (with a prompt at a terminal). Standard input is
/// read with read(2) and split here, not through stdio's `readLine`: a run whose console had
/// reached the end of its input was seen spinning inside stdio's stream lock.
final class LineSource {
    private var lines: [String]
    private var index = 0
    private let fromStdin: Bool
    let interactive: Bool
    private var buffer: [UInt8] = []
    private var atEOF = false

    init(lines: [String]) {
        self.lines = lines
        fromStdin = false
        interactive = false
    }

    init(interactive: Bool) {
        lines = []
        fromStdin = true
        self.interactive = interactive
    }

    func next() -> String? {
        if fromStdin {
            if interactive { FileHandle.standardError.write(Data("> ".utf8)) }
            return readStdinLine()
        }
        guard index < lines.count else { return nil }
        defer { index += 1 }
        return lines[index]
    }

    private func readStdinLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = buffer[..<newline]
                buffer.removeSubrange(...newline)
                var text = String(decoding: line, as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                return text
            }
            if atEOF {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
            } else if n < 0 && errno == EAGAIN {
                usleep(10_000)  // a non-blocking stdin: wait for input without spinning
            } else if n == 0 || errno != EINTR {
                atEOF = true
            }
        }
    }
}

/// `--network world|live`.
enum NetworkOption: String, ExpressibleByArgument, CaseIterable {
    case world, live

    var value: NetworkMode { self == .live ? .live : .world }
}

/// `--isolation process|in-process`.
enum IsolationOption: String, ExpressibleByArgument, CaseIterable {
    case process
    case inProcess = "in-process"

    var value: Isolation { self == .process ? .process : .inProcess }
}
