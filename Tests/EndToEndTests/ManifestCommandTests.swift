import Foundation
import Testing

/// End-to-end: validate, list, digest and bad targets through the real CLI.
@Suite struct ManifestCommandTests {
    @Test func theSamplesDigestIsCurrent() throws {
        let r = try CLI.run(["digest", "org.minihost.hello"])
        #expect(r.status == 0, "the committed digest is stale: \(r.stderr)")
        let v = try CLI.run(["validate", "org.minihost.hello"])
        #expect(v.status == 0)
        #expect(v.stdout.contains("digest verified"))
    }

    @Test func listShowsTheCatalogue() throws {
        let r = try CLI.run(["list"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("org.minihost.hello\t1.0.0\tHello MiniHost"))
    }

    /// A catalogue file named `org.x.innocent.json` that says `org.x.victim` runs as neither.
    @Test func aMisnamedCatalogueFileIsRefusedByEveryCommand() throws {
        let root = URL(fileURLWithPath: tempDataDir()), catalogue = root.appendingPathComponent("manifests")
        try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("miniprograms/hello"), to: root.appendingPathComponent("hello"))
        try Data(#"{"app_id": "org.x.victim", "name": "x", "package": "../hello", "pages": ["pages/index/index"]}"#.utf8)
            .write(to: catalogue.appendingPathComponent("org.x.innocent.json"))
        defer { try? FileManager.default.removeItem(at: root) }
        for args in [["run", "org.x.innocent", "--dev", "--data-dir", tempDataDir()], ["validate", "org.x.innocent", "--dev"],
                     ["run", catalogue.appendingPathComponent("org.x.innocent.json").path, "--dev", "--data-dir", tempDataDir()]] {
            let r = try CLI.run(args + ["--catalog", catalogue.path], stdin: "")
            #expect(r.status == 2, "\(args): \(r.stdout)")
            #expect(r.stderr.contains("app_id: org.x.victim does not match the file name"), "\(r.stderr)")
        }
    }

    @Test(arguments: [
        (#"{"name": "x", "pages": ["pages/index/index"]}"#, "app_id: is missing"),
        (#"{"app_id": "hello", "name": "x", "pages": ["pages/index/index"]}"#, "app_id"),
        (#"{"app_id": "org.x.y", "name": "x", "pages": []}"#, "pages"),
        (#"{"app_id": "org.x.y", "name": "x", "pages": ["pages/missing/missing"]}"#, "pages/missing/missing.js"),
        (#"{"app_id": "org.x.y", "name": "x", "pages": ["pages/index/index"], "req_permissions": [{"name": "camera"}]}"#, "unknown permission"),
        (#"{"app_id": "org.x.y", "name": "x", "pages": ["pages/index/index"], "limits": {"cpu_ms": "fast"}}"#, "limits.cpu_ms"),
        (#"{"app_id": "org.x.y", "name": "x", "pages": ["pages/index/index""#, "manifest.json"),
        ("not json at all", "manifest.json"),
    ])
    func malformedManifestsAreRejectedPrecisely(manifest: String, expected: String) throws {
        let app = try TempApp(files: [:], manifestOverride: manifest)
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 2)
        #expect(r.stderr.contains(expected), "stderr: \(r.stderr)")
        #expect(r.stderr.contains("manifest.json"))
        #expect(!r.stderr.contains("Fatal error"))
        let v = try CLI.run(["validate", app.path, "--dev"])
        #expect(v.status == 2)
    }

    @Test func aChangedPackageFailsItsDigestUnlessDev() throws {
        let app = try TempApp(files: [:])
        defer { app.remove() }
        #expect(try CLI.run(["digest", app.path, "--write"]).status == 0)
        #expect(try CLI.run(["validate", app.path]).status == 0)
        try app.write("app.js", "App({ changed: true })")
        let r = try CLI.run(["run", app.path, "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 2)
        #expect(r.stderr.contains("digest: does not match"))
        #expect(try CLI.run(["run", app.path, "--dev", "--data-dir", tempDataDir()], stdin: "").status == 0)
        #expect(try CLI.run(["digest", app.path]).status == 1)
    }

    @Test func unknownTargetsAreNamed() throws {
        let r = try CLI.run(["run", "org.nobody.here", "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 2)
        #expect(r.stderr.contains("org.nobody.here"))
        let missing = try CLI.run(["run", "/nonexistent/dir/manifest.json"], stdin: "")
        #expect(missing.status == 2)
    }
}
