import Foundation

/// Coding keys that name the members an object of a world file may have (unknown ones are errors).
protocol WorldMembers: CodingKey, CaseIterable {}

extension WorldMembers {
    static var names: Set<String> { Set(allCases.map(\.stringValue)) }
}

/// The person using the host, and the profile `getUserProfile` gives apps.
public struct WorldUser: Sendable, Equatable, Codable {
    public var id: String
    /// Also the profile's `nickName`.
    public var name: String
    public var avatarUrl: String
    /// 0 unknown, 1 male, 2 female (WeChat's values).
    public var gender: Int
    public var language: String
    public var country: String
    public var province: String
    public var city: String
    /// The user's openid for every app (nil: one per app, derived from the app id and `id`).
    public var openid: String?

    public init(id: String = "me", name: String = "Alex", avatarUrl: String = "", gender: Int = 0, language: String = "zh_CN",
                country: String = "", province: String = "", city: String = "", openid: String? = nil) {
        self.id = id
        self.name = name
        self.avatarUrl = avatarUrl
        self.gender = gender
        self.language = language
        self.country = country
        self.province = province
        self.city = city
        self.openid = openid
    }

    enum CodingKeys: String, WorldMembers {
        case id, name, gender, language, country, province, city, openid
        case avatarUrl = "avatar_url"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = WorldUser()
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? d.id
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? d.name
        avatarUrl = try c.decodeIfPresent(String.self, forKey: .avatarUrl) ?? d.avatarUrl
        gender = try c.decodeIfPresent(Int.self, forKey: .gender) ?? d.gender
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? d.language
        country = try c.decodeIfPresent(String.self, forKey: .country) ?? d.country
        province = try c.decodeIfPresent(String.self, forKey: .province) ?? d.province
        city = try c.decodeIfPresent(String.self, forKey: .city) ?? d.city
        openid = try c.decodeIfPresent(String.self, forKey: .openid)
    }
}

/// The user's wallet: amounts in integer minor units of `currency`.
public struct WorldWallet: Sendable, Equatable, Codable {
    public var currency: String
    /// The balance a fresh data directory starts with.
    public var balance: Int64
    public var perPaymentLimit: Int64
    public var dailyLimit: Int64

    public init(currency: String = "CNY", balance: Int64 = 100_000, perPaymentLimit: Int64 = 50_000, dailyLimit: Int64 = 200_000) {
        self.currency = currency
        self.balance = balance
        self.perPaymentLimit = perPaymentLimit
        self.dailyLimit = dailyLimit
    }

    enum CodingKeys: String, WorldMembers {
        case currency, balance
        case perPaymentLimit = "per_payment_limit"
        case dailyLimit = "daily_limit"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = WorldWallet()
        currency = try c.decodeIfPresent(String.self, forKey: .currency) ?? d.currency
        balance = try c.decodeIfPresent(Int64.self, forKey: .balance) ?? d.balance
        perPaymentLimit = try c.decodeIfPresent(Int64.self, forKey: .perPaymentLimit) ?? d.perPaymentLimit
        dailyLimit = try c.decodeIfPresent(Int64.self, forKey: .dailyLimit) ?? d.dailyLimit
    }

    /// Three upper-case ASCII letters.
    public static func isCurrency(_ s: String) -> Bool {
        s.utf8.count == 3 && s.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }
}

/// A merchant apps may charge for (the manifest's `merchant.id` names one). With a `key`, orders
/// must carry a valid `sign`.
public struct WorldMerchant: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var key: String?

    public init(id: String, name: String, key: String? = nil) {
        self.id = id
        self.name = name
        self.key = key
    }

    enum CodingKeys: String, WorldMembers { case id, name, key }
}

/// Where the user is: a fixed point, or a route played over time.
public struct WorldLocation: Sendable, Equatable, Codable {
    public enum Provider: String, Sendable, Codable, CaseIterable { case fixed, route }

    public var provider: Provider
    /// `fixed`: the point (WGS-84).
    public var latitude: Double
    public var longitude: Double
    public var altitude: Double
    /// Horizontal accuracy in metres.
    public var accuracy: Double
    /// `route`: timestamped points (seconds from the start), played at `speed` times real time.
    public var points: [WorldRoutePoint]
    public var speed: Double
    /// `route`: start again after the last point (else stay there).
    public var loop: Bool

    public init(provider: Provider = .fixed, latitude: Double = 39.9087, longitude: Double = 116.3975, altitude: Double = 44,
                accuracy: Double = 10, points: [WorldRoutePoint] = [], speed: Double = 1, loop: Bool = false) {
        self.provider = provider
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        self.accuracy = accuracy
        self.points = points
        self.speed = speed
        self.loop = loop
    }

    enum CodingKeys: String, WorldMembers { case provider, latitude, longitude, altitude, accuracy, points, speed, loop }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = WorldLocation()
        provider = try c.decodeIfPresent(Provider.self, forKey: .provider) ?? d.provider
        latitude = try c.decodeIfPresent(Double.self, forKey: .latitude) ?? d.latitude
        longitude = try c.decodeIfPresent(Double.self, forKey: .longitude) ?? d.longitude
        altitude = try c.decodeIfPresent(Double.self, forKey: .altitude) ?? d.altitude
        accuracy = try c.decodeIfPresent(Double.self, forKey: .accuracy) ?? d.accuracy
        points = try c.decodeIfPresent([WorldRoutePoint].self, forKey: .points) ?? []
        speed = try c.decodeIfPresent(Double.self, forKey: .speed) ?? 1
        loop = try c.decodeIfPresent(Bool.self, forKey: .loop) ?? false
    }

    func problems() -> [String] {
        var out: [String] = []
        func check(_ lat: Double, _ lon: Double, _ at: String) {
            if !(lat >= -90 && lat <= 90) { out.append("\(at).latitude must be within -90…90") }
            if !(lon >= -180 && lon <= 180) { out.append("\(at).longitude must be within -180…180") }
        }
        check(latitude, longitude, "location")
        if !(accuracy >= 0) { out.append("location.accuracy must be at least 0") }
        if provider == .route {
            if points.isEmpty { out.append("location.points must hold at least one point for a route") }
            if !(speed > 0) { out.append("location.speed must be positive") }
            var last = -Double.infinity
            for (i, p) in points.enumerated() {
                check(p.latitude, p.longitude, "location.points[\(i)]")
                if !(p.t >= 0) || p.t < last { out.append("location.points[\(i)].t must be at least 0 and not before the previous point's") }
                last = p.t
            }
        }
        return out
    }
}

/// One point of a route: `t` seconds after the route starts.
public struct WorldRoutePoint: Sendable, Equatable, Codable {
    public var t: Double
    public var latitude: Double
    public var longitude: Double
    public var altitude: Double?

    public init(t: Double, latitude: Double, longitude: Double, altitude: Double? = nil) {
        self.t = t
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
    }

    enum CodingKeys: String, WorldMembers { case t, latitude, longitude, altitude }
}

/// A place the user may pick in `chooseLocation`.
public struct WorldPlace: Sendable, Equatable, Codable {
    public var name: String
    public var address: String
    public var latitude: Double
    public var longitude: Double

    public init(name: String, address: String, latitude: Double, longitude: Double) {
        self.name = name
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
    }

    enum CodingKeys: String, WorldMembers { case name, address, latitude, longitude }
}

/// Someone the user knows.
public struct WorldContact: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var phone: String?

    public init(id: String, name: String, phone: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
    }

    enum CodingKeys: String, WorldMembers { case id, name, phone }
}

/// A conversation and its history, seeded into a fresh data directory.
public struct WorldConversation: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// `user.id` and contact ids.
    public var members: [String]
    public var messages: [WorldMessage]

    public init(id: String, title: String, members: [String], messages: [WorldMessage] = []) {
        self.id = id
        self.title = title
        self.members = members
        self.messages = messages
    }

    enum CodingKeys: String, WorldMembers { case id, title, members, messages }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? id
        members = try c.decodeIfPresent([String].self, forKey: .members) ?? []
        messages = try c.decodeIfPresent([WorldMessage].self, forKey: .messages) ?? []
    }
}

/// A message of a seeded history. `time` is ISO 8601 (nil: when the world was seeded).
public struct WorldMessage: Sendable, Equatable, Codable {
    public var from: String
    public var text: String
    public var time: String?

    public init(from: String, text: String, time: String? = nil) {
        self.from = from
        self.text = text
        self.time = time
    }

    enum CodingKeys: String, WorldMembers { case from, text, time }
}

/// A contact who answers messages by rules: the first rule that matches a message posted in a
/// conversation the peer is a member of sends its reply there after `delay_ms`.
public struct WorldPeer: Sendable, Equatable, Codable {
    public var id: String
    public var rules: [WorldPeerRule]

    public init(id: String, rules: [WorldPeerRule]) {
        self.id = id
        self.rules = rules
    }

    enum CodingKeys: String, WorldMembers { case id, rules }
}

/// One answering rule. `reply` may use `{text}` (the message), `{from}` (its sender's name) and
/// `{name}` (the peer's name).
public struct WorldPeerRule: Sendable, Equatable, Codable {
    public enum Match: String, Sendable, Codable, CaseIterable { case any, contains, equals, regex }

    public var match: Match
    public var text: String?
    public var reply: String
    public var delayMs: Int

    public init(match: Match = .any, text: String? = nil, reply: String, delayMs: Int = 100) {
        self.match = match
        self.text = text
        self.reply = reply
        self.delayMs = delayMs
    }

    enum CodingKeys: String, WorldMembers {
        case match, text, reply
        case delayMs = "delay_ms"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        match = try c.decodeIfPresent(Match.self, forKey: .match) ?? .any
        text = try c.decodeIfPresent(String.self, forKey: .text)
        reply = try c.decode(String.self, forKey: .reply)
        delayMs = try c.decodeIfPresent(Int.self, forKey: .delayMs) ?? 100
    }

    /// Whether a message with `text` triggers this rule (case-insensitive for contains/equals).
    public func matches(_ message: String) -> Bool {
        switch match {
        case .any: return true
        case .contains: return message.lowercased().contains((text ?? "").lowercased())
        case .equals: return message.lowercased() == (text ?? "").lowercased()
        case .regex:
            guard let re = try? NSRegularExpression(pattern: text ?? "") else { return false }
            return re.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) != nil
        }
    }
}
