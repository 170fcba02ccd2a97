import Foundation

/// Where an app may connect (`network_domains`; a WeChat project's `minihost.domains`) and its
/// default timeouts (`network_timeout`; app.json's `networkTimeout`), in milliseconds.
public struct NetworkDeclaration: Sendable, Equatable {
    public var domains: [NetworkOrigin]
    public var timeouts: [String: Int]

    /// WeChat's default timeout for every kind of call: 60 s.
    public static let defaultTimeoutMs = 60_000
    /// The kinds `network_timeout` names.
    public static let timeoutKinds = ["request", "connectSocket", "uploadFile", "downloadFile"]

    public init(domains: [NetworkOrigin] = [], timeouts: [String: Int] = [:]) {
        self.domains = domains
        self.timeouts = timeouts
    }

    /// The default timeout of `kind` (`request`, `connectSocket`, `uploadFile`, `downloadFile`).
    public func timeoutMs(_ kind: String) -> Int { timeouts[kind] ?? Self.defaultTimeoutMs }

    /// Whether a URL with this scheme, host and port may be reached.
    public func allows(_ origin: NetworkOrigin) -> Bool {
        domains.contains { $0.admits(origin) }
    }
}

/// An origin: scheme, lower-case host, port (nil: the scheme's default). In a declaration the
/// scheme may be nil (a bare host: `https` and `wss` on their default ports).
public struct NetworkOrigin: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String?
    public var host: String
    public var port: Int?

    public init(scheme: String?, host: String, port: Int? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    static let schemes = ["https", "wss", "http", "ws"]

    /// The origin of an absolute URL (`https://api.example.com:8443/x` → https, api.example.com, 8443).
    /// Read by hand, not with URLComponents: this runs on every call. A URL with user
    /// information (`https://a@b/`), spaces or control characters has no origin here.
    public static func of(url: String) -> NetworkOrigin? {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard schemes.contains(scheme) else { return nil }
        let rest = bytes[bytes.index(after: colon)...]
        guard rest.starts(with: "//".utf8) else { return nil }
        let authorityStart = rest.index(rest.startIndex, offsetBy: 2)
        let tail = rest[authorityStart...]
        let authorityEnd = tail.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? tail.endIndex
        let authority = tail[..<authorityEnd]
        guard !authority.isEmpty, !authority.contains(UInt8(ascii: "@")),
              !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return nil }
        var host = authority[...]
        var port: Int?
        let hostEnd: String.UTF8View.Index? = authority.first == UInt8(ascii: "[") ? authority.firstIndex(of: UInt8(ascii: "]")).map { authority.index(after: $0) } : authority.firstIndex(of: UInt8(ascii: ":"))
        if let hostEnd, hostEnd < authority.endIndex {
            guard authority[hostEnd] == UInt8(ascii: ":") else { return nil }
            let digits = authority[authority.index(after: hostEnd)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ (0x30...0x39).contains($0) }),
                  let n = Int(String(decoding: digits, as: UTF8.self)), (1...65535).contains(n) else { return nil }
            port = n
            host = authority[..<hostEnd]
        }
        guard !host.isEmpty else { return nil }
        return NetworkOrigin(scheme: scheme, host: String(decoding: host, as: UTF8.self).lowercased(), port: port)
    }

    /// A declaration entry: `https://host[:port]`, `wss://host[:port]`, `http://` or `ws://` to
    /// 127.0.0.1 or localhost only, or a bare host name.
    static func declared(_ text: String) -> Result<NetworkOrigin, OriginProblem> {
        if !text.contains("://") {
            let host = text.lowercased()
            guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else {
                return .failure(OriginProblem("must be an origin such as \"https://api.example.com\" or a host name (got \(PromptText.quoted(text)))"))
            }
            return .success(NetworkOrigin(scheme: nil, host: host))
        }
        guard let origin = of(url: text), let c = URLComponents(string: text), c.path.isEmpty || c.path == "/", c.query == nil, c.user == nil else {
            return .failure(OriginProblem("must be an origin such as \"https://api.example.com\" (scheme https or wss, a host, an optional port, no path; got \(PromptText.quoted(text)))"))
        }
        if (origin.scheme == "http" || origin.scheme == "ws") && !origin.isLoopback {
            return .failure(OriginProblem("\(origin.scheme!):// is allowed only for 127.0.0.1 and localhost (tests); use https:// or wss:// (got \(PromptText.quoted(text)))"))
        }
        return .success(origin)
    }

    var isLoopback: Bool { host == "127.0.0.1" || host == "localhost" }

    var effectivePort: Int? {
        if let port { return port }
        switch scheme {
        case "https", "wss": return 443
        case "http", "ws": return 80
        default: return nil
        }
    }

    /// Whether this declared origin lets a call reach `target` (a URL's origin).
    func admits(_ target: NetworkOrigin) -> Bool {
        guard host == target.host else { return false }
        if scheme == nil { return (target.scheme == "https" || target.scheme == "wss") && target.effectivePort == 443 }
        return scheme == target.scheme && effectivePort == target.effectivePort
    }

    public var description: String {
        (scheme.map { $0 + "://" } ?? "") + host + (port.map { ":\($0)" } ?? "")
    }
}

/// Why a `network_domains` entry is not an origin.
struct OriginProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension ManifestValidator {
    mutating func validateNetwork(domains: ManifestJSON?, timeout: ManifestJSON?) -> NetworkDeclaration {
        var out = NetworkDeclaration()
        if let domains {
            if case let .array(items) = domains {
                for (i, item) in items.enumerated() {
                    guard case let .string(text) = item else {
                        problem("network_domains[\(i)]", "must be a string such as \"https://api.example.com\" (got \(item.typeName))")
                        continue
                    }
                    switch NetworkOrigin.declared(text) {
                    case let .success(origin): out.domains.append(origin)
                    case let .failure(why): problem("network_domains[\(i)]", why.message)
                    }
                }
            } else {
                problem("network_domains", "must be an array of origins such as [\"https://api.example.com\"] (got \(domains.typeName))")
            }
        }
        if let timeout {
            if case let .object(members) = timeout {
                for (key, value) in members {
                    guard NetworkDeclaration.timeoutKinds.contains(key) else {
                        problem("network_timeout.\(key)", "is not a kind of call; known: \(NetworkDeclaration.timeoutKinds.joined(separator: ", "))")
                        continue
                    }
                    guard case let .int(ms) = value, (1...600_000).contains(ms) else {
                        problem("network_timeout.\(key)", "must be an integer of milliseconds from 1 to 600000 (got \(value.typeName))")
                        continue
                    }
                    out.timeouts[key] = ms
                }
            } else {
                problem("network_timeout", "must be an object like {\"request\": 10000} (got \(timeout.typeName))")
            }
        }
        return out
    }
}
