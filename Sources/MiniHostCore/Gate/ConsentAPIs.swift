import Foundation
import MiniHostProtocol

/// `mp.authorize`, `mp.getSetting` and `mp.openSetting`, mirroring WeChat's.
struct ConsentAPIs {
    let gate: CapabilityGate

    var apis: [HostAPI] {
        [
            HostAPI(name: "authorize", mayBlock: true, validate: { args throws(BridgeError) in _ = try Self.permission(args) }) { call throws(BridgeError) in
                let permission = try Self.permission(call.arguments)
                try gate.consent(call.app, api: "authorize", permission: permission)
                return .empty
            },
            HostAPI(name: "getSetting") { call throws(BridgeError) in
                .value(.object(["authSetting": .object(try authSetting(call.app))]))
            },
            HostAPI(name: "openSetting", mayBlock: true) { call throws(BridgeError) in
                try openSetting(call.app)
                return .value(.object(["authSetting": .object(try authSetting(call.app))]))
            },
        ]
    }

    static func permission(_ args: APIArguments) throws(BridgeError) -> Permission {
        let scope = try args.string("scope", maxLength: 64)!
        guard let p = Permission(name: scope), p != .storage else {
            throw .invalid("scope must name a permission such as 'scope.userLocation' or 'location' (got '\(scope)')")
        }
        return p
    }

    /// The declared permissions the user has decided on: `true` granted, `false` denied (WeChat
    /// keys: the permission's name, and its WeChat scope where it has one).
    func authSetting(_ app: AppIdentity) throws(BridgeError) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        // The profile needs no declaration but is a WeChat scope apps look for (`scope.userInfo`).
        for permission in app.manifest.declaredPermissions.union([.userInfo]) where permission != .storage {
            let state: PermissionState
            do { state = try gate.services.grants.state(app: app.appId, permission: permission, scope: "") } catch {
                throw BridgeError(.hostError, "host error: cannot read grants (\(error))")
            }
            guard state != .prompt else { continue }
            let value = JSONValue.bool(state == .granted)
            out[permission.rawValue] = value
            if let scope = Self.wechatScope[permission] { out[scope] = value }
        }
        return out
    }

    /// The settings page: the user decides on each declared permission.
    func openSetting(_ app: AppIdentity) throws(BridgeError) {
        for permission in app.manifest.declaredPermissions.sorted(by: { $0.rawValue < $1.rawValue }) where permission != .storage {
            let current = (try? gate.services.grants.state(app: app.appId, permission: permission, scope: "")) ?? .prompt
            let answer = gate.services.prompter.ask(PromptRequest(
                kind: .settings, appId: app.appId, appName: app.manifest.name,
                title: "settings: allow it to \(CapabilityGate.title(for: permission))?",
                reason: app.manifest.reason(for: permission),
                details: [PromptDetail("permission", permission.rawValue), PromptDetail("now", current.rawValue)]))
            let state: PermissionState = answer == .deny ? .denied : .granted
            do { try gate.services.grants.set(app: app.appId, permission: permission, state: state, scope: "") } catch {
                throw BridgeError(.hostError, "host error: cannot write grants (\(error))")
            }
            gate.record(app, "openSetting", permission, state == .granted ? "allow" : "deny", "changed in settings")
        }
    }

    static let wechatScope: [Permission: String] = [
        .location: "scope.userLocation",
        .locationCoarse: "scope.userFuzzyLocation",
        .locationBackground: "scope.userLocationBackground",
        .userInfo: "scope.userInfo",
    ]
}
