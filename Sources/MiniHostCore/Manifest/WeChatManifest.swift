import Foundation
import MiniHostProtocol

/// How a WeChat project's files become a manifest: `app.json`'s pages, subpackages and entry
/// page; the app id and name from `project.config.json`; permissions from `permission` and
/// `requiredPrivateInfos`; what WeChat has no field for from the configuration's `minihost`
/// section. Errors name the file and the field.
extension WeChatProject {
    /// WeChat's location scopes and private-information APIs, as MiniHost permissions.
    public static let scopePermissions: [String: Permission] = [
        "scope.userLocation": .location,
        "scope.userFuzzyLocation": .locationCoarse,
        "scope.userLocationBackground": .locationBackground,
    ]
    public static let privateInfoPermissions: [String: Permission] = [
        "getLocation": .location, "onLocationChange": .location, "startLocationUpdate": .location,
        "chooseLocation": .location, "choosePoi": .location,
        "getFuzzyLocation": .locationCoarse,
        "startLocationUpdateBackground": .locationBackground,
    ]

    /// Every route of the app: `pages`, then each subpackage's `root` + its pages, the entry
    /// page (`entryPagePath`, else the first page) first.
    public func routes() throws(ManifestError) -> [String] {
        var problems: [ManifestProblem] = []
        func problem(_ field: String, _ message: String) { problems.append(ManifestProblem(file: appJSONShown, field: field, message: message)) }
        var routes: [String] = []
        func addRoute(_ value: JSONValue, field: String, root: String = "") {
            guard let page = value.stringValue, !page.isEmpty, !page.hasPrefix("/"), !page.hasSuffix(".js"),
                  !page.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                problem(field, "must be a page path like \"pages/index/index\" (no leading /, no extension; got \(value.jsonText))")
                return
            }
            let route = root.isEmpty ? page : root + "/" + page
            if routes.contains(route) { problem(field, "lists \(route) twice") } else { routes.append(route) }
        }
        switch appJSON["pages"] {
        case nil: problem("pages", "is missing; app.json lists the app's pages, e.g. \"pages\": [\"pages/index/index\"]")
        case let .array(pages)? where !pages.isEmpty:
            for (i, page) in pages.enumerated() { addRoute(page, field: "pages[\(i)]") }
        case let other?: problem("pages", "must be a non-empty array of page paths (got \(other.typeName))")
        }
        for key in ["subpackages", "subPackages"] {
            guard let value = appJSON[key] else { continue }
            guard let list = value.arrayValue else { problem(key, "must be an array of {root, pages} (got \(value.typeName))"); continue }
            for (i, entry) in list.enumerated() {
                guard let object = entry.objectValue, let root = object["root"]?.stringValue, !root.isEmpty, !root.hasPrefix("/"),
                      !root.split(separator: "/").contains("..") else {
                    problem("\(key)[\(i)].root", "must be a folder of the mini-program like \"packageA\" (got \(entry["root"]?.jsonText ?? "nothing"))")
                    continue
                }
                let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
                for (j, page) in (object["pages"]?.arrayValue ?? []).enumerated() { addRoute(page, field: "\(key)[\(i)].pages[\(j)]", root: trimmed) }
            }
        }
        if let entry = appJSON["entryPagePath"] {
            if let path = entry.stringValue, let index = routes.firstIndex(of: path.hasPrefix("/") ? String(path.dropFirst()) : path) {
                routes.insert(routes.remove(at: index), at: 0)
            } else {
                problem("entryPagePath", "must be one of the app's pages (got \(entry.jsonText))")
            }
        }
        checkTabBar(mainPages: routes.filter { r in (appJSON["pages"]?.arrayValue ?? []).contains { $0.stringValue == r } }, problem)
        if !problems.isEmpty { throw ManifestError(problems: problems) }
        return routes
    }

    /// WeChat's rules for `tabBar`: `list` holds 2 to 5 items, each `pagePath` a page of `pages`.
    private func checkTabBar(mainPages: [String], _ problem: (String, String) -> Void) {
        guard let tabBar = appJSON["tabBar"] else { return }
        guard let list = tabBar["list"]?.arrayValue else { return problem("tabBar.list", "must be an array of 2 to 5 tabs {pagePath, text}") }
        if !(2...5).contains(list.count) { problem("tabBar.list", "must hold 2 to 5 tabs (got \(list.count))") }
        for (i, item) in list.enumerated() {
            let path = item["pagePath"]?.stringValue.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
            if path == nil || !mainPages.contains(path!) {
                problem("tabBar.list[\(i)].pagePath", "must be one of the pages in \"pages\" (got \(item["pagePath"]?.jsonText ?? "nothing"))")
            }
        }
    }

    /// The permissions `app.json` declares: its `permission` scopes (with their `desc` as the
    /// reason) and the location APIs of `requiredPrivateInfos`. Scopes MiniHost has no service
    /// for are accepted and ignored.
    public func declaredPermissions() throws(ManifestError) -> [PermissionRequest] {
        var problems: [ManifestProblem] = []
        var requests: [PermissionRequest] = []
        func add(_ permission: Permission, _ reason: String?) {
            if let i = requests.firstIndex(where: { $0.permission == permission }) {
                if requests[i].reason == nil { requests[i].reason = reason }
            } else {
                requests.append(PermissionRequest(permission: permission, reason: reason))
            }
        }
        if let value = appJSON["permission"] {
            if let scopes = value.objectValue {
                for scope in scopes.keys.sorted() {
                    guard let permission = Self.scopePermissions[scope] else { continue }
                    let desc = scopes[scope]?["desc"]
                    if let desc, desc.stringValue == nil {
                        problems.append(ManifestProblem(file: appJSONShown, field: "permission.\(scope).desc", message: "must be a string (got \(desc.typeName))"))
                    }
                    add(permission, desc?.stringValue)
                }
            } else {
                problems.append(ManifestProblem(file: appJSONShown, field: "permission", message: "must be an object of scopes like {\"scope.userLocation\": {\"desc\": \"…\"}} (got \(value.typeName))"))
            }
        }
        if let value = appJSON["requiredPrivateInfos"] {
            if let names = value.arrayValue {
                for (i, name) in names.enumerated() {
                    guard let api = name.stringValue else {
                        problems.append(ManifestProblem(file: appJSONShown, field: "requiredPrivateInfos[\(i)]", message: "must be an API name (got \(name.typeName))"))
                        continue
                    }
                    if let permission = Self.privateInfoPermissions[api] { add(permission, nil) }
                }
            } else {
                problems.append(ManifestProblem(file: appJSONShown, field: "requiredPrivateInfos", message: "must be an array of API names (got \(value.typeName))"))
            }
        }
        if !problems.isEmpty { throw ManifestError(problems: problems) }
        return requests
    }

    /// The manifest this project amounts to, as the JSON the manifest rules check.
    public func manifestJSON() throws(ManifestError) -> Data {
        let routes = try routes()
        var permissions = try declaredPermissions().map { request -> JSONValue in
            var entry: [String: JSONValue] = ["name": .string(request.permission.rawValue)]
            if let reason = request.reason { entry["reason"] = .string(reason) }
            return .object(entry)
        }
        let section = minihostSection
        if let extra = section["req_permissions"]?.arrayValue { permissions += extra }
        let appId = section["app_id"] ?? projectConfig["appid"] ?? .string("touristappid")
        // WeChat DevTools writes `projectname` percent-encoded (`%E5%A4%A9…` for 天…).
        let projectName = projectConfig["projectname"].map { value -> JSONValue in
            guard let text = value.stringValue, let decoded = text.removingPercentEncoding else { return value }
            return .string(decoded)
        }
        let name = section["name"] ?? projectName ?? appJSON["window"]?["navigationBarTitleText"]
            ?? .string(miniprogramRoot.lastPathComponent)
        var manifest: [String: JSONValue] = [
            "app_id": appId, "name": name,
            "version": section["version"] ?? .object(["code": .number(1), "name": .string("1.0.0")]),
            "pages": .array(routes.map { .string($0) }),
            "req_permissions": .array(permissions),
        ]
        for key in ["opt_permissions", "limits", "merchant", "digest", "platform_version"] {
            if let value = section[key] { manifest[key] = value }
        }
        if let domains = section["domains"] { manifest["network_domains"] = domains }
        if let timeout = appJSON["networkTimeout"] { manifest["network_timeout"] = timeout }
        return Data(JSONValue.object(manifest).jsonText.utf8)
    }
}

extension AppPackage {
    /// The routes of app.json's `tabBar.list[].pagePath`, in order (empty: no tab bar).
    public var tabBarPages: [String] {
        (weChatApp?["tabBar"]?["list"]?.arrayValue ?? []).compactMap { item in
            item["pagePath"]?.stringValue.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
        }
    }

    /// The roots of the independent subpackages of a WeChat project's `app.json` (`moduleB`):
    /// launched into one of their pages, the app runs without its main package (`app.js`).
    public var weChatIndependentRoots: [String] {
        guard let app = weChatApp else { return [] }
        return ["subpackages", "subPackages"].flatMap { app[$0]?.arrayValue ?? [] }.compactMap { entry in
            guard let object = entry.objectValue, object["independent"]?.boolValue == true, let root = object["root"]?.stringValue else { return nil }
            let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
            return trimmed.isEmpty ? nil : trimmed
        }
    }
}
