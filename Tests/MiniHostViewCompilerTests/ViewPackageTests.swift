import Foundation
import MiniHostProtocol
import Testing
@testable import MiniHostCore

/// The package step: every template compiled in place, `using` resolved for pages and the
/// components they reach (npm included), referenced files checked, results cached.
@Suite struct ViewPackageTests {
    let pages = ["pages/index/index", "pages/shop/shop"]
    var package: [String: Data] {
        files([
            "app.json": #"{"pages": ["pages/index/index", "pages/shop/shop"], "usingComponents": {"icon-x": "components/icon/icon", "shared": "/components/card/card"}}"#,
            "app.js": "App({})",
            "pages/index/index.js": "Page({})",
            "pages/index/index.json": #"{"usingComponents": {"card": "../../components/card/card", "van-button": "@vant/weapp/button/index", "plug": "plugin://myPlugin/comp", "local": "local-comp"}}"#,
            "pages/index/index.wxml": "<card/><include src=\"/common/header.wxml\"/>",
            "pages/index/local-comp.js": "Component({})",
            "pages/shop/shop.js": "Page({})",
            "pages/shop/shop.wxml": "<icon-x/>",
            "components/card/card.js": "Component({})",
            "components/card/card.json": #"{"component": true, "usingComponents": {"badge": "./badge/badge", "picker": "date-picker", "shared": "/components/icon/icon"}}"#,
            "components/card/card.wxml": "<badge/><slot/>",
            "components/card/badge/badge.json": #"{"component": true}"#,
            "components/card/badge/badge.wxml": "<text>1</text>",
            "components/icon/icon.js": "Component({})",
            "components/icon/icon.wxml": "<wxs module=\"u\" src=\"../../utils/u.wxs\"/><view/>",
            "components/miniprogram_npm/date-picker/index.js": "Component({})",
            "components/miniprogram_npm/date-picker/index.wxml": "<picker/>",
            "miniprogram_npm/@vant/weapp/button/index.js": "Component({})",
            "miniprogram_npm/@vant/weapp/button/index.json": #"{"component": true}"#,
            "miniprogram_npm/@vant/weapp/button/index.wxml": "<button><slot/></button>",
            "common/header.wxml": "<view>header</view>",
            "utils/u.wxs": "module.exports = {}",
        ])
    }

    func compiledJSON(_ result: CompiledViews, _ path: String) throws -> JSONValue {
        let data = try #require(result.files[path])
        return try #require(JSONValue.parse(data))
    }

    @Test func everyTemplateIsReplacedByItsJSONAndOwnersGetUsing() throws {
        let result = try ViewCompiler.compile(files: package, pages: pages, cacheDirectory: nil)
        #expect(result.compiledCount == 8)
        #expect(!result.fromCache)
        #expect(try compiledJSON(result, "pages/index/index.wxml")["using"] == json("""
        {"card":"components/card/card","van-button":"miniprogram_npm/@vant/weapp/button/index","local":"pages/index/local-comp",
         "icon-x":"components/icon/icon","shared":"components/card/card"}
        """))
        #expect(try compiledJSON(result, "pages/shop/shop.wxml")["using"] == json(#"{"icon-x":"components/icon/icon","shared":"components/card/card"}"#))
        #expect(try compiledJSON(result, "components/card/card.wxml")["using"] == json("""
        {"badge":"components/card/badge/badge","picker":"components/miniprogram_npm/date-picker/index",
         "shared":"components/icon/icon","icon-x":"components/icon/icon"}
        """))
        #expect(try compiledJSON(result, "components/card/badge/badge.wxml")["using"] == json(#"{"icon-x":"components/icon/icon","shared":"components/card/card"}"#))
        #expect(try compiledJSON(result, "miniprogram_npm/@vant/weapp/button/index.wxml")["using"] != nil)
        #expect(try compiledJSON(result, "components/miniprogram_npm/date-picker/index.wxml")["using"] != nil)
        // Not an owner: included only.
        #expect(try compiledJSON(result, "common/header.wxml")["using"] == nil)
        #expect(try compiledJSON(result, "common/header.wxml")["path"] == .string("common/header.wxml"))
        #expect(result.files["utils/u.wxs"] == package["utils/u.wxs"])
        #expect(result.files["app.js"] == package["app.js"])
    }

    @Test func npmNamesAreLookedUpFromTheOwnersFolderUpAndFoldersMeanIndex() throws {
        var f = package
        f["pages/index/index.json"] = Data(#"{"usingComponents": {"b": "@vant/weapp/button", "d": "date-picker"}}"#.utf8)
        f["pages/index/miniprogram_npm/date-picker/index.json"] = Data("{}".utf8)
        let using = try ComponentResolver.resolve(files: f, pages: ["pages/index/index"])
        #expect(using["pages/index/index"]?["b"] == "miniprogram_npm/@vant/weapp/button/index")
        #expect(using["pages/index/index"]?["d"] == "pages/index/miniprogram_npm/date-picker/index")
        // From the root, a component's own folder does not see a sibling tree's npm folder.
        f["pages/index/index.json"] = Data(#"{"usingComponents": {"d": "/components/card/card"}}"#.utf8)
        f["components/card/card.json"] = Data(#"{"usingComponents": {"x": "nowhere-pkg"}}"#.utf8)
        #expect(throws: ViewCompileError(file: "components/card/card.json", line: 0, column: 0,
                                         reason: "usingComponents.x: cannot find the component \"nowhere-pkg\" (no .json, .js or .wxml of that name in the package; an npm package's components must be built into miniprogram_npm/ first, as WeChat's developer tools do)")) {
            try ComponentResolver.resolve(files: f, pages: ["pages/index/index"])
        }
    }

    @Test func unresolvableComponentsNameTheJSONFile() throws {
        var f = package
        f["pages/shop/shop.json"] = Data(#"{"usingComponents": {"ghost": "../../components/ghost/ghost"}}"#.utf8)
        #expect(throws: ViewCompileError.self) { try ViewCompiler.compile(files: f, pages: pages, cacheDirectory: nil) }
        do {
            _ = try ViewCompiler.compile(files: f, pages: pages, cacheDirectory: nil)
        } catch {
            #expect(error.description == "pages/shop/shop.json: usingComponents.ghost: cannot find the component \"../../components/ghost/ghost\" (no .json, .js or .wxml of that name in the package)")
        }
        f["pages/shop/shop.json"] = Data(#"{"usingComponents": ["a"]}"#.utf8)
        #expect(throws: ViewCompileError(file: "pages/shop/shop.json", line: 0, column: 0, reason: "usingComponents must be an object of tag: path (got an array)")) {
            try ViewCompiler.compile(files: f, pages: pages, cacheDirectory: nil)
        }
        f["pages/shop/shop.json"] = Data("{".utf8)
        #expect(throws: ViewCompileError(file: "pages/shop/shop.json", line: 0, column: 0, reason: "is not valid JSON")) {
            try ViewCompiler.compile(files: f, pages: pages, cacheDirectory: nil)
        }
        f["pages/shop/shop.json"] = Data(#"{"usingComponents": {"x": "../../../out"}}"#.utf8)
        #expect(throws: ViewCompileError.self) { try ViewCompiler.compile(files: f, pages: pages, cacheDirectory: nil) }
        f["pages/shop/shop.json"] = Data(#"{"usingComponents": {"x": "../../../../components/icon/icon", "w": "weui-miniprogram/cell/cell"}}"#.utf8)
        #expect(throws: ViewCompileError.self) { try ViewCompiler.compile(files: f, pages: pages, cacheDirectory: nil) }
        // With app.json's useExtendedLib, WeChat provides weui-miniprogram's components.
        f["app.json"] = Data(#"{"useExtendedLib": {"weui": true}}"#.utf8)
        let using = try ComponentResolver.resolve(files: f, pages: pages)
        #expect(using["pages/shop/shop"] == ["x": "components/icon/icon"])
        // A version string turns the library on as `true` does (WeChat's demo writes "latest").
        f["app.json"] = Data(#"{"useExtendedLib": {"weui": "latest"}}"#.utf8)
        #expect(try ComponentResolver.resolve(files: f, pages: pages)["pages/shop/shop"] == ["x": "components/icon/icon"])
    }

    /// Not fatal (published projects ship such references): the compiled template lists them
    /// with the place that names them, for the view to warn about.
    @Test func missingImportIncludeAndWXSFilesAreListedWithTheReferringPlace() throws {
        for (name, text, path, line, col) in [
            ("import", "<view/>\n  <import src=\"./gone.wxml\"/>", "pages/shop/gone.wxml", 2, 11),
            ("include", "<include src=\"/nope\"/>", "nope.wxml", 1, 10),
            ("wxs", "<wxs module=\"m\" src=\"../../m.wxs\"/>", "m.wxs", 1, 17),
        ] {
            var f = package
            f["pages/shop/shop.wxml"] = Data(text.utf8)
            let compiled = try ViewCompiler.compile(files: f, pages: pages, cacheDirectory: nil)
            let json = try #require(JSONValue.parse(compiled.files["pages/shop/shop.wxml"]!))
            #expect(json["missing"] == .array([.object(["path": .string(path), "line": .number(Double(line)), "col": .number(Double(col))])]), "\(name)")
        }
    }

    @Test func aSecondLoadComesFromTheCacheAndAnEditCompilesAgain() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-view-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try ViewCompiler.compile(files: package, pages: pages, cacheDirectory: cache)
        #expect(!first.fromCache)
        let second = try ViewCompiler.compile(files: package, pages: pages, cacheDirectory: cache)
        #expect(second.fromCache)
        #expect(second.files == first.files)
        let stored = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(stored.count == 1 && stored[0].hasPrefix("view-"))

        var edited = package
        edited["pages/shop/shop.wxml"] = Data("<text>{{n}}</text>".utf8)
        let third = try ViewCompiler.compile(files: edited, pages: pages, cacheDirectory: cache)
        #expect(!third.fromCache)
        #expect(try compiledJSON(third, "pages/shop/shop.wxml")["body"]?[0]?["tag"] == .string("text"))
        // A JSON change changes `using`, so it compiles again too.
        edited["pages/shop/shop.json"] = Data(#"{"usingComponents": {"c": "/components/card/card"}}"#.utf8)
        #expect(try !ViewCompiler.compile(files: edited, pages: pages, cacheDirectory: cache).fromCache)

        // A damaged cache file is compiled again, not trusted.
        let damaged = cache.appendingPathComponent(stored[0])
        try Data("[{\"path\":1}]\n".utf8).write(to: damaged)
        let again = try ViewCompiler.compile(files: package, pages: pages, cacheDirectory: cache)
        #expect(!again.fromCache)
        #expect(again.files == first.files)
    }

    @Test func packagesWithoutTemplatesOrStylesAreLeftAlone() throws {
        let plain = files(["app.js": "App({})", "pages/index/index.js": "Page({})", "pages/index/index.json": #"{"usingComponents": {"x": "nowhere"}}"#])
        let result = try ViewCompiler.compile(files: plain, pages: ["pages/index/index"], cacheDirectory: nil)
        #expect(result.files == plain)
        #expect(result.compiledCount == 0)
    }

    @Test func aBrokenTemplateFailsTheStepWithItsPosition() throws {
        var f = package
        f["components/card/badge/badge.wxml"] = Data("<text>\n{{ a + }}</text>".utf8)
        #expect(throws: ViewCompileError(file: "components/card/badge/badge.wxml", line: 2, column: 8, reason: "unexpected } in the expression")) {
            try ViewCompiler.compile(files: f, pages: pages, cacheDirectory: nil)
        }
    }

    /// Through the loader: a WeChat project's templates arrive compiled in the package's files.
    @Test func appPackageCompiledCarriesCompiledTemplates() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-view-project-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, data) in package {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let entry = try #require(WeChatProject.entryFile(in: root))
        let loaded = try AppPackage.load(manifestURL: entry, dev: true)
        #expect(loaded.files["pages/index/index.wxml"] == package["pages/index/index.wxml"])
        let compiled = try loaded.compiled(cacheDirectory: nil)
        let pageData = try #require(compiled.files["pages/index/index.wxml"])
        let page = try #require(JSONValue.parse(pageData))
        #expect(page["v"] == .number(1))
        #expect(page["using"]?["card"] == .string("components/card/card"))

        try Data("<view>\n  <text>{{ x </text>\n</view>".utf8).write(to: root.appendingPathComponent("pages/shop/shop.wxml"))
        #expect(throws: ViewCompileError(file: "pages/shop/shop.wxml", line: 2, column: 14, reason: "expected }} to close the expression")) {
            try AppPackage.load(manifestURL: entry, dev: true).compiled(cacheDirectory: nil)
        }
        try Data("page { color: red; }\n".utf8).write(to: root.appendingPathComponent("app.wxss"))
        try Data("@import \"../../common/c.wxss\";\n.p { width: 10rpx; }\n".utf8).write(to: root.appendingPathComponent("pages/index/index.wxss"))
        try Data(".c { height: 1rpx; }\n".utf8).write(to: root.appendingPathComponent("common/c.wxss"))
        try Data(".card {}\n".utf8).write(to: root.appendingPathComponent("components/card/card.wxss"))
        try Data("<view/>".utf8).write(to: root.appendingPathComponent("pages/shop/shop.wxml"))
        let styled = try AppPackage.load(manifestURL: entry, dev: true).compiled(cacheDirectory: nil)
        #expect(try styled.stylesheet(for: "pages/index/index") == Stylesheet(
            text: "page { color: red; }\n.c { height: 1rpx; }\n\n.p { width: 10rpx; }\n", files: ["app.wxss", "pages/index/index.wxss", "common/c.wxss"]))
        #expect(try styled.stylesheet(for: "components/card/card") == Stylesheet(text: ".card {}\n", files: ["components/card/card.wxss"]))
        try Data("page { color: red; ".utf8).write(to: root.appendingPathComponent("app.wxss"))
        try Data("<view/>".utf8).write(to: root.appendingPathComponent("pages/shop/shop.wxml"))
        #expect(throws: ViewCompileError(file: "app.wxss", line: 1, column: 0, reason: "block opened here is never closed with }")) {
            try AppPackage.load(manifestURL: entry, dev: true).compiled(cacheDirectory: nil)
        }
    }
}
