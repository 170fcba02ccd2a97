import Foundation
import MiniHostProtocol

/// The rules of WeChat's request options (docs/api.md).
public enum NetworkRequestRules {
    public static let methods = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"]
    /// The most a request body or a response may hold: 10 MB.
    public static let maxBodyBytes = 10 * 1024 * 1024
    public static let maxURLLength = 8192
}

/// One HTTP request as the host sends it (to the world or the network).
public struct NetworkRequest: Sendable {
    public var method: String
    public var url: String
    public var origin: NetworkOrigin
    public var headers: [(name: String, value: String)]
    public var body: Data?
    public var timeoutMs: Int
}

/// One HTTP response before it becomes the app's result.
public struct NetworkResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    /// The body as the world gave it, when it was JSON data (not text): no parse needed, and
    /// its bytes are written only when asked for (``bytes``).
    public var json: JSONValue?
    private var data: Data
    /// The world's route that answered (its results are kept and shared, ``WorldHTTP/Results``).
    var routeIndex: Int?

    public init(status: Int, headers: [(name: String, value: String)], body: Data, json: JSONValue? = nil) {
        self.status = status
        self.headers = headers
        self.data = body
        self.json = json
    }

    /// The body's bytes.
    public var body: Data { json.map { Data($0.jsonText.utf8) } ?? data }

    /// Response headers as an object; repeated names are joined with ", " (Set-Cookie goes to `cookies`).
    var headerObject: JSONValue {
        var out: [String: JSONValue] = [:]
        for (name, value) in headers {
            if let old = out[name]?.stringValue { out[name] = .string(old + ", " + value) } else { out[name] = .string(value) }
        }
        return .object(out)
    }

    var cookies: JSONValue {
        .array(headers.filter { $0.name.lowercased() == "set-cookie" }.map { .string($0.value) })
    }

    /// `request`'s success result: `{data, statusCode, header, cookies, profile}`. `dataType`
    /// `json` parses the text (text that is not JSON stays a string, as in WeChat);
    /// `responseType` `arraybuffer` gives base64 text, which the runtime turns into an ArrayBuffer.
    func requestResult(dataType: String, responseType: String) -> JSONValue {
        let data: JSONValue
        var out: [String: JSONValue] = [:]
        if responseType == "arraybuffer" {
            data = .string(body.base64EncodedString())
            out["dataEncoding"] = .string("base64")
        } else if dataType == "json", let json {
            data = json
        } else {
            let text = json?.jsonText ?? String(decoding: self.data, as: UTF8.self)
            data = dataType == "json" ? (JSONValue.parse(text) ?? .string(text)) : .string(text)
        }
        out["data"] = data
        out["statusCode"] = .number(Double(status))
        out["header"] = headerObject
        out["cookies"] = cookies
        return .object(out)
    }
}

extension NetworkRequest {
    /// Reads `request`'s options: `url`, `method` (GET), `header`, `data` (object or string;
    /// `dataBase64` for an ArrayBuffer), `timeout`. `data` follows WeChat's rules: for GET it
    /// becomes the query string; for other methods it is sent as JSON, or as a form when the
    /// content-type is `application/x-www-form-urlencoded`; a string is sent as it is.
    static func read(_ args: APIArguments, kind: String, declaration: NetworkDeclaration) throws(BridgeError) -> NetworkRequest {
        let url = try args.string("url", maxLength: NetworkRequestRules.maxURLLength)!
        guard let origin = NetworkOrigin.of(url: url) else { throw BridgeError.invalid("invalid url \(PromptText.quoted(url, maxLength: 200)): it must be an absolute https:// URL") }
        // WeChat takes the method in any case (published apps pass 'get' and 'post').
        let method = try args.oneOf("method", NetworkRequestRules.methods, default: "GET", ignoringCase: true)
        var headers = try Self.headers(args)
        let timeout = try args.number("timeout", required: false, range: 1...600_000).map { Int($0) } ?? declaration.timeoutMs(kind)
        var target = url
        var body: Data?
        if let b64 = args["dataBase64"]?.stringValue {
            guard let bytes = Data(base64Encoded: b64) else { throw BridgeError.invalid("dataBase64 must be base64 text") }
            body = bytes
        } else if args.has("data") {
            let data = try args.data("data")
            let contentType = headers.first { $0.name.lowercased() == "content-type" }?.value.lowercased() ?? "application/json"
            if method == "GET" {
                let query = data.stringValue ?? formEncoded(data)
                if !query.isEmpty { target += (target.contains("?") ? "&" : "?") + query }
            } else if let text = data.stringValue {
                body = Data(text.utf8)
            } else if contentType.hasPrefix("application/x-www-form-urlencoded") {
                body = Data(formEncoded(data).utf8)
            } else {
                body = Data(data.jsonText.utf8)
            }
        }
        if let body, body.count > NetworkRequestRules.maxBodyBytes {
            throw BridgeError(.limitExceeded, "the request body is \(body.count) bytes; at most \(NetworkRequestRules.maxBodyBytes) (10 MB) may be sent")
        }
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) { headers.append(("content-type", "application/json")) }
        return NetworkRequest(method: method, url: target, origin: origin, headers: headers, body: body, timeoutMs: timeout)
    }

    /// `header`: an object of strings (numbers and booleans are written as text). WeChat forbids `Referer`.
    static func headers(_ args: APIArguments) throws(BridgeError) -> [(name: String, value: String)] {
        guard args.has("header") else { return [] }
        guard let object = args["header"]?.objectValue else { throw BridgeError.invalid("header must be an object of strings") }
        var out: [(name: String, value: String)] = []
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            let text: String
            switch value {
            case let .string(s): text = s
            case .number, .bool: text = value.jsonText
            default: throw BridgeError.invalid("header.\(name) must be a string")
            }
            if name.lowercased() == "referer" { throw BridgeError.invalid("header.Referer cannot be set (as in WeChat)") }
            if name.isEmpty || name.contains(where: { $0 == ":" || $0 == "\r" || $0 == "\n" || $0 == " " }) || text.contains(where: { $0 == "\r" || $0 == "\n" }) {
                throw BridgeError.invalid("header \(PromptText.quoted(name, maxLength: 64)) is not a valid HTTP header")
            }
            out.append((name, text))
        }
        return out
    }

    /// `k=v&k=v` with both sides percent-encoded as `encodeURIComponent` does.
    static func formEncoded(_ data: JSONValue) -> String {
        guard let object = data.objectValue else { return data.stringValue ?? "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.!~*'()")
        func enc(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        return object.keys.sorted().map { key in
            let v = object[key]!
            let text: String = switch v {
            case let .string(s): s
            case .object, .array: v.jsonText
            default: v.jsonText
            }
            return enc(key) + "=" + enc(text)
        }.joined(separator: "&")
    }
}
