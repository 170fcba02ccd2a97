import Foundation
import MiniHostProtocol

/// Decides every call that needs a permission: declared in the manifest? granted, denied, or ask
/// the user? within its rate limit? Each decision is appended to the audit log.
public struct CapabilityGate: Sendable {
    public let services: HostServices

    public init(services: HostServices) { self.services = services }

    /// Throws the call's failure (`permission not declared`, `auth deny`, rate limit) or returns
    /// when the call may go ahead.
    public func check(_ app: AppIdentity, api: String, permission: Permission?, rateLimit: RateLimiter.Rule?) throws(BridgeError) {
        if let permission { try consent(app, api: api, permission: permission) }
        if let rateLimit { try rate(app, api: api, permission: permission, rule: rateLimit) }
    }

    /// The consent stage alone (also what `mp.authorize` runs).
    public func consent(_ app: AppIdentity, api: String, permission: Permission, scope: String = "") throws(BridgeError) {
        guard Self.isDeclared(permission, in: app.manifest) else {
            record(app, api, permission, "deny", "permission not declared in the manifest")
            throw .notDeclared
        }
        let state: PermissionState
        do {
            state = try services.grants.state(app: app.appId, permission: permission, scope: scope)
        } catch {
            record(app, api, permission, "deny", "the grant store failed: \(error)")
            throw BridgeError(.hostError, "host error: cannot read grants (\(error))")
        }
        switch state {
        case .granted:
            record(app, api, permission, "allow", "granted")
        case .denied:
            record(app, api, permission, "deny", "denied by the user earlier")
            throw .authDeny
        case .prompt:
            let answer = services.prompter.ask(PromptRequest(
                kind: .permission(permission), appId: app.appId, appName: app.manifest.name,
                title: Self.title(for: permission), reason: app.manifest.reason(for: permission), details: []))
            switch answer {
            case .allowOnce:
                record(app, api, permission, "allow", "the user allowed it once")
            case .allowAlways:
                try? services.grants.set(app: app.appId, permission: permission, state: .granted, scope: scope)
                record(app, api, permission, "allow", "the user allowed it (remembered)")
            case .deny:
                try? services.grants.set(app: app.appId, permission: permission, state: .denied, scope: scope)
                record(app, api, permission, "deny", "the user denied it")
                throw .authDeny
            }
        }
    }

    func rate(_ app: AppIdentity, api: String, permission: Permission?, rule: RateLimiter.Rule) throws(BridgeError) {
        services.rateLimiter.configure(api, rule: rule)
        if case let .limited(retryAfter) = services.rateLimiter.take(app: app.appId, key: api) {
            record(app, api, permission, "rate-limited", "over \(Self.describe(rule))")
            throw BridgeError(.limitExceeded, "rate limit exceeded: at most \(Self.describe(rule)); retry in \(String(format: "%.1f", retryAfter)) s")
        }
    }

    /// A permission counts as declared when the manifest lists it or one that includes it
    /// (precise location includes coarse location).
    public static func isDeclared(_ permission: Permission, in manifest: Manifest) -> Bool {
        if implicitlyDeclared.contains(permission) { return true }
        let declared = manifest.declaredPermissions
        if declared.contains(permission) { return true }
        return permission == .locationCoarse && declared.contains(.location)
    }

    /// Permissions every app has without declaring them, as in WeChat (the user is still asked for
    /// all but storage).
    public static let implicitlyDeclared: Set<Permission> = [.storage, .userInfo, .clipboardRead]

    public func record(_ app: AppIdentity, _ api: String, _ permission: Permission?, _ decision: String, _ reason: String) {
        services.audit.append(AuditEntry(time: Date(), appId: app.appId, api: api, permission: permission?.rawValue, decision: decision, reason: reason))
    }

    static func title(for permission: Permission) -> String {
        switch permission {
        case .location: "use your precise location"
        case .locationCoarse: "use your approximate location (about 1 km)"
        case .locationBackground: "use your location while it runs in the background"
        case .payment: "request payments from your wallet"
        case .chatRead: "read the conversations you open it from"
        case .chatSend: "send messages on your behalf"
        case .contacts: "see the contacts you choose"
        case .storage: "store data on this device"
        case .userInfo: "see your nickname, avatar, gender and region"
        case .clipboardRead: "read what you copied to the clipboard"
        }
    }

    static func describe(_ rule: RateLimiter.Rule) -> String {
        let perMinute = rule.refillPerSecond * 60
        if perMinute >= 1, perMinute == perMinute.rounded() { return "\(Int(perMinute)) calls a minute" }
        return String(format: "%.2f calls a second", rule.refillPerSecond)
    }
}
