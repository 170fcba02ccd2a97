import Foundation
import MiniHostProtocol

#if canImport(Glibc)
import Glibc
#endif

/// An I/O problem while locating or reading a manifest or package (missing path, not a
/// directory, unreadable file, size caps). Its text names the path.
public struct PackageError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The path concerned, as displayed.
    public var path: String
    /// The whole sentence, which includes the path.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}

/// A loaded mini-program package: its validated manifest and its files, in memory.
public struct AppPackage: Sendable {
    public var manifest: Manifest
    public var manifestURL: URL
    /// The package directory.
    public var rootURL: URL
    /// Package-relative paths (`app.js`, `pages/index/index.js`, `utils/format.js`) -> bytes.
    public var files: [String: Data]
    /// `manifest.json` at the package root (W3C layout).
    public var isW3CLayout: Bool
    /// Source maps of the files ``compiled(cacheDirectory:)`` compiled (ES modules, TypeScript).
    public var sourceMaps = SourceMaps()
    /// A WeChat project's `app.json` (window, tabBar, usingComponents, resolveAlias, …).
    public var weChatApp: [String: JSONValue]?

    /// At most this many files in a package.
    public static let maxFileCount = 5000
    /// At most this many directories in a package (bounds the walk on hostile trees).
    public static let maxDirectoryCount = 5000
    /// At most this many bytes in all files together (50 MiB).
    public static let maxTotalBytes = 50 << 20

    public init(manifest: Manifest, manifestURL: URL, rootURL: URL, files: [String: Data], isW3CLayout: Bool) {
        self.manifest = manifest
        self.manifestURL = manifestURL
        self.rootURL = rootURL
        self.files = files
        self.isW3CLayout = isW3CLayout
    }

    /// The package with its ES modules and TypeScript compiled to CommonJS (``PackageCompiler``)
    /// and its templates compiled, styles checked (``ViewCompiler``), results cached in
    /// `cacheDirectory` by content hash. The digest is of the files as written.
    public func compiled(cacheDirectory: URL?) throws -> AppPackage {
        let result = try PackageCompiler.compile(files: files, packageName: displayPath(rootURL), cacheDirectory: cacheDirectory)
        let appJSON = weChatApp.map { Data(JSONValue.object($0).jsonText.utf8) }
        let views = try ViewCompiler.compile(files: result.files, pages: manifest.pages, cacheDirectory: cacheDirectory, appJSON: appJSON)
        guard result.compiledCount > 0 || views.compiledCount > 0 else { return self }
        var copy = self
        copy.files = views.files
        copy.sourceMaps = result.sourceMaps
        return copy
    }

    /// Where compiled packages are cached under a data directory.
    public static func compileCache(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent("compiled", isDirectory: true)
    }

    /// Loads the manifest and the package; validates that `app.js` exists and that every page's
    /// `<route>.js` exists (problems name the field `pages[i]` and the missing file); checks the
    /// digest unless `dev` (missing digest -> problem on field `digest` telling the user to run
    /// `minihost digest <target> --write` or pass `--dev`; mismatch -> problem with expected vs actual).
    ///
    /// Throws ``ManifestError`` for validation problems and ``PackageError`` for I/O.
    /// A manifest in `catalogue` must be named after its app id (as ``Catalogue/list(_:)`` checks).
    public static func load(manifestURL: URL, dev: Bool, catalogue: URL? = nil) throws -> AppPackage {
        let manifestURL = manifestURL.standardizedFileURL
        var shown: String { displayPath(manifestURL) }  // for messages only (it reads the working directory)
        if WeChatProject.isEntryFile(manifestURL) { return try loadWeChat(WeChatProject.open(manifestURL), entry: manifestURL, dev: dev) }
        let data = try readManifestData(manifestURL)
        let manifest = try LoadCache.shared.manifest(data, path: manifestURL.path) { () throws(ManifestError) in try Manifest.parse(data, file: shown) }

        // A catalogue's file names its app: `org.x.innocent.json` cannot run as org.x.victim.
        if let catalogue, samePath(manifestURL.deletingLastPathComponent(), catalogue.standardizedFileURL),
           manifestURL.lastPathComponent != "\(manifest.appId).json" {
            throw ManifestError(problems: [
                ManifestProblem(
                    file: shown, field: "app_id",
                    message: "\(manifest.appId) does not match the file name; a catalogue file must be named \(manifest.appId).json"),
            ])
        }

        let manifestDir = manifestURL.deletingLastPathComponent()
        let rootURL: URL
        if let package = manifest.packagePath {
            rootURL = manifestDir.appendingPathComponent(package, isDirectory: true).standardizedFileURL
        } else if manifestURL.lastPathComponent == "manifest.json" {
            rootURL = manifestDir.standardizedFileURL
        } else {
            throw ManifestError(problems: [
                ManifestProblem(
                    file: shown, field: "package",
                    message: "is missing; a manifest that is not manifest.json at a package root must say where its code is, e.g. \"package\": \"../miniprograms/hello\""),
            ])
        }
        let isW3C = manifestURL.lastPathComponent == "manifest.json" && samePath(rootURL, manifestDir)
        return try loadTree(manifest: manifest, manifestURL: manifestURL, rootURL: rootURL, shown: shown, dev: dev, digestRequired: true, isW3C: isW3C)
    }

    /// A WeChat project: its manifest comes from `app.json` and `project.config.json`; the digest
    /// is checked only when the configuration's `minihost` section records one (a project is a
    /// source tree, not a published package).
    static func loadWeChat(_ project: WeChatProject, entry: URL, dev: Bool) throws -> AppPackage {
        do {
            let data = try project.manifestJSON()
            let manifest = try Manifest.parse(data, file: project.appJSONShown)
            var package = try loadTree(manifest: manifest, manifestURL: entry, rootURL: project.miniprogramRoot, shown: project.appJSONShown,
                                       dev: dev, digestRequired: false, isW3C: false)
            package.weChatApp = project.appJSON
            return package
        } catch let error as ManifestError {
            throw project.located(error)
        }
    }

    private static func loadTree(manifest: Manifest, manifestURL: URL, rootURL: URL, shown: String, dev: Bool, digestRequired: Bool, isW3C: Bool) throws -> AppPackage {
        var tree = try PackageTree.read(root: rootURL, manifestURL: manifestURL)
        var rootShown: String { displayPath(rootURL) }

        if tree.files[exactly: "app.js"] == nil && tree.files[exactly: "app.ts"] == nil {
            tree.problems.append(ManifestProblem(
                file: shown, field: manifest.packagePath == nil ? nil : "package",
                message: "the package \(rootShown) has no app.js at its root"))
        }
        for (i, route) in manifest.pages.enumerated() where tree.files[exactly: "\(route).js"] == nil && tree.files[exactly: "\(route).ts"] == nil {
            tree.problems.append(ManifestProblem(
                file: shown, field: "pages[\(i)]",
                message: "page file \(route).js is missing from the package \(rootShown)"))
        }
        if !dev {
            let actual = LoadCache.shared.digest(tree.files, root: rootURL.path)
            if let expected = manifest.digest {
                if expected != actual {
                    tree.problems.append(ManifestProblem(
                        file: shown, field: "digest",
                        message: "does not match the package \(rootShown): the manifest says \(expected), the files hash to \(actual); if the change is yours, run `minihost digest \(shown) --write` (or pass --dev)"))
                }
            } else if digestRequired {
                tree.problems.append(ManifestProblem(
                    file: shown, field: "digest",
                    message: "is missing; run `minihost digest \(shown) --write` to record the package's digest, or pass --dev to skip the check"))
            }
        }
        if !tree.problems.isEmpty { throw ManifestError(problems: tree.problems) }
        return AppPackage(manifest: manifest, manifestURL: manifestURL, rootURL: rootURL, files: tree.files, isW3CLayout: isW3C)
    }

    /// Reads a manifest file, refusing directories, special files and files over 1 MiB before reading them.
    static func readManifestData(_ url: URL) throws -> Data {
        let path = url.path
        // stat follows links (a manifest may be reached through one); lstat-level rules apply
        // to the package's files, not to the manifest's own path.
        guard let info = FileSystem.status(path, followLinks: true) else {
            let shown = displayPath(url)
            throw PackageError(path: shown, message: "manifest \(shown) does not exist")
        }
        switch info.kind {
        case .directory:
            let shown = displayPath(url)
            throw PackageError(path: shown, message: "manifest \(shown) is a directory, not a file")
        case .regular:
            break
        default:
            let shown = displayPath(url)
            throw PackageError(path: shown, message: "manifest \(shown) is not a regular file")
        }
        if info.size > ManifestRules.maxManifestBytes {
            throw ManifestError(problems: [
                ManifestProblem(file: displayPath(url), message: "is too large (\(info.size) bytes; a manifest may be at most 1 MiB)"),
            ])
        }
        do {
            return try FileSystem.read(path, followLinks: true)
        } catch {
            let shown = displayPath(url)
            throw PackageError(path: shown, message: "cannot read manifest \(shown): \(error.reason)")
        }
    }
}

/// What a host that launches the same app again need not redo: the parsed manifest for the same
/// manifest bytes, and the digest for the same file contents. Keyed by content, so an edited
/// file is never served stale.
final class LoadCache: @unchecked Sendable {
    static let shared = LoadCache()
    private let lock = NSLock()
    private var manifests: [String: (Data, Manifest)] = [:]
    private var digests: [String: ([String: Data], String)] = [:]
    /// Entries kept per table (a host running more apps than this recomputes).
    static let capacity = 64

    func manifest(_ data: Data, path: String, parse: () throws(ManifestError) -> Manifest) throws(ManifestError) -> Manifest {
        if let (cached, manifest) = lock.withLock({ manifests[path] }), cached == data { return manifest }
        let manifest = try parse()
        lock.withLock {
            if manifests.count >= Self.capacity { manifests.removeAll() }
            manifests[path] = (data, manifest)
        }
        return manifest
    }

    func digest(_ files: [String: Data], root: String) -> String {
        if let (cached, digest) = lock.withLock({ digests[root] }), cached == files { return digest }
        let digest = PackageDigest.compute(files: files)
        lock.withLock {
            if digests.count >= Self.capacity { digests.removeAll() }
            digests[root] = (files, digest)
        }
        return digest
    }
}

/// The files of a package directory, read with the loader's rules.
struct PackageTree {
    var files: [String: Data] = [:]
    var problems: [ManifestProblem] = []

    /// Reads every regular file under `root`, except dotfiles/dot-directories, the top-level
    /// `tests/` directory and the manifest file itself when it lies inside the root. Symbolic
    /// links and special files become problems naming them; caps become ``PackageError``.
    /// Plain POSIX calls (lstat, readdir, open with O_NOFOLLOW): no link is ever followed.
    static func read(root: URL, manifestURL: URL) throws -> PackageTree {
        let rootPath = root.path
        func rootShown() -> String { displayPath(root) }
        guard let rootInfo = FileSystem.status(rootPath, followLinks: true) else {
            throw PackageError(path: rootShown(), message: "package directory \(rootShown()) does not exist")
        }
        guard rootInfo.kind == .directory else {
            throw PackageError(path: rootShown(), message: "package \(rootShown()) is not a directory")
        }
        // The manifest, if it lies inside the root, is left out (it carries the digest, so it
        // cannot be part of what the digest covers): known by its file identity, which holds
        // whatever path (links, `..`, a hard link) leads to it.
        let manifestIdentity = FileSystem.status(manifestURL.path, followLinks: true)?.identity

        var tree = PackageTree()
        var totalBytes = 0
        var directories = 0
        // Iterative walk: (absolute directory path, package-relative prefix).
        var pending: [(String, String)] = [(rootPath, "")]
        while let (dirPath, prefix) = pending.popLast() {
            directories += 1
            if directories > AppPackage.maxDirectoryCount {
                throw PackageError(path: rootShown(), message: "package \(rootShown()) has more than \(AppPackage.maxDirectoryCount) directories")
            }
            let names: [String]
            do {
                names = try FileSystem.list(dirPath).sorted()
            } catch {
                let shown = prefix.isEmpty ? rootShown() : "\(rootShown())/\(prefix.dropLast())"
                throw PackageError(path: shown, message: "cannot list directory \(shown): \(error.reason)")
            }
            for name in names {
                if name.hasPrefix(".") { continue }
                let relative = prefix + name
                let absolute = dirPath + "/" + name
                func shown() -> String { "\(rootShown())/\(relative)" }
                guard let info = FileSystem.status(absolute, followLinks: false) else {
                    throw PackageError(path: shown(), message: "cannot read \(shown()): \(String(cString: strerror(errno)))")
                }
                switch info.kind {
                case .directory:
                    if prefix.isEmpty && name == "tests" { continue }
                    pending.append((absolute, relative + "/"))
                case .regular:
                    if info.identity == manifestIdentity { continue }
                    if tree.files.count >= AppPackage.maxFileCount {
                        throw PackageError(path: rootShown(), message: "package \(rootShown()) has more than \(AppPackage.maxFileCount) files")
                    }
                    if totalBytes + info.size > AppPackage.maxTotalBytes {
                        throw PackageError(path: rootShown(), message: "package \(rootShown()) is larger than 50 MiB")
                    }
                    let data: Data
                    do {
                        data = try FileSystem.read(absolute, followLinks: false)
                    } catch {
                        throw PackageError(path: shown(), message: "cannot read \(shown()): \(error.reason)")
                    }
                    totalBytes += data.count
                    if totalBytes > AppPackage.maxTotalBytes {
                        throw PackageError(path: rootShown(), message: "package \(rootShown()) is larger than 50 MiB")
                    }
                    if let i = tree.files.index(forKey: relative) {
                        // Canonically equal names (NFC and NFD spellings) are two files on disk but
                        // one key here: refuse the ambiguity rather than pick one.
                        tree.problems.append(ManifestProblem(
                            file: shown(),
                            message: "has the same name as \(tree.files[i].key) but for Unicode normalization; rename one of them"))
                        continue
                    }
                    tree.files[relative] = data
                case .symbolicLink:
                    tree.problems.append(ManifestProblem(
                        file: shown(),
                        message: "is a symbolic link; packages must not contain links (they could reach files outside the package)"))
                case .other:
                    tree.problems.append(ManifestProblem(
                        file: shown(), message: "is not a regular file or directory; packages may only contain files"))
                }
            }
        }
        return tree
    }
}

/// The few file-system calls the package loader makes, straight to POSIX.
enum FileSystem {
    enum Kind { case regular, directory, symbolicLink, other }

    struct Status {
        var kind: Kind
        var size: Int
        /// Device and inode: the same for every path to one file.
        var identity: Identity
    }

    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// A failed call, with the system's words for it.
    struct Failure: Error {
        var reason: String
        init(_ code: Int32) { reason = String(cString: strerror(code)) }
        init(reason: String) { self.reason = reason }
    }

    /// `lstat` (or `stat` when following links); nil when the path does not exist or cannot be read.
    static func status(_ path: String, followLinks: Bool) -> Status? {
        var st = stat()
        let rc = followLinks ? stat(path, &st) : lstat(path, &st)
        guard rc == 0 else { return nil }
        let kind: Kind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        return Status(kind: kind, size: Int(st.st_size), identity: Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)))
    }

    /// The names in a directory (without `.` and `..`).
    static func list(_ path: String) throws(Failure) -> [String] {
        guard let dir = opendir(path) else { throw Failure(errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A whole file; with `followLinks: false` a link is refused (`O_NOFOLLOW`).
    static func read(_ path: String, followLinks: Bool) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw Failure(errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(errno) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw Failure(reason: "not a regular file") }
        var data = Data(count: Int(st.st_size))
        var offset = 0
        while true {
            if offset == data.count { data.count += 4096 }  // the file grew while we read it
            let n = data.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(errno)
            }
            if n == 0 { break }
            offset += n
        }
        data.count = offset
        return data
    }
}

func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let cwd = currentDirectory()
    if path == cwd { return "." }
    let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
    if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
    return path
}

/// The working directory, from getcwd(3) (Foundation's is much slower).
private func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return FileManager.default.currentDirectoryPath }
    return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func samePath(_ a: URL, _ b: URL) -> Bool {
    func norm(_ u: URL) -> String {
        var p = u.standardizedFileURL.path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
    return norm(a) == norm(b)
}
