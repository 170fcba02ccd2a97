import Foundation
import Testing
import MiniHostProtocol

@Suite struct FrameTests {
    let codec = FrameCodec(maxFrameBytes: 1 << 16)

    @Test func everyFrameRoundTrips() throws {
        let frames: [Frame] = [
            .call(BridgeCall(id: 7, api: "setStorage", arguments: .object(["key": .string("k"), "data": .array([.number(1), .null, .bool(true)])]))),
            .reply(BridgeReply(id: 7, result: .success(.value(.object(["errMsg": .string("x")]))))),
            .reply(BridgeReply(id: 8, result: .failure(.authDeny))),
            .event(BridgeEvent(name: "onMessage", payload: .value(.object(["text": .string("hi\n\"there\"")])))),
            .runtime(.console(level: "log", message: "héllo\u{1B}")),
            .runtime(.exit(status: "killed", reason: "memory limit 64 MB exceeded")),
        ]
        var buffer = Data()
        for f in frames { buffer.append(codec.encode(f)) }
        let decoded = try codec.decode(&buffer)
        #expect(decoded == frames)
        #expect(buffer.isEmpty)
    }

    /// A result's value arrives as its JSON text (the sandbox caches values by text), checked by
    /// the same rules as every other part of a frame.
    @Test func aResultKeepsItsValueAsCheckedText() throws {
        func decode(_ body: String) throws -> [Frame] {
            var buf = Data()
            var len = UInt32(body.utf8.count).bigEndian
            buf.append(Data(bytes: &len, count: 4))
            buf.append(Data(body.utf8))
            return try codec.decode(&buf)
        }
        let frames = try decode(#"{"type":"result","id":3,"value": {"a": [1, "x\u00e9"], "b": null} }"#)
        #expect(frames == [.reply(BridgeReply(id: 3, result: .success(.jsonText(#"{"a": [1, "x\u00e9"], "b": null}"#))))])
        #expect(frames == [.reply(BridgeReply(id: 3, result: .success(.value(.object(["a": .array([.number(1), .string("xé")]), "b": .null])))))])
        #expect(try decode(#"{"value":"first","type":"result","id":4,"value":2}"#) == [.reply(BridgeReply(id: 4, result: .success(.jsonText(#""first""#))))])
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        for bad in [#"{"type":"result","id":1,"value":[1,]}"#, #"{"type":"result","id":1,"value":"\ud800"}"#,
                    #"{"type":"result","id":1,"value":01}"#, #"{"type":"result","id":1,"value":tru}"#,
                    #"{"type":"result","id":1,"value":\#(deep)}"#, #"{"type":"result","id":1,"value":{"a" 1}}"#] {
            #expect(throws: FrameError.self, "\(bad.prefix(60))") { try decode(bad) }
        }
    }

    /// A runtime event's JSON parts cross the worker's socket as the text they were: the app's
    /// order of keys, not the order a rebuilt value writes (the host sorted them before, so a
    /// test in process mode saw `Object.keys(page.data())` in another order than in-process).
    /// A raw U+2028/U+2029 in any part of an event (the app's data, query, message) is escaped, so
    /// a reader splitting on Unicode line breaks still reads one event per line.
    @Test func anEventLineHasNoUnicodeLineBreaks() throws {
        let events: [RuntimeEvent] = [
            .setData(route: "pages/a", data: "{\"x\":\"c\u{2029}{\\\"type\\\":\\\"exit\\\"}\"}"),
            .lifecycle(target: "page", hook: "onLoad", route: "pages/a", detail: "{\"q\":\"\u{2028}\"}"),
            .console(level: "log", message: "a\u{2028}b"),
        ]
        for event in events {
            let line = event.jsonLine(app: "x")
            #expect(!line.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }, "\(line)")
            // The same values (a JSON part keeps the escape in its text).
            #expect(JSONValue.parse(line) != nil)
            switch (RuntimeEvent(jsonLine: line), event) {
            case let (.setData(_, read)?, .setData(_, sent)), let (.lifecycle(_, _, _, read?)?, .lifecycle(_, _, _, sent?)):
                #expect(JSONValue.parse(read) == JSONValue.parse(sent), "\(line)")
            case let (read?, sent):
                #expect(read == sent)
            default:
                Issue.record("\(line) does not read back")
            }
        }
    }

    @Test func aRuntimeEventKeepsItsJSONPartsAsTheirText() throws {
        let events: [RuntimeEvent] = [
            .setData(route: "pages/a", data: #"{"zeta":1,"alpha":{"b":2,"a":[3,{"y":1,"x":2}]}}"#),
            .reply(command: "driver", data: #"{"token":3,"ok":true,"value":{"b":1,"a":2}}"#),
            .lifecycle(target: "app", hook: "onLaunch", route: nil, detail: #"{"path":"p","query":{},"scene":"launch","referrerInfo":{}}"#),
            .lifecycle(target: "page", hook: "onLoad", route: "pages/a", detail: #"{"z":"1","a":"2"}"#),
        ]
        for event in events {
            var buffer = codec.encode(.runtime(event))
            #expect(try codec.decode(&buffer) == [.runtime(event)])
        }
        #expect(RuntimeEvent(jsonLine: #"{"type":"setData","app":"x","route":"r","data":{"b":1,"a":2}}"#) == .setData(route: "r", data: #"{"b":1,"a":2}"#))
        #expect(RuntimeEvent(jsonLine: #"{"type":"setData","app":"x","route":"r"}"#) == nil)
        #expect(RuntimeEvent(jsonLine: "[1]") == nil)
    }

    /// A string cut inside a surrogate pair (`'😀'.slice(0, 1)`), which `JSON.stringify` writes as
    /// a lone `\ud83d`, gets the replacement character; pairs, other escapes and an escaped
    /// backslash before `u` stay as they are. A runtime event carrying one (a page's `setData`)
    /// crosses the worker's socket instead of failing the frame (the app was killed for it).
    @Test func aLoneSurrogateBecomesTheReplacementCharacter() throws {
        #expect(JSONText.replacingLoneSurrogates(#"{"a":"\ud83d","b":"\ud83d\ude00","c":"x\ude00","d":"\\ud800","e":"\n\u00e9"}"#)
            == #"{"a":"\ufffd","b":"\ud83d\ude00","c":"x\ufffd","d":"\\ud800","e":"\n\u00e9"}"#)
        #expect(JSONText.replacingLoneSurrogates(#"["\ud800\ud800\udc00"]"#) == #"["\ufffd\ud800\udc00"]"#)
        let plain = #"{"s":"😀"}"#
        #expect(JSONText.replacingLoneSurrogates(plain) == plain)
        var buffer = codec.encode(.runtime(.setData(route: "pages/a", data: #"{"s":"\ud83d"}"#)))
        #expect(try codec.decode(&buffer) == [.runtime(.setData(route: "pages/a", data: #"{"s":"\ufffd"}"#))])
    }

    /// An object read with one member kept as its text (a test driver's reply: the value goes on as
    /// it came); a member that is not strict JSON, or text that is not an object, reads as nil.
    @Test func anObjectKeepsOneMemberAsItsText() throws {
        let reply = JSONText.object(#"{"token":7,"ok":true,"value":{"route":"pages/a","data":{"n":[1,"x"]}}}"#, keepingRaw: "value")
        #expect(reply?.fields["token"] == .number(7))
        #expect(reply?.fields["ok"] == .bool(true))
        #expect(reply?.fields["value"] == nil)
        #expect(reply?.raw == #"{"route":"pages/a","data":{"n":[1,"x"]}}"#)
        #expect(JSONText.object(#"{"token":1,"ok":false,"error":"no page"}"#, keepingRaw: "value")?.raw == nil)
        for bad in [#"{"token":1,"value":{"a" 1}}"#, #"{"token":1,"value":"\udc00"}"#, "[1]", "", #"{"token":1,"value":1"#] {
            #expect(JSONText.object(bad, keepingRaw: "value") == nil, "\(bad)")
        }
    }

    /// A worker sends a call's arguments as the runtime's text when that text is strict JSON; the
    /// frame carries it as it is and reads back as the same value.
    @Test func aCallMadeFromTextTravelsAsThatText() throws {
        #expect(JSONText.isStrict(#" {"key": "k", "n": [1.5, -2e3, true, null]} "#))
        for bad in [#"{"key": "\udc00"}"#, "{", #"{"a":1,}"#, "NaN", "", #"["\#u{1}"]"#, String(repeating: "[", count: 513) + String(repeating: "]", count: 513)] {
            #expect(!JSONText.isStrict(bad), "\(bad.prefix(20))")
        }
        let text = #"{"key":"k","data":{"list":[1,"two"]}}"#
        let call = BridgeCall(id: 9, api: "setStorage", argumentsText: text)
        #expect(call.arguments == .object(["key": .string("k"), "data": .object(["list": .array([.number(1), .string("two")])])]))
        var buffer = codec.encode(.call(call))
        #expect(String(decoding: buffer, as: UTF8.self).contains(text))
        #expect(try codec.decode(&buffer) == [.call(call)])
    }

    /// The identity test the result caches use: a copy shares its buffer, an equal string made
    /// separately does not.
    @Test func stringsShareStorageOnlyWithTheirCopies() {
        let a = String(repeating: "{\"data\":[1,2,3]}", count: 3)
        let copy = a
        let equal = String(repeating: "{\"data\":[1,2,3]}", count: 3)
        #expect(a.sharesStorage(with: copy))
        #expect(a == equal)
        #expect(!a.sharesStorage(with: equal))
        #expect(!"short".sharesStorage(with: "short"))
    }

    @Test func partialFramesWaitForTheRest() throws {
        let whole = codec.encode(.call(BridgeCall(id: 1, api: "getStorage", arguments: .object([:]))))
        var buffer = whole.prefix(whole.count - 3)
        #expect(try codec.decode(&buffer).isEmpty)
        buffer.append(whole.suffix(3))
        #expect(try codec.decode(&buffer).count == 1)
    }

    @Test func hostileFramesAreErrorsNotCrashes() throws {
        var huge = Data([0x7F, 0xFF, 0xFF, 0xFF])
        #expect(throws: FrameError.self) { try codec.decode(&huge) }
        for body in ["not json", "[1,2]", #"{"type":"call","id":-1,"api":"x"}"#, #"{"type":"error","id":1,"code":42,"reason":"x"}"#, #"{"type":"nope"}"#, #"{"id":1}"#] {
            var buf = Data()
            var len = UInt32(body.utf8.count).bigEndian
            buf.append(Data(bytes: &len, count: 4))
            buf.append(Data(body.utf8))
            #expect(throws: FrameError.self, "\(body)") { try codec.decode(&buf) }
        }
    }
}

/// Numbers cross a frame exactly (a double that JSONSerialization would round differently).
@Suite struct FrameNumberTests {
    @Test func doublesSurviveAFrameExactly() throws {
        let codec = FrameCodec()
        for n in [116.40374357265178, 39.91010349934476, 0.1 + 0.2, 1e-300, 123456789.98765433] {
            var buffer = codec.encode(.event(BridgeEvent(name: "n", payload: .value(.number(n)))))
            let frames = try codec.decode(&buffer)
            guard case let .event(e) = frames.first, case let .value(v) = e.payload else { Issue.record("no event"); continue }
            #expect(v == .number(n), "\(n)")
        }
    }
}
