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
        discussion: "Console commands:\n" + ConsoleCommand.usage
            + "\nWith several apps, prefix a command with @<app-id> to address one (default: the first). An app that fails"
            + " to launch, crashes or is killed reports its exit; the others run on (its console lines are skipped).\n\n"
            + ExitStatus.list([
                (0, "the run ended normally (also after --timeout)"),
                (1, "an app failed to launch, crashed or was killed"),
                (2, "a bad target, manifest, package, world, policy or script file, or a bad script line"),
            ]) + " " + ExitStatus.signal
    )

    @Argument(help: "What to run: a manifest file, a package directory (with manifest.json, a WeChat project, or a catalogue manifest's package), or an app id in the catalogue.",
              completion: .file())
    var targets: [String]

    @Flag(help: "Development mode: skip the digest check.")
    var dev = false

    @Flag(help: "Print one JSON object a line for every lifecycle hook, console line, setData, error and the exit; the CLI's own messages are JSON lines on stderr.")
    var json = false

    @Option(help: "The data directory (default: $XDG_DATA_HOME/minihost).", completion: .directory)
    var dataDir: String?

    @Option(help: "Read console commands from this file instead of the terminal (checked before any app starts).", completion: .file())
    var script: String?

    @Option(help: ArgumentHelp("End the run after this long (\(CLIDuration<Seconds>.forms); exit status: timeout).", valueName: "duration"))
    var timeout: CLIDuration<Seconds>?

    @Option(help: "The launch query of the entry page, as a query string (a=1&b=2).")
    var query: String?

    @Option(name: .customLong("grant"), help: "Grant a permission without asking (repeatable): location, payment, chat.send, …")
    var grants: [String] = []

    @Option(name: .customLong("deny"), help: "Deny a permission without asking (repeatable).")
    var denials: [String] = []

    @Option(help: "A consent policy file: {\"location\": \"allow\", \"payment\": \"deny\", \"chat.send\": \"ask\"}.", completion: .file(extensions: ["json"]))
    var policy: String?

    @Option(help: "The simulated world: wallet, merchants, location, contacts, conversations, peers, policy (docs/world.schema.json).",
            completion: .file(extensions: ["json"]))
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
        if let timeout, !(timeout.seconds > 0) { throw ValidationError("--timeout must be a positive duration (\(CLIDuration<Seconds>.forms)).") }
    }

    func run() throws {
        // Every input file is read or checked first: a missing one is named before anything starts.
        let scriptLines: [String]?
        do {
            scriptLines = try script.map { try InputFiles.read($0, as: "the script").components(separatedBy: .newlines) }
            try world.map { try InputFiles.check($0, as: "the world file") }
            try policy.map { try InputFiles.check($0, as: "the policy file") }
        } catch {
            throw reportBadTarget(error)
        }
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
        let deadline = timeout.map { Date().addingTimeInterval($0.seconds) }
        func remaining() -> Double? { deadline.map { max(0, $0.timeIntervalSinceNow) } }

        var launchOptions = LaunchOptions(query: Self.parseQuery(query ?? ""))
        if let conversation {
            launchOptions.extraJSON = JSONValue.object(["scene": .string("chat"), "conversationId": .string(conversation)]).jsonText
        }
        // An app that cannot start or fails to launch reports its exit; the others go on.
        var apps: [RunningApp] = []
        var startFailed = false
        for package in packages {
            do {
                apps.append(try host.start(package, options: launchOptions, conversation: conversation))
            } catch {
                printer.print(package.manifest.appId, .error(kind: "launch", message: "could not start the app: \(error)", stack: nil))
                printer.print(package.manifest.appId, .exit(status: "crashed", reason: "could not start the app"))
                startFailed = true
            }
        }
        for app in apps where app.waitForLaunch(timeout: remaining()) == false {
            host.stop(app, status: "crashed", reason: "the app failed to launch")
        }

        // The console: a script, or stdin (interactive when it is a terminal).
        let lines = scriptLines.map { LineSource(lines: $0) } ?? LineSource(interactive: interactive)
        let console = ConsoleRun(apps: apps, named: packages.map(\.manifest.appId), script: script, printer: printer,
                                 broker: broker, deadline: deadline)
        let outcome = apps.isEmpty ? .appsEnded : console.drive(lines)
        // The end of a script waits for the apps to be idle; `quit` ends the run at once.
        var timedOut = outcome == .timedOut
        if outcome == .ended && !lines.interactive {
            for app in apps where app.exit == nil && !app.waitUntilIdle(timeout: remaining()) { timedOut = true }
        }
        let failed = startFailed || apps.contains { $0.exit != nil && $0.exit?.status != "ok" }
        for app in apps where app.exit == nil {
            if timedOut {
                host.stop(app, status: "timeout", reason: "--timeout of \(timeout?.description ?? "") reached")
            } else if outcome == .scriptFailed {
                host.stop(app, status: "error", reason: "the script has an error")
            } else {
                host.stop(app)
            }
        }
        if outcome == .scriptFailed { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
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
