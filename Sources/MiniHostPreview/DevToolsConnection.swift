import Foundation
import MiniHostProtocol

/// The Chrome DevTools Protocol over the pipe Chromium opens with `--remote-debugging-pipe`
/// (it reads commands on its descriptor 3 and writes answers and events on 4, each message
/// ending in a NUL): `send(method, params)` answered by id, in flattened sessions for pages.
/// No port is opened, so no other local process can drive the browser.
public final class DevToolsConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: CheckedContinuation<JSONValue, Error>] = [:]
    private var nextId = 1
    private var closed: String?
    private let output: FileHandle

    /// `output` is the browser's command pipe; `input` its answers, read on a thread of its own.
    init(output: FileHandle, input: FileHandle) {
        self.output = output
        Thread.detachNewThread { [weak self] in
            var buffer = Data()
            while true {
                let chunk = input.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let end = buffer.firstIndex(of: 0) {
                    let message = buffer[buffer.startIndex..<end]
                    buffer.removeSubrange(buffer.startIndex...end)
                    self?.received(message)
                }
            }
            self?.fail("the browser closed the DevTools pipe")
        }
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
            do {
                try output.write(contentsOf: Data(JSONValue.object(message).jsonText.utf8) + Data([0]))
            } catch {
                fail("the DevTools pipe is closed: \(error)")
            }
        }
        if let error = reply["error"] {
            throw PreviewError("\(method): \(error["message"]?.stringValue ?? error.jsonText)")
        }
        return reply["result"] ?? .object([:])
    }

    func close() {
        fail("closed")
        try? output.close()
    }

    private func received(_ data: Data) {
        guard let message = JSONValue.parse(data), let id = message["id"]?.numberValue else { return }
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
