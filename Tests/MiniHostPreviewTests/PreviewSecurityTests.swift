import Foundation
import MiniHostPreview
import Testing

@Suite("Preview server: who may talk to it")
struct PreviewSecurityTests {
    @Test("its own loopback Host and Origin are served; a foreign Host or Origin is refused with 403")
    func hostAndOrigin() async throws {
        let fixture = try await PreviewFixture.make()
        defer { fixture.stop() }
        let port = fixture.port
        let asked: [(headers: [String: String], status: Int)] = [
            (["Host": "127.0.0.1:\(port)"], 200),
            (["Host": "localhost:\(port)", "Origin": "http://localhost:\(port)"], 200),
            (["Host": "attacker.example:\(port)"], 403),
            (["Host": "127.0.0.1:1"], 403),
            ([:], 403),
            (["Host": "127.0.0.1:\(port)", "Origin": "http://attacker.example"], 403),
            (["Host": "127.0.0.1:\(port)", "Origin": "http://127.0.0.1:\(port + 1)"], 403),
        ]
        let answers = try await offPool { try asked.map { try RawHTTP.get(port: port, path: "/", headers: $0.headers) } }
        #expect(answers.map(\.status) == asked.map(\.status))
        #expect(answers[2].body.contains("Host"))
        #expect(answers[5].body.contains("attacker.example"))
    }

    @Test("the package's assets only: no code, no configuration, nothing outside the package")
    func assets() async throws {
        let fixture = try await PreviewFixture.make()
        defer { fixture.stop() }
        let port = fixture.port
        let asked: [(path: String, served: Bool)] = [
            ("/package/app.js", false), ("/package/manifest.json", false), ("/package/../../../etc/passwd", false),
            ("/package/%2e%2e/%2e%2e/etc/hostname.png", false), ("/__minihost/../Package.swift", false),
            ("/__minihost/preview.js", true), ("/__minihost/preview.css", true),
        ]
        let statuses = try await offPool { try asked.map { try RawHTTP.get(port: port, path: $0.path, headers: ["Host": "127.0.0.1:\(port)"]).status } }
        #expect(statuses.map { $0 == 200 } == asked.map(\.served))
    }

    @Test("the WebSocket needs the run's token and the server's own origin")
    func webSocketToken() async throws {
        let fixture = try await PreviewFixture.make()
        defer { fixture.stop() }
        let port = fixture.port, token = fixture.server.token
        let statuses = try await offPool { () throws -> [Int] in
            func upgrade(_ query: String, origin: String? = nil) throws -> Int {
                var headers = ["Host": "127.0.0.1:\(port)", "Connection": "Upgrade", "Upgrade": "websocket",
                               "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="]
                if let origin { headers["Origin"] = origin }
                return try RawHTTP.get(port: port, path: "/ws" + query, headers: headers, upgrade: true).status
            }
            return [try upgrade(""), try upgrade("?token="), try upgrade("?token=\(String(token.reversed()))"),
                    try upgrade("?token=\(token)x"), try upgrade("?token=\(token)", origin: "http://attacker.example"),
                    try upgrade("?token=\(token)", origin: "http://127.0.0.1:\(port)"), try upgrade("?token=\(token)")]
        }
        // hummingbird-websocket answers every refused upgrade 400 (the same check refuses a plain
        // request with 403).
        #expect(statuses == [400, 400, 400, 400, 400, 101, 101])
        let plain = try await offPool { try RawHTTP.get(port: port, path: "/ws", headers: ["Host": "127.0.0.1:\(port)"]) }
        #expect(plain.status == 403)
        #expect(plain.body.contains("token"))
    }
}
