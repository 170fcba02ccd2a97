import Foundation
import MiniHostProtocol

/// The network as the world answers it (`network`): HTTP routes and scripted WebSocket peers.
/// Used unless the run says `--network live`; a request no route matches fails (see docs/api.md).
public struct WorldNetwork: Sendable, Equatable, Codable {
    public var routes: [WorldRoute]
    public var sockets: [WorldSocket]

    public init(routes: [WorldRoute] = [], sockets: [WorldSocket] = []) {
        self.routes = routes
        self.sockets = sockets
    }

    enum CodingKeys: String, WorldMembers { case routes, sockets }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        routes = try c.decodeIfPresent([WorldRoute].self, forKey: .routes) ?? []
        sockets = try c.decodeIfPresent([WorldSocket].self, forKey: .sockets) ?? []
    }

    /// The first route that answers `method` on `url`.
    public func route(_ method: String, _ url: String) -> WorldRoute? {
        routeIndex(method, url).map { routes[$0] }
    }

    func routeIndex(_ method: String, _ url: String) -> Int? {
        routes.firstIndex { $0.matches(method: method, url: url) }
    }

    /// The first socket peer that answers a connection to `url`.
    public func socket(_ url: String) -> WorldSocket? {
        sockets.first { URLPattern.matches($0.url, url) }
    }

    func problems() -> [String] {
        var out: [String] = []
        for (i, r) in routes.enumerated() {
            if !(100...599).contains(r.status) { out.append("network.routes[\(i)].status must be from 100 to 599 (got \(r.status))") }
            if !(0...600_000).contains(r.delayMs) { out.append("network.routes[\(i)].delay_ms must be from 0 to 600000 (got \(r.delayMs))") }
            if r.body != nil && r.file != nil { out.append("network.routes[\(i)]: give body or file, not both") }
            if let m = r.method, !NetworkRequestRules.methods.contains(m.uppercased()) {
                out.append("network.routes[\(i)].method must be one of \(NetworkRequestRules.methods.joined(separator: ", ")) (got \(PromptText.quoted(m)))")
            }
            if !URLPattern.isAbsolute(r.url) { out.append("network.routes[\(i)].url must be an absolute URL or pattern such as \"https://api.example.com/items/*\"") }
        }
        for (i, s) in sockets.enumerated() {
            if !URLPattern.isAbsolute(s.url) { out.append("network.sockets[\(i)].url must be an absolute URL or pattern such as \"wss://chat.example.com/*\"") }
            for (j, r) in s.rules.enumerated() {
                if !(0...600_000).contains(r.delayMs) { out.append("network.sockets[\(i)].rules[\(j)].delay_ms must be from 0 to 600000 (got \(r.delayMs))") }
                if r.match == .regex, (try? NSRegularExpression(pattern: r.text ?? "")) == nil {
                    out.append("network.sockets[\(i)].rules[\(j)].text is not a valid regular expression")
                }
            }
        }
        return out
    }
}

/// One HTTP answer: requests whose method and URL match get `status`, `headers` and `body` (a JSON
/// value: a string is sent as it is, anything else as JSON text) or the bytes of `file`, after
/// `delay_ms`.
public struct WorldRoute: Sendable, Equatable, Codable {
    /// The method (`GET`, `POST`, …; nil: any).
    public var method: String?
    /// The URL; `*` stands for any run of characters. The query is compared only when the pattern has one.
    public var url: String
    public var status: Int
    public var headers: [String: String]
    public var body: JSONValue?
    /// A file answered as the body, relative to the world file's directory.
    public var file: String?
    public var delayMs: Int

    public init(method: String? = nil, url: String, status: Int = 200, headers: [String: String] = [:], body: JSONValue? = nil,
                file: String? = nil, delayMs: Int = 0) {
        self.method = method
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body
        self.file = file
        self.delayMs = delayMs
    }

    enum CodingKeys: String, WorldMembers {
        case method, url, status, headers, body, file
        case delayMs = "delay_ms"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decodeIfPresent(String.self, forKey: .method)
        url = try c.decode(String.self, forKey: .url)
        status = try c.decodeIfPresent(Int.self, forKey: .status) ?? 200
        headers = try c.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
        body = try c.decodeIfPresent(JSONValue.self, forKey: .body)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        delayMs = try c.decodeIfPresent(Int.self, forKey: .delayMs) ?? 0
    }

    public func matches(method: String, url: String) -> Bool {
        if let m = self.method, m != method, m.uppercased() != method { return false }
        return URLPattern.matches(self.url, url)
    }
}

/// A scripted WebSocket peer: a connection to a matching URL opens, gets `on_open` messages, and
/// each message the app sends is answered by the first matching rule.
public struct WorldSocket: Sendable, Equatable, Codable {
    public var url: String
    public var onOpen: [String]
    public var rules: [WorldSocketRule]

    public init(url: String, onOpen: [String] = [], rules: [WorldSocketRule] = []) {
        self.url = url
        self.onOpen = onOpen
        self.rules = rules
    }

    enum CodingKeys: String, WorldMembers {
        case url, rules
        case onOpen = "on_open"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decode(String.self, forKey: .url)
        onOpen = try c.decodeIfPresent([String].self, forKey: .onOpen) ?? []
        rules = try c.decodeIfPresent([WorldSocketRule].self, forKey: .rules) ?? []
    }
}

/// One answer of a socket peer: `reply` (may use `{text}`, the message) after `delay_ms`, then
/// the peer closes the connection if `close` is true.
public struct WorldSocketRule: Sendable, Equatable, Codable {
    public var match: WorldPeerRule.Match
    public var text: String?
    public var reply: String?
    public var close: Bool
    public var delayMs: Int

    public init(match: WorldPeerRule.Match = .any, text: String? = nil, reply: String? = nil, close: Bool = false, delayMs: Int = 0) {
        self.match = match
        self.text = text
        self.reply = reply
        self.close = close
        self.delayMs = delayMs
    }

    enum CodingKeys: String, WorldMembers {
        case match, text, reply, close
        case delayMs = "delay_ms"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        match = try c.decodeIfPresent(WorldPeerRule.Match.self, forKey: .match) ?? .any
        text = try c.decodeIfPresent(String.self, forKey: .text)
        reply = try c.decodeIfPresent(String.self, forKey: .reply)
        close = try c.decodeIfPresent(Bool.self, forKey: .close) ?? false
        delayMs = try c.decodeIfPresent(Int.self, forKey: .delayMs) ?? 0
    }

    public func matches(_ message: String) -> Bool {
        WorldPeerRule(match: match, text: text, reply: "").matches(message)
    }
}

/// URL patterns of the world's routes: `*` matches any run of characters; without `?` in the
/// pattern the URL's query and fragment are ignored.
public enum URLPattern {
    public static func matches(_ pattern: String, _ url: String) -> Bool {
        var target = Substring(url)
        if let hash = target.firstIndex(of: "#") { target = target[..<hash] }
        if !pattern.contains("?"), let q = target.firstIndex(of: "?") { target = target[..<q] }
        var p = pattern, t = String(target)
        return p.withUTF8 { pb in t.withUTF8 { tb in glob(pb, tb) } }
    }

    static func isAbsolute(_ pattern: String) -> Bool {
        ["http://", "https://", "ws://", "wss://"].contains { pattern.lowercased().hasPrefix($0) }
    }

    /// `*` matches any run (iterative, with one backtracking point: linear in practice).
    private static func glob(_ p: UnsafeBufferPointer<UInt8>, _ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, j = 0, star = -1, mark = 0
        while j < s.count {
            if i < p.count && p[i] == UInt8(ascii: "*") { star = i; mark = j; i += 1 }
            else if i < p.count && p[i] == s[j] { i += 1; j += 1 }
            else if star >= 0 { i = star + 1; mark += 1; j = mark }
            else { return false }
        }
        while i < p.count && p[i] == UInt8(ascii: "*") { i += 1 }
        return i == p.count
    }
}
