import Foundation
import MiniHostProtocol

/// Every way the host reads bytes from a worker, applied to one input, with what must hold
/// besides not trapping: decoding does not depend on how the bytes arrive, and what a frame
/// decodes to encodes back to itself. The frame fuzzer (`Fuzz/`) runs it on each input it
/// makes; `WorkerBytesCorpusTests` replays the fuzzer's corpus through it.
enum WorkerBytes {
    /// The host's limit for a frame from a worker (``WorkerProcess``'s socket).
    static let codec = FrameCodec(maxFrameBytes: 16 << 20)

    /// Every control operation's name, including those only the host sends (a worker's frame
    /// may name any; the host refuses those after decoding them).
    static let operations = [
        "prepare", "start", "launch", "command", "wait", "ping", "hold", "release", "stop", "crash",
        "prepared", "started", "launched", "waited", "pong", "probed", "fatal", "stopped", "reboot",
    ]

    /// What did not hold for `input`; empty when all did.
    static func problems(in input: Data) -> [String] {
        var found: [String] = []
        // The bytes as the socket's stream: length prefixes, truncation, huge lengths.
        checkStream(input, &found)
        // The bytes as the JSON body of one frame, behind a length that fits.
        var framed = withUnsafeBytes(of: UInt32(input.count).bigEndian) { Data($0) }
        framed.append(input)
        checkStream(framed, &found)
        // The bytes as the JSON inside a frame: a control body, a runtime event, a reply.
        checkJSON(input, &found)
        return found
    }

    /// What one decoding of a stream gave: the frames, the bytes left waiting, or the error.
    struct Outcome: Equatable {
        var frames: [Frame] = []
        var rest = Data()
        var error: String?
    }

    /// Decodes `input` as it arrived in one read, then in pieces, and checks every frame.
    static func checkStream(_ input: Data, _ found: inout [String]) {
        let whole = decode(input, pieces: [input.count])
        // Pieces of 1, 2, 3, 5, 8 and 13 bytes in turn: cuts in every header and body. (Errors
        // are compared by presence: which of two bad members one names may vary.)
        let cut = decode(input, pieces: [1, 2, 3, 5, 8, 13])
        if (whole.error == nil) != (cut.error == nil) || (whole.error == nil && (whole.frames != cut.frames || whole.rest != cut.rest)) {
            found.append("decoding in pieces differs: \(cut.error ?? "\(cut.frames.count) frames") against \(whole.error ?? "\(whole.frames.count) frames")")
        }
        for frame in whole.frames { checkFrame(frame, &found) }
    }

    /// Feeds `input` to one buffer in pieces of the given sizes (in turn), decoding after each.
    static func decode(_ input: Data, pieces: [Int]) -> Outcome {
        var outcome = Outcome()
        var at = input.startIndex, turn = 0
        repeat {
            let end = min(input.endIndex, at + max(1, pieces[turn % pieces.count]))
            outcome.rest.append(input[at..<end])
            at = end
            turn += 1
            do {
                outcome.frames += try codec.decode(&outcome.rest)
            } catch {
                outcome.error = error.description
                return outcome
            }
        } while at < input.endIndex
        return outcome
    }

    /// A decoded frame encodes back to itself, and what the host makes of it holds together.
    static func checkFrame(_ frame: Frame, _ found: inout [String]) {
        var again = codec.encode(frame)
        let reread = Result { () throws(FrameError) in try codec.decode(&again) }
        if (try? reread.get()) != [frame] || !again.isEmpty {
            found.append("frame does not survive encoding: \(frame) became \(reread)")
        }
        switch frame {
        case let .call(call):
            if JSONValue.parse(call.arguments.jsonText) != call.arguments { found.append("call arguments do not survive their text: \(call)") }
        case let .reply(reply):
            if case let .success(value) = reply.result, !JSONText.isStrict(value.jsonText) { found.append("result value is not strict JSON: \(reply)") }
        case let .event(event):
            if !JSONText.isStrict(event.payload.jsonText) { found.append("event payload is not strict JSON: \(event)") }
        case let .runtime(event):
            checkEvent(event, &found)
        case let .control(message):
            checkControl(message, &found)
        }
    }

    /// The `--json` line the host prints for an event is strict JSON, one line for any reader
    /// (no U+2028/U+2029), and reads back as an event that prints the same line (its JSON parts
    /// keep the escapes the line gave them).
    static func checkEvent(_ event: RuntimeEvent, _ found: inout [String]) {
        let line = event.jsonLine(app: "org.fuzz")
        if !JSONText.isStrict(line) { found.append("event line is not strict JSON: \(line)") }
        if line.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) { found.append("event line holds a Unicode line break: \(line)") }
        if RuntimeEvent(jsonLine: line)?.jsonLine(app: "org.fuzz") != line { found.append("event line does not read back: \(line)") }
    }

    /// A control message's body decodes back to the message.
    static func checkControl(_ message: ControlMessage, _ found: inout [String]) {
        let again = Result { () throws(FrameError) in try ControlMessage(op: message.op, body: message.body) }
        if (try? again.get()) != message { found.append("control message does not survive its body: \(message) became \(again)") }
    }

    /// `input` as JSON text where a frame carries JSON: every control operation's body, the
    /// pieces of a `start` or `command` body, a runtime event's line, a driver's reply.
    static func checkJSON(_ input: Data, _ found: inout [String]) {
        let text = String(decoding: input, as: UTF8.self)
        if JSONText.isStrict(text), JSONText.replacingLoneSurrogates(text) != text {
            found.append("strict JSON changed by replacing lone surrogates: \(text.prefix(200))")
        }
        _ = JSONText.nestingDepth(text)
        if let (_, raw) = JSONText.object(text, keepingRaw: "value"), let raw, !JSONText.isStrict(raw) {
            found.append("a member kept as text is not strict JSON: \(raw.prefix(200))")
        }
        if let event = RuntimeEvent(jsonLine: text) { checkEvent(event, &found) }
        guard let body = input.withUnsafeBytes({ JSONValue.parse(utf8: $0) }) else { return }
        if JSONValue.parse(body.jsonText) != body { found.append("JSON does not survive its text: \(text.prefix(200))") }
        for op in operations {
            if let message = try? ControlMessage(op: op, body: body) { checkControl(message, &found) }
        }
        if let config = try? WorkerWire.config(body), (try? WorkerWire.config(WorkerWire.encode(config))) != config {
            found.append("a start's configuration does not survive encoding: \(config)")
        }
        if let apis = try? WorkerWire.apis(body), (try? WorkerWire.apis(WorkerWire.encode(apis))) != apis {
            found.append("a prepare's APIs do not survive encoding: \(apis)")
        }
        if let command = try? WorkerWire.command(body), (try? WorkerWire.command(WorkerWire.encode(command))) != command {
            found.append("a command does not survive encoding: \(command)")
        }
        let options = WorkerWire.launchOptions(body)
        if WorkerWire.launchOptions(WorkerWire.encode(options)) != options { found.append("launch options do not survive encoding: \(options)") }
        if let event = RuntimeEvent(json: body.objectValue ?? [:]) { checkEvent(event, &found) }
    }

    /// Runs `body` on a thread with the stack the host gives the thread that reads a worker.
    static func onReaderStack(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = FrameCodec.readerStackBytes
        thread.start()
        done.wait()
    }
}
