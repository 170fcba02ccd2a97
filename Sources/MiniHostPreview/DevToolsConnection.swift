import Foundation
import HummingbirdWSClient
import Logging
import MiniHostProtocol

/// One WebSocket to a browser's DevTools endpoint (the Chrome DevTools Protocol): commands as
/// `send(method, params)` answered by id, in flattened sessions for pages.
public final class DevToolsConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: CheckedContinuation<JSONValue, Error>] = [:]
    private var nextId = 1
    private var closed: String?
    private let outgoing: AsyncStream<String>.Continuation
    private var task: Task<Void, Never>?
    /// The largest message taken (a full-page screenshot is a few megabytes of base64).
    static let maxMessage = 64 << 20

    private init(outgoing: AsyncStream<String>.Continuation) { self.outgoing = outgoing }

    /// Connects to `url` (`ws://127.0.0.1:PORT/devtools/browser/ID`).
    public static func connect(_ url: String) -> DevToolsConnection {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let connection = DevToolsConnection(outgoing: continuation)
        var logger = Logger(label: "minihost.devtools")
        logger.logLevel = .critical
        connection.task = Task {
            do {
                try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: maxMessage), logger: logger) { inbound, outbound, _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { for await text in stream { try await outbound.write(.text(text)) } }
                        for try await message in inbound.messages(maxSize: maxMessage) {
                            if case let .text(text) = message { connection.received(text) }
                        }
                        group.cancelAll()
                    }
                }
                connection.fail("the browser closed the DevTools connection")
            } catch {
                connection.fail("the DevTools connection failed: \(error)")
            }
        }
        return connection
    }

    /// Sends a command and waits for its result (an error answer throws, naming the method).
    @discardableResult
    public func send(_ method: String, _ params: [String: JSONValue] = [:], session: String? = nil) async throws -> JSONValue {
        let reply: JSONValue = try await withCheckedThrowingContinuation { continuation in
            let id: Int? = lock.withLock {
                if closed != nil { return nil }
                let id = nextId
                nextId += 1
                waiting[id] = continuation
                return id
            }
            guard let id else {
                continuation.resume(throwing: PreviewError(lock.withLock { closed } ?? "closed"))
                return
            }
            var message: [String: JSONValue] = ["id": .number(Double(id)), "method": .string(method), "params": .object(params)]
            if let session { message["sessionId"] = .string(session) }
            outgoing.yield(JSONValue.object(message).jsonText)
        }
        if let error = reply["error"] {
            throw PreviewError("\(method): \(error["message"]?.stringValue ?? error.jsonText)")
        }
        return reply["result"] ?? .object([:])
    }

    public func close() {
        fail("closed")
        outgoing.finish()
        task?.cancel()
    }

    private func received(_ text: String) {
        guard let message = JSONValue.parse(text), let id = message["id"]?.numberValue else { return }
        let continuation = lock.withLock { waiting.removeValue(forKey: Int(id)) }
        continuation?.resume(returning: message)
    }

    private func fail(_ reason: String) {
        let all = lock.withLock { () -> [CheckedContinuation<JSONValue, Error>] in
            if closed == nil { closed = reason }
            defer { waiting.removeAll() }
            return Array(waiting.values)
        }
        for continuation in all { continuation.resume(throwing: PreviewError(reason)) }
    }
}
