import Crypto
import Foundation
import MiniHostProtocol

/// The world's login backend: the codes `login` issued and each app's session, so the app's
/// server side (a world-answered network route, a test) can exchange a code for the user's
/// openid, as WeChat's `auth.code2Session` (`jscode2session`) does. One per host.
public final class LoginSessions: @unchecked Sendable {
    /// How long a code can be exchanged (WeChat: five minutes), in seconds.
    public static let codeLifetime: TimeInterval = 300
    /// Codes one app may hold unexchanged at once.
    public static let maxCodesPerApp = 256

    struct Issued {
        var appId: String
        var openid: String
        var sessionKey: String
        var issuedAt: Date
        /// Issue order (codes issued in the same instant are still ordered).
        var serial: Int
        var used = false
    }

    private let user: WorldUser
    private let clock: @Sendable () -> Date
    private let lock = NSLock()
    private var codes: [String: Issued] = [:]
    private var issuedCount = 0
    /// Each app's current session key (set by `login`).
    private var sessions: [String: String] = [:]

    public init(user: WorldUser, clock: @escaping @Sendable () -> Date) {
        self.user = user
        self.clock = clock
    }

    /// The host's one store (made on first use).
    public static func of(_ services: HostServices) -> LoginSessions {
        services.component(LoginSessions.self) { LoginSessions(user: services.world.user, clock: services.clock) }
    }

    /// The world user's openid for `appId`: the world's `user.openid`, else 28 characters
    /// derived from the app id and the user's id (stable across runs, different per app).
    public func openid(appId: String) -> String {
        if let fixed = user.openid { return fixed }
        let digest = SHA256.hash(data: Data("\(appId):\(user.id)".utf8))
        let text = Data(digest).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        return "o" + text.prefix(27)
    }

    /// A new code for `appId` (32 hex characters); the app's session starts (or is renewed).
    func issue(appId: String) -> String {
        let code = Self.randomHex(bytes: 16)
        let sessionKey = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        lock.withLock {
            // An app calling login in a loop must not grow the host: expired codes go, and past
            // the cap the oldest of the app's codes.
            let now = clock()
            codes = codes.filter { now.timeIntervalSince($0.value.issuedAt) <= Self.codeLifetime }
            let mine = codes.filter { $0.value.appId == appId }
            if mine.count >= Self.maxCodesPerApp, let oldest = mine.min(by: { $0.value.serial < $1.value.serial }) {
                codes[oldest.key] = nil
            }
            codes[code] = Issued(appId: appId, openid: openid(appId: appId), sessionKey: sessionKey, issuedAt: now, serial: issuedCount)
            issuedCount += 1
            sessions[appId] = sessionKey
        }
        return code
    }

    /// The app's session key, nil before its first `login` on this host.
    public func sessionKey(appId: String) -> String? { lock.withLock { sessions[appId] } }

    /// Exchanges a code as `jscode2session` does: `{openid, session_key}`, or `{errcode, errmsg}`
    /// for a code that is unknown, expired (40029), used already (40163) or another app's (40029).
    /// `appId` nil accepts a code of any app.
    public func exchange(code: String, appId: String? = nil) -> JSONValue {
        lock.withLock {
            guard var issued = codes[code], appId == nil || issued.appId == appId,
                  clock().timeIntervalSince(issued.issuedAt) <= Self.codeLifetime else {
                return .object(["errcode": .number(40029), "errmsg": .string("invalid code")])
            }
            guard !issued.used else { return .object(["errcode": .number(40163), "errmsg": .string("code been used")]) }
            issued.used = true
            codes[code] = issued
            return .object(["openid": .string(issued.openid), "session_key": .string(issued.sessionKey)])
        }
    }

    static func randomHex(bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
