import ArgumentParser
import Foundation
import MiniHostCore

/// The `minihost` command line: launch mini-programs, validate and list packages, compute digests.
@main
struct MiniHostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minihost",
        abstract: "Run WeChat-style mini-programs in isolated JavaScriptCore sandboxes.",
        subcommands: [InitCommand.self, RunCommand.self, ValidateCommand.self, ListCommand.self, DigestCommand.self, PermissionsCommand.self, AuditCommand.self, WalletCommand.self, ChatCommand.self, TestCommand.self, TypesCommand.self, ConformanceCommand.self]
    )
}

/// Options shared by the commands that take a target.
struct TargetOptions: ParsableArguments {
    @Option(name: .customLong("catalog"), help: "The catalogue of manifests (default: $MINIHOST_CATALOG or ./manifests).")
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

/// Prints an error the way every command does and returns the exit code for a bad target.
func reportBadTarget(_ error: Error) -> ExitCode {
    let text = String(describing: error)
    FileHandle.standardError.write(Data(("minihost: " + text + "\n").utf8))
    return ExitCode(2)
}
