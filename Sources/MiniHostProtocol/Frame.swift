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
        guard let (o, raw) = FrameJSON.parseObject(body, keepingRaw: ["value", "event"]) else {
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
        guard let (o, raw) = copy.withUTF8({ FrameJSON.parseObject(UnsafeRawBufferPointer($0), keepingRaw: ["data", "options", "query"]) }) else { return nil }
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
            self = .console(level: level, message: message)
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
        default:
            return nil
        }
    }
}

/// A strict JSON reader for frame bodies, several times faster than decoding ``JSONValue``
/// through Codable (which tries each type in turn and pays for a thrown error at every miss).
/// Numbers are read by the standard library's correctly rounded conversion, as Codable does,
/// so every double survives a frame exactly (JSONSerialization was seen to round some). It
/// never trusts its input: bad syntax, invalid UTF-8, lone surrogates, numbers out of range
/// and nesting deeper than 512 are all "not JSON" (nil).
enum FrameJSON {
    /// The value of a hexadecimal digit (`0`–`9`, `a`–`f`, `A`–`F`); nil for any other byte.
    static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static let maxDepth = 512

    static func parse(_ data: Data) -> JSONValue? {
        data.withUnsafeBytes { parse($0) }
    }

    static func parse(_ raw: UnsafeRawBufferPointer) -> JSONValue? {
        var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.at == reader.bytes.count ? value : nil
    }

    /// True when `text` is JSON by this reader's rules (what a frame may carry).
    static func isStrict(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { utf8 in
            var reader = Reader(bytes: utf8)
            guard reader.value(depth: 0, build: false) != nil else { return false }
            reader.skipSpace()
            return reader.at == reader.bytes.count
        }
    }

    /// A JSON object whose members named in `rawKeys` are checked like any value but kept as
    /// their text (the first one of a name, if repeated); nil when `raw` is not a JSON object.
    static func parseObject(_ raw: UnsafeRawBufferPointer, keepingRaw rawKeys: Set<String>) -> (fields: [String: JSONValue], raw: [String: String])? {
        var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var object: [String: JSONValue] = [:]
        var kept: [String: String] = [:]
        if !reader.take(UInt8(ascii: "}")) {
            repeat {
                reader.skipSpace()
                guard let key = reader.string(), reader.take(UInt8(ascii: ":")) else { return nil }
                if rawKeys.contains(key) {
                    reader.skipSpace()
                    let start = reader.at
                    guard reader.value(depth: 1, build: false) != nil else { return nil }
                    if kept[key] == nil { kept[key] = String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.at]), as: UTF8.self) }
                } else {
                    guard let v = reader.value(depth: 1) else { return nil }
                    if object[key] == nil { object[key] = v }
                }
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "}")) else { return nil }
        }
        reader.skipSpace()
        return reader.at == reader.bytes.count ? (object, kept) : nil
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at += 1
                default: return
                }
            }
        }

        /// Consumes `byte` (after any space); false when something else is there.
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        /// One value. With `build` false the value is checked by the same rules but not made
        /// (containers are never filled; any valid value answers `.null`).
        mutating func value(depth: Int, build: Bool = true) -> JSONValue? {
            skipSpace()
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                guard depth < FrameJSON.maxDepth else { return nil }
                at += 1
                var object: [String: JSONValue] = [:]
                if !take(UInt8(ascii: "}")) {
                    repeat {
                        skipSpace()
                        guard let key = string(), take(UInt8(ascii: ":")), let v = value(depth: depth + 1, build: build) else { return nil }
                        // A repeated key keeps its first value, as Codable's reading does.
                        if build && object[key] == nil { object[key] = v }
                    } while take(UInt8(ascii: ","))
                    guard take(UInt8(ascii: "}")) else { return nil }
                }
                return build ? .object(object) : .null
            case UInt8(ascii: "["):
                guard depth < FrameJSON.maxDepth else { return nil }
                at += 1
                var array: [JSONValue] = []
                if !take(UInt8(ascii: "]")) {
                    repeat {
                        guard let v = value(depth: depth + 1, build: build) else { return nil }
                        if build { array.append(v) }
                    } while take(UInt8(ascii: ","))
                    guard take(UInt8(ascii: "]")) else { return nil }
                }
                return build ? .array(array) : .null
            case UInt8(ascii: "\""):
                return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return number().map(JSONValue.number)
            default:
                return nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard bytes.count - at >= n else { return false }
            for k in 0..<n where bytes[at + k] != word.utf8Start[k] { return false }
            at += n
            return true
        }

        mutating func digits() -> Int {
            let start = at
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            return at - start
        }

        /// JSON's number grammar, then the standard library's exact conversion.
        mutating func number() -> Double? {
            let start = at
            if bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard at < bytes.count else { return nil }
            let intStart = at
            if bytes[at] == UInt8(ascii: "0") {
                at += 1
            } else if digits() == 0 {
                return nil
            }
            let intEnd = at
            // A plain integer of up to 15 digits is exact as a double: no text conversion needed.
            if intEnd - intStart <= 15, at == bytes.count || (bytes[at] != UInt8(ascii: ".") && bytes[at] != UInt8(ascii: "e") && bytes[at] != UInt8(ascii: "E")) {
                var v: Int64 = 0
                for k in intStart..<intEnd { v = v * 10 + Int64(bytes[k] - UInt8(ascii: "0")) }
                return bytes[start] == UInt8(ascii: "-") ? -Double(v) : Double(v)
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
                at += 1
                guard digits() > 0 else { return nil }
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
                at += 1
                if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
                guard digits() > 0 else { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            guard let n = Double(text), n.isFinite else { return nil }
            return n
        }

        mutating func hex4() -> UInt32? {
            guard bytes.count - at >= 4 else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                guard let d = FrameJSON.hexDigit(bytes[at + k]) else { return nil }
                v = v << 4 | d
            }
            at += 4
            return v
        }

        /// A string at `at` (its opening quote); nil when malformed or not valid UTF-8.
        mutating func string() -> String? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            at += 1
            let start = at
            // The common case: no escapes.
            while at < bytes.count {
                let b = bytes[at]
                if b == UInt8(ascii: "\"") {
                    defer { at += 1 }
                    return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { return nil }
                at += 1
            }
            guard at < bytes.count else { return nil }
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<at]))
            while at < bytes.count {
                let b = bytes[at]
                at += 1
                switch b {
                case UInt8(ascii: "\""):
                    return String(validating: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { return nil }
                    let e = bytes[at]
                    at += 1
                    if let byte = JSONText.escapedByte(e) {
                        out.append(byte)
                        continue
                    }
                    switch e {
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if scalar >= 0xD800 && scalar < 0xDC00 {
                            // A high surrogate must be followed by an escaped low one.
                            guard bytes.count - at >= 2, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { return nil }
                            at += 2
                            guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { return nil }  // a lone low surrogate
                        out.append(contentsOf: UTF8.encode(u)!)
                    default:
                        return nil
                    }
                default:
                    if b < 0x20 { return nil }
                    out.append(b)
                }
            }
            return nil
        }
    }
}
