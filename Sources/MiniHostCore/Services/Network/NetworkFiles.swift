import Foundation
import MiniHostProtocol

/// The files an app downloaded (`downloadFile`'s `tempFilePath`, `wxfile://tmp_…`): kept in a
/// scratch directory of the host's, for this app only, removed when the app stops. An app names
/// them only by the paths it was given; the file system API reads them back.
final class NetworkFiles: @unchecked Sendable {
    /// At most this many bytes of downloads are kept per app while it runs.
    static let maxTotalBytes = 100 * 1024 * 1024

    private let lock = NSLock()
    private var directory: URL?
    private var paths: [String: URL] = [:]
    private var total = 0

    private weak var session: AppSession?
    private let cleanup = OnceFlag()

    /// Made inside the session's lock: it registers its cleanup at the first save, not here.
    init(session: AppSession) { self.session = session }

    /// Keeps `data` as a new temporary file; its extension comes from `url`'s path.
    func save(_ data: Data, named url: String) -> Result<String, BridgeError> {
        if cleanup.take() { session?.onStop { [weak self] in self?.removeAll() } }
        return lock.withLock {
            guard total + data.count <= Self.maxTotalBytes else {
                return .failure(BridgeError(.limitExceeded, "the app's downloads would exceed \(Self.maxTotalBytes / 1_048_576) MB"))
            }
            do {
                let dir = try directory ?? makeDirectory()
                var name = "tmp_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
                let ext = URL(string: url)?.pathExtension ?? ""
                if !ext.isEmpty, ext.count <= 8, ext.allSatisfy({ $0.isLetter || $0.isNumber }) { name += "." + ext.lowercased() }
                let file = dir.appendingPathComponent(name)
                try data.write(to: file)
                let path = "wxfile://" + name
                paths[path] = file
                total += data.count
                return .success(path)
            } catch {
                return .failure(BridgeError(.hostError, "host error: cannot keep the downloaded file"))
            }
        }
    }

    /// The bytes of a temp file this app was given (nil: not one of its downloads).
    func read(_ path: String) -> Data? {
        guard let file = lock.withLock({ paths[path] }) else { return nil }
        return try? Data(contentsOf: file)
    }

    /// Forgets the temp file `path` (saved elsewhere now) and removes its bytes.
    func remove(_ path: String) {
        let file = lock.withLock { () -> URL? in
            guard let file = paths.removeValue(forKey: path) else { return nil }
            total -= (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            return file
        }
        if let file { try? FileManager.default.removeItem(at: file) }
    }

    private func makeDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-downloads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        directory = dir
        return dir
    }

    private func removeAll() {
        let dir = lock.withLock { () -> URL? in
            defer { directory = nil; paths = [:]; total = 0 }
            return directory
        }
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }
}

/// `uploadFile`'s options: `filePath`, the form field `name` of the file, and `formData`.
struct UploadForm {
    static let boundary = "MiniHostFormBoundary7MA4YWxkTrZu0gW"

    var filePath: String
    var name: String
    var fields: [(String, String)]

    static func read(_ args: APIArguments) throws(BridgeError) -> UploadForm {
        let url = try args.string("url", maxLength: NetworkRequestRules.maxURLLength)!
        if NetworkOrigin.of(url: url) == nil { throw BridgeError.invalid("invalid url \(PromptText.quoted(url, maxLength: 200)): it must be an absolute https:// URL") }
        let filePath = try args.string("filePath", maxLength: 1024)!
        let name = try args.string("name", maxLength: 256)!
        var fields: [(String, String)] = []
        if args.has("formData") {
            guard let object = args["formData"]?.objectValue else { throw BridgeError.invalid("formData must be an object") }
            for key in object.keys.sorted() {
                let v = object[key]!
                fields.append((key, v.stringValue ?? v.jsonText))
            }
        }
        _ = try NetworkRequest.headers(args)
        return UploadForm(filePath: filePath, name: name, fields: fields)
    }

    /// The `multipart/form-data` body: the fields, then the file.
    func multipart(file: Data) -> Data {
        var out = Data()
        func quoted(_ s: String) -> String { s.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "") }
        for (key, value) in fields {
            out.append(Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(quoted(key))\"\r\n\r\n\(value)\r\n".utf8))
        }
        let fileName = filePath.split(separator: "/").last.map(String.init) ?? "file"
        out.append(Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(quoted(name))\"; filename=\"\(quoted(fileName))\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        out.append(file)
        out.append(Data("\r\n--\(Self.boundary)--\r\n".utf8))
        return out
    }
}
