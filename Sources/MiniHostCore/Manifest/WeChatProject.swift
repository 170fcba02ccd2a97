import Foundation
import MiniHostProtocol

/// A WeChat mini-program project as WeChat DevTools opens it: `project.config.json` (with
/// `project.private.config.json` over it) at the project root naming `miniprogramRoot`, and
/// `app.json` at the mini-program's root. It amounts to a manifest: ``manifestJSON()`` builds it,
/// so the manifest rules apply; the rest of `app.json` is kept for the layers that read it.
public struct WeChatProject: Sendable {
    /// The folder holding `project.config.json` (or `app.json` when there is none).
    public var projectRoot: URL
    /// The mini-program's root: `app.json`, `app.js`, the pages.
    public var miniprogramRoot: URL
    /// `app.json`, as parsed.
    public var appJSON: [String: JSONValue]
    /// `project.config.json` with `project.private.config.json`'s members over it (empty if none).
    public var projectConfig: [String: JSONValue]
    /// Where each file's problems are reported (as the user sees the path).
    var appJSONShown: String
    var projectConfigShown: String

    /// The file a target names when it is a WeChat project folder: its `project.config.json`,
    /// else its `app.json`; nil when the folder has neither.
    public static func entryFile(in directory: URL) -> URL? {
        for name in ["project.config.json", "app.json"] {
            let file = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue { return file }
        }
        return nil
    }

    /// True for the files ``entryFile(in:)`` returns: `project.config.json`, or an `app.json`
    /// that is WeChat's (a MiniHost manifest that happens to be named `app.json` has `app_id`).
    public static func isEntryFile(_ url: URL) -> Bool {
        switch url.lastPathComponent {
        case "project.config.json": return true
        case "app.json":
            guard let data = try? AppPackage.readManifestData(url), let object = JSONValue.parse(data)?.objectValue else { return true }
            return object["app_id"] == nil
        default: return false
        }
    }

    /// Reads the project whose entry file is `entry` (see ``entryFile(in:)``).
    public static func open(_ entry: URL) throws -> WeChatProject {
        let projectRoot = entry.deletingLastPathComponent().standardizedFileURL
        var config: [String: JSONValue] = [:]
        var miniprogramRoot = projectRoot
        let configShown = displayPath(projectRoot.appendingPathComponent("project.config.json"))
        if entry.lastPathComponent == "project.config.json" {
            config = try readObject(entry)
            let privateFile = projectRoot.appendingPathComponent("project.private.config.json")
            if FileManager.default.fileExists(atPath: privateFile.path) {
                for (key, value) in try readObject(privateFile) { config[key] = value }
            }
            if let root = config["miniprogramRoot"] {
                guard let path = root.stringValue, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                    throw ManifestError(problems: [ManifestProblem(file: configShown, field: "miniprogramRoot",
                                                                   message: "must be a folder inside the project, like \"miniprogram/\" (got \(root.jsonText))")])
                }
                if !path.isEmpty { miniprogramRoot = projectRoot.appendingPathComponent(path, isDirectory: true).standardizedFileURL }
            }
        }
        let appFile = miniprogramRoot.appendingPathComponent("app.json")
        guard FileManager.default.fileExists(atPath: appFile.path) else {
            throw PackageError(path: displayPath(appFile), message: "\(displayPath(appFile)) is missing: a WeChat mini-program has app.json at its root (miniprogramRoot in \(configShown))")
        }
        return WeChatProject(projectRoot: projectRoot, miniprogramRoot: miniprogramRoot, appJSON: try readObject(appFile),
                             projectConfig: config, appJSONShown: displayPath(appFile), projectConfigShown: configShown)
    }

    /// The `minihost` section of the project configuration: what WeChat has no field for.
    var minihostSection: [String: JSONValue] { projectConfig["minihost"]?.objectValue ?? [:] }

    private static func readObject(_ url: URL) throws -> [String: JSONValue] {
        let data = try AppPackage.readManifestData(url)
        let shown = displayPath(url)
        let value: JSONValue
        do {
            value = try JSONReader.read(Array(data), as: JSONValue.self, options: .init(skipsByteOrderMark: true)).value
        } catch {
            throw ManifestError(problems: [ManifestProblem(file: shown, message: "is not valid JSON: \(error.description)")])
        }
        guard let object = value.objectValue else {
            throw ManifestError(problems: [ManifestProblem(file: shown, message: "must be a JSON object (got \(value.typeName))")])
        }
        return object
    }
}
