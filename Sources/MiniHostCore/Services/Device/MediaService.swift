import Foundation
import MiniHostProtocol

/// `chooseImage`, `chooseMedia` and `previewImage`. The pickers answer from the world's album
/// (`media`), first entries first, as if the user picked them; each pick gets a temp path
/// (`wxfile://tmp/…`) that ``PickedFiles`` maps to the world's bytes. An album with nothing of the
/// asked type is a cancelled picker. `previewImage` is a `ui` event.
struct MediaService {
    let services: HostServices

    var picked: PickedFiles { PickedFiles.of(services) }

    var apis: [HostAPI] {
        [
            HostAPI(name: "chooseImage", validate: { a throws(BridgeError) in _ = try Self.checkChooseImage(a) }) { call throws(BridgeError) in
                let count = try Self.checkChooseImage(call.arguments)
                let files = try pick(call, kinds: [.image], count: count)
                return .value(.object([
                    "tempFilePaths": .array(files.map { .string($0.path) }),
                    "tempFiles": .array(files.map { .object(["path": .string($0.path), "size": .number(Double($0.size))]) }),
                ]))
            },
            HostAPI(name: "chooseMedia", validate: { a throws(BridgeError) in _ = try Self.checkChooseMedia(a) }) { call throws(BridgeError) in
                let (count, kinds) = try Self.checkChooseMedia(call.arguments)
                let files = try pick(call, kinds: kinds, count: count)
                let types = Set(files.map(\.media.type))
                return .value(.object([
                    "type": .string(types.count > 1 ? "mix" : types.first!.rawValue),
                    "tempFiles": .array(files.map { f in
                        var o: [String: JSONValue] = [
                            "tempFilePath": .string(f.path), "size": .number(Double(f.size)), "fileType": .string(f.media.type.rawValue),
                            "width": .number(Double(f.media.width)), "height": .number(Double(f.media.height)),
                        ]
                        if f.media.type == .video { o["duration"] = .number(f.media.duration) }
                        return .object(o)
                    }),
                ]))
            },
            HostAPI(name: "previewImage", validate: { a throws(BridgeError) in _ = try Self.checkPreview(a) }) { call throws(BridgeError) in
                call.session.report(.ui(api: "previewImage", args: JSONValue.object(try Self.checkPreview(call.arguments)).jsonText))
                return .empty
            },
        ]
    }

    struct Pick { var path: String; var size: Int; var media: WorldMedia }

    /// The first `count` album entries of `kinds`, each registered under a new temp path.
    func pick(_ call: APICall, kinds: Set<WorldMedia.Kind>, count: Int) throws(BridgeError) -> [Pick] {
        let chosen = services.world.media.filter { kinds.contains($0.type) }.prefix(count)
        guard !chosen.isEmpty else { throw BridgeError(.cancelled, "cancel") }
        var out: [Pick] = []
        for media in chosen {
            guard let size = media.size else { throw BridgeError(.hostError, "host error: cannot read the album's file \(media.path ?? "")") }
            out.append(Pick(path: picked.register(appId: call.app.appId, media: media), size: size, media: media))
        }
        return out
    }

    static func checkChooseImage(_ a: APIArguments) throws(BridgeError) -> Int {
        let count = Int(try a.number("count", required: false, integer: true, range: 1...9) ?? 9)
        try strings(a, "sizeType", ["original", "compressed"])
        try strings(a, "sourceType", ["album", "camera"])
        return count
    }

    static func checkChooseMedia(_ a: APIArguments) throws(BridgeError) -> (Int, Set<WorldMedia.Kind>) {
        let count = Int(try a.number("count", required: false, integer: true, range: 1...20) ?? 9)
        let types = try strings(a, "mediaType", ["image", "video", "mix"]) ?? ["image", "video"]
        try strings(a, "sourceType", ["album", "camera"])
        try strings(a, "sizeType", ["original", "compressed"])
        _ = try a.number("maxDuration", required: false, range: 3...60)
        _ = try a.oneOf("camera", ["back", "front"], default: "back")
        var kinds = Set(types.compactMap(WorldMedia.Kind.init(rawValue:)))
        if types.contains("mix") { kinds = [.image, .video] }
        return (count, kinds)
    }

    static func checkPreview(_ a: APIArguments) throws(BridgeError) -> [String: JSONValue] {
        guard let urls = try strings(a, "urls", nil), !urls.isEmpty else { throw .invalid("urls must be a non-empty array of image paths or URLs") }
        let current = try a.string("current", required: false, maxLength: 4096) ?? urls[0]
        return ["urls": .array(urls.map(JSONValue.string)), "current": .string(current), "showmenu": .bool(try a.bool("showmenu", default: true))]
    }

    /// An optional array of strings, each one of `allowed` (nil: any string of at most 4096).
    @discardableResult
    static func strings(_ a: APIArguments, _ field: String, _ allowed: [String]?) throws(BridgeError) -> [String]? {
        guard let v = a[field], v != .null else { return nil }
        let expected = allowed.map { "an array of " + $0.map { "'\($0)'" }.joined(separator: ", ") } ?? "an array of strings"
        guard let list = v.arrayValue else { throw .invalid("\(field) must be \(expected) (got \(v.typeName))") }
        guard list.count <= 100 else { throw .invalid("\(field) must hold at most 100 items (got \(list.count))") }
        var out: [String] = []
        for (i, item) in list.enumerated() {
            guard let s = item.stringValue, s.count <= 4096, allowed?.contains(s) ?? true else {
                throw .invalid("\(field)[\(i)] must be \(allowed.map { "one of " + $0.map { "'\($0)'" }.joined(separator: ", ") } ?? "a string of at most 4096 characters") (got \(item.jsonText.prefix(40)))")
            }
            out.append(s)
        }
        return out
    }
}

/// The temp files pickers gave each app: `wxfile://tmp/<name>` → the album entry whose bytes it
/// holds (a world file or inline data). The file system API reads them through ``file(appId:path:)``.
public final class PickedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [String: WorldMedia]] = [:]

    /// The host's one record (made on first use).
    public static func of(_ services: HostServices) -> PickedFiles {
        services.component(PickedFiles.self) { PickedFiles() }
    }

    /// Temp files one app keeps; past it, its oldest picks are forgotten.
    static let maxPerApp = 1000
    private var order: [String: [String]] = [:]

    func register(appId: String, media: WorldMedia) -> String {
        let path = "wxfile://tmp/" + LoginSessions.randomHex(bytes: 8) + "." + media.fileExtension
        lock.withLock {
            files[appId, default: [:]][path] = media
            order[appId, default: []].append(path)
            if order[appId]!.count > Self.maxPerApp { files[appId]![order[appId]!.removeFirst()] = nil }
        }
        return path
    }

    /// The bytes behind one of the app's temp paths (nil: not one of its picks).
    public func file(appId: String, path: String) -> Data? {
        guard let media = lock.withLock({ files[appId]?[path] }) else { return nil }
        if let b = media.dataBase64 { return Data(base64Encoded: b) }
        return media.path.flatMap { FileManager.default.contents(atPath: $0) }
    }
}
