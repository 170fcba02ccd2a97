import Foundation

/// One cached compile result: a JSON line listing each file's path and the byte lengths of its
/// code and map, then those bytes back to back. Reading it slices the bytes instead of decoding
/// every file's text as JSON; a file that does not add up is treated as absent.
enum CompileCacheFile {
    private struct Entry: Codable {
        var path: String
        var code: Int
        var map: Int
    }

    static func read(_ url: URL) -> [String: PackageCompiler.CompiledFile]? {
        guard let data = try? Data(contentsOf: url), let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let entries = try? JSONDecoder().decode([Entry].self, from: data[data.startIndex..<newline]) else { return nil }
        var result: [String: PackageCompiler.CompiledFile] = [:]
        var offset = newline + 1
        for entry in entries {
            guard entry.code >= 0, entry.map >= 0, entry.code + entry.map <= data.endIndex - offset else { return nil }
            let code = Data(data[offset..<offset + entry.code])
            let map = Data(data[offset + entry.code..<offset + entry.code + entry.map])
            result[entry.path] = PackageCompiler.CompiledFile(code: code, map: map)
            offset += entry.code + entry.map
        }
        return offset == data.endIndex ? result : nil
    }

    /// Writes through a temporary file and a rename, so a reader never sees half a file; a cache
    /// that cannot be written is only slower, so failures are ignored.
    static func write(_ files: [String: PackageCompiler.CompiledFile], to url: URL) {
        let paths = files.keys.sorted()
        let entries = paths.map { Entry(path: $0, code: files[$0]!.code.count, map: files[$0]!.map.count) }
        guard var data = try? JSONEncoder().encode(entries) else { return }
        data.append(UInt8(ascii: "\n"))
        for path in paths { data.append(files[path]!.code); data.append(files[path]!.map) }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("tmp-\(getpid())")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
}
