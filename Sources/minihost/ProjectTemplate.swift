import Foundation

/// A project `minihost init` writes, read from the files under `Templates/` (a resource of this
/// target): `common/`, then the layout's folder (`wechat/` or `w3c/`), then with TypeScript
/// `typescript/`, whose `x.ts` replaces `x.js`. `__NAME__` and `__APP_ID__` are filled in, and a
/// file named `gitignore` is written as `.gitignore`.
struct ProjectTemplate {
    enum Layout: String, CaseIterable {
        case wechat, w3c
    }

    let layout: Layout
    let typescript: Bool

    /// The project's files by relative path.
    func files(name: String, appId: String) throws -> [String: Data] {
        let root = try Self.templatesFolder()
        var files: [String: Data] = [:]
        var folders = ["common", layout.rawValue]
        if typescript { folders.append("typescript") }
        for folder in folders {
            for (path, data) in try Self.read(root.appendingPathComponent(folder)) {
                if path.hasSuffix(".ts") { files.removeValue(forKey: String(path.dropLast(3)) + ".js") }
                files[path == "gitignore" ? ".gitignore" : path] = data
            }
        }
        return files.mapValues { data in
            let text = String(decoding: data, as: UTF8.self)
                .replacingOccurrences(of: "__NAME__", with: name)
                .replacingOccurrences(of: "__APP_ID__", with: appId)
            return Data(text.utf8)
        }
    }

    /// Every regular file under `folder`, by path relative to it.
    private static func read(_ folder: URL) throws -> [String: Data] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw TemplateError("cannot read the project templates at \(folder.path)")
        }
        var out: [String: Data] = [:]
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            out[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return out
    }

    /// The `Templates` folder, in the resource bundle SwiftPM puts next to the executable (a
    /// copied binary needs that folder beside it; a clear error says so rather than a crash).
    private static func templatesFolder() throws -> URL {
        let bundle = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() ?? Bundle.main.bundleURL
        let beside = bundle.appendingPathComponent("MiniHost_minihost.resources/Templates")
        guard FileManager.default.fileExists(atPath: beside.path) else {
            throw TemplateError("the project templates are missing: \(beside.path) does not exist (keep the MiniHost_minihost.resources folder next to the minihost binary)")
        }
        return beside
    }
}

struct TemplateError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
