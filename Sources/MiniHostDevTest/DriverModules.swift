import Foundation
import MiniHostEngine
import MiniHostProtocol

/// `require` in a test file: resolves a relative path against the requiring file, confined to
/// the package (the file's real path, symbolic links followed, must be inside it).
enum DriverModules {
    /// A module found: its package-relative path, its text, and whether it is JSON.
    struct Found {
        var path: String
        var source: String
        var json: Bool

        var jsonText: String {
            JSONText.object([("path", JSONText.quote(path)), ("source", JSONText.quote(source)), ("json", json ? "true" : "false")])
        }
    }

    /// Finds `spec` (`./helpers`, `../fixtures/a.json`) required by `fromFile` (package-relative):
    /// the path as given, then with `.js`, `.json`, then `index.js`/`index.json` inside it.
    static func resolve(_ spec: String, from fromFile: String, root: URL) throws -> Found {
        let what = "require(\(JSONText.quote(spec))) in \(fromFile)"
        guard spec.hasPrefix("./") || spec.hasPrefix("../") else {
            throw DriverError("\(what): only relative paths ('./helpers', '../fixtures/a.json') to the package's own files can be required")
        }
        let realRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
        let base = root.appendingPathComponent(fromFile).deletingLastPathComponent()
        let target = base.appendingPathComponent(spec).standardizedFileURL
        func inside(_ url: URL) -> String? {
            let real = url.resolvingSymlinksInPath().path
            return real.hasPrefix(realRoot + "/") ? String(real.dropFirst(realRoot.count + 1)) : nil
        }
        guard let relative = inside(target) ?? (spec.hasSuffix("/") ? nil : inside(target.deletingLastPathComponent()).map { $0 + "/" + target.lastPathComponent }) else {
            throw DriverError("\(what): \(target.path) is outside the package")
        }
        let candidates = [target.path, target.path + ".js", target.path + ".json", target.path + "/index.js", target.path + "/index.json"]
        for candidate in candidates {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue else { continue }
            let url = URL(fileURLWithPath: candidate)
            guard let path = inside(url) else { throw DriverError("\(what): \(url.resolvingSymlinksInPath().path) is outside the package") }
            guard let data = FileManager.default.contents(atPath: candidate), let source = String(data: data, encoding: .utf8) else {
                throw DriverError("\(what): cannot read \(path) as UTF-8 text")
            }
            return Found(path: path, source: source, json: candidate.hasSuffix(".json"))
        }
        throw DriverError("\(what): no file \(relative) (also tried .js, .json, /index.js)")
    }

    /// Compiles a module's source as `function (exports, require, module, __filename, __dirname)`,
    /// its lines numbered as in its file.
    static func compile(_ source: String, path: String, in context: JSContext) throws -> JSValue {
        if let syntax = DriverSession.syntaxError(source, url: path, context: context) {
            throw DriverError("SyntaxError: \(syntax.message) (\(path):\(syntax.line))")
        }
        return try context.evaluate("(function (exports, require, module, __filename, __dirname) {" + source + "\n})", sourceURL: path)
    }
}
