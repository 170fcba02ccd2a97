import Foundation
import MiniHostProtocol

/// Where each app's files live: `<data dir>/files/<appId>/usr` (`wxfile://usr/…`, the user
/// files) and `…/store` (`wxfile://store_…`, saved files), both within the world's quota. A
/// path the app gives is resolved here and nowhere else: `..`, a symbolic link anywhere on the
/// way, and every path outside the app's own areas are refused.
public final class FileStore: @unchecked Sendable {
    /// The host-wide store (made on first use): beside the database, or a scratch directory when
    /// the database is in memory.
    public static func of(_ services: HostServices) -> FileStore {
        services.component(FileStore.self) {
            let path = services.database.path
            let root: URL
            if path.hasPrefix("/") {
                root = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("files", isDirectory: true)
            } else {
                root = (try? ScratchDirectories.make("files")) ?? FileManager.default.temporaryDirectory.appendingPathComponent("minihost-files-\(UUID().uuidString)")
            }
            return FileStore(root: root, quotaBytes: services.world.files.quotaBytes)
        }
    }

    public let root: URL
    public let quotaBytes: Int
    /// Held across a quota check and the write it allows.
    private let lock = NSLock()

    /// Runs `body` alone among the store's writes.
    func locked<T>(_ body: () throws(FileError) -> T) throws(FileError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    public init(root: URL, quotaBytes: Int) {
        self.root = root
        self.quotaBytes = quotaBytes
    }

    /// The app's own directory (its name is the app id when that is a plain name, else its hex).
    func appDirectory(_ appId: String) -> URL {
        let plain = !appId.isEmpty && appId.count <= 128 && appId != "." && appId != ".."
            && appId.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) }
        let name = plain ? appId : "x" + appId.utf8.map { String(format: "%02x", $0) }.joined()
        return root.appendingPathComponent(name, isDirectory: true)
    }

    /// The app's user files (made on first use).
    func userRoot(_ appId: String) throws(FileError) -> URL { try area(appId, "usr") }
    /// The app's saved files (made on first use).
    func storeRoot(_ appId: String) throws(FileError) -> URL { try area(appId, "store") }

    private func area(_ appId: String, _ name: String) throws(FileError) -> URL {
        let dir = appDirectory(appId).appendingPathComponent(name, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io("cannot make the app's file directory")
        }
        // The area itself must be a real directory, not a link planted in the app's directory.
        for url in [appDirectory(appId), dir] where FilePath.isSymlink(url) { throw .denied }
        return dir
    }

    /// Bytes the app keeps (user files and saved files).
    func usage(_ appId: String) -> Int {
        var total = 0
        for name in ["usr", "store"] {
            FilePath.walk(appDirectory(appId).appendingPathComponent(name, isDirectory: true)) { _, st in
                if (st.st_mode & S_IFMT) == S_IFREG { total += Int(st.st_size) }
            }
        }
        return total
    }

    /// Fails with WeChat's wording unless the app may grow by `added` bytes (replacing `replaced`).
    func checkQuota(_ appId: String, adding added: Int, replacing replaced: Int = 0) throws(FileError) {
        if usage(appId) - replaced + added > quotaBytes { throw .quota }
    }
}

/// Why a file operation failed; ``bridgeError(_:op:path:)`` words it as WeChat does.
enum FileError: Error {
    case notFound, denied, exists, notEmpty, isDirectory, notDirectory, quota
    case invalid(String)
    case io(String)

    func bridgeError(op: String, path: String) -> BridgeError {
        let shown = String(path.prefix(300))
        switch self {
        case .notFound: return BridgeError(.notFound, "no such file or directory, \(op) \(shown)")
        case .denied: return BridgeError(.authDenied, "permission denied, \(op) \(shown)")
        case .exists: return BridgeError(.invalidArgument, "file already exists, \(op) \(shown)")
        case .notEmpty: return BridgeError(.invalidArgument, "directory not empty, \(op) \(shown)")
        case .isDirectory: return BridgeError(.invalidArgument, "illegal operation on a directory, \(op) \(shown)")
        case .notDirectory: return BridgeError(.invalidArgument, "not a directory, \(op) \(shown)")
        case .quota: return BridgeError(.limitExceeded, "the maximum size of the file storage limit is exceeded")
        case let .invalid(reason): return BridgeError(.invalidArgument, "invalid argument: \(reason)")
        case let .io(reason): return BridgeError(.hostError, "host error: \(reason), \(op) \(shown)")
        }
    }
}

/// Host paths behind an app's file path, checked one component at a time.
enum FilePath {
    static let userPrefix = "wxfile://usr"
    static let storePrefix = "wxfile://store_"

    /// What kind of place an app path names.
    enum Kind: Equatable {
        /// Under `wxfile://usr`: the components below it (empty: the directory itself).
        case user([String])
        /// A saved file, by its name in the store.
        case saved(String)
        /// A temp file a download or a picker gave the app (read only).
        case temp
    }

    static func kind(_ path: String) throws(FileError) -> Kind {
        if path.contains("\u{0}") { throw .invalid("the path contains a NUL character") }
        if path == userPrefix || path.hasPrefix(userPrefix + "/") {
            var parts: [String] = []
            for part in path.dropFirst(userPrefix.count).split(separator: "/", omittingEmptySubsequences: true) {
                if part == "." { continue }
                if part == ".." { throw .denied }
                if part.utf8.count > 255 { throw .invalid("a file name is longer than 255 bytes") }
                parts.append(String(part))
            }
            return .user(parts)
        }
        if path.hasPrefix(storePrefix) {
            let name = String(path.dropFirst("wxfile://".count))
            guard !name.contains("/"), name.count <= 128 else { throw .denied }
            return .saved(name)
        }
        if path.hasPrefix("wxfile://tmp_") || path.hasPrefix("wxfile://tmp/") { return .temp }
        throw .denied
    }

    /// `components` below `root`: every one that exists must not be a symbolic link.
    static func resolve(_ root: URL, _ components: [String]) throws(FileError) -> URL {
        var url = root
        for c in components {
            url.appendPathComponent(c)
            if isSymlink(url) { throw .denied }
        }
        return url
    }

    /// Everything below `dir`, in name order, with its `lstat`: symbolic links are listed, never
    /// followed. `relative` is the path below `dir` ("a/b").
    static func walk(_ dir: URL, _ relative: String = "", _ visit: (String, stat) -> Void) {
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
            let url = dir.appendingPathComponent(name)
            var st = stat()
            guard lstat(url.path, &st) == 0 else { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            visit(rel, st)
            if (st.st_mode & S_IFMT) == S_IFDIR { walk(url, rel, visit) }
        }
    }

    static func isSymlink(_ url: URL) -> Bool {
        var st = stat()
        return lstat(url.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// `nil`: nothing there; else whether it is a directory.
    static func isDirectory(_ url: URL) -> Bool? {
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR
    }
}
