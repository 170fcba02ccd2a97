import Foundation

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

    /// Loads the manifest and the package; validates that `app.js` exists and that every page's
    /// `<route>.js` exists (problems name the field `pages[i]` and the missing file); checks the
    /// digest unless `dev` (missing digest -> problem on field `digest` telling the user to run
    /// `minihost digest <target> --write` or pass `--dev`; mismatch -> problem with expected vs actual).
    ///
    /// Throws ``ManifestError`` for validation problems and ``PackageError`` for I/O.
    public static func load(manifestURL: URL, dev: Bool) throws -> AppPackage {
        let manifestURL = manifestURL.standardizedFileURL
        let shown = displayPath(manifestURL)
        let data = try readManifestData(manifestURL)
        let manifest = try Manifest.parse(data, file: shown)

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

        var tree = try PackageTree.read(root: rootURL, manifestURL: manifestURL)
        let rootShown = displayPath(rootURL)

        if tree.files["app.js"] == nil {
            tree.problems.append(ManifestProblem(
                file: shown, field: manifest.packagePath == nil ? nil : "package",
                message: "the package \(rootShown) has no app.js at its root"))
        }
        for (i, route) in manifest.pages.enumerated() where tree.files["\(route).js"] == nil {
            tree.problems.append(ManifestProblem(
                file: shown, field: "pages[\(i)]",
                message: "page file \(route).js is missing from the package \(rootShown)"))
        }
        if !dev {
            let actual = PackageDigest.compute(files: tree.files)
            if let expected = manifest.digest {
                if expected != actual {
                    tree.problems.append(ManifestProblem(
                        file: shown, field: "digest",
                        message: "does not match the package \(rootShown): the manifest says \(expected), the files hash to \(actual); if the change is yours, run `minihost digest \(shown) --write` (or pass --dev)"))
                }
            } else {
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
        let shown = displayPath(url)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw PackageError(path: shown, message: "manifest \(shown) does not exist")
        }
        if isDir.boolValue {
            throw PackageError(path: shown, message: "manifest \(shown) is a directory, not a file")
        }
        // fileExists follows links; these attributes describe the target too.
        let attrs = (try? fm.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)) ?? [:]
        if let type = attrs[.type] as? FileAttributeType, type != .typeRegular {
            throw PackageError(path: shown, message: "manifest \(shown) is not a regular file")
        }
        if let size = (attrs[.size] as? NSNumber)?.intValue, size > ManifestRules.maxManifestBytes {
            throw ManifestError(problems: [
                ManifestProblem(file: shown, message: "is too large (\(size) bytes; a manifest may be at most 1 MiB)"),
            ])
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw PackageError(path: shown, message: "cannot read manifest \(shown): \(error.localizedDescription)")
        }
    }
}

/// The files of a package directory, read with the loader's rules.
struct PackageTree {
    var files: [String: Data] = [:]
    var problems: [ManifestProblem] = []

    /// Reads every regular file under `root`, except dotfiles/dot-directories, the top-level
    /// `tests/` directory and the manifest file itself when it lies inside the root. Symbolic
    /// links and special files become problems naming them; caps become ``PackageError``.
    static func read(root: URL, manifestURL: URL) throws -> PackageTree {
        let fm = FileManager.default
        let rootShown = displayPath(root)
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir) else {
            throw PackageError(path: rootShown, message: "package directory \(rootShown) does not exist")
        }
        guard isDir.boolValue else {
            throw PackageError(path: rootShown, message: "package \(rootShown) is not a directory")
        }
        // The manifest's path relative to the root, if it lies inside it (it carries the digest,
        // so it cannot be part of what the digest covers).
        let manifestRelative = relativePath(of: manifestURL.standardizedFileURL, under: root)
            ?? relativePath(of: manifestURL.resolvingSymlinksInPath(), under: root.resolvingSymlinksInPath())

        var tree = PackageTree()
        var totalBytes = 0
        var directories = 0
        // Iterative walk: (absolute directory path, package-relative prefix).
        var pending: [(String, String)] = [(root.path, "")]
        while let (dirPath, prefix) = pending.popLast() {
            directories += 1
            if directories > AppPackage.maxDirectoryCount {
                throw PackageError(path: rootShown, message: "package \(rootShown) has more than \(AppPackage.maxDirectoryCount) directories")
            }
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: dirPath).sorted()
            } catch {
                let shown = prefix.isEmpty ? rootShown : "\(rootShown)/\(prefix.dropLast())"
                throw PackageError(path: shown, message: "cannot list directory \(shown): \(error.localizedDescription)")
            }
            for name in names {
                if name.hasPrefix(".") { continue }
                let relative = prefix + name
                let absolute = dirPath + "/" + name
                let shown = "\(rootShown)/\(relative)"
                let type: FileAttributeType?
                do {
                    // attributesOfItem uses lstat: links are reported as links, not followed.
                    type = try fm.attributesOfItem(atPath: absolute)[.type] as? FileAttributeType
                } catch {
                    throw PackageError(path: shown, message: "cannot read \(shown): \(error.localizedDescription)")
                }
                switch type {
                case .typeDirectory?:
                    if prefix.isEmpty && name == "tests" { continue }
                    pending.append((absolute, relative + "/"))
                case .typeRegular?:
                    if relative == manifestRelative { continue }
                    if tree.files.count >= AppPackage.maxFileCount {
                        throw PackageError(path: rootShown, message: "package \(rootShown) has more than \(AppPackage.maxFileCount) files")
                    }
                    let size = (try? fm.attributesOfItem(atPath: absolute)[.size] as? NSNumber)?.intValue ?? 0
                    if totalBytes + size > AppPackage.maxTotalBytes {
                        throw PackageError(path: rootShown, message: "package \(rootShown) is larger than 50 MiB")
                    }
                    let data: Data
                    do {
                        data = try Data(contentsOf: URL(fileURLWithPath: absolute))
                    } catch {
                        throw PackageError(path: shown, message: "cannot read \(shown): \(error.localizedDescription)")
                    }
                    totalBytes += data.count
                    if totalBytes > AppPackage.maxTotalBytes {
                        throw PackageError(path: rootShown, message: "package \(rootShown) is larger than 50 MiB")
                    }
                    tree.files[relative] = data
                case .typeSymbolicLink?:
                    tree.problems.append(ManifestProblem(
                        file: shown,
                        message: "is a symbolic link; packages must not contain links (they could reach files outside the package)"))
                default:
                    tree.problems.append(ManifestProblem(
                        file: shown, message: "is not a regular file or directory; packages may only contain files"))
                }
            }
        }
        return tree
    }
}

/// `url`'s path relative to the current directory when it lies under it, else the absolute path.
func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    if path == cwd { return "." }
    let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
    if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
    return path
}

/// `url`'s path relative to `root` ("a/b.json"), or nil when it is not strictly inside it.
func relativePath(of url: URL, under root: URL) -> String? {
    let path = url.standardizedFileURL.path
    var rootPath = root.standardizedFileURL.path
    if !rootPath.hasSuffix("/") { rootPath += "/" }
    guard path.hasPrefix(rootPath), path.count > rootPath.count else { return nil }
    return String(path.dropFirst(rootPath.count))
}

func samePath(_ a: URL, _ b: URL) -> Bool {
    func norm(_ u: URL) -> String {
        var p = u.standardizedFileURL.path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
    return norm(a) == norm(b)
}
