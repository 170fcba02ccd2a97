import ArgumentParser
import Foundation
import MiniHostDevTest

/// `minihost types`: writes TypeScript declarations for the runtime and the test globals.
struct TypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "types",
        abstract: "Write TypeScript declarations (typings/minihost.d.ts, typings/minihost-test.d.ts) for apps and tests.",
        discussion: """
            minihost.d.ts declares App, Page, Component, Behavior, getApp, getCurrentPages, wx/mp (every API \
            the host and the runtime offer, and WeChat's other names) and the error codes; minihost-test.d.ts \
            the test globals (describe, it, expect and its matchers, minihost, the app, page and element objects). \
            Existing files of those names are replaced.
            Exit status: 0 written, 2 the folder cannot be written.
            """
    )

    @Argument(help: "The project folder; the files go into its typings/ folder (default: the current directory).")
    var directory: String = "."

    func run() throws {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("typings")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in try Typings.files() {
                try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name), options: .atomic)
                print(folder.appendingPathComponent(file.name).path)
            }
        } catch {
            throw reportBadTarget(error)
        }
    }
}
