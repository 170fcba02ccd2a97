import Foundation

/// A capability a mini-program can declare in its manifest (docs/spec.md).
public enum Permission: String, CaseIterable, Sendable, Codable {
    case location
    case locationCoarse = "location.coarse"
    case locationBackground = "location.background"
    case payment
    case chatRead = "chat.read"
    case chatSend = "chat.send"
    case contacts
    case storage
    /// The user's profile (nickname, avatar, …): `getUserProfile`, `getUserInfo`.
    case userInfo
    /// Reading the device's clipboard: `getClipboardData`.
    case clipboardRead = "clipboard.read"

    /// Names accepted in manifests besides the canonical ones, kept deliberately small.
    ///
    /// - WeChat authorisation scopes (`wx.authorize({scope})`, documented by WeChat):
    ///   `scope.userLocation`, `scope.userFuzzyLocation`, `scope.userLocationBackground`.
    /// - The W3C MiniApp Manifest's own example (`req_permissions` section) names
    ///   `system.permission.LOCATION`.
    ///
    /// Other WeChat scopes (`scope.camera`, `scope.werun`, `scope.addPhoneContact`, …)
    /// have no MiniHost equivalent and are rejected as unknown: `scope.addPhoneContact`
    /// writes to the address book, which is not what `contacts` (picking a contact) grants.
    public static let aliases: [(alias: String, permission: Permission)] = [
        ("scope.userLocation", .location),
        ("scope.userFuzzyLocation", .locationCoarse),
        ("scope.userLocationBackground", .locationBackground),
        ("scope.userInfo", .userInfo),
        ("system.permission.LOCATION", .location),
    ]

    /// Accepts the canonical names (`location`, `chat.send`, …) and the aliases in
    /// ``aliases``. Matching is exact (case-sensitive). Returns nil for unknown names.
    public init?(name: String) {
        if let p = Permission(rawValue: name) {
            self = p
            return
        }
        for entry in Permission.aliases where entry.alias == name {
            self = entry.permission
            return
        }
        return nil
    }
}

/// One entry of `req_permissions` / `opt_permissions`: a permission and why the app wants it.
public struct PermissionRequest: Sendable, Codable, Equatable {
    public var permission: Permission
    public var reason: String?

    public init(permission: Permission, reason: String? = nil) {
        self.permission = permission
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case permission = "name"
        case reason
    }
}

/// The manifest's `version` object: a monotonically increasing code and a display name.
public struct ManifestVersion: Sendable, Codable, Equatable {
    public var code: Int
    public var name: String

    public init(code: Int, name: String) {
        self.code = code
        self.name = name
    }
}

/// The merchant shown to the user when the app asks for a payment (`merchant`).
public struct Merchant: Sendable, Codable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Resource limits requested by a manifest (`limits`); the host caps them further.
public struct AppLimits: Sendable, Codable, Equatable {
    /// CPU time per task, in milliseconds. Default 200; valid 1...10_000.
    public var cpuMs: Int
    /// Memory (RSS) in MiB. Default 256; valid 16...4096.
    public var memoryMb: Int
    /// Storage in MiB. Default 10; valid 1...10 (10 MB per app is the host's cap; manifests may lower it).
    public var storageMb: Int

    public static let cpuMsRange: ClosedRange<Int> = 1...10_000
    public static let memoryMbRange: ClosedRange<Int> = 16...4096
    public static let storageMbRange: ClosedRange<Int> = 1...10

    public static let `default` = AppLimits(cpuMs: 200, memoryMb: 256, storageMb: 10)

    public init(cpuMs: Int, memoryMb: Int, storageMb: Int) {
        self.cpuMs = cpuMs
        self.memoryMb = memoryMb
        self.storageMb = storageMb
    }

    /// The members of `limits`; the manifest's check knows them from here.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case cpuMs = "cpu_ms"
        case memoryMb = "memory_mb"
        case storageMb = "storage_mb"

        var range: ClosedRange<Int> {
            switch self {
            case .cpuMs: AppLimits.cpuMsRange
            case .memoryMb: AppLimits.memoryMbRange
            case .storageMb: AppLimits.storageMbRange
            }
        }

        var keyPath: WritableKeyPath<AppLimits, Int> {
            switch self {
            case .cpuMs: \.cpuMs
            case .memoryMb: \.memoryMb
            case .storageMb: \.storageMb
            }
        }
    }
}

/// A validated manifest. Build one with ``Manifest/parse(_:file:)``; the memberwise
/// initialiser exists for tests and in-memory packages and does not validate.
public struct Manifest: Sendable, Equatable {
    /// `app_id`: reverse-domain id, e.g. `org.example.hello`.
    public var appId: String
    /// `name`: display name, non-empty, at most 64 characters.
    public var name: String
    /// `version`: `{code, name}`.
    public var version: ManifestVersion?
    /// `pages`: page routes such as `pages/index/index`; the first is the entry page. Never empty once validated.
    public var pages: [String]
    /// `platform_version`: the integer members of the W3C object (`min_code`, `target_code`, …).
    public var platformVersion: [String: Int]?
    /// `req_permissions`.
    public var reqPermissions: [PermissionRequest]
    /// `opt_permissions`.
    public var optPermissions: [PermissionRequest]
    /// `window`: its string-valued members only.
    public var window: [String: String]?
    /// `package`: path of the code relative to the manifest file's directory.
    public var packagePath: String?
    /// `digest`: `sha256:<64 lowercase hex>`.
    public var digest: String?
    /// `merchant`: `{id, name}`.
    public var merchant: Merchant?
    /// `limits`, with defaults for the members left out.
    public var limits: AppLimits
    /// `network_domains` and `network_timeout`: where the app may connect, and how long it waits.
    public var network: NetworkDeclaration

    public init(
        appId: String,
        name: String,
        version: ManifestVersion? = nil,
        pages: [String],
        platformVersion: [String: Int]? = nil,
        reqPermissions: [PermissionRequest] = [],
        optPermissions: [PermissionRequest] = [],
        window: [String: String]? = nil,
        packagePath: String? = nil,
        digest: String? = nil,
        merchant: Merchant? = nil,
        limits: AppLimits = .default,
        network: NetworkDeclaration = NetworkDeclaration()
    ) {
        self.appId = appId
        self.name = name
        self.version = version
        self.pages = pages
        self.platformVersion = platformVersion
        self.reqPermissions = reqPermissions
        self.optPermissions = optPermissions
        self.window = window
        self.packagePath = packagePath
        self.digest = digest
        self.merchant = merchant
        self.limits = limits
        self.network = network
    }

    /// Everything the app may ask for: required ∪ optional, plus `storage`, which is always implied.
    public var declaredPermissions: Set<Permission> {
        var set: Set<Permission> = [.storage]
        for r in reqPermissions { set.insert(r.permission) }
        for r in optPermissions { set.insert(r.permission) }
        return set
    }

    /// The first page (the app's home page); empty only for an unvalidated manifest without pages.
    public var entryPage: String { pages.first ?? "" }

    /// The reason the manifest gives for `permission` (required list first), if any.
    public func reason(for permission: Permission) -> String? {
        if let r = reqPermissions.first(where: { $0.permission == permission }) { return r.reason }
        if let r = optPermissions.first(where: { $0.permission == permission }) { return r.reason }
        return nil
    }

    /// Whether `permission` is in `req_permissions` (as opposed to optional or implied).
    public func isRequired(_ permission: Permission) -> Bool {
        reqPermissions.contains { $0.permission == permission }
    }
}
