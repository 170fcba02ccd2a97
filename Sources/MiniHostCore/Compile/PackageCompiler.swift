import Crypto
import Foundation

/// A package ready to load: every file, with ES modules and TypeScript compiled to the CommonJS
/// the runtime loads, and the source maps that lead back to what the developer wrote.
public struct CompiledPackage: Sendable {
    /// Every file of the package; a compiled one keeps its own path (`b.ts`) with the output.
    public var files: [String: Data]
    /// The source map of each compiled file, by its package path.
    public var sourceMaps: [String: SourceMap]
    /// How many files needed compiling, and whether the cache had them.
    public var compiledCount: Int
    public var fromCache: Bool
}

/// Compiles a package's ES modules and TypeScript with esbuild (all files in one invocation),
/// caching the result by the content hash of what it compiled, so a second load compiles nothing.
public enum PackageCompiler {
    /// Bumped when the options below change, so old cache entries are not used.
    static let optionsVersion = "cjs-es2020-sourcemap-1"

    /// True for TypeScript (not declarations) and for JavaScript with `import`/`export` statements.
    public static func needsCompiling(_ path: String, _ data: Data) -> Bool {
        if path.hasSuffix(".d.ts") { return false }
        if path.hasSuffix(".ts") { return true }
        guard path.hasSuffix(".js"), let text = String(data: data, encoding: .utf8) else { return false }
        return text.range(of: #"(^|[\n;])[ \t]*(import[ \t]*[\w{*'"$]|export[ \t]+|export[ \t]*[{*])"#, options: .regularExpression) != nil
    }

    /// The package with its ES modules and TypeScript compiled. `cacheDirectory` (under the data
    /// directory) keeps results by content hash; nil compiles every time.
    public static func compile(files: [String: Data], packageName: String, cacheDirectory: URL?,
                               esbuild: String? = nil) throws -> CompiledPackage {
        let sources = files.filter { needsCompiling($0.key, $0.value) }
        guard !sources.isEmpty else { return CompiledPackage(files: files, sourceMaps: [:], compiledCount: 0, fromCache: false) }
        let key = cacheKey(sources)
        let cacheFile = cacheDirectory?.appendingPathComponent("\(key).json")
        var fromCache = true
        var output: [String: CompiledFile]
        if let cacheFile, let cached = try? Data(contentsOf: cacheFile), let decoded = try? JSONDecoder().decode([String: CompiledFile].self, from: cached),
           Set(decoded.keys) == Set(sources.keys) {
            output = decoded
        } else {
            fromCache = false
            output = try runEsbuild(sources, packageName: packageName, esbuild: esbuild)
            if let cacheFile { store(output, at: cacheFile) }
        }
        var result = files
        var maps: [String: SourceMap] = [:]
        for (path, compiled) in output {
            result[path] = Data(compiled.code.utf8)
            if let map = try? SourceMap(json: Data(compiled.map.utf8)) { maps[path] = map }
        }
        return CompiledPackage(files: result, sourceMaps: maps, compiledCount: output.count, fromCache: fromCache)
    }

    struct CompiledFile: Codable, Sendable {
        var code: String
        var map: String
    }

    static func cacheKey(_ sources: [String: Data]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data((optionsVersion + "\n").utf8))
        for path in sources.keys.sorted() {
            hasher.update(data: Data(path.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: Data(SHA256.hash(data: sources[path]!)))
        }
        return PackageDigest.hex(hasher.finalize())
    }

    private static func store(_ output: [String: CompiledFile], at file: URL) {
        guard let data = try? JSONEncoder().encode(output) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = file.appendingPathExtension("tmp-\(getpid())")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Writes the sources to a scratch folder, compiles them in one esbuild run and reads back
    /// each output and its map, keyed by the source's package path.
    private static func runEsbuild(_ sources: [String: Data], packageName: String, esbuild: String?) throws -> [String: CompiledFile] {
        guard let tool = esbuild ?? findEsbuild() else {
            let names = sources.keys.sorted().prefix(3).joined(separator: ", ")
            throw PackageError(path: packageName, message: "the package \(packageName) has ES modules or TypeScript (\(names)\(sources.count > 3 ? ", …" : "")) to compile, and esbuild is not installed: install the Debian package esbuild (apt-get install esbuild)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-compile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let src = scratch.appendingPathComponent("src"), out = scratch.appendingPathComponent("out")
        for (path, data) in sources {
            let file = src.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        let inputs = sources.keys.sorted().map { "src/" + $0 }
        let run = try EsbuildProcess.run(tool, arguments: inputs + [
            "--format=cjs", "--target=es2020", "--outdir=out", "--outbase=src", "--sourcemap",
            "--log-level=error", "--color=false", "--charset=utf8",
        ], in: scratch)
        guard run.status == 0 else {
            throw PackageError(path: packageName, message: "cannot compile \(packageName): " + EsbuildProcess.errors(run.stderr))
        }
        var result: [String: CompiledFile] = [:]
        for path in sources.keys {
            let outPath = String(path.dropLast(3)) + ".js"  // `.ts` and `.js` alike
            let code = try String(contentsOf: out.appendingPathComponent(outPath), encoding: .utf8)
            let map = (try? String(contentsOf: out.appendingPathComponent(outPath + ".map"), encoding: .utf8)) ?? ""
            result[path] = CompiledFile(code: EsbuildProcess.withoutMapComment(code), map: map)
        }
        return result
    }

    static func findEsbuild() -> String? {
        if let configured = ProcessInfo.processInfo.environment["MINIHOST_ESBUILD"], !configured.isEmpty {
            return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/esbuild"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
