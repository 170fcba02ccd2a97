import Foundation
import HummingbirdWSClient
import Logging
import MiniHostPreview
import Testing

@Suite("Preview server: who may talk to it")
struct PreviewSecurityTests {
    @Test("its own loopback Host and Origin are served; a foreign Host or Origin is refused with 403")
    func hostAndOrigin() async throws {
        let fixture = try await PreviewFixture.make()
        defer { fixture.stop() }
        let port = fixture.port
        try await offPool { try Self.checkHostAndOrigin(port: port) }
    }

    static func checkHostAndOrigin(port: Int) throws {
        #expect(try RawHTTP.get(port: port, path: "/", headers: ["Host": "127.0.0.1:\(port)"]).status == 200)
        #expect(try RawHTTP.get(port: port, path: "/", headers: ["Host": "localhost:\(port)", "Origin": "http://localhost:\(port)"]).status == 200)
        let rebound = try RawHTTP.get(port: port, path: "/", headers: ["Host": "attacker.example:\(port)"])
        #expect(rebound.status == 403)
        #expect(rebound.body.contains("Host"))
        #expect(try RawHTTP.get(port: port, path: "/", headers: ["Host": "127.0.0.1:1"]).status == 403)
        #expect(try RawHTTP.get(port: port, path: "/", headers: [:]).status == 403)
        let foreign = try RawHTTP.get(port: port, path: "/", headers: ["Host": "127.0.0.1:\(port)", "Origin": "http://attacker.example"])
        #expect(foreign.status == 403)
        #expect(foreign.body.contains("attacker.example"))
        #expect(try RawHTTP.get(port: port, path: "/", headers: ["Host": "127.0.0.1:\(port)", "Origin": "http://127.0.0.1:\(port + 1)"]).status == 403)
    }

    @Test("the package's assets only: no code, no configuration, nothing outside the package")
    func assets() async throws {
        let fixture = try await PreviewFixture.make()
        defer { fixture.stop() }
        try await offPool { try Self.checkAssets(port: fixture.port) }
    }

    static func checkAssets(port: Int) throws {
        let host = ["Host": "127.0.0.1:\(port)"]
        #expect(try RawHTTP.get(port: port, path: "/package/app.js", headers: host).status == 404)
        #expect(try RawHTTP.get(port: port, path: "/package/manifest.json", headers: host).status == 404)
        #expect(try RawHTTP.get(port: port, path: "/package/../../../etc/passwd", headers: host).status == 404)
        #expect(try RawHTTP.get(port: port, path: "/package/%2e%2e/%2e%2e/etc/hostname.png", headers: host).status == 404)
        #expect(try RawHTTP.get(port: port, path: "/__minihost/preview.js", headers: host).status == 200)
        #expect(try RawHTTP.get(port: port, path: "/__minihost/../Package.swift", headers: host).status != 200)
    }

    @Test("the WebSocket needs the run's token and the server's own origin")
    func webSocketToken() async throws {
        let fixture = try await PreviewFixture.make()
        defer { fixture.stop() }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let port = fixture.port
        await #expect(throws: (any Error).self) {
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) { _, _, _ in }
        }
        await #expect(throws: (any Error).self) {
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws?token=\(String(fixture.server.token.reversed()))", logger: logger) { _, _, _ in }
        }
        await #expect(throws: (any Error).self) {
            try await WebSocketClient.connect(url: fixture.webSocketURL, configuration: .init(additionalHeaders: [.origin: "http://attacker.example"]),
                                              logger: logger) { _, _, _ in }
        }
        let first = FirstMessage()
        try await WebSocketClient.connect(url: fixture.webSocketURL, logger: logger) { inbound, _, _ in
            for try await message in inbound.messages(maxSize: 1 << 20) {
                if case let .text(text) = message { first.text = text; break }
            }
        }
        #expect(first.text?.contains("\"type\":\"hello\"") == true)
        #expect(first.text?.contains("\"appId\":\"org.minihost.hello\"") == true)
    }
}

final class FirstMessage: @unchecked Sendable { var text: String? }
