import Foundation

/// One gate decision: when, which app, which API, which permission (if any), what was decided
/// and why, and how many identical decisions it stands for (repeats are coalesced). JSON keys:
/// `time` (ISO 8601 with milliseconds, UTC), `app_id`, `api`, `permission` (null when none),
/// `decision`, `reason`, `count`, `last_time` (the last repeat's time; `time` when `count` is 1).
public struct AuditEntry: Sendable, Codable, Equatable {
    public var time: Date
    public var appId: String
    public var api: String
    public var permission: String?
    /// `allow`, `deny`, `prompt-allow`, `prompt-deny`, `invalid`, `rate-limited`, … (free text).
    public var decision: String
    public var reason: String
    /// How many identical decisions this entry stands for (1 for a single one).
    public var count: Int
    /// When the last of them was made (`time` when there was one).
    public var lastTime: Date

    public init(time: Date = Date(), appId: String, api: String, permission: String? = nil, decision: String, reason: String,
                count: Int = 1, lastTime: Date? = nil) {
        self.time = time
        self.appId = appId
        self.api = api
        self.permission = permission
        self.decision = decision
        self.reason = reason
        self.count = count
        self.lastTime = lastTime ?? time
    }

    enum CodingKeys: String, CodingKey {
        case time, appId = "app_id", api, permission, decision, reason, count, lastTime = "last_time"
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
    private static let timeFormatWhole = Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: TimeZone(identifier: "UTC")!)

    /// `time` as written in JSON: `2025-01-31T12:00:00.123Z`.
    public var timeText: String { Self.formatTime(time) }

    /// A date as audit JSON writes it: ISO 8601, UTC, milliseconds rounded to the nearest
    /// (`2025-01-31T12:00:00.123Z`).
    public static func formatTime(_ date: Date) -> String {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (ms / 1000).rounded(.down)
        let fraction = Int(ms - seconds * 1000)
        let whole = timeFormatWhole.format(Date(timeIntervalSince1970: seconds))  // ends with "Z"
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    private static func parseTime(_ text: String, key: CodingKeys, in c: KeyedDecodingContainer<CodingKeys>) throws -> Date {
        if let t = try? timeFormat.parse(text) { return t }
        if let t = try? timeFormatWhole.parse(text) { return t }
        throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not an ISO 8601 time: \(text)")
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        time = try Self.parseTime(c.decode(String.self, forKey: .time), key: .time, in: c)
        appId = try c.decode(String.self, forKey: .appId)
        api = try c.decode(String.self, forKey: .api)
        permission = try c.decodeIfPresent(String.self, forKey: .permission)
        decision = try c.decode(String.self, forKey: .decision)
        reason = try c.decode(String.self, forKey: .reason)
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 1
        lastTime = try c.decodeIfPresent(String.self, forKey: .lastTime).map { try Self.parseTime($0, key: .lastTime, in: c) } ?? time
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(timeText, forKey: .time)
        try c.encode(appId, forKey: .appId)
        try c.encode(api, forKey: .api)
        try c.encode(permission, forKey: .permission)  // null when absent, so every entry has every key
        try c.encode(decision, forKey: .decision)
        try c.encode(reason, forKey: .reason)
        try c.encode(count, forKey: .count)
        try c.encode(Self.formatTime(lastTime), forKey: .lastTime)
    }
}
