import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostDevTest

/// `minihost init`: writes a runnable project (an app, two pages, a component, tests and their
/// world) that `minihost run` and `minihost test` accept as it is.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a mini-program project: an app, two pages, a component, tests and a world file.",
        discussion: """
            The folder must be empty or not exist yet; nothing is written otherwise. Then, inside it: \
            `minihost test` runs its tests and `minihost run . --world tests/world.json` runs the app.
            Exit status: 0 written, 2 the folder is not empty or cannot be written.
            """
    )

    @Argument(help: "The project folder (default: the current directory).")
    var directory: String = "."

    @Option(help: "The layout: wechat (app.json, project.config.json) or w3c (a W3C MiniApp manifest.json).")
    var template: ProjectTemplate.Layout = .wechat

    @Flag(help: "Write the app, pages and component in TypeScript, with tsconfig.json and the typings of `minihost types`.")
    var typescript = false

    func run() throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let name = Self.projectName(root.lastPathComponent)
        var files: [String: Data]
        do {
            try Self.requireEmpty(root)
            files = try ProjectTemplate(layout: template, typescript: typescript).files(name: name, appId: "org.example." + Self.appIdSegment(name))
            if typescript {
                for file in try Typings.files() { files["typings/" + file.name] = Data(file.text.utf8) }
            }
            try Self.write(files, under: root)
            if template == .w3c {
                let package = try AppPackage.load(manifestURL: root.appendingPathComponent("manifest.json"), dev: true,
                                                  catalogue: TargetResolver.defaultCatalogue())
                try PackageDigest.write(PackageDigest.compute(files: package.files), toManifestAt: package.manifestURL)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw reportBadTarget(error)
        }
        let shown = directory == "." ? "this folder" : directory
        print("Created a \(template == .wechat ? "WeChat" : "W3C MiniApp") project\(typescript ? " in TypeScript" : "") in \(shown) (\(files.count) files).")
        let cd = directory == "." ? "" : "cd \(directory) && "
        print("Next: \(cd)minihost test, then minihost run . --world tests/world.json")
    }

    /// Refuses a folder with anything in it (hidden files included), and a path that is a file.
    static func requireEmpty(_ root: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw TemplateError("\(root.path) is a file, not a folder; nothing was written") }
        let entries = try FileManager.default.contentsOfDirectory(atPath: root.path)
        if !entries.isEmpty {
            let some = entries.sorted().prefix(3).joined(separator: ", ")
            throw TemplateError("\(root.path) is not empty (it has \(some)\(entries.count > 3 ? ", …" : "")); choose an empty or new folder; nothing was written")
        }
    }

    private static func write(_ files: [String: Data], under root: URL) throws {
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .withoutOverwriting)
        }
    }

    /// The folder's name as the app's name (at most 64 characters; `my-app` for `/`).
    static func projectName(_ folder: String) -> String {
        let trimmed = folder.trimmingCharacters(in: .whitespaces)
        let name = (trimmed.isEmpty || trimmed == "/") ? "my-app" : trimmed
        return String(name.filter { !$0.isNewline && $0 != "\"" && $0 != "\\" && $0 != "'" }.prefix(64))
    }

    /// The name as the last segment of a reverse-domain app id (letters, digits, `-`, `_`).
    static func appIdSegment(_ name: String) -> String {
        let mapped = String(name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        let trimmed = mapped.drop { $0 == "-" }
        return trimmed.isEmpty ? "app" : String(trimmed.prefix(60))
    }
}

extension ProjectTemplate.Layout: ExpressibleByArgument {}
