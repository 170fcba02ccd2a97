import Foundation

/// One message between the sandbox side and the host side, as it crosses a process boundary:
/// a call, its reply, a host event, or a runtime event from the app. In-process the same values
/// are passed directly; over a socket each is one frame (see ``FrameCodec``).
public enum Frame: Sendable, Equatable {
    case call(BridgeCall)
    case reply(BridgeReply)
    case event(BridgeEvent)
    case runtime(RuntimeEvent)
    /// Supervision and driving between a host and its worker process.
    case control(ControlMessage)
}

/// Length-prefixed JSON frames: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
/// Decoding never trusts the peer: frames over `maxFrameBytes`, bad JSON, unknown types and
/// missing fields are errors that name what was wrong.
public struct FrameCodec: Sendable {
    public var maxFrameBytes: Int

    /// The stack a thread that reads frames needs: the reader, and whatever walks a value it made,
    /// recurse once a level of nesting (up to 512 levels), at over 1 KiB a level in a debug build.
    public static let readerStackBytes = 4 << 20

    public init(maxFrameBytes: Int = 8 << 20) {
        self.maxFrameBytes = maxFrameBytes
    }

    public func encode(_ frame: Frame) -> Data {
        var text = Self.json(frame)
        return text.withUTF8 { body in
            var out = Data(capacity: 4 + body.count)
            var length = UInt32(body.count).bigEndian
            withUnsafeBytes(of: &length) { out.append(contentsOf: $0) }
            out.append(body)
            return out
        }
    }

    /// Takes every complete frame off the front of `buffer` (leaving a partial one in place).
    public func decode(_ buffer: inout Data) throws(FrameError) -> [Frame] {
        var frames: [Frame] = []
        // Frames are parsed in place, and what they took is removed from the buffer once.
        let result = buffer.withUnsafeBytes { raw -> Result<Int, FrameError> in
            var at = 0
            while raw.count - at >= 4 {
                let length = Int(raw[at]) << 24 | Int(raw[at + 1]) << 16 | Int(raw[at + 2]) << 8 | Int(raw[at + 3])
                guard length <= maxFrameBytes else { return .failure(FrameError("frame of \(length) bytes is over the limit of \(maxFrameBytes)")) }
                guard raw.count - at - 4 >= length else { break }
                do throws(FrameError) {
                    frames.append(try Self.parse(UnsafeRawBufferPointer(rebasing: raw[(at + 4)..<(at + 4 + length)])))
                } catch {
                    return .failure(error)
                }
                at += 4 + length
            }
            return .success(at)
        }
        switch result {
        case let .failure(error): throw error
        case let .success(used):
            if used == buffer.count {
                buffer.removeAll(keepingCapacity: true)
            } else if used > 0 {
                buffer.removeSubrange(buffer.startIndex..<(buffer.startIndex + used))
            }
        }
        return frames
    }

    static func json(_ frame: Frame) -> String {
        switch frame {
        case let .call(c):
            return JSONText.object([("type", "\"call\""), ("id", String(c.id)), ("api", JSONText.quote(c.api)), ("args", c.argumentsJSONText)])
        case let .reply(r):
            switch r.result {
            case let .success(v):
                return JSONText.object([("type", "\"result\""), ("id", String(r.id)), ("value", v.jsonText)])
            case let .failure(e):
                return JSONText.object([("type", "\"error\""), ("id", String(r.id)), ("code", String(e.code.rawValue)), ("reason", JSONText.quote(e.reason))])
            }
        case let .event(e):
            return JSONText.object([("type", "\"event\""), ("name", JSONText.quote(e.name)), ("payload", e.payload.jsonText)])
        case let .runtime(e):
            return JSONText.object([("type", "\"runtime\""), ("event", e.jsonLine(app: ""))])
        case let .control(message):
            return JSONText.object([("type", "\"control\""), ("op", JSONText.quote(message.op)), ("body", message.body.jsonText)])
        }
    }

    static func parse(_ body: Data) throws(FrameError) -> Frame {
        let result = body.withUnsafeBytes { raw -> Result<Frame, FrameError> in
            do throws(FrameError) { return .success(try parse(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    static func parse(_ body: UnsafeRawBufferPointer) throws(FrameError) -> Frame {
        // A result's value stays JSON text (checked, not built): the sandbox turns text into a
        // JavaScript value itself, and answers a text it has seen before from its cache.
        guard let (o, raw) = JSONText.object(body, keepingRaw: ["value", "event"]) else {
            throw FrameError("frame is not a JSON object")
        }
        func string(_ k: String) throws(FrameError) -> String {
            guard let s = o[k]?.stringValue else { throw FrameError("frame field \(k) must be a string") }
            return s
        }
        func id() throws(FrameError) -> UInt64 {
            guard let n = o["id"]?.numberValue, n >= 0, n == n.rounded(), n < 9.0e15 else { throw FrameError("frame field id must be a non-negative integer") }
            return UInt64(n)
        }
        switch o["type"]?.stringValue {
        case "call":
            return .call(BridgeCall(id: try id(), api: try string("api"), arguments: o["args"] ?? .null))
        case "result":
            return .reply(BridgeReply(id: try id(), result: .success(.jsonText(raw["value"] ?? "null"))))
        case "error":
            guard let raw = o["code"]?.numberValue, let code = Int(exactly: raw).flatMap(BridgeErrorCode.init(rawValue:)) else { throw FrameError("frame field code is not a known error code") }
            return .reply(BridgeReply(id: try id(), result: .failure(BridgeError(code, try string("reason")))))
        case "event":
            return .event(BridgeEvent(name: try string("name"), payload: .value(o["payload"] ?? .null)))
        case "runtime":
            guard let text = raw["event"], let event = RuntimeEvent(jsonLine: text) else { throw FrameError("frame field event is not a runtime event") }
            return .runtime(event)
        case "control":
            return .control(try ControlMessage(op: try string("op"), body: o["body"] ?? .null))
        case let t:
            throw FrameError("unknown frame type \(t.map { "\"\($0)\"" } ?? "(missing)")")
        }
    }
}

/// A frame that could not be decoded; the text says why.
public struct FrameError: Error, Sendable, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension RuntimeEvent {
    /// Rebuilds an event from its `jsonLine` text, with its JSON parts (`setData`'s data, a reply's
    /// data, a hook's options or query) kept as the text they came as: the app's order of keys,
    /// as in-process. Nil when `text` is not such an event.
    public init?(jsonLine text: String) {
        var copy = text
        guard let (o, raw) = copy.withUTF8({ JSONText.object(UnsafeRawBufferPointer($0), keepingRaw: ["data", "options", "query", "args"]) }) else { return nil }
        self.init(json: o, raw: raw)
    }

    /// Rebuilds an event from its `jsonLine` form; a JSON part found in `raw` (its text) is taken
    /// as it is, one in `o` is written again.
    public init?(json o: [String: JSONValue], raw: [String: String] = [:]) {
        func s(_ k: String) -> String? { o[k]?.stringValue }
        func json(_ k: String) -> String? { raw[k] ?? o[k]?.jsonText }
        switch s("type") {
        case "lifecycle":
            guard let target = s("target"), let hook = s("hook") else { return nil }
            let detail = json("query") ?? json("options")
            self = .lifecycle(target: target, hook: hook, route: s("route"), detail: detail)
        case "console":
            guard let level = s("level"), let message = s("message") else { return nil }
            self = .console(level: level, message: message, source: s("source"))
        case "setData":
            guard let route = s("route"), let data = json("data") else { return nil }
            self = .setData(route: route, data: data)
        case "error":
            guard let kind = s("kind"), let message = s("message") else { return nil }
            self = .error(kind: kind, message: message, stack: s("stack"))
        case "exit":
            guard let status = s("status") else { return nil }
            self = .exit(status: status, reason: s("reason"))
        case "reply":
            guard let command = s("command"), let data = json("data") else { return nil }
            self = .reply(command: command, data: data)
        case "ui":
            guard let api = s("api"), let args = json("args") else { return nil }
            self = .ui(api: api, args: args)
        default:
            return nil
        }
    }
}
