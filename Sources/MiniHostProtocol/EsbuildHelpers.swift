/// esbuild's runtime helpers (`JS/esbuild-helpers.js`). esbuild writes its helpers
/// (`__toESM`, `__export`, …) into every module it compiles, and JavaScriptCore compiles each
/// copy again; so the host takes every copy that matches this file word for word out of a
/// compiled module, and the runtime gives the module one shared, frozen set instead.
public enum EsbuildHelpers {
    /// What a compiled module requires to get the shared helpers.
    public static let moduleSpec = "minihost:esbuild-helpers"

    /// The file's bytes (it ends by freezing the helpers into `esbuildHelpers`).
    public static let bytes: [UInt8] = PackageResources.esbuild_helpers_js

    /// Each helper's definition, by name, exactly as esbuild writes it.
    static let definitions: [Substring: String] = {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Substring: String] = [:]
        var i = 0
        while i < lines.count {
            guard let name = helperName(lines[i]) else { i += 1; continue }
            let end = blockEnd(lines, from: i)
            result[name] = lines[i..<end].joined(separator: "\n")
            i = end
        }
        return result
    }()

    /// `code` (a module esbuild compiled) with each leading helper that matches a shared one
    /// replaced by an empty line, and the first line of the helpers prefixed with one statement
    /// taking the shared ones. Line numbers do not change, so the module's source map still holds.
    public static func share(_ code: String) -> String {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var i = lines.first.map(isDirective) == true ? 1 : 0
        let first = i
        var shared: [Substring] = []
        while i < lines.count, let name = helperName(lines[i]) {
            let end = blockEnd(lines, from: i)
            if let known = definitions[name], lines[i..<end].joined(separator: "\n") == known {
                shared.append(name)
                for j in i..<end { lines[j] = "" }
            }
            i = end
        }
        guard !shared.isEmpty else { return code }
        lines[first] = "var { \(shared.joined(separator: ", ")) } = require(\"\(moduleSpec)\");" + lines[first]
        return lines.joined(separator: "\n")
    }

    /// `__name` of a line `var __name = …`.
    private static func helperName(_ line: Substring) -> Substring? {
        guard line.hasPrefix("var __"), let end = line.firstIndex(of: " ", after: 4) else { return nil }
        let name = line[line.index(line.startIndex, offsetBy: 4)..<end]
        return line[end...].hasPrefix(" = ") ? name : nil
    }

    /// The line after a definition: it continues over indented lines and lines closing it.
    private static func blockEnd(_ lines: [Substring], from start: Int) -> Int {
        var end = start + 1
        while end < lines.count, let c = lines[end].first, c == " " || c == "}" || c == ")" { end += 1 }
        return end
    }

    private static func isDirective(_ line: Substring) -> Bool {
        line == "\"use strict\";" || line == "'use strict';"
    }
}

private extension Substring {
    func firstIndex(of character: Character, after offset: Int) -> Index? {
        guard count > offset else { return nil }
        return self[index(startIndex, offsetBy: offset)...].firstIndex(of: character)
    }
}
