import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostEngine

/// The `minihost` command line: launch mini-programs, validate and list packages, compute digests.
@main
struct MiniHostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minihost",
        abstract: "Run WeChat-style mini-programs in isolated JavaScriptCore sandboxes.",
        discussion: """
        Every command's --help lists its exit statuses; everywhere 0 is success, 2 a bad target or \
        input file, 64 a usage error (an unknown flag, a missing argument, a bad value). Under --json \
        every message is a JSON line on stderr: {"type":"error","kind":"usage|input|script|failure","message":…}.

        Shell completions: `minihost --generate-completion-script bash` (or zsh, fish) prints a script \
        to install (README.md, Shell completions).
        """,
        version: versionText,
        subcommands: [InitCommand.self, RunCommand.self, ValidateCommand.self, ListCommand.self, DigestCommand.self, PermissionsCommand.self, AuditCommand.self, WalletCommand.self, ChatCommand.self, TestCommand.self, TypesCommand.self, PreviewCommand.self, ConformanceCommand.self]
    )

    /// `minihost --version`: MiniHost's version, the WeChat it answers as, and the engine's
    /// version as the loaded library reports it.
    static var versionText: String {
        "minihost \(HostVersion.minihost) (JavaScriptCore-GTK \(EngineVersion.current); answers as WeChat \(HostVersion.weChat), base library \(HostVersion.baseLibrary))"
    }

    /// Parses and runs the command; under `--json` every error it ends with is a JSON line.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            CLIMessages.exit(for: error)
        }
    }
}

/// The exit statuses each command's help lists.
enum ExitStatus {
    static let signal = "A Ctrl-C (SIGINT), SIGTERM or SIGHUP ends the command by that signal (the shell shows 130, 143, 129)."

    /// "Exit status: 0 …, 1 …, 2 …; 64 a usage error."
    static func list(_ statuses: [(Int, String)]) -> String {
        "Exit status: " + statuses.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "; 64 a usage error."
    }
}

/// Options shared by the commands that take a target.
struct TargetOptions: ParsableArguments {
    @Option(name: .customLong("catalog"), help: "The catalogue of manifests (default: $MINIHOST_CATALOG or ./manifests).",
            completion: .directory)
    var catalog: String?

    var catalogueURL: URL {
        catalog.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? TargetResolver.defaultCatalogue()
    }

    /// Loads and validates a target (manifest path, package directory or app id) and, with
    /// `compile`, compiles its ES modules and TypeScript (cached under the data directory).
    func load(_ target: String, dev: Bool, compile: Bool = true, dataDirectory: String? = nil) throws -> AppPackage {
        let url = try TargetResolver.manifestURL(for: target, catalogue: catalogueURL)
        let package = try AppPackage.load(manifestURL: url, dev: dev, catalogue: catalogueURL)
        guard compile else { return package }
        return try package.compiled(cacheDirectory: AppPackage.compileCache(in: DataDirectory.resolve(dataDirectory)))
    }
}
