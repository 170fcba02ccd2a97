import Foundation
import Testing
import MiniHostProtocol

/// Control messages encode and decode themselves; a hostile body is an error naming the field,
/// never a trap (a worker's `waited` with id 1e300 once ended the host).
@Suite struct ControlMessageTests {
    let codec = FrameCodec(maxFrameBytes: 1 << 16)

    @Test func everyMessageRoundTrips() throws {
        let messages: [ControlMessage] = [
            .wait(id: 3, drained: true), .ping(seq: 9), .hold, .release, .stop, .fault(.garbage),
            .prepared, .started, .launched(ok: true), .waited(id: 4), .pong(seq: 9),
            .probed(["open": "refused"]), .fatal(reason: "x"), .fatal(reason: nil), .stopped,
        ]
        for message in messages {
            var buffer = codec.encode(.control(message))
            #expect(try codec.decode(&buffer) == [.control(message)])
            #expect(try ControlMessage(op: message.op, body: message.body) == message)
        }
    }

    @Test(arguments: ["1e300", "-1e300", "1.5", "\"7\"", "null", "[1]", "9223372036854775808"])
    func aNumberOutOfRangeOrOfTheWrongTypeIsRefused(_ id: String) {
        #expect(throws: FrameError.self) { try ControlMessage(op: "waited", body: body(#"{"id":\#(id)}"#)) }
        #expect(throws: FrameError.self) { try ControlMessage(op: "ping", body: body(#"{"seq":\#(id)}"#)) }
    }

    /// The app's version (getAccountInfoSync reads it) and whether a driver intercepts its calls
    /// cross with its configuration; a host that sends neither gives "" and false, and a value of
    /// the wrong type is refused.
    @Test func theConfigurationCarriesTheAppVersion() throws {
        let config = SandboxConfig(appId: "org.test.v", appName: "V", files: ["app.js": Data("App({})".utf8)], pages: ["p/p"], appVersion: "1.2.3",
                                   callsIntercepted: true)
        #expect(try WorkerWire.config(WorkerWire.encode(config)) == config)
        guard case var .object(o) = WorkerWire.encode(config) else { Issue.record("not an object"); return }
        o["appVersion"] = nil
        o["callsIntercepted"] = nil
        let older = try WorkerWire.config(.object(o))
        #expect(older.appVersion == "" && older.callsIntercepted == false)
        o["appVersion"] = .number(1)
        #expect(throws: FrameError.self) { try WorkerWire.config(.object(o)) }
    }

    @Test func anUnknownOperationIsNamed() {
        #expect(throws: FrameError.self) { try ControlMessage(op: "reboot", body: .null) }
    }

    private func body(_ text: String) -> JSONValue {
        JSONValue.parse(text) ?? .null
    }
}
