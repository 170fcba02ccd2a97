import Crypto
import Foundation
import MiniHostProtocol

/// A package ready to load: every file, with ES modules and TypeScript compiled to the CommonJS
/// the runtime loads, and the source maps that lead back to what the developer wrote.
public struct CompiledPackage: Sendable {
    /// Every file of the package; a compiled one keeps its own path (`b.ts`) with the output.
    public var files: [String: Data]
    /// The source map of each compiled file, by its package path.
    public var sourceMaps: SourceMaps
    /// How many files needed compiling, and whether the cache had them.
    public var compiledCount: Int
    public var fromCache: Bool
}

/// Compiles a package's ES modules and TypeScript with esbuild (all files in one invocation),
/// caching the result by the content hash of what it compiled, so a second load compiles nothing.
public enum PackageCompiler {
    /// Bumped when the options below change, so old cache entries are not used.
    static let optionsVersion = "cjs-es2020-sourcemap-shared-helpers-3"

    /// True for TypeScript (not declarations) and for JavaScript with `import`/`export` statements:
    /// at the start of a line or after `;`, past spaces and tabs, `import` before a name, `{`, `*`
    /// or a quote, or `export` before a space, `{` or `*`. (`import(` alone is a dynamic import.)
    public static func needsCompiling(_ path: String, _ data: Data) -> Bool {
        if path.hasSuffix(".d.ts") { return false }
        if path.hasSuffix(".ts") { return true }
        guard path.hasSuffix(".js") else { return false }
        return data.withUnsafeBytes { hasModuleStatement($0.bindMemory(to: UInt8.self)) }
    }

    private static func hasModuleStatement(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let importWord = Array("import".utf8), exportWord = Array("export".utf8)
        func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        func startsWord(_ word: [UInt8], at i: Int) -> Bool {
            i + word.count <= bytes.count && bytes[i..<i + word.count].elementsEqual(word)
        }
        func skipBlanks(_ i: Int) -> Int {
            var j = i
            while j < bytes.count, isBlank(bytes[j]) { j += 1 }
            return j
        }
        var statementStart = true
        var i = 0
        while i < bytes.count {
            if statementStart {
                let j = skipBlanks(i)
                if startsWord(importWord, at: j) {
                    let k = skipBlanks(j + 6)
                    if k < bytes.count, isImportFollower(bytes[k]) { return true }
                } else if startsWord(exportWord, at: j) {
                    let k = skipBlanks(j + 6)
                    if k > j + 6 || (k < bytes.count && (bytes[k] == UInt8(ascii: "{") || bytes[k] == UInt8(ascii: "*"))) { return true }
                }
                statementStart = false
                i = j
                continue
            }
            statementStart = bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: ";")
            i += 1
        }
        return false
    }

    /// A name character (letters, digits, `_`, or any non-ASCII byte), `{`, `*`, a quote or `$`.
    private static func isImportFollower(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "$"), 0x80...0xFF: true
        default: false
        }
    }

    /// The package with its ES modules and TypeScript compiled. `cacheDirectory` (under the data
    /// directory) keeps results by content hash; nil compiles every time.
    public static func compile(files: [String: Data], packageName: String, cacheDirectory: URL?,
                               esbuild: String? = nil) throws -> CompiledPackage {
        let sources = files.filter { needsCompiling($0.key, $0.value) }
        guard !sources.isEmpty else { return CompiledPackage(files: files, sourceMaps: SourceMaps(), compiledCount: 0, fromCache: false) }
        let key = cacheKey(sources)
        let cacheFile = cacheDirectory?.appendingPathComponent("\(key).bin")
        var fromCache = true
        var output: [String: CompiledFile]
        if let cacheFile, let cached = CompileCacheFile.read(cacheFile), Set(cached.keys) == Set(sources.keys) {
            output = cached
        } else {
            fromCache = false
            output = try runEsbuild(sources, packageName: packageName, esbuild: esbuild)
            if let cacheFile { CompileCacheFile.write(output, to: cacheFile) }
        }
        var result = files
        var maps: [String: Data] = [:]
        for (path, compiled) in output {
            result[path] = compiled.code
            maps[path] = compiled.map
        }
        return CompiledPackage(files: result, sourceMaps: SourceMaps(maps), compiledCount: output.count, fromCache: fromCache)
    }

    struct CompiledFile: Equatable, Sendable {
        var code: Data
        var map: Data
    }

    static func cacheKey(_ sources: [String: Data]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data((optionsVersion + "\n").utf8))
        hasher.update(data: Data(EsbuildHelpers.bytes))
        for path in sources.keys.sorted() {
            hasher.update(data: Data(path.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: Data(SHA256.hash(data: sources[path]!)))
        }
        return PackageDigest.hex(hasher.finalize())
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
            result[path] = CompiledFile(code: Data(EsbuildHelpers.share(EsbuildProcess.withoutMapComment(code)).utf8), map: Data(map.utf8))
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
