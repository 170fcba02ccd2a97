import Foundation
import MiniHostProtocol

/// The file system API behind `wx.getFileSystemManager()` (the runtime's `FileSystemManager`
/// calls these host APIs by the method's own name) and `wx.saveFile`, `wx.getFileInfo`,
/// `wx.getSavedFileList`, `wx.removeSavedFile`. Every app has it (no permission); the host does
/// all I/O, so it works the same in both isolation modes. See ``FileStore`` for the confinement.
public final class FileSystemService: @unchecked Sendable {
    static let maxPathLength = 1024

    let services: HostServices
    public init(services: HostServices) { self.services = services }

    var store: FileStore { FileStore.of(services) }

    public var apis: [HostAPI] {
        [
            api("readFile", ["filePath", "encoding", "position", "length"], readFile),
            api("writeFile", ["filePath", "data", "encoding"]) { [self] call throws(BridgeError) in try write(call, append: false) },
            api("appendFile", ["filePath", "data", "encoding"]) { [self] call throws(BridgeError) in try write(call, append: true) },
            api("copyFile", ["srcPath", "destPath"], copyFile),
            api("rename", ["oldPath", "newPath"], rename),
            api("unlink", ["filePath"], unlink),
            api("mkdir", ["dirPath", "recursive"], mkdir),
            api("rmdir", ["dirPath", "recursive"], rmdir),
            api("readdir", ["dirPath"], readdir),
            api("stat", ["path", "recursive"], stat),
            api("access", ["path"], access),
            api("saveFile", ["tempFilePath", "filePath"], saveFile),
            api("getFileInfo", nil, getFileInfo),
            api("getSavedFileList", nil, getSavedFileList),
            api("removeSavedFile", nil, removeSavedFile),
        ]
    }

    /// One API; `positional` nil: it has no `*Sync` form.
    private func api(_ name: String, _ positional: [String]?, _ body: @escaping @Sendable (APICall) throws(BridgeError) -> BridgeValue) -> HostAPI {
        HostAPI(name: name, syncName: positional == nil ? nil : name + "Sync", positional: positional ?? []) { call throws(BridgeError) in
            try body(call)
        }
    }

    // MARK: Arguments

    func path(_ call: APICall, _ field: String) throws(BridgeError) -> String {
        try call.arguments.string(field, maxLength: Self.maxPathLength)!
    }

    /// `encoding` when given (nil: bytes, an ArrayBuffer for the app).
    func encoding(_ call: APICall) throws(BridgeError) -> FileEncoding? {
        guard call.arguments.has("encoding") else { return nil }
        let name = try call.arguments.oneOf("encoding", FileEncoding.names)
        return FileEncoding(name: name)
    }

    /// A user file's host URL for `op`, or WeChat's error naming `path`.
    func userURL(_ call: APICall, _ path: String, op: String) throws(BridgeError) -> URL {
        do throws(FileError) {
            guard case let .user(parts) = try FilePath.kind(path) else { throw FileError.denied }
            return try FilePath.resolve(try store.userRoot(call.app.appId), parts)
        } catch {
            throw error.bridgeError(op: op, path: path)
        }
    }

    /// The bytes at any path the app may read: its user files, saved files and temp files.
    func readable(_ call: APICall, _ path: String, op: String) throws(BridgeError) -> Data {
        do throws(FileError) {
            switch try FilePath.kind(path) {
            case let .user(parts):
                return try readFileData(try FilePath.resolve(try store.userRoot(call.app.appId), parts))
            case let .saved(name):
                return try readFileData(try FilePath.resolve(try store.storeRoot(call.app.appId), [name]))
            case .temp:
                if let data = PickedFiles.of(services).file(appId: call.app.appId, path: path) { return data }
                let downloads = call.session.component(NetworkFiles.self) { NetworkFiles(session: call.session) }
                guard let data = downloads.read(path) else { throw FileError.notFound }
                return data
            }
        } catch {
            throw error.bridgeError(op: op, path: path)
        }
    }

    func readFileData(_ url: URL) throws(FileError) -> Data {
        switch FilePath.isDirectory(url) {
        case nil: throw .notFound
        case true?: throw .isDirectory
        case false?:
            guard let data = FileManager.default.contents(atPath: url.path) else { throw .io("cannot read the file") }
            return data
        }
    }

    /// The bytes `data` stands for: a string in `encoding` (default utf8); the runtime sends an
    /// ArrayBuffer as base64 with `encoding: 'base64'`.
    func bytes(_ call: APICall) throws(BridgeError) -> Data {
        guard case let .string(text)? = call.arguments["data"] else {
            throw BridgeError.invalid("data must be a string or an ArrayBuffer (got \(call.arguments["data"]?.typeName ?? "nothing"))")
        }
        return (try encoding(call) ?? .utf8).bytes(text)
    }

    /// What a read returns: `{data}` as a string in `encoding`, or base64 with
    /// `dataEncoding: 'base64'` that the runtime turns into an ArrayBuffer.
    static func dataResult(_ data: Data, _ encoding: FileEncoding?) -> BridgeValue {
        guard let encoding else {
            return .value(.object(["data": .string(data.base64EncodedString()), "dataEncoding": .string("base64")]))
        }
        return .value(.object(["data": .string(encoding.string(data))]))
    }

    // MARK: Reading and writing

    func readFile(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "filePath")
        let encoding = try encoding(call)
        let position = try call.arguments.number("position", required: false, integer: true, range: 0...1e15)
        let length = try call.arguments.number("length", required: false, integer: true, range: 0...1e15)
        var data = try readable(call, path, op: "open")
        if position != nil || length != nil {
            let start = Int(position ?? 0)
            guard start <= data.count else { throw BridgeError.invalid("position \(start) is past the end of the file (\(data.count) bytes)") }
            let count = length.map { Int($0) } ?? (data.count - start)
            guard start + count <= data.count else { throw BridgeError.invalid("length \(count) from position \(start) is past the end of the file (\(data.count) bytes)") }
            data = data.subdata(in: data.startIndex + start..<data.startIndex + start + count)
        }
        if data.count > NetworkRequestRules.maxBodyBytes {
            throw BridgeError(.limitExceeded, "\(path) holds \(data.count) bytes; at most 10 MB are read in one call (read it in pieces with position and length)")
        }
        return Self.dataResult(data, encoding)
    }

    func write(_ call: APICall, append: Bool) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "filePath")
        let data = try bytes(call)
        let url = try userURL(call, path, op: "open")
        do throws(FileError) {
            try store.locked { () throws(FileError) in
                let existing = try existingFileSize(url)
                if append && existing == nil { throw FileError.notFound }
                try store.checkQuota(call.app.appId, adding: data.count, replacing: append ? 0 : existing ?? 0)
                guard FilePath.isDirectory(url.deletingLastPathComponent()) == true else { throw FileError.notFound }
                if append {
                    guard let handle = try? FileHandle(forWritingTo: url) else { throw FileError.io("cannot open the file") }
                    defer { try? handle.close() }
                    do { try handle.seekToEnd(); try handle.write(contentsOf: data) } catch { throw FileError.io("cannot write the file") }
                } else {
                    do { try data.write(to: url) } catch { throw FileError.io("cannot write the file") }
                }
            }
        } catch {
            throw error.bridgeError(op: "open", path: path)
        }
        return .empty
    }

    /// The size of the regular file at `url` (nil: nothing there); a directory is refused.
    func existingFileSize(_ url: URL) throws(FileError) -> Int? {
        switch FilePath.isDirectory(url) {
        case nil: return nil
        case true?: throw .isDirectory
        case false?: return (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        }
    }

    func copyFile(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let src = try path(call, "srcPath"), dest = try path(call, "destPath")
        let data = try readable(call, src, op: "copyFile")
        let url = try userURL(call, dest, op: "copyFile")
        try writeNew(call, data, to: url, path: dest, op: "copyFile")
        return .empty
    }

    /// Writes `data` to the user file `url` within the quota (its parent must exist).
    func writeNew(_ call: APICall, _ data: Data, to url: URL, path: String, op: String) throws(BridgeError) {
        do throws(FileError) {
            try store.locked { () throws(FileError) in
                let existing = try existingFileSize(url)
                try store.checkQuota(call.app.appId, adding: data.count, replacing: existing ?? 0)
                guard FilePath.isDirectory(url.deletingLastPathComponent()) == true else { throw FileError.notFound }
                do { try data.write(to: url) } catch { throw FileError.io("cannot write the file") }
            }
        } catch {
            throw error.bridgeError(op: op, path: path)
        }
    }

    func rename(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let old = try path(call, "oldPath"), new = try path(call, "newPath")
        let from = try userURL(call, old, op: "rename"), to = try userURL(call, new, op: "rename")
        do throws(FileError) {
            guard let fromIsDir = FilePath.isDirectory(from) else { throw FileError.notFound }
            if from.path == (try userURLRoot(call)).path { throw FileError.denied }
            if fromIsDir, (to.path + "/").hasPrefix(from.path + "/") { throw FileError.invalid("cannot move a directory into itself") }
            guard FilePath.isDirectory(to.deletingLastPathComponent()) == true else { throw FileError.notFound }
            if let toIsDir = FilePath.isDirectory(to) {
                if toIsDir != fromIsDir { throw toIsDir ? FileError.isDirectory : FileError.notDirectory }
                if toIsDir, !((try? FileManager.default.contentsOfDirectory(atPath: to.path))?.isEmpty ?? true) { throw FileError.notEmpty }
            }
            guard Foundation.rename(from.path, to.path) == 0 else { throw FileError.io("cannot rename") }
        } catch {
            throw error.bridgeError(op: "rename", path: old)
        }
        return .empty
    }

    func userURLRoot(_ call: APICall) throws(FileError) -> URL { try store.userRoot(call.app.appId) }

    func unlink(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "filePath")
        let url = try userURL(call, path, op: "unlink")
        do throws(FileError) {
            switch FilePath.isDirectory(url) {
            case nil: throw FileError.notFound
            case true?: throw FileError.isDirectory
            case false?: guard Foundation.unlink(url.path) == 0 else { throw FileError.io("cannot remove the file") }
            }
        } catch {
            throw error.bridgeError(op: "unlink", path: path)
        }
        return .empty
    }
}
