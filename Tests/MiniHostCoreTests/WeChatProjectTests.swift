import Foundation
import Testing
@testable import MiniHostCore

/// WeChat projects as DevTools opens them: project.config.json, app.json, subpackages,
/// permissions from WeChat's own declarations, errors naming the file and the field.
@Suite struct WeChatProjectTests {
    final class Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-wechat-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func project(appJSON: String, config: String? = #"{"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef", "projectname": "shop"}"#,
                 pages: [String] = ["pages/index/index", "pages/logs/logs", "packageA/pages/cat/cat"]) throws -> Project {
        let p = Project()
        let base = config == nil ? "" : "miniprogram/"
        if let config { try p.write("project.config.json", config) }
        try p.write(base + "app.json", appJSON)
        try p.write(base + "app.js", "App({})")
        for page in pages { try p.write(base + page + ".js", "Page({})") }
        return p
    }

    func load(_ p: Project) throws -> AppPackage {
        let entry = try #require(WeChatProject.entryFile(in: p.root))
        return try AppPackage.load(manifestURL: entry, dev: false)
    }

    @Test func pagesSubpackagesAndTheEntryPageMakeTheRoutes() throws {
        let p = try project(appJSON: """
            {"pages": ["pages/index/index", "pages/logs/logs"], "entryPagePath": "pages/logs/logs",
             "subPackages": [{"root": "packageA/", "pages": ["pages/cat/cat"], "independent": true}],
             "window": {"navigationBarTitleText": "Shop"}, "usingComponents": {}, "sitemapLocation": "sitemap.json"}
            """)
        let package = try load(p)
        #expect(package.manifest.appId == "wx0123456789abcdef")
        #expect(package.manifest.name == "shop")
        #expect(package.manifest.pages == ["pages/logs/logs", "pages/index/index", "packageA/pages/cat/cat"])
        #expect(package.rootURL.lastPathComponent == "miniprogram")
        #expect(package.weChatApp?["window"]?["navigationBarTitleText"]?.stringValue == "Shop")
        #expect(package.manifest.digest == nil)  // a source tree: no digest needed without --dev
    }

    @Test func aPercentEncodedProjectNameIsDecoded() throws {
        let p = try project(appJSON: #"{"pages": ["pages/index/index"]}"#,
                            config: #"{"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef", "projectname": "%E5%A4%A9%E4%BD%BF 100%"}"#, pages: ["pages/index/index"])
        #expect(try load(p).manifest.name == "%E5%A4%A9%E4%BD%BF 100%")  // not valid percent-encoding: kept as written
        try p.write("project.config.json", #"{"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef", "projectname": "%E5%A4%A9%E4%BD%BF%E7%AB%A5%E8%A3%85"}"#)
        #expect(try load(p).manifest.name == "天使童装")
    }

    @Test func locationDeclarationsBecomePermissions() throws {
        let p = try project(appJSON: """
            {"pages": ["pages/index/index"], "permission": {"scope.userLocation": {"desc": "shops near you"}, "scope.camera": {"desc": "x"}},
             "requiredPrivateInfos": ["getFuzzyLocation", "chooseAddress"]}
            """, pages: ["pages/index/index"])
        let requests = try load(p).manifest.reqPermissions
        #expect(requests.map(\.permission) == [.location, .locationCoarse])
        #expect(requests.first?.reason == "shops near you")
    }

    @Test func appJSONAloneIsAProject() throws {
        let p = try project(appJSON: #"{"pages": ["pages/index/index"], "window": {"navigationBarTitleText": "Solo"}}"#, config: nil, pages: ["pages/index/index"])
        let package = try load(p)
        #expect(package.manifest.appId == "touristappid")
        #expect(package.manifest.name == "Solo")
    }

    @Test(arguments: [
        (#"{"pages": []}"#, "pages", "must be a non-empty array"),
        (#"{"pages": ["/pages/index/index"]}"#, "pages[0]", "no leading /"),
        (#"{"pages": ["pages/index/index", "pages/index/index"]}"#, "pages[1]", "twice"),
        (#"{"pages": ["pages/index/index"], "entryPagePath": "pages/nope/nope"}"#, "entryPagePath", "must be one of the app's pages"),
        (#"{"pages": ["pages/index/index"], "subpackages": [{"root": "../x", "pages": []}]}"#, "subpackages[0].root", "must be a folder"),
        (#"{"pages": ["pages/index/index"], "permission": {"scope.userLocation": {"desc": 3}}}"#, "permission.scope.userLocation.desc", "must be a string"),
        (#"{"pages": ["pages/index/index"], "requiredPrivateInfos": "getLocation"}"#, "requiredPrivateInfos", "must be an array"),
        (#"{"pages": ["pages/missing/missing"]}"#, "pages[0]", "missing"),
    ])
    func badAppJSONNamesTheFieldAndTheFile(appJSON: String, field: String, message: String) throws {
        let p = try project(appJSON: appJSON, pages: ["pages/index/index"])
        do {
            _ = try load(p)
            Issue.record("loaded")
        } catch let error as ManifestError {
            let problem = error.problems.first { $0.field == field }
            #expect(problem?.message.contains(message) == true, "\(error.problems)")
            #expect(error.problems.allSatisfy { $0.file.hasSuffix("app.json") }, "\(error.problems)")
        }
    }

    @Test func malformedAppJSONNamesWhere() throws {
        let p = try project(appJSON: "{\"pages\": [\"pages/index/index\",]}", pages: ["pages/index/index"])
        do { _ = try load(p); Issue.record("loaded") } catch let error as ManifestError {
            let message = error.problems.first.map { "\($0)" } ?? ""
            #expect(message.contains("app.json") && message.contains("is not valid JSON: ") && message.contains("line 1"), "\(message)")
        }
    }

    @Test func aBadAppidNamesIt() throws {
        let p = try project(appJSON: #"{"pages": ["pages/index/index"]}"#, config: #"{"miniprogramRoot": "miniprogram/", "appid": "wxNOTHEX"}"#, pages: ["pages/index/index"])
        do { _ = try load(p); Issue.record("loaded") } catch let error as ManifestError {
            #expect(error.problems.map { "\($0.file) \($0.field ?? "")" } == ["\(displayPath(p.root.appendingPathComponent("project.config.json"))) appid"])
        }
        let q = try project(appJSON: #"{"pages": ["pages/index/index"]}"#, config: #"{"miniprogramRoot": "../elsewhere"}"#, pages: ["pages/index/index"])
        do { _ = try load(q); Issue.record("loaded") } catch let error as ManifestError {
            #expect(error.problems.first?.field == "miniprogramRoot")
        }
    }

    @Test func theMinihostSectionCarriesWhatWeChatHasNoFieldFor() throws {
        let p = try project(appJSON: #"{"pages": ["pages/index/index"]}"#, config: """
            {"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef",
             "minihost": {"limits": {"cpu_ms": 900}, "merchant": {"id": "m.shop", "name": "Shop"}, "req_permissions": [{"name": "payment"}]}}
            """, pages: ["pages/index/index"])
        try p.write("project.private.config.json", #"{"minihost": {"limits": {"cpu_ms": 700}, "merchant": {"id": "m.shop", "name": "Shop"}, "req_permissions": [{"name": "payment"}]}}"#)
        let manifest = try load(p).manifest
        #expect(manifest.limits.cpuMs == 700)  // the private configuration wins, as in DevTools
        #expect(manifest.merchant?.id == "m.shop")
        #expect(manifest.reqPermissions.map(\.permission) == [.payment])
    }

    @Test func problemsOfTheMinihostSectionNameItsFieldInTheConfiguration() throws {
        let p = try project(appJSON: #"{"pages": ["pages/index/index"], "permission": {"scope.userLocation": {"desc": "near"}}}"#, config: """
            {"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef",
             "minihost": {"limits": {"cpu_ms": -5}, "req_permissions": [{"name": "payment"}, {"name": "camera.secret"}]}}
            """, pages: ["pages/index/index"])
        do { _ = try load(p); Issue.record("loaded") } catch let error as ManifestError {
            let config = displayPath(p.root.appendingPathComponent("project.config.json"))
            #expect(Set(error.problems.map { "\($0.file) \($0.field ?? "")" })
                    == ["\(config) minihost.limits.cpu_ms", "\(config) minihost.req_permissions[1].name"], "\(error)")
        }
    }

    @Test func domainsAndNetworkTimeoutComeFromTheMinihostSectionAndAppJSON() throws {
        let p = try project(appJSON: #"{"pages": ["pages/index/index"], "networkTimeout": {"request": 8000, "downloadFile": 20000}}"#, config: """
            {"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef",
             "minihost": {"domains": ["https://api.example.com", "wss://ws.example.com"]}}
            """, pages: ["pages/index/index"])
        let network = try load(p).manifest.network
        #expect(network.domains.map(\.description) == ["https://api.example.com", "wss://ws.example.com"])
        #expect(network.timeoutMs("request") == 8000 && network.timeoutMs("downloadFile") == 20000 && network.timeoutMs("uploadFile") == 60_000)
        let bad = try project(appJSON: #"{"pages": ["pages/index/index"], "networkTimeout": {"request": "fast"}}"#, config: """
            {"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef", "minihost": {"domains": ["ftp://files.example.com"]}}
            """, pages: ["pages/index/index"])
        #expect(throws: (any Error).self) { try load(bad) }
    }
}
