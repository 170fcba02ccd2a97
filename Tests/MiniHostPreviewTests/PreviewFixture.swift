import Foundation
import MiniHostCore
import MiniHostIsolation
import MiniHostPreview

/// A preview of a sample, served on a free loopback port for one test (the app in process).
struct PreviewFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let scratch: URL
    let session: PreviewSession
    let server: PreviewServer
    let prompter: BrowserPrompter

    init(sample: String = "org.minihost.hello") throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-preview-test-\(UUID().uuidString)")
        let catalogue = Self.packageRoot.appendingPathComponent("manifests")
        let manifest = try TargetResolver.manifestURL(for: sample, catalogue: catalogue)
        let package = try AppPackage.load(manifestURL: manifest, dev: true, catalogue: catalogue)
            .compiled(cacheDirectory: scratch.appendingPathComponent("cache"))
        prompter = BrowserPrompter(maxWait: 5)
        let services = try HostServices(dataDirectory: scratch.appendingPathComponent("data"), prompter: prompter)
        session = PreviewSession(package: package, services: services, prompter: prompter, isolation: .inProcess)
        server = PreviewServer(session: session)
        try server.start()
        try session.launch()
    }

    /// Made on a thread of its own: starting blocks until the server listens and the app launched,
    /// which must not hold one of the few threads Swift's concurrency runs the server's work on.
    static func make(sample: String = "org.minihost.hello") async throws -> PreviewFixture {
        try await offPool { try PreviewFixture(sample: sample) }
    }

    var port: Int { Int(server.url.split(separator: ":")[2].split(separator: "/")[0])! }
    var webSocketURL: String { "ws://127.0.0.1:\(port)/ws?token=\(server.token)" }

    func stop() {
        session.stop()
        server.stop()
        try? FileManager.default.removeItem(at: scratch)
    }
}

/// One HTTP/1.1 request over a plain socket, with exactly the headers given (a test needs a
/// foreign Host, which URL loaders do not let a caller set); answers the status line and body.
enum RawHTTP {
    /// `upgrade`: only the head is read (a WebSocket upgrade that succeeds keeps the connection).
    static func get(port: Int, path: String, headers: [String: String], upgrade: Bool = false) throws -> (status: Int, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var request = "GET \(path) HTTP/1.1\r\n"
        for (k, v) in headers { request += "\(k): \(v)\r\n" }
        request += upgrade ? "\r\n" : "Connection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
            if upgrade, data.range(of: Data("\r\n\r\n".utf8)) != nil { break }
        }
        let text = String(decoding: data, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }
}

/// Runs blocking work (sockets, semaphores) on a Dispatch thread, not the concurrency pool's.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
