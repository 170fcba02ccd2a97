import Foundation

/// Which requests the preview server answers: only those addressed to its own loopback
/// authority (no DNS rebinding) and, when a browser says where the page came from, from that
/// same origin (no other site driving the app). The WebSocket also needs the run's token.
public struct OriginPolicy: Sendable {
    /// The server's port, once bound.
    public let port: Int
    /// `host:port` forms a request may carry in `Host`: the loopback names and the bound address
    /// (also without the port, as some clients send it; a rebinding attacker's name is never one).
    public let authorities: Set<String>
    private let origins: Set<String>

    public init(boundHost: String, port: Int) {
        self.port = port
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        names.insert(boundHost.contains(":") && !boundHost.hasPrefix("[") ? "[\(boundHost)]" : boundHost)
        let withPort = Set(names.map { "\($0.lowercased()):\(port)" })
        authorities = withPort.union(names.map { $0.lowercased() })
        // A browser sends its page's origin (http://…:port); WebSocket libraries send ws://host.
        origins = Set(withPort.map { "http://" + $0 }).union(authorities.map { "ws://" + $0 })
    }

    /// Nil when the request may be answered, else the reason to refuse it (HTTP 403).
    public func refusal(host: String?, origin: String?) -> String? {
        guard let host = host?.lowercased(), authorities.contains(host) else {
            return "refused: the Host header \"\(host ?? "")\" is not this preview server's address"
        }
        if let origin, !origin.isEmpty {
            if !origins.contains(origin.lowercased()) { return "refused: requests from \(origin) may not drive this preview" }
        }
        return nil
    }

    /// Whether `offered` is the run's token (compared in constant time).
    public static func tokenMatches(_ offered: String?, _ token: String) -> Bool {
        guard let offered else { return false }
        let a = Array(offered.utf8), b = Array(token.utf8)
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    /// A new random token for one run (128 bits, hex).
    public static func makeToken() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &rng)) }.joined()
    }
}
