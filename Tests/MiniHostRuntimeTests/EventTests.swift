import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

/// A host endpoint that offers one event and keeps the channel it was given.
final class EventEndpoint: BridgeEndpoint, @unchecked Sendable {
    private let lock = NSLock()
    private var channel: (any AppEventChannel)?
    private(set) var disconnected = false

    var apis: [APIDescriptor] { [APIDescriptor(name: "Ping", kind: .event)] }
    func callSync(_ call: BridgeCall) -> BridgeReply { BridgeReply(id: call.id, result: .success(.empty)) }
    func callAsync(_ call: BridgeCall, reply: @escaping @Sendable (BridgeReply) -> Void) { reply(callSync(call)) }
    func connect(_ channel: any AppEventChannel) { lock.withLock { self.channel = channel } }
    func disconnect() { lock.withLock { disconnected = true; channel = nil } }
    var current: (any AppEventChannel)? { lock.withLock { channel } }
}

/// Host events: `mp.on<Name>`/`mp.off<Name>`, delivery as tasks, holds that keep the app busy.
@Suite struct EventTests {
    func start(_ page: String, endpoint: EventEndpoint) throws -> (Sandbox, EventLog) {
        let log = EventLog()
        let files = ["app.js": "App({ onError(m) { console.log('onError ' + m.split('\\n')[0]) } })", "pages/index/index.js": page]
        let config = SandboxConfig(appId: "org.test.events", appName: "Events", files: files.mapValues { Data($0.utf8) }, pages: ["pages/index/index"], cpuLimitMs: 200)
        let sandbox = try Sandbox(config: config, endpoint: endpoint) { log.append($0) }
        sandbox.launch()
        #expect(idleWithin(sandbox, 5, "launch"))
        return (sandbox, log)
    }

    @Test func listenersGetEachEventAsACopyAndOffRemovesThem() throws {
        let endpoint = EventEndpoint()
        let (sandbox, log) = try start("""
        const a = (e) => { console.log('a ' + e.n); e.n = 99 };
        const b = (e) => console.log('b ' + e.n);
        Page({ onLoad() { mp.onPing(a); mp.onPing(a); mp.onPing(b); console.log(typeof mp.offPing) },
               drop() { mp.offPing(a) }, dropAll() { mp.offPing() } })
        """, endpoint: endpoint)
        let channel = try #require(endpoint.current)
        channel.send(BridgeEvent(name: "Ping", payload: .value(.object(["n": .number(1)]))))
        #expect(idleWithin(sandbox, 5, "event 1"))
        sandbox.perform(.callPage(route: nil, method: "drop", argumentJSON: nil))
        channel.send(BridgeEvent(name: "Ping", payload: .value(.object(["n": .number(2)]))))
        #expect(idleWithin(sandbox, 5, "event 2"))
        sandbox.perform(.callPage(route: nil, method: "dropAll", argumentJSON: nil))
        channel.send(BridgeEvent(name: "Ping", payload: .value(.object(["n": .number(3)]))))
        #expect(idleWithin(sandbox, 5, "event 3"))
        // `a` registered twice counts once; b sees the payload unchanged by a.
        #expect(log.console == ["function", "a 1", "b 1", "b 2"])
        sandbox.stop()
    }

    @Test func aThrowingListenerGoesToOnErrorAndTheNextStillRuns() throws {
        let endpoint = EventEndpoint()
        let (sandbox, log) = try start("""
        Page({ onLoad() { mp.onPing(() => { throw new Error('bad listener') }); mp.onPing(() => console.log('second')) } })
        """, endpoint: endpoint)
        endpoint.current?.send(BridgeEvent(name: "Ping", payload: .value(.null)))
        #expect(idleWithin(sandbox, 5, "event"))
        #expect(log.console.contains("second"))
        #expect(log.console.contains { $0.hasPrefix("onError") && $0.contains("bad listener") })
        sandbox.stop()
    }

    @Test func aHoldKeepsTheAppBusyUntilReleasedAndStopDisconnects() throws {
        let endpoint = EventEndpoint()
        let (sandbox, _) = try start("Page({})", endpoint: endpoint)
        let channel = try #require(endpoint.current)
        channel.hold()
        #expect(sandbox.isIdle == false)
        channel.release()
        #expect(sandbox.isIdle)
        channel.release()  // an extra release is ignored
        channel.hold()
        #expect(sandbox.isIdle == false)
        let stopped = DispatchSemaphore(value: 0)
        sandbox.stop { stopped.signal() }
        stopped.wait()
        #expect(endpoint.disconnected)
        #expect(sandbox.isIdle)
    }

    @Test func onAndOffNeedAFunction() throws {
        let endpoint = EventEndpoint()
        let (sandbox, log) = try start("""
        Page({ onLoad() { try { mp.onPing('x') } catch (e) { console.log(e.constructor.name + ': ' + e.message) }
                          console.log(mp.canIUse('onPing') + ' ' + mp.canIUse('offPing')) } })
        """, endpoint: endpoint)
        #expect(log.console == ["TypeError: onPing needs a function", "true true"])
        sandbox.stop()
    }
}
