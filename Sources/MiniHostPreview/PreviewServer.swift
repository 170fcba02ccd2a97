import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import MiniHostCore
import NIOCore

/// The preview's web server: the page and its client, the package's assets, and the WebSocket of
/// the session. Loopback by default; every request is checked against ``OriginPolicy`` and the
/// WebSocket needs the run's token.
public final class PreviewServer: @unchecked Sendable {
    public let session: PreviewSession
    public let token: String
    private let host: String
    private let requestedPort: Int
    private var task: Task<Void, Error>?
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var boundPort: Int?
    private var failure: Error?

    static let maxQueuedMessages = 10_000
    static let socketPath = "/ws"

    public init(session: PreviewSession, host: String = "127.0.0.1", port: Int = 0, token: String = OriginPolicy.makeToken()) {
        self.session = session
        self.host = host
        self.requestedPort = port
        self.token = token
    }

    /// The page's address, with the token.
    public var url: String {
        let port = lock.withLock { boundPort } ?? requestedPort
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/?token=\(token)"
    }

    /// Starts listening and returns once the server accepts connections (or failed to bind).
    public func start() throws {
        let router = Router(context: BasicWebSocketRequestContext.self)
        let policyBox = PolicyBox()
        let token = self.token
        router.add(middleware: OriginCheck(policy: policyBox, token: token))
        let assets = PreviewAssets(session: session)
        router.get("/") { _, _ in assets.page() }
        router.get("/__minihost/:name") { _, context in assets.client(context.parameters.get("name") ?? "") }
        router.get("/package/**") { request, _ in assets.packageFile(String(request.uri.path.dropFirst("/package/".count))) }
        let session = self.session
        router.ws(RouterPath(PreviewServer.socketPath)) { inbound, outbound, _ in
            // A browser that reads too slowly loses the oldest messages, never the host's memory;
            // it asks for the page again when a patch names a node it lacks.
            let (messages, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(PreviewServer.maxQueuedMessages))
            let id = session.connect { continuation.yield($0) }
            defer { session.disconnect(id); continuation.finish() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await text in messages { try await outbound.write(.text(text)) }
                }
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    if case let .text(text) = message { session.receive(text) }
                }
                continuation.finish()
                group.cancelAll()
            }
        }
        var logger = Logger(label: "minihost.preview")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname(host, port: requestedPort), serverName: "minihost"),
            onServerRunning: { [weak self] channel in
                guard let self else { return }
                let port = channel.localAddress?.port ?? 0
                policyBox.set(OriginPolicy(boundHost: self.host, port: port))
                self.lock.withLock { self.boundPort = port }
                self.ready.signal()
            },
            logger: logger)
        task = Task { [weak self] in
            do {
                try await app.run()
            } catch {
                self?.lock.withLock { self?.failure = error }
                self?.ready.signal()
                throw error
            }
        }
        ready.wait()
        if let failure = lock.withLock({ failure }) {
            throw PreviewError("cannot listen on \(host):\(requestedPort): \(failure)")
        }
    }

    /// Stops serving (the app is stopped by the session's owner).
    public func stop() {
        task?.cancel()
    }
}

/// An error of the preview (a port that cannot be bound, a browser that does not start).
public struct PreviewError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The policy, known once the port is bound.
final class PolicyBox: @unchecked Sendable {
    private let lock = NSLock()
    private var policy: OriginPolicy?
    func set(_ p: OriginPolicy) { lock.withLock { policy = p } }
    var current: OriginPolicy? { lock.withLock { policy } }
}

/// Refuses (403) every request whose Host or Origin is not the server's own, and a WebSocket
/// upgrade without the run's token.
struct OriginCheck<Context: RequestContext>: RouterMiddleware {
    let policy: PolicyBox
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let reason = policy.current?.refusal(host: request.head.authority, origin: request.headers[.origin])
            ?? (policy.current == nil ? "refused: the server is starting" : nil)
            ?? (request.uri.path == PreviewServer.socketPath && !OriginPolicy.tokenMatches(request.uri.queryParameters.get("token"), token)
                ? "refused: the WebSocket needs this run's token (the token= of the printed URL)" : nil)
        if let reason {
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: reason + "\n")))
        }
        return try await next(request, context)
    }
}
