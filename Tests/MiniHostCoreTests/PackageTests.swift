import Crypto
import Foundation
import Testing

@testable import MiniHostCore

/// A temporary directory removed when the test is done.
private final class TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("minihost-core-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` at `relative`, creating directories.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
    }
}

/// Writes a small W3C-layout package into `dir/<sub>` and returns its manifest URL.
@discardableResult
private func writeW3CPackage(in dir: TempDir, sub: String = "hello", extraManifest: String = "") throws -> URL {
    try dir.write("\(sub)/app.js", "App({})")
    try dir.write("\(sub)/pages/index/index.js", "Page({})")
    try dir.write("\(sub)/pages/about/about.js", "Page({ data: {} })")
    try dir.write("\(sub)/utils/format.js", "module.exports = {}")
    return try dir.write("\(sub)/manifest.json", """
        {
          "app_id": "org.example.hello",
          "name": "Hello",\(extraManifest)
          "pages": ["pages/index/index", "pages/about/about"]
        }
        """)
}

/// The problems `load` reports; records a failure if it succeeds or throws something else.
private func loadProblems(_ url: URL, dev: Bool, sourceLocation: SourceLocation = #_sourceLocation) -> [ManifestProblem] {
    do {
        _ = try AppPackage.load(manifestURL: url, dev: dev)
        Issue.record("expected load to fail", sourceLocation: sourceLocation)
    } catch let error as ManifestError {
        return error.problems
    } catch {
        Issue.record("expected a ManifestError, got \(error)", sourceLocation: sourceLocation)
    }
    return []
}

private func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}

@Suite struct PackageLoadingTests {
    @Test func loadsW3CLayoutAndSkipsManifestTestsAndDotfiles() throws {
        let dir = try TempDir()
        let manifestURL = try writeW3CPackage(in: dir)
        try dir.write("hello/tests/app.test.js", "test()")
        try dir.write("hello/.git/config", "[core]")
        try dir.write("hello/.env", "SECRET=1")
        try dir.write("hello/pages/tests/helper.js", "// nested tests/ is shipped code")
        try dir.write("hello/assets/data.json", "{}")

        let package = try AppPackage.load(manifestURL: manifestURL, dev: true)
        #expect(package.isW3CLayout)
        #expect(package.manifest.appId == "org.example.hello")
        #expect(package.rootURL.standardizedFileURL.path == dir.url.appendingPathComponent("hello").standardizedFileURL.path)
        #expect(Set(package.files.keys) == [
            "app.js", "pages/index/index.js", "pages/about/about.js", "utils/format.js",
            "pages/tests/helper.js", "assets/data.json",
        ])
        #expect(package.files["app.js"] == Data("App({})".utf8))
        #expect(package.files["pages/about/about.js"] == Data("Page({ data: {} })".utf8))
    }

    @Test func loadsCatalogueLayoutFromPackagePath() throws {
        let dir = try TempDir()
        try writeW3CPackage(in: dir, sub: "miniprograms/hello")
        // Its manifest.json is not used here, but it lies inside the package: it is shipped as a file.
        let manifestURL = try dir.write("manifests/org.example.hello.json", """
            {"app_id": "org.example.hello", "name": "Hello", "package": "../miniprograms/hello",
             "pages": ["pages/index/index"]}
            """)
        let package = try AppPackage.load(manifestURL: manifestURL, dev: true)
        #expect(!package.isW3CLayout)
        #expect(package.rootURL.path == dir.url.appendingPathComponent("miniprograms/hello").standardizedFileURL.path)
        #expect(package.files["app.js"] != nil)
        #expect(package.files["manifest.json"] != nil)
        #expect(package.manifest.pages == ["pages/index/index"])
    }

    /// A catalogue file named after one app cannot run as another (and so read its storage).
    @Test func aCatalogueFileMustBeNamedAfterItsAppId() throws {
        let dir = try TempDir()
        try writeW3CPackage(in: dir, sub: "miniprograms/hello")
        let innocent = try dir.write("manifests/org.x.innocent.json", """
            {"app_id": "org.x.victim", "name": "Victim", "package": "../miniprograms/hello", "pages": ["pages/index/index"]}
            """)
        let catalogue = dir.url.appendingPathComponent("manifests")
        do {
            _ = try AppPackage.load(manifestURL: innocent, dev: true, catalogue: catalogue)
            Issue.record("a misnamed catalogue file loaded")
        } catch let error as ManifestError {
            #expect(error.problems.map(\.field) == ["app_id"])
            #expect(error.problems.first?.message.contains("must be named org.x.victim.json") == true)
        }
        // The same file outside a catalogue is a manifest like any other.
        #expect(try AppPackage.load(manifestURL: innocent, dev: true).manifest.appId == "org.x.victim")
    }

    /// Two file names equal but for Unicode normalization are an ambiguity the package must not have.
    @Test func namesEqualButForNormalizationAreAProblem() throws {
        let dir = try TempDir()
        let url = try writeW3CPackage(in: dir)
        _ = try dir.write("hello/utils/caf\u{e9}.js", "exports.a = 1")
        _ = try dir.write("hello/utils/cafe\u{301}.js", "exports.a = 2")
        let found = loadProblems(url, dev: true)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("but for Unicode normalization") == true, "\(found)")
    }

    @Test func catalogueManifestWithoutPackageIsAProblem() throws {
        let dir = try TempDir()
        let url = try dir.write("manifests/org.example.hello.json", """
            {"app_id": "org.example.hello", "name": "Hello", "pages": ["pages/index/index"]}
            """)
        let found = loadProblems(url, dev: true)
        #expect(found.map(\.field) == ["package"])
        #expect(found.first?.message.contains("is missing") == true)
    }

    @Test func missingPageFileIsNamed() throws {
        let dir = try TempDir()
        let manifestURL = try writeW3CPackage(in: dir)
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("hello/pages/about/about.js"))
        let found = loadProblems(manifestURL, dev: true)
        #expect(found.count == 1)
        #expect(found.first?.field == "pages[1]")
        #expect(found.first?.message.contains("pages/about/about.js") == true, "\(found)")
    }

    @Test func missingAppJsIsReported() throws {
        let dir = try TempDir()
        let manifestURL = try writeW3CPackage(in: dir)
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("hello/app.js"))
        let found = loadProblems(manifestURL, dev: true)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("app.js") == true)
    }

    @Test func invalidManifestProblemsComeThroughLoad() throws {
        let dir = try TempDir()
        let manifestURL = try writeW3CPackage(in: dir, extraManifest: "\n  \"limits\": {\"cpu_ms\": -1},")
        let found = loadProblems(manifestURL, dev: true)
        #expect(found.map(\.field) == ["limits.cpu_ms"])
    }

    @Test func symbolicLinksAreRejected() throws {
        let dir = try TempDir()
        let manifestURL = try writeW3CPackage(in: dir)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.url.appendingPathComponent("hello/utils/passwd.js").path, withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: dir.url.appendingPathComponent("hello/host").path, withDestinationPath: "/etc")
        let found = loadProblems(manifestURL, dev: true)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.file.hasSuffix("hello/utils/passwd.js") && $0.message.contains("symbolic link") })
        #expect(found.contains { $0.file.hasSuffix("hello/host") && $0.message.contains("symbolic link") })
    }

    @Test func missingPackageDirectoryIsAnIOError() throws {
        let dir = try TempDir()
        let url = try dir.write("manifests/org.example.hello.json", """
            {"app_id": "org.example.hello", "name": "Hello", "package": "../nowhere", "pages": ["p/i"]}
            """)
        #expect {
            try AppPackage.load(manifestURL: url, dev: true)
        } throws: { error in
            (error as? PackageError)?.message.contains("nowhere") == true
        }
        #expect {
            try AppPackage.load(manifestURL: dir.url.appendingPathComponent("manifests/missing.json"), dev: true)
        } throws: { error in
            (error as? PackageError)?.message.contains("missing.json") == true
        }
    }

    @Test func tooManyFilesIsAClearError() throws {
        let dir = try TempDir()
        let manifestURL = try writeW3CPackage(in: dir)
        for i in 0..<AppPackage.maxFileCount {
            try dir.write("hello/many/f\(i).js", "")
        }
        #expect {
            try AppPackage.load(manifestURL: manifestURL, dev: true)
        } throws: { error in
            (error as? PackageError)?.message.contains("more than 5000 files") == true
        }
    }

    @Test func tooLargeIsAClearError() throws {
        let dir = try TempDir()
        let manifestURL = try writeW3CPackage(in: dir)
        // A sparse file: its size counts before anything is read.
        let big = try dir.write("hello/big.bin", Data())
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(AppPackage.maxTotalBytes + 1))
        try handle.close()
        #expect {
            try AppPackage.load(manifestURL: manifestURL, dev: true)
        } throws: { error in
            (error as? PackageError)?.message.contains("50 MiB") == true
        }
    }
}

@Suite struct DigestTests {
    @Test func emptyPackageDigestIsSha256OfEmptyText() {
        #expect(PackageDigest.compute(files: [:]) == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func digestFollowsTheDocumentedFormat() {
        let files = ["b.js": Data("bee".utf8), "a/z.js": Data("zed".utf8), "a.js": Data()]
        // Bytewise order: "a.js" < "a/z.js" ('.' 0x2E < '/' 0x2F) < "b.js".
        var text = ""
        for path in ["a.js", "a/z.js", "b.js"] {
            text += "\(path)\0\(sha256Hex(files[path]!))\n"
        }
        #expect(PackageDigest.compute(files: files) == "sha256:" + sha256Hex(Data(text.utf8)))
    }

    @Test func digestIsStableAndOrderIndependent() {
        var forward: [String: Data] = [:]
        var backward: [String: Data] = [:]
        let paths = (0..<50).map { "pages/p\($0)/p\($0).js" }
        for p in paths { forward[p] = Data(p.utf8) }
        for p in paths.reversed() { backward[p] = Data(p.utf8) }
        let d = PackageDigest.compute(files: forward)
        #expect(d == PackageDigest.compute(files: forward))
        #expect(d == PackageDigest.compute(files: backward))
        #expect(ManifestRules.isWellFormedDigest(d))
    }

    @Test func digestChangesWhenAByteOrAPathChanges() {
        let files = ["app.js": Data("App({})".utf8), "pages/index/index.js": Data("Page({})".utf8)]
        let d = PackageDigest.compute(files: files)
        var changed = files
        changed["app.js"] = Data("App({}) ".utf8)
        #expect(PackageDigest.compute(files: changed) != d)
        var flipped = files
        var bytes = [UInt8](files["pages/index/index.js"]!)
        bytes[0] ^= 1
        flipped["pages/index/index.js"] = Data(bytes)
        #expect(PackageDigest.compute(files: flipped) != d)
        var renamed = files
        renamed["main.js"] = renamed.removeValue(forKey: "app.js")
        #expect(PackageDigest.compute(files: renamed) != d)
        var added = files
        added["empty.js"] = Data()
        #expect(PackageDigest.compute(files: added) != d)
    }

    @Test func loadChecksTheDigestUnlessDev() throws {
        let dir = try TempDir()
        let manifestURL = try writeW3CPackage(in: dir)

        let missing = loadProblems(manifestURL, dev: false)
        #expect(missing.map(\.field) == ["digest"])
        #expect(missing.first?.message.contains("minihost digest") == true)
        #expect(missing.first?.message.contains("--write") == true)
        #expect(missing.first?.message.contains("--dev") == true)

        let package = try AppPackage.load(manifestURL: manifestURL, dev: true)
        let digest = PackageDigest.compute(files: package.files)
        try PackageDigest.write(digest, toManifestAt: manifestURL)
        // The manifest is excluded from the files, so writing the digest does not change it.
        let checked = try AppPackage.load(manifestURL: manifestURL, dev: false)
        #expect(checked.manifest.digest == digest)
        #expect(PackageDigest.compute(files: checked.files) == digest)

        try dir.write("hello/utils/format.js", "module.exports = { evil: true }")
        let mismatch = loadProblems(manifestURL, dev: false)
        #expect(mismatch.map(\.field) == ["digest"])
        let message = mismatch.first?.message ?? ""
        #expect(message.contains(digest))
        let actual = PackageDigest.compute(files: try AppPackage.load(manifestURL: manifestURL, dev: true).files)
        #expect(message.contains(actual))
        #expect(actual != digest)

        // Test files are not shipped, so changing them keeps the digest.
        try dir.write("hello/utils/format.js", "module.exports = {}")
        try dir.write("hello/tests/more.test.js", "anything")
        #expect(try AppPackage.load(manifestURL: manifestURL, dev: false).manifest.digest == digest)
    }

    @Test func aManifestInsideItsPackageIsLeftOutWhicheverPathLeadsToIt() throws {
        let dir = try TempDir()
        _ = try writeW3CPackage(in: dir)
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("hello/manifest.json"))
        // Not at the root and not named manifest.json: inside the package all the same.
        let manifestURL = try dir.write("hello/meta/app.json", """
            { "app_id": "org.example.hello", "name": "Hello", "package": "..", "pages": ["pages/index/index"] }
            """)
        let files = try AppPackage.load(manifestURL: manifestURL, dev: true).files
        #expect(files["meta/app.json"] == nil)
        #expect(files["app.js"] != nil)
        try PackageDigest.write(PackageDigest.compute(files: files), toManifestAt: manifestURL)
        #expect(try AppPackage.load(manifestURL: manifestURL, dev: false).files.keys.sorted() == files.keys.sorted())

        // Through a link to the package's directory, and as a hard link elsewhere in it.
        try FileManager.default.createSymbolicLink(at: dir.url.appendingPathComponent("alias"), withDestinationURL: dir.url.appendingPathComponent("hello"))
        let viaLink = try AppPackage.load(manifestURL: dir.url.appendingPathComponent("alias/meta/app.json"), dev: false)
        #expect(viaLink.files["meta/app.json"] == nil)
        try FileManager.default.linkItem(at: manifestURL, to: dir.url.appendingPathComponent("hello/utils/copy.json"))
        let withHardLink = try AppPackage.load(manifestURL: manifestURL, dev: false)
        #expect(withHardLink.files["utils/copy.json"] == nil)
    }

    @Test func writeReplacesAnExistingDigestAndKeepsTheRest() throws {
        let dir = try TempDir()
        let old = "sha256:" + String(repeating: "0", count: 64)
        let new = "sha256:" + String(repeating: "a1", count: 32)
        let text = """
            {
                "app_id": "org.example.hello",
                "window": {"digest": "not this one"},
                "name": "Hello \\"digest\\": \\"x\\"",
                "digest":   "\(old)",
                "pages": ["pages/index/index"]
            }

            """
        let url = try dir.write("m.json", text)
        try PackageDigest.write(new, toManifestAt: url)
        #expect(try dir.read("m.json") == text.replacingOccurrences(of: old, with: new))
        let m = try Manifest.parse(Data(try dir.read("m.json").utf8), file: "m.json")
        #expect(m.digest == new)
        #expect(m.window == ["digest": "not this one"])
        #expect(m.name == "Hello \"digest\": \"x\"")

        // Writing again is a no-op on the text apart from the value.
        try PackageDigest.write(old, toManifestAt: url)
        #expect(try dir.read("m.json") == text)
    }

    @Test func writeReplacesANonStringDigestValue() throws {
        let dir = try TempDir()
        let new = "sha256:" + String(repeating: "b", count: 64)
        let url = try dir.write("m.json", "{\"app_id\": \"org.x.y\", \"digest\": null, \"pages\": [\"p\"]}")
        try PackageDigest.write(new, toManifestAt: url)
        #expect(try dir.read("m.json") == "{\"app_id\": \"org.x.y\", \"digest\": \"\(new)\", \"pages\": [\"p\"]}")
    }

    @Test func writeInsertsWithTheFileIndentation() throws {
        let dir = try TempDir()
        let new = "sha256:" + String(repeating: "c", count: 64)
        let text = "{\n    \"app_id\": \"org.example.hello\",\n    \"name\": \"Hello\",\n    \"pages\": [\"pages/index/index\"]\n}\n"
        let url = try dir.write("m.json", text)
        try PackageDigest.write(new, toManifestAt: url)
        let expected = "{\n    \"digest\": \"\(new)\",\n    \"app_id\": \"org.example.hello\",\n    \"name\": \"Hello\",\n    \"pages\": [\"pages/index/index\"]\n}\n"
        #expect(try dir.read("m.json") == expected)
        #expect(try Manifest.parse(Data(try dir.read("m.json").utf8), file: "m.json").digest == new)
    }

    @Test func writeInsertsIntoCompactAndCRLFFiles() throws {
        let dir = try TempDir()
        let new = "sha256:" + String(repeating: "d", count: 64)
        let compact = try dir.write("a.json", "{\"app_id\":\"org.x.y\",\"name\":\"N\",\"pages\":[\"p\"]}")
        try PackageDigest.write(new, toManifestAt: compact)
        #expect(try dir.read("a.json") == "{\"digest\": \"\(new)\",\"app_id\":\"org.x.y\",\"name\":\"N\",\"pages\":[\"p\"]}")

        let crlf = try dir.write("b.json", "{\r\n\t\"app_id\": \"org.x.y\"\r\n}")
        try PackageDigest.write(new, toManifestAt: crlf)
        #expect(try dir.read("b.json") == "{\r\n\t\"digest\": \"\(new)\",\r\n\t\"app_id\": \"org.x.y\"\r\n}")

        let empty = try dir.write("c.json", "{}")
        try PackageDigest.write(new, toManifestAt: empty)
        #expect(try dir.read("c.json") == "{\"digest\": \"\(new)\"}")
    }

    @Test func writeRefusesBadInput() throws {
        let dir = try TempDir()
        let good = "sha256:" + String(repeating: "e", count: 64)
        let url = try dir.write("m.json", "{\"app_id\": \"org.x.y\"}")
        #expect(throws: PackageError.self) { try PackageDigest.write("sha256:xyz", toManifestAt: url) }
        #expect(try dir.read("m.json") == "{\"app_id\": \"org.x.y\"}")
        let broken = try dir.write("broken.json", "{\"app_id\": ")
        #expect(throws: PackageError.self) { try PackageDigest.write(good, toManifestAt: broken) }
        #expect(try dir.read("broken.json") == "{\"app_id\": ")
        let array = try dir.write("array.json", "[]")
        #expect(throws: PackageError.self) { try PackageDigest.write(good, toManifestAt: array) }
        #expect(throws: PackageError.self) { try PackageDigest.write(good, toManifestAt: dir.url.appendingPathComponent("none.json")) }
    }
}

@Suite struct ResolverAndCatalogueTests {
    @Test func resolvesAManifestFile() throws {
        let dir = try TempDir()
        let file = try dir.write("elsewhere/my.json", "{}")
        let url = try TargetResolver.manifestURL(for: file.path, catalogue: dir.url.appendingPathComponent("manifests"))
        #expect(url.path == file.standardizedFileURL.path)
    }

    @Test func resolvesAPackageDirectory() throws {
        let dir = try TempDir()
        let manifest = try writeW3CPackage(in: dir)
        let url = try TargetResolver.manifestURL(for: dir.url.appendingPathComponent("hello").path, catalogue: dir.url)
        #expect(url.path == manifest.standardizedFileURL.path)
    }

    @Test func directoryWithoutManifestIsAnError() throws {
        let dir = try TempDir()
        try dir.write("empty/app.js", "App({})")
        let target = dir.url.appendingPathComponent("empty").path
        #expect {
            try TargetResolver.manifestURL(for: target, catalogue: dir.url)
        } throws: { error in
            let text = "\(error)"
            return error is PackageError && text.contains("manifest.json") && text.contains("empty")
        }
    }

    @Test func resolvesAnAppIdInTheCatalogue() throws {
        let dir = try TempDir()
        let file = try dir.write("manifests/org.example.hello.json", "{}")
        let url = try TargetResolver.manifestURL(for: "org.example.hello", catalogue: dir.url.appendingPathComponent("manifests"))
        #expect(url.path == file.standardizedFileURL.path)
    }

    @Test func unknownAppIdIsAnError() throws {
        let dir = try TempDir()
        let catalogue = dir.url.appendingPathComponent("manifests")
        try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
        #expect {
            try TargetResolver.manifestURL(for: "org.example.nope", catalogue: catalogue)
        } throws: { error in
            "\(error)" == "no app 'org.example.nope' in catalogue \(catalogue.path)"
        }
        #expect {
            try TargetResolver.manifestURL(for: "org.example.nope", catalogue: dir.url.appendingPathComponent("missing"))
        } throws: { error in
            "\(error)".contains("no app 'org.example.nope' in catalogue") && "\(error)".contains("does not exist")
        }
        #expect {
            try TargetResolver.manifestURL(for: dir.url.appendingPathComponent("nope/manifest.json").path, catalogue: catalogue)
        } throws: { error in
            "\(error)".contains("no such file or directory")
        }
        // Not an id: never looked up as "<catalogue>/../x.json".
        #expect(throws: PackageError.self) { try TargetResolver.manifestURL(for: "../x", catalogue: catalogue) }
    }

    @Test func defaultCatalogueUsesTheEnvironment() {
        // The environment is passed in: tests must not setenv while other tests run.
        let fromEnv = TargetResolver.defaultCatalogue(environment: ["MINIHOST_CATALOG": "/tmp/some-catalogue"], currentDirectory: "/work")
        #expect(fromEnv.path == "/tmp/some-catalogue")
        let relative = TargetResolver.defaultCatalogue(environment: ["MINIHOST_CATALOG": "cat"], currentDirectory: "/work")
        #expect(relative.path == "/work/cat")
        let fallback = TargetResolver.defaultCatalogue(environment: ["MINIHOST_CATALOG": ""], currentDirectory: "/work")
        #expect(fallback.path == "/work/manifests")
        #expect(TargetResolver.defaultCatalogue(environment: [:], currentDirectory: "/srv/x").path == "/srv/x/manifests")
    }

    @Test func catalogueListsEveryManifestSorted() throws {
        let dir = try TempDir()
        try dir.write("org.b.app.json", "{\"app_id\": \"org.b.app\", \"name\": \"B\", \"package\": \"../b\", \"pages\": [\"p/i\"]}")
        try dir.write("org.a.app.json", "{\"app_id\": \"org.a.app\", \"name\": \"A\", \"package\": \"../a\", \"pages\": [\"p/i\"]}")
        try dir.write("misnamed.json", "{\"app_id\": \"org.c.app\", \"name\": \"C\", \"package\": \"../c\", \"pages\": [\"p/i\"]}")
        try dir.write("org.d.app.json", "{\"app_id\": \"org.d.app\"}")
        try dir.write("README.md", "not a manifest")
        try dir.write(".hidden.json", "{}")

        let entries = Catalogue.list(dir.url)
        #expect(entries.map(\.file.lastPathComponent) == ["misnamed.json", "org.a.app.json", "org.b.app.json", "org.d.app.json"])
        #expect(entries[0].manifest?.appId == "org.c.app")
        #expect(entries[0].problems.map(\.field) == ["app_id"])
        #expect(entries[0].problems.first?.message.contains("org.c.app.json") == true)
        #expect(entries[1].manifest?.name == "A" && entries[1].problems.isEmpty)
        #expect(entries[2].manifest?.name == "B" && entries[2].problems.isEmpty)
        #expect(entries[3].manifest == nil)
        #expect(Set(entries[3].problems.compactMap(\.field)) == ["name", "pages"])
        #expect(Catalogue.list(dir.url.appendingPathComponent("absent")).isEmpty)
    }
}
