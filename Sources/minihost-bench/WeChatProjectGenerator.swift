import Foundation

/// Writes a WeChat-style project of about 300 files: `project.config.json`, `app.json` with 20
/// pages, 132 ES modules, 40 TypeScript modules, 46 CommonJS modules, a 20-file npm package,
/// and each page's `.js`/`.ts`, `.json` and `.wxml`. With `modules: false` every module is
/// CommonJS (the same shape, nothing to compile).
enum WeChatProjectGenerator {
    static func write(to root: URL, modules: Bool) throws -> URL {
        var files: [String: String] = [:]
        let pages = (0..<20).map { "pages/p\($0)/p\($0)" }
        files["project.config.json"] = #"{"miniprogramRoot": "miniprogram/", "appid": "wx0123456789abcdef", "projectname": "bench", "compileType": "miniprogram"}"#
        files["miniprogram/app.json"] = #"{"pages": ["# + pages.map { "\"\($0)\"" }.joined(separator: ", ") + #"], "window": {"navigationBarTitleText": "Bench"}}"#
        func module(_ name: String, uses: String?, typed: Bool) -> String {
            if modules {
                let importLine = uses.map { "import { value as dep } from '\($0)';\n" } ?? "const dep = 1;\n"
                let type = typed ? ": number" : ""
                return importLine + "export function value(n\(type) = 1)\(type) { return dep + n; }\nexport const label = '\(name)';\n"
            }
            let requireLine = uses.map { "const dep = require('\($0)').value();\n" } ?? "const dep = 1;\n"
            return requireLine + "exports.value = function (n = 1) { return dep + n; };\nexports.label = '\(name)';\n"
        }
        for i in 0..<132 { files["miniprogram/utils/es\(i).js"] = module("es\(i)", uses: i == 0 ? nil : "./es\(i - 1)", typed: false) }
        for i in 0..<40 {
            let ext = modules ? "ts" : "js"
            files["miniprogram/utils/ts\(i).\(ext)"] = module("ts\(i)", uses: i == 0 ? nil : "./ts\(i - 1)", typed: true)
        }
        for i in 0..<46 {
            files["miniprogram/utils/cjs\(i).js"] = "exports.value = function () { return \(i); };\nexports.label = 'cjs\(i)';\n"
        }
        files["miniprogram/miniprogram_npm/benchlib/index.js"] = "module.exports = { parts: [" + (0..<19).map { "require('./part\($0)')" }.joined(separator: ", ") + "] };\n"
        for i in 0..<19 { files["miniprogram/miniprogram_npm/benchlib/part\(i).js"] = "module.exports = \(i);\n" }
        files["miniprogram/app.js"] = modules
            ? "import { value } from './utils/es9';\nApp({ globalData: { v: value() } });\n"
            : "const { value } = require('./utils/es9');\nApp({ globalData: { v: value() } });\n"
        for (i, page) in pages.enumerated() {
            let ext = modules && i % 2 == 1 ? "ts" : "js"
            let imports = modules
                ? "import { value } from '../../utils/es\(min(131, 10 + i))';\nimport { value as t } from '../../utils/ts\(min(39, i))';\nimport lib from 'benchlib';\nimport legacy from '../../utils/cjs\(i)';\n"
                : "const { value } = require('../../utils/es\(min(131, 10 + i))');\nconst { value: t } = require('../../utils/ts\(min(39, i))');\nconst lib = require('benchlib');\nconst legacy = require('../../utils/cjs\(i)');\n"
            files["miniprogram/\(page).\(ext)"] = imports + "Page({ data: { n: 0 }, onLoad() { this.setData({ n: value() + t() + lib.parts.length + legacy.value() }); } });\n"
            files["miniprogram/\(page).json"] = "{}"
            files["miniprogram/\(page).wxml"] = "<view>{{n}}</view>"
        }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }
}
