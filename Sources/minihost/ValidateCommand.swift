import ArgumentParser
import Foundation
import MiniHostCore

/// `minihost validate`: check a manifest and its package without running anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate manifests and packages (fields, pages, permissions, digest).",
        discussion: ExitStatus.list([(0, "every target is valid"), (2, "a target, manifest or package is not (each is named)")])
    )

    @Argument(help: "Manifest files, package directories or app ids.")
    var targets: [String]

    @Flag(help: "Development mode: skip the digest check.")
    var dev = false

    @OptionGroup var targetOptions: TargetOptions

    func run() throws {
        var failed = false
        for target in targets {
            do {
                let package = try targetOptions.load(target, dev: dev)
                let m = package.manifest
                let digest = dev ? "" : m.digest == nil ? ", no digest recorded (a WeChat project)" : ", digest verified"
                let layout = package.weChatApp == nil ? "" : " (WeChat project)"
                print("ok: \(m.appId) \"\(m.name)\"\(layout) — \(m.pages.count) page\(m.pages.count == 1 ? "" : "s"), \(package.files.count) files\(digest)")
            } catch {
                _ = reportBadTarget(error)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
