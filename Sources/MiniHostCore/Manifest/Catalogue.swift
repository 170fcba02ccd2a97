import Foundation

/// How a CLI target (a manifest path, a package directory, or an app id in the catalogue)
/// resolves to a manifest file.
public enum TargetResolver {
    /// `target`: an existing file path -> that manifest; an existing directory ->
    /// `<dir>/manifest.json` (W3C layout), an error if absent; otherwise it is treated as an
    /// app id -> `<catalogue>/<id>.json`, error "no app 'x' in catalogue <dir>" if absent.
    /// Throws ``PackageError`` naming the path.
    public static func manifestURL(for target: String, catalogue: URL) throws -> URL {
        let fm = FileManager.default
        if target.isEmpty {
            throw PackageError(path: target, message: "no target given: pass a manifest file, a package directory or an app id")
        }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: target, isDirectory: &isDir) {
            let url = URL(fileURLWithPath: target).standardizedFileURL
            guard isDir.boolValue else { return url }
            let manifest = url.appendingPathComponent("manifest.json")
            var manifestIsDir: ObjCBool = false
            // manifest.json wins over a WeChat project's files when a folder has both.
            if !fm.fileExists(atPath: manifest.path), let weChat = WeChatProject.entryFile(in: url) { return weChat }
            if !fm.fileExists(atPath: manifest.path), let named = catalogueManifest(naming: url, catalogue: catalogue) { return named }
            guard fm.fileExists(atPath: manifest.path, isDirectory: &manifestIsDir), !manifestIsDir.boolValue else {
                let shown = displayPath(url)
                throw PackageError(
                    path: shown,
                    message: "directory \(shown) has no manifest.json, is no WeChat project and is no catalogue manifest's package (a package directory needs manifest.json, or app.json or project.config.json, at its root, or a manifest in the catalogue or a manifests/ folder above it whose \"package\" names it; or pass a manifest file or an app id)")
            }
            return manifest
        }
        let looksLikePath = target.contains("/") || target.hasSuffix(".json") || target.hasPrefix("~")
        if looksLikePath || !ManifestRules.isAppId(target) || target.utf8.count > ManifestRules.maxAppIdLength {
            throw PackageError(
                path: target,
                message: "no such file or directory: \(target) (and it is not an app id like org.example.app)")
        }
        let catalogueShown = displayPath(catalogue)
        let file = catalogue.appendingPathComponent("\(target).json").standardizedFileURL
        var fileIsDir: ObjCBool = false
        if fm.fileExists(atPath: file.path, isDirectory: &fileIsDir), !fileIsDir.boolValue {
            return file
        }
        var catIsDir: ObjCBool = false
        if !fm.fileExists(atPath: catalogue.path, isDirectory: &catIsDir) || !catIsDir.boolValue {
            throw PackageError(
                path: catalogueShown,
                message: "no app '\(target)' in catalogue \(catalogueShown) (the catalogue directory does not exist; set MINIHOST_CATALOG or run from the project directory)")
        }
        throw PackageError(path: catalogueShown, message: "no app '\(target)' in catalogue \(catalogueShown)")
    }

    /// The manifest whose `package` is `directory`, looked for in `catalogue`, then in the
    /// `manifests/` folder of the directory and of each folder above it (a sample's own folder
    /// inside a checkout). Only a valid manifest named after its app id counts.
    static func catalogueManifest(naming directory: URL, catalogue: URL) -> URL? {
        let wanted = directory.resolvingSymlinksInPath()
        var catalogues = [catalogue.standardizedFileURL]
        var folder = directory.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent("manifests", isDirectory: true)
            if !catalogues.contains(where: { samePath($0, candidate) }) { catalogues.append(candidate) }
            let parent = folder.deletingLastPathComponent()
            if samePath(parent, folder) { break }
            folder = parent
        }
        for dir in catalogues {
            for entry in Catalogue.list(dir) {
                guard entry.problems.isEmpty, let package = entry.manifest?.packagePath else { continue }
                let root = entry.file.deletingLastPathComponent().appendingPathComponent(package, isDirectory: true)
                if samePath(root.resolvingSymlinksInPath(), wanted) { return entry.file }
            }
        }
        return nil
    }

    /// The default catalogue: `$MINIHOST_CATALOG` if set (and non-empty), else `./manifests`.
    public static func defaultCatalogue() -> URL {
        defaultCatalogue(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    static func defaultCatalogue(environment: [String: String], currentDirectory: String) -> URL {
        let base = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        if let env = environment["MINIHOST_CATALOG"], !env.isEmpty {
            return URL(fileURLWithPath: env, relativeTo: base).standardizedFileURL
        }
        return base.appendingPathComponent("manifests").standardizedFileURL
    }
}

/// One manifest file of a catalogue: its parsed manifest if valid, and its problems.
public struct CatalogueEntry: Sendable {
    public var file: URL
    /// Nil when the file could not be read or parsed.
    public var manifest: Manifest?
    public var problems: [ManifestProblem]

    public init(file: URL, manifest: Manifest?, problems: [ManifestProblem]) {
        self.file = file
        self.manifest = manifest
        self.problems = problems
    }
}

/// The catalogue: a directory of `<app_id>.json` manifests.
public enum Catalogue {
    /// Every `*.json` in `dir` (dotfiles skipped), sorted by file name; a file whose name
    /// isn't `<app_id>.json` gets a problem too. An unreadable or missing directory lists nothing.
    /// Only manifests are checked here, not their packages (see ``AppPackage/load(manifestURL:dev:)``).
    public static func list(_ dir: URL) -> [CatalogueEntry] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return [] }
        let jsonNames = names
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return jsonNames.map { name in
            let file = dir.appendingPathComponent(name).standardizedFileURL
            let shown = displayPath(file)
            let data: Data
            do {
                data = try AppPackage.readManifestData(file)
            } catch let error as ManifestError {
                return CatalogueEntry(file: file, manifest: nil, problems: error.problems)
            } catch {
                return CatalogueEntry(file: file, manifest: nil, problems: [ManifestProblem(file: shown, message: "\(error)")])
            }
            do throws(ManifestError) {
                let manifest = try Manifest.parse(data, file: shown)
                var problems: [ManifestProblem] = []
                if name != "\(manifest.appId).json" {
                    problems.append(ManifestProblem(
                        file: shown, field: "app_id",
                        message: "\(manifest.appId) does not match the file name; a catalogue file must be named \(manifest.appId).json"))
                }
                return CatalogueEntry(file: file, manifest: manifest, problems: problems)
            } catch {
                return CatalogueEntry(file: file, manifest: nil, problems: error.problems)
            }
        }
    }
}
