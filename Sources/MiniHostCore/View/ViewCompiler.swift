import Crypto
import Foundation
import MiniHostProtocol

/// A package's templates compiled and its stylesheets checked.
public struct CompiledViews: Sendable {
    /// Every file of the package; each `.wxml` holds its compiled JSON (UTF-8) under its own path.
    public var files: [String: Data]
    /// How many `.wxml` files were compiled, and whether the cache had them.
    public var compiledCount: Int
    public var fromCache: Bool
}

/// The package step after ``PackageCompiler``: compiles every `.wxml` (``WXMLCompiler``), adds
/// `using` to the templates of pages and of the components they reach, checks that imported,
/// included and WXS files exist, and checks every `.wxss` (``WXSSChecker``). Results are cached
/// by content hash next to the compiled scripts, so a second load parses nothing.
public enum ViewCompiler {
    /// Bumped when the compiled form changes, so old cache entries are not used.
    static let formatVersion = "wxml-2"

    /// `appJSON`: a WeChat project's app.json when the package's files leave it out (it is the
    /// entry file the package was opened by); its global `usingComponents` and `useExtendedLib`
    /// apply to every page.
    public static func compile(files: [String: Data], pages: [String], cacheDirectory: URL?, appJSON: Data? = nil) throws(ViewCompileError) -> CompiledViews {
        var read = files
        if read["app.json"] == nil, let appJSON { read["app.json"] = appJSON }
        let views = try compileRead(read, pages: pages, cacheDirectory: cacheDirectory)
        if files["app.json"] == nil { var output = views; output.files["app.json"] = nil; return output }
        return views
    }

    private static func compileRead(_ files: [String: Data], pages: [String], cacheDirectory: URL?) throws(ViewCompileError) -> CompiledViews {
        let templates = files.keys.filter { $0.hasSuffix(".wxml") }
        guard !templates.isEmpty || files.keys.contains(where: { $0.hasSuffix(".wxss") }) else {
            return CompiledViews(files: files, compiledCount: 0, fromCache: false)
        }
        let cacheFile = cacheDirectory?.appendingPathComponent("view-\(cacheKey(files, pages: pages)).bin")
        if let cacheFile, let cached = CompileCacheFile.read(cacheFile), Set(cached.keys) == Set(templates) {
            var result = files
            for (path, compiled) in cached { result[path] = compiled.code }
            return CompiledViews(files: result, compiledCount: cached.count, fromCache: true)
        }
        try WXSSChecker.check(files: files)
        let compiled = try compileTemplates(files: files, pages: pages)
        if let cacheFile {
            CompileCacheFile.write(compiled.mapValues { PackageCompiler.CompiledFile(code: $0, map: Data()) }, to: cacheFile)
        }
        return CompiledViews(files: files.merging(compiled) { _, new in new }, compiledCount: compiled.count, fromCache: false)
    }

    /// Each `.wxml` path → its compiled JSON text (on one thread with a large stack).
    static func compileTemplates(files: [String: Data], pages: [String]) throws(ViewCompileError) -> [String: Data] {
        let templates = files.keys.filter { $0.hasSuffix(".wxml") }.sorted()
        guard !templates.isEmpty else { return [:] }
        let using = try ComponentResolver.resolve(files: files, pages: pages)
        return try LargeStack.run { () throws(ViewCompileError) in try compileHere(templates, files: files, using: using) }
    }

    private static func compileHere(_ templates: [String], files: [String: Data], using: [String: [String: String]]) throws(ViewCompileError) -> [String: Data] {
        var output: [String: Data] = [:]
        for path in templates {
            var template = try WXMLCompiler.compileHere(path: path, text: WXMLCompiler.text(path: path, data: files[path]!))
            // A file a template names that the package lacks is not fatal (WeChat's own demo and
            // published projects ship such imports): the view warns with this place when it loads.
            let missing = template.references.filter { files[$0.path] == nil }.map { r -> JSONValue in
                .object(["path": .string(r.path), "line": .number(Double(r.line)), "col": .number(Double(r.column))])
            }
            if case var .object(object) = template.json {
                if let owned = using[String(path.dropLast(5))] { object["using"] = .object(owned.mapValues { .string($0) }) }
                if !missing.isEmpty { object["missing"] = .array(missing) }
                template.json = .object(object)
            }
            output[path] = Data(template.json.jsonText.utf8)
        }
        return output
    }

    /// The content hash of what the step reads: every path (components and referenced files are
    /// found by name), the bytes of templates, styles and JSON, and the page list.
    static func cacheKey(_ files: [String: Data], pages: [String]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data((formatVersion + "\n" + pages.joined(separator: "\n") + "\n\n").utf8))
        for path in files.keys.sorted() {
            hasher.update(data: Data(path.utf8))
            hasher.update(data: Data([0]))
            if path.hasSuffix(".wxml") || path.hasSuffix(".wxss") || path.hasSuffix(".json") {
                hasher.update(data: Data(SHA256.hash(data: files[path]!)))
            }
        }
        return PackageDigest.hex(hasher.finalize())
    }
}
