import Foundation

/// The file system apps see (`files`): how much each app may keep in its user files and saved
/// files together (WeChat's limit is 200 MB).
public struct WorldFiles: Sendable, Equatable, Codable {
    public var quotaMb: Int

    public init(quotaMb: Int = 200) { self.quotaMb = quotaMb }

    enum CodingKeys: String, WorldMembers { case quotaMb = "quota_mb" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        quotaMb = try c.decodeIfPresent(Int.self, forKey: .quotaMb) ?? 200
    }

    /// The quota in bytes.
    public var quotaBytes: Int { quotaMb * 1_048_576 }

    func problems() -> [String] {
        (0...1_000_000).contains(quotaMb) ? [] : ["files.quota_mb must be from 0 to 1000000 (got \(quotaMb))"]
    }
}
