import Foundation
import MiniHostProtocol

/// Resolves `usingComponents` as WeChat does: for every page and every component reached from
/// one, the owner's JSON merged over app.json's global list, each name a package path without
/// extension. Paths are relative to the owner's folder or `/`-absolute; a bare name is tried
/// next to the owner, then in `miniprogram_npm/` from the owner's folder up to the root, then
/// from the root; a folder stands for its `index`. `plugin://` names, and `weui-miniprogram/…`
/// when app.json's `useExtendedLib` has `weui`, are left out.
struct ComponentResolver {
    let files: [String: Data]
    /// Prefixes of names WeChat itself provides (app.json `useExtendedLib`), left out like plugins.
    var provided: [String] = []

    /// Owner path (`pages/index/index`) → tag → component path.
    static func resolve(files: [String: Data], pages: [String]) throws(ViewCompileError) -> [String: [String: String]] {
        var resolver = ComponentResolver(files: files)
        if let libraries = try resolver.jsonObject("app.json")?["useExtendedLib"]?.objectValue {
            // `true` or a version (`"weui": "latest"`) turns a library on.
            resolver.provided = libraries.filter { $0.value.boolValue ?? ($0.value.stringValue != nil) }.map { "\($0.key)-miniprogram/" }
        }
        let global = try resolver.using(of: "app", jsonFile: "app.json")
        var result: [String: [String: String]] = [:]
        var pending = pages
        while let owner = pending.popLast() {
            if result[owner] != nil { continue }
            let own = try resolver.using(of: owner, jsonFile: owner + ".json")
            let merged = global.merging(own) { _, mine in mine }
            result[owner] = merged
            pending.append(contentsOf: merged.values.filter { result[$0] == nil })
        }
        return result
    }

    private func jsonObject(_ path: String) throws(ViewCompileError) -> [String: JSONValue]? {
        guard let data = files[path] else { return nil }
        guard let value = JSONValue.parse(data) else { throw ViewCompileError(file: path, line: 0, column: 0, reason: "is not valid JSON") }
        return value.objectValue
    }

    /// The resolved `usingComponents` of one JSON file (empty when it has none).
    private func using(of owner: String, jsonFile: String) throws(ViewCompileError) -> [String: String] {
        guard let object = try jsonObject(jsonFile), let field = object["usingComponents"] else { return [:] }
        guard let entries = field.objectValue else {
            throw ViewCompileError(file: jsonFile, line: 0, column: 0, reason: "usingComponents must be an object of tag: path (got \(field.typeName))")
        }
        var result: [String: String] = [:]
        for (tag, value) in entries {
            guard let reference = value.stringValue, !reference.isEmpty else {
                throw ViewCompileError(file: jsonFile, line: 0, column: 0, reason: "usingComponents.\(tag) must be a path (got \(value.typeName))")
            }
            if reference.hasPrefix("plugin://") || reference.hasPrefix("plugin-private://") || provided.contains(where: reference.hasPrefix) { continue }
            guard let path = component(reference, owner: owner) else {
                let bare = !(reference.hasPrefix("/") || reference.hasPrefix("./") || reference.hasPrefix("../"))
                let hint = bare ? "; an npm package's components must be built into miniprogram_npm/ first, as WeChat's developer tools do" : ""
                throw ViewCompileError(file: jsonFile, line: 0, column: 0,
                                       reason: "usingComponents.\(tag): cannot find the component \"\(reference)\" (no .json, .js or .wxml of that name in the package\(hint))")
            }
            result[tag] = path
        }
        return result
    }

    /// True when `path` (no extension) is a component's base name in the package.
    func isComponent(_ path: String) -> Bool {
        [".json", ".js", ".ts", ".wxml"].contains { files[path + $0] != nil }
    }

    /// `base`, or `base/index`, when it is a component.
    private func componentAt(_ base: String?) -> String? {
        guard let base else { return nil }
        if isComponent(base) { return base }
        return isComponent(base + "/index") ? base + "/index" : nil
    }

    func component(_ reference: String, owner: String) -> String? {
        let from = owner + ".json"
        if reference.hasPrefix("/") || reference.hasPrefix("./") || reference.hasPrefix("../") {
            return componentAt(WXMLValues.resolve(reference, from: from))
        }
        if let beside = componentAt(WXMLValues.resolve(reference, from: from)) { return beside }
        var folder = owner.split(separator: "/").dropLast().map(String.init)
        while true {
            let base = (folder + ["miniprogram_npm", reference]).joined(separator: "/")
            if let found = componentAt(WXMLValues.resolve(base, from: "")) { return found }
            if folder.isEmpty { break }
            folder.removeLast()
        }
        return componentAt(WXMLValues.resolve("/" + reference, from: ""))
    }
}
