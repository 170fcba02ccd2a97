import Foundation
import MiniHostProtocol

/// One problem found in a manifest or package: which file, which field, what is wrong.
public struct ManifestProblem: Sendable, Equatable, CustomStringConvertible {
    /// Path as given/displayed, e.g. `manifests/org.x.json`.
    public var file: String
    /// JSON path such as `app_id`, `pages[2]`, `req_permissions[0].name`, `limits.cpu_ms`; nil for the whole file.
    public var field: String?
    /// What is wrong, e.g. `is missing`.
    public var message: String

    public init(file: String, field: String? = nil, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    /// `file: field: message`, or `file: message` without a field.
    public var description: String {
        if let field { return "\(file): \(field): \(message)" }
        return "\(file): \(message)"
    }
}

/// The problems that made a manifest or package invalid (all of them, not just the first).
public struct ManifestError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public var problems: [ManifestProblem]

    public init(problems: [ManifestProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}

// MARK: - Limits shared by the loader

enum ManifestRules {
    static let maxManifestBytes = 1 << 20
    static let maxAppIdLength = 128
    static let maxNameLength = 64
    static let maxReasonLength = 500
    static let maxJSONDepth = 64
    static let digestPrefix = "sha256:"

    static var knownPermissionsText: String {
        let canonical = Permission.allCases.map(\.rawValue).joined(separator: ", ")
        let aliases = Permission.aliases.map { "\($0.alias) -> \($0.permission.rawValue)" }.joined(separator: ", ")
        return "known: \(canonical) (aliases: \(aliases))"
    }

    /// Whether `s` has the shape `sha256:<64 lowercase hex>`.
    static func isWellFormedDigest(_ s: String) -> Bool {
        guard s.hasPrefix(digestPrefix) else { return false }
        let hex = s.utf8.dropFirst(digestPrefix.utf8.count)
        return hex.count == 64 && hex.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// `^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_][A-Za-z0-9_-]*)+$`
    /// A WeChat appid (`wx` and 16 hexadecimal digits) or DevTools' `touristappid`.
    static func isWeChatAppId(_ s: String) -> Bool {
        if s == "touristappid" { return true }
        let bytes = Array(s.utf8)
        return bytes.count == 18 && s.hasPrefix("wx") && bytes.dropFirst(2).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// An app id: reverse-domain (`org.example.app`) or a WeChat appid.
    static func isAppId(_ s: String) -> Bool { isReverseDomainId(s) || isWeChatAppId(s) }

    static func isReverseDomainId(_ s: String) -> Bool {
        let segments = s.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count >= 2 else { return false }
        func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        func isDigit(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) }
        func isWord(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == UInt8(ascii: "_") }
        for (i, seg) in segments.enumerated() {
            guard let first = seg.first else { return false }
            if i == 0 {
                guard isLetter(first), seg.dropFirst().allSatisfy(isWord) else { return false }
            } else {
                guard isWord(first), seg.dropFirst().allSatisfy({ isWord($0) || $0 == UInt8(ascii: "-") }) else {
                    return false
                }
            }
        }
        return true
    }
}

// MARK: - Validation

extension Manifest {
    /// Parses and validates JSON data; collects ALL problems (not just the first); `file` is used in messages.
    public static func parse(_ data: Data, file: String) throws(ManifestError) -> Manifest {
        var v = ManifestValidator(file: file)
        if let manifest = v.validate(data) { return manifest }
        throw ManifestError(problems: v.problems)
    }
}

/// Walks the parsed JSON and records every problem with its JSON path.
struct ManifestValidator {
    let file: String
    private(set) var problems: [ManifestProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ field: String?, _ message: String) {
        problems.append(ManifestProblem(file: file, field: field, message: message))
    }

    mutating func validate(_ data: Data) -> Manifest? {
        if data.count > ManifestRules.maxManifestBytes {
            problem(nil, "is too large (\(data.count) bytes; a manifest may be at most 1 MiB)")
            return nil
        }
        let document: JSONDocument<ManifestJSON>
        do {
            document = try ManifestJSON.read(Array(data))
        } catch {
            problem(nil, "is not valid JSON: \(error.description)")
            return nil
        }
        let root = document.value
        guard case .object = root else {
            problem(nil, "must contain a JSON object ({ … }), not \(root.typeName)")
            return nil
        }
        for path in document.duplicateKeys {
            problem(path, "appears more than once (each member may be given only once)")
        }

        let appId = validateAppId(root["app_id"])
        let name = validateName(root["name"])
        let version = validateVersion(root["version"])
        let pages = validatePages(root["pages"])
        let platformVersion = validatePlatformVersion(root["platform_version"])
        let req = validatePermissionList(root["req_permissions"], field: "req_permissions")
        let opt = validatePermissionList(root["opt_permissions"], field: "opt_permissions")
        checkOverlap(req: req, opt: opt)
        let window = validateWindow(root["window"])
        let packagePath = validatePackage(root["package"])
        let digest = validateDigest(root["digest"])
        let merchant = validateMerchant(root["merchant"])
        let limits = validateLimits(root["limits"])
        let network = validateNetwork(domains: root["network_domains"], timeout: root["network_timeout"])

        guard problems.isEmpty, let appId, let name, let pages else { return nil }
        return Manifest(
            appId: appId, name: name, version: version, pages: pages, platformVersion: platformVersion,
            reqPermissions: req.map(\.request), optPermissions: opt.map(\.request), window: window,
            packagePath: packagePath, digest: digest, merchant: merchant, limits: limits, network: network)
    }

    // MARK: fields

    private mutating func requireString(_ value: ManifestJSON?, _ field: String, allowEmpty: Bool = false) -> String? {
        guard let value else {
            problem(field, "is missing")
            return nil
        }
        guard case let .string(s) = value else {
            problem(field, "must be a string (got \(value.typeName))")
            return nil
        }
        if !allowEmpty, s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problem(field, "must not be empty")
            return nil
        }
        return s
    }

    private mutating func validateAppId(_ value: ManifestJSON?) -> String? {
        guard let s = requireString(value, "app_id") else { return nil }
        if s.utf8.count > ManifestRules.maxAppIdLength {
            problem("app_id", "is too long (\(s.utf8.count) characters; at most \(ManifestRules.maxAppIdLength))")
            return nil
        }
        guard ManifestRules.isAppId(s) else {
            problem("app_id", "must be a reverse-domain id like org.example.app or a WeChat appid like wx0123456789abcdef (got \(PromptText.quoted(s)))")
            return nil
        }
        return s
    }

    private mutating func validateName(_ value: ManifestJSON?) -> String? {
        guard let s = requireString(value, "name") else { return nil }
        if s.count > ManifestRules.maxNameLength {
            problem("name", "is too long (\(s.count) characters; at most \(ManifestRules.maxNameLength))")
            return nil
        }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problem("name", "must not contain control characters (got \(PromptText.quoted(s)))")
            return nil
        }
        return s
    }

    private mutating func validateVersion(_ value: ManifestJSON?) -> ManifestVersion? {
        guard let value else { return nil }
        guard case .object = value else {
            problem("version", "must be an object like {\"code\": 1, \"name\": \"1.0.0\"} (got \(value.typeName))")
            return nil
        }
        var code: Int?
        switch value["code"] {
        case nil: problem("version.code", "is missing")
        case let .int(c)?:
            if c < 0 { problem("version.code", "must be 0 or more (got \(c))") } else { code = c }
        case let other?: problem("version.code", "must be an integer (got \(other.typeName))")
        }
        let name = requireString(value["name"], "version.name")
        guard let code, let name else { return nil }
        return ManifestVersion(code: code, name: name)
    }

    private mutating func validatePages(_ value: ManifestJSON?) -> [String]? {
        guard let value else {
            problem("pages", "is missing (list the page routes, e.g. [\"pages/index/index\"]; the first is the entry page)")
            return nil
        }
        guard case let .array(items) = value else {
            problem("pages", "must be an array of page routes (got \(value.typeName))")
            return nil
        }
        if items.isEmpty {
            problem("pages", "must list at least one page (the first is the entry page)")
            return nil
        }
        var pages: [String] = []
        var firstIndex: [String: Int] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
            let field = "pages[\(i)]"
            guard case let .string(route) = item else {
                problem(field, "must be a string (got \(item.typeName))")
                ok = false
                continue
            }
            if let message = Self.routeProblem(route) {
                problem(field, message)
                ok = false
                continue
            }
            if let j = firstIndex[route] {
                problem(field, "duplicates pages[\(j)] (\(PromptText.quoted(route)))")
                ok = false
                continue
            }
            firstIndex[route] = i
            pages.append(route)
        }
        return ok ? pages : nil
    }

    /// Why `route` is not a valid page route, or nil.
    static func routeProblem(_ route: String) -> String? {
        let q = PromptText.quoted(route)
        if route.isEmpty { return "must not be empty" }
        if route.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "must not contain control characters (got \(q))"
        }
        if route.contains("\\") { return "must use '/' as separator, not '\\' (got \(q))" }
        if route.hasPrefix("/") { return "must be relative to the package, like pages/index/index (got \(q))" }
        if route.hasSuffix(".js") {
            return "must be a route without the .js extension, like \(PromptText.quoted(String(route.dropLast(3)))) (got \(q))"
        }
        let parts = route.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") { return "must not contain '..' (got \(q))" }
        if parts.contains(".") || parts.contains("") {
            return "must be a plain path like pages/index/index, without empty or '.' segments (got \(q))"
        }
        return nil
    }

    private mutating func validatePlatformVersion(_ value: ManifestJSON?) -> [String: Int]? {
        guard let value else { return nil }
        guard case let .object(members) = value else {
            problem("platform_version", "must be an object like {\"min_code\": 1} (got \(value.typeName))")
            return nil
        }
        var out: [String: Int] = [:]
        for m in members {
            if case let .int(i) = m.value { out[m.key] = i }
        }
        return out
    }

    struct CheckedRequest {
        var request: PermissionRequest
        var index: Int
    }

    private mutating func validatePermissionList(_ value: ManifestJSON?, field: String) -> [CheckedRequest] {
        guard let value else { return [] }
        guard case let .array(items) = value else {
            problem(field, "must be an array of {\"name\", \"reason\"} objects (got \(value.typeName))")
            return []
        }
        var out: [CheckedRequest] = []
        var seenAt: [Permission: Int] = [:]
        for (i, item) in items.enumerated() {
            let base = "\(field)[\(i)]"
            guard case .object = item else {
                problem(base, "must be an object like {\"name\": \"location\", \"reason\": \"…\"} (got \(item.typeName))")
                continue
            }
            var permission: Permission?
            if let name = requireString(item["name"], "\(base).name") {
                if let p = Permission(name: name) {
                    permission = p
                } else {
                    problem("\(base).name", "unknown permission \(PromptText.quoted(name)); \(ManifestRules.knownPermissionsText)")
                }
            }
            var reason: String?
            var reasonOK = true
            switch item["reason"] {
            case nil, .null?: break
            case let .string(r)?:
                if r.count > ManifestRules.maxReasonLength {
                    problem("\(base).reason", "is too long (\(r.count) characters; at most \(ManifestRules.maxReasonLength))")
                    reasonOK = false
                } else {
                    reason = r
                }
            case let other?:
                problem("\(base).reason", "must be a string (got \(other.typeName))")
                reasonOK = false
            }
            guard let permission else { continue }
            if let j = seenAt[permission] {
                problem("\(base).name", "duplicates \(field)[\(j)] (both mean \(permission.rawValue))")
                continue
            }
            seenAt[permission] = i
            if reasonOK {
                out.append(CheckedRequest(request: PermissionRequest(permission: permission, reason: reason), index: i))
            }
        }
        return out
    }

    private mutating func checkOverlap(req: [CheckedRequest], opt: [CheckedRequest]) {
        for o in opt {
            if let r = req.first(where: { $0.request.permission == o.request.permission }) {
                problem(
                    "opt_permissions[\(o.index)].name",
                    "\(o.request.permission.rawValue) is also in req_permissions[\(r.index)]; declare it in one list only")
            }
        }
    }

    private mutating func validateWindow(_ value: ManifestJSON?) -> [String: String]? {
        guard let value else { return nil }
        guard case let .object(members) = value else {
            problem("window", "must be an object (got \(value.typeName))")
            return nil
        }
        var out: [String: String] = [:]
        for m in members {
            if case let .string(s) = m.value { out[m.key] = s }
        }
        return out
    }

    private mutating func validatePackage(_ value: ManifestJSON?) -> String? {
        guard let value else { return nil }
        guard let s = requireString(value, "package") else { return nil }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            problem("package", "must not contain control characters (got \(PromptText.quoted(s)))")
            return nil
        }
        if s.hasPrefix("/") || s.hasPrefix("~") {
            problem("package", "must be a path relative to the manifest's directory, like \"../miniprograms/hello\" (got \(PromptText.quoted(s)))")
            return nil
        }
        return s
    }

    private mutating func validateDigest(_ value: ManifestJSON?) -> String? {
        guard let value else { return nil }
        guard case let .string(s) = value else {
            problem("digest", "must be a string like \"sha256:<64 lowercase hex digits>\" (got \(value.typeName))")
            return nil
        }
        guard ManifestRules.isWellFormedDigest(s) else {
            problem("digest", "must look like sha256:<64 lowercase hex digits> (got \(PromptText.quoted(s))); run `minihost digest <target> --write` to set it")
            return nil
        }
        return s
    }

    private mutating func validateMerchant(_ value: ManifestJSON?) -> Merchant? {
        guard let value else { return nil }
        guard case .object = value else {
            problem("merchant", "must be an object like {\"id\": \"m-123\", \"name\": \"Coffee Shop\"} (got \(value.typeName))")
            return nil
        }
        let id = requireString(value["id"], "merchant.id")
        let name = requireString(value["name"], "merchant.name")
        if let id, let why = Merchant.idProblem(id) {
            problem("merchant.id", why)
            return nil
        }
        guard let id, let name else { return nil }
        return Merchant(id: id, name: name)
    }

    private mutating func validateLimits(_ value: ManifestJSON?) -> AppLimits {
        var limits = AppLimits.default
        guard let value else { return limits }
        guard case let .object(members) = value else {
            problem("limits", "must be an object like {\"cpu_ms\": 200, \"memory_mb\": 256, \"storage_mb\": 10} (got \(value.typeName))")
            return limits
        }
        let known = AppLimits.CodingKeys.allCases
        for m in members where AppLimits.CodingKeys(stringValue: m.key) == nil {
            problem("limits.\(m.key)", "is not a known limit; known: \(known.map(\.stringValue).joined(separator: ", "))")
        }
        for limit in known {
            let key = limit.stringValue, range = limit.range
            guard let v = value[key] else { continue }
            let field = "limits.\(key)"
            guard case let .int(n) = v else {
                problem(field, "must be an integer between \(range.lowerBound) and \(range.upperBound) (got \(v.typeName))")
                continue
            }
            guard range.contains(n) else {
                problem(field, "must be between \(range.lowerBound) and \(range.upperBound) (got \(n))")
                continue
            }
            limits[keyPath: limit.keyPath] = n
        }
        return limits
    }
}
