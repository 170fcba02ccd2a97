import Crypto
import Foundation
import MiniHostProtocol

/// `login`, `checkSession`, `getUserProfile` and `getUserInfo`: the world's user signs in to the
/// app. Codes and sessions live in the host's ``LoginSessions``; the profile comes from the
/// world's `user`, after the user consents (`userInfo`).
struct AccountService {
    let services: HostServices

    var sessions: LoginSessions { LoginSessions.of(services) }

    var apis: [HostAPI] {
        [
            HostAPI(name: "login", validate: { a throws(BridgeError) in _ = try a.number("timeout", required: false, range: 0...600_000) }) { call throws(BridgeError) in
                .value(.object(["code": .string(sessions.issue(appId: call.app.appId))]))
            },
            HostAPI(name: "checkSession") { call throws(BridgeError) in
                guard sessions.sessionKey(appId: call.app.appId) != nil else {
                    throw BridgeError(.notFound, "session time out: the app has not called login on this host")
                }
                return .empty
            },
            HostAPI(name: "getUserProfile", permission: .userInfo, mayBlock: true, validate: { a throws(BridgeError) in
                _ = try a.string("desc", maxLength: 30)
                _ = try Self.language(a)
            }) { call throws(BridgeError) in
                .value(.object(profile(call, withCredentials: true)))
            },
            HostAPI(name: "getUserInfo", permission: .userInfo, mayBlock: true, validate: { a throws(BridgeError) in
                _ = try Self.language(a)
                _ = try a.bool("withCredentials", default: false)
            }) { call throws(BridgeError) in
                .value(.object(profile(call, withCredentials: try call.arguments.bool("withCredentials", default: false))))
            },
        ]
    }

    static func language(_ a: APIArguments) throws(BridgeError) -> String {
        try a.oneOf("lang", ["en", "zh_CN", "zh_TW"], default: "en")
    }

    /// WeChat's result: `userInfo`, its `rawData` (JSON text) and `signature` (SHA-1 of rawData
    /// and the session key, when the app has logged in).
    func profile(_ call: APICall, withCredentials: Bool) -> [String: JSONValue] {
        let user = services.world.user
        let info: JSONValue = .object([
            "nickName": .string(user.name), "avatarUrl": .string(user.avatarUrl), "gender": .number(Double(user.gender)),
            "language": .string(user.language), "country": .string(user.country), "province": .string(user.province),
            "city": .string(user.city),
        ])
        let rawData = info.jsonText
        var out: [String: JSONValue] = ["userInfo": info, "rawData": .string(rawData)]
        if withCredentials {
            let key = sessions.sessionKey(appId: call.app.appId) ?? ""
            let digest = Insecure.SHA1.hash(data: Data((rawData + key).utf8))
            out["signature"] = .string(digest.map { String(format: "%02x", $0) }.joined())
        }
        return out
    }
}
