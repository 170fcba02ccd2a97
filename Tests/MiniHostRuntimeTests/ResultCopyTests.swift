import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

/// A host that answers `getThing` (async, at once or later) with a fixed JSON result.
final class FixedResultEndpoint: BridgeEndpoint, @unchecked Sendable {
    let text: String
    let atOnce: Bool
    init(_ text: String, atOnce: Bool) { self.text = text; self.atOnce = atOnce }
    var apis: [APIDescriptor] { [APIDescriptor(name: "getThing", kind: .async), APIDescriptor(name: "getThingSync", kind: .sync)] }
    func callSync(_ call: BridgeCall) -> BridgeReply { BridgeReply(id: call.id, result: .success(.jsonText(text))) }
    func callAsync(_ call: BridgeCall, reply: @escaping @Sendable (BridgeReply) -> Void) {
        DispatchQueue.global().async { reply(self.callSync(call)) }
    }
    func answersAtOnce(_ api: String) -> Bool { atOnce }
}

/// What an async API's success value is made of: `errMsg` and a copy of the host's result, each
/// call its own, with keys such as `__proto__` kept as data.
@Suite struct ResultCopyTests {
    func run(_ page: String, _ endpoint: FixedResultEndpoint) throws -> [String] {
        let log = EventLog()
        let files = ["app.js": "App({})", "pages/index/index.js": page]
        let config = SandboxConfig(appId: "org.test.results", appName: "Results", files: files.mapValues { Data($0.utf8) },
                                   pages: ["pages/index/index"], cpuLimitMs: 200)
        let sandbox = try Sandbox(config: config, endpoint: endpoint) { log.append($0) }
        sandbox.launch()
        #expect(idleWithin(sandbox, 5, "launch"))
        sandbox.stop()
        return log.console
    }

    static let page = """
    Page({ async onLoad() {
      const a = await mp.getThing({});
      a.list.push(3); a.extra = 1;
      const b = await new Promise((ok) => mp.getThing({ success: ok }));
      console.log(a.errMsg, b.errMsg, JSON.stringify(b.list), b.extra === undefined, b.n);
      console.log(Object.getPrototypeOf(a) === Object.prototype, Object.prototype.hasOwnProperty.call(a, '__proto__'),
                  JSON.stringify(a.__proto__), a.polluted === undefined, ({}).polluted === undefined, typeof a.constructor);
      const s = mp.getThingSync();
      console.log(s.errMsg === undefined, JSON.stringify(s.list));
    } })
    """
    static let result = #"{"list": [1, 2], "n": 7, "__proto__": {"polluted": true}, "constructor": "c"}"#

    @Test(arguments: [true, false]) func eachCallGetsItsOwnCopyAndProtoKeysStayData(atOnce: Bool) throws {
        let lines = try run(Self.page, FixedResultEndpoint(Self.result, atOnce: atOnce))
        #expect(lines == [
            "getThing:ok getThing:ok [1,2] true 7",
            "true true {\"polluted\":true} true true string",
            "true [1,2]",
        ])
    }
}
