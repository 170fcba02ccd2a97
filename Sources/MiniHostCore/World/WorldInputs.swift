import Foundation

/// A code the device's camera sees when an app calls `scanCode` (the world's `scans`, consumed
/// in order).
public struct WorldScan: Sendable, Equatable, Codable {
    public var result: String
    /// WeChat's name for the code's type (`QR_CODE`, `EAN_13`, `WX_CODE`, …).
    public var scanType: String
    public var charSet: String
    /// The page path a mini-program code carries (nil: none).
    public var path: String?

    public init(result: String, scanType: String = "QR_CODE", charSet: String = "utf-8", path: String? = nil) {
        self.result = result
        self.scanType = scanType
        self.charSet = charSet
        self.path = path
    }

    enum CodingKeys: String, WorldMembers {
        case result, path
        case scanType = "scan_type"
        case charSet = "char_set"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        result = try c.decode(String.self, forKey: .result)
        scanType = try c.decodeIfPresent(String.self, forKey: .scanType) ?? "QR_CODE"
        charSet = try c.decodeIfPresent(String.self, forKey: .charSet) ?? "utf-8"
        path = try c.decodeIfPresent(String.self, forKey: .path)
    }
}

/// A photo or video in the device's album: what `chooseImage` and `chooseMedia` pick, in order.
/// Its bytes are a file (`path`, relative to the world file) or inline (`data_base64`).
public struct WorldMedia: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case image, video }

    public var type: Kind
    public var path: String?
    public var dataBase64: String?
    public var width: Int
    public var height: Int
    /// A video's length in seconds.
    public var duration: Double

    public init(type: Kind = .image, path: String? = nil, dataBase64: String? = nil, width: Int = 1080, height: Int = 1920, duration: Double = 0) {
        self.type = type
        self.path = path
        self.dataBase64 = dataBase64
        self.width = width
        self.height = height
        self.duration = duration
    }

    enum CodingKeys: String, WorldMembers {
        case type, path, width, height, duration
        case dataBase64 = "data_base64"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(Kind.self, forKey: .type) ?? .image
        path = try c.decodeIfPresent(String.self, forKey: .path)
        dataBase64 = try c.decodeIfPresent(String.self, forKey: .dataBase64)
        width = try c.decodeIfPresent(Int.self, forKey: .width) ?? 1080
        height = try c.decodeIfPresent(Int.self, forKey: .height) ?? 1920
        duration = try c.decodeIfPresent(Double.self, forKey: .duration) ?? 0
    }

    /// The file name extension a temp path gets (`jpg`, `png`, `mp4`, …).
    var fileExtension: String {
        if let path, let ext = path.split(separator: "/").last?.split(separator: ".").last, ext.count <= 5, ext != path.split(separator: "/").last {
            return ext.lowercased()
        }
        return type == .image ? "jpg" : "mp4"
    }

    /// The bytes' size (a file's current size; nil when the file cannot be read).
    var size: Int? {
        if let dataBase64 { return Data(base64Encoded: dataBase64)?.count }
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }
}

extension World {
    /// What is wrong with the world's scans and album (`media`).
    func inputProblems() -> [String] {
        var out: [String] = []
        for (i, m) in media.enumerated() {
            if (m.path == nil) == (m.dataBase64 == nil) { out.append("media[\(i)] must have either path or data_base64") }
            if let b = m.dataBase64, Data(base64Encoded: b) == nil { out.append("media[\(i)].data_base64 is not valid base64") }
            if !(1...100_000).contains(m.width) || !(1...100_000).contains(m.height) { out.append("media[\(i)]: width and height must be from 1 to 100000") }
            if !(m.duration >= 0 && m.duration <= 86_400) { out.append("media[\(i)].duration must be from 0 to 86400 seconds") }
        }
        if !(0...2).contains(user.gender) { out.append("user.gender must be 0 (unknown), 1 (male) or 2 (female) (got \(user.gender))") }
        return out
    }

    /// The album's relative paths resolved against `directory` (the world file's); each file must
    /// exist.
    public mutating func resolveMedia(relativeTo directory: URL, file: String) throws(WorldError) {
        for i in media.indices {
            guard let path = media[i].path else { continue }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw WorldError("\(file): media[\(i)].path: no such file \(url.path)")
            }
            media[i].path = url.standardizedFileURL.path
        }
    }
}
