import Foundation
import MiniHostProtocol

/// Directories and what is known of a path: `mkdir`, `rmdir`, `readdir`, `stat`, `access`.
extension FileSystemService {
    func mkdir(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "dirPath")
        let recursive = try call.arguments.bool("recursive", default: false)
        let url = try userURL(call, path, op: "mkdir")
        do throws(FileError) {
            if FilePath.isDirectory(url) != nil { throw FileError.exists }
            if !recursive {
                switch FilePath.isDirectory(url.deletingLastPathComponent()) {
                case nil: throw FileError.notFound
                case false?: throw FileError.notDirectory
                case true?: break
                }
            }
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: recursive)
            } catch {
                throw FileError.notDirectory  // a file where a directory of the path should be
            }
        } catch {
            throw error.bridgeError(op: "mkdir", path: path)
        }
        return .empty
    }

    func rmdir(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "dirPath")
        let recursive = try call.arguments.bool("recursive", default: false)
        let url = try userURL(call, path, op: "rmdir")
        do throws(FileError) {
            guard let isDir = FilePath.isDirectory(url) else { throw FileError.notFound }
            guard isDir else { throw FileError.notDirectory }
            if url.path == (try userURLRoot(call)).path { throw FileError.denied }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            if !entries.isEmpty && !recursive { throw FileError.notEmpty }
            do { try FileManager.default.removeItem(at: url) } catch { throw FileError.io("cannot remove the directory") }
        } catch {
            throw error.bridgeError(op: "rmdir", path: path)
        }
        return .empty
    }

    func readdir(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "dirPath")
        let url = try userURL(call, path, op: "scandir")
        do throws(FileError) {
            guard let isDir = FilePath.isDirectory(url) else { throw FileError.notFound }
            guard isDir else { throw FileError.notDirectory }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            return .value(.object(["files": .array(names.map(JSONValue.string))]))
        } catch {
            throw error.bridgeError(op: "scandir", path: path)
        }
    }

    func access(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "path")
        _ = try statValue(call, path, recursive: false, op: "access")
        return .empty
    }

    func stat(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "path")
        let recursive = try call.arguments.bool("recursive", default: false)
        return .value(.object(["stats": try statValue(call, path, recursive: recursive, op: "stat")]))
    }

    /// A Stats object as data (`isDirectory` tells the runtime which methods answer true); with
    /// `recursive` on a directory, WeChat's array of `{path, stats}` (paths relative to it).
    func statValue(_ call: APICall, _ path: String, recursive: Bool, op: String) throws(BridgeError) -> JSONValue {
        if case .temp? = try? FilePath.kind(path) {
            let size = try readable(call, path, op: op).count
            let now = services.clock().timeIntervalSince1970.rounded(.down)
            return Self.stats(mode: 0o100644, size: size, accessed: now, modified: now, directory: false)
        }
        do throws(FileError) {
            let url: URL
            switch try FilePath.kind(path) {
            case let .user(parts): url = try FilePath.resolve(try store.userRoot(call.app.appId), parts)
            case let .saved(name): url = try FilePath.resolve(try store.storeRoot(call.app.appId), [name])
            case .temp: throw FileError.notFound
            }
            guard let top = Self.stats(url) else { throw FileError.notFound }
            guard recursive, top["isDirectory"] == .bool(true) else { return top }
            var items: [JSONValue] = [.object(["path": .string("/"), "stats": top])]
            FilePath.walk(url) { rel, st in items.append(.object(["path": .string("/" + rel), "stats": Self.stats(st)])) }
            return .array(items)
        } catch {
            throw error.bridgeError(op: op, path: path)
        }
    }

    static func stats(_ url: URL) -> JSONValue? {
        var st = Foundation.stat()
        guard lstat(url.path, &st) == 0 else { return nil }
        return stats(st)
    }

    static func stats(_ st: Foundation.stat) -> JSONValue {
        stats(mode: Int(st.st_mode), size: Int(st.st_size), accessed: Double(st.st_atim.tv_sec),
              modified: Double(st.st_mtim.tv_sec), directory: (st.st_mode & S_IFMT) == S_IFDIR)
    }

    static func stats(mode: Int, size: Int, accessed: Double, modified: Double, directory: Bool) -> JSONValue {
        .object([
            "mode": .number(Double(mode)), "size": .number(Double(size)),
            "lastAccessedTime": .number(accessed), "lastModifiedTime": .number(modified),
            "isDirectory": .bool(directory),
        ])
    }
}
