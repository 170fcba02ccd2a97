import ArgumentParser
import Dispatch
import Foundation
import MiniHostCore
import MiniHostIsolation
import MiniHostProtocol

/// `minihost-bench render`: the view layer in process. A page of 1,000 `wx:for` items rendered
/// from data, one item's field changed by setData, a tap that sets data, and the memory an app's
/// view context adds. Every figure is a driver round trip, as a test sees it.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "First render, update, tap round trip and memory of the view layer.")

    @Option(help: "Timed runs of each measure.") var runs = 200
    @Option(help: "Apps kept alive for the memory figure.") var apps = 20
    @OptionGroup var options: BenchOptions

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-render-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let list = try RenderProject.load(try RenderProject.write(to: scratch.appendingPathComponent("list"), entry: "list"), cache: scratch)
        let driver = DriverClient()
        let host = AppHost { _, event in driver.receive(event) }
        let app = try host.start(list)
        guard app.waitForLaunch() == true else { throw ValidationError("the render bench app failed to launch") }
        driver.app = app

        // First render: reLaunch onto the 1,000-item page, less the same page without a template.
        for _ in 0..<10 { try driver.go("/pages/list/list"); try driver.go("/pages/plain/plain") }
        var withView: [Double] = [], withoutView: [Double] = []
        for _ in 0..<runs {
            withView.append(try driver.timed { try driver.go("/pages/list/list") })
            withoutView.append(try driver.timed { try driver.go("/pages/plain/plain") })
        }
        try driver.go("/pages/list/list")
        let key = try driver.pageKey()
        let item = try driver.find(key, "#i500"), status = try driver.find(key, "#status")

        // Update: setData of one item's field, then the item's text read back; less a page call
        // that changes nothing, read the same way.
        var update: [Double] = [], noop: [Double] = []
        for i in 0..<(runs + 10) {
            let u = try driver.timed {
                try driver.request("call", #"{"method":"rename","arg":{"i":500,"name":"renamed \#(i)"}}"#)
                guard try driver.request("view.text", #"{"page":\#(key),"id":\#(item)}"#) == .string("renamed \(i)") else { throw ValidationError("the update did not reach the view") }
            }
            let n = try driver.timed {
                try driver.request("call", #"{"method":"noop"}"#)
                _ = try driver.request("view.text", #"{"page":\#(key),"id":\#(item)}"#)
            }
            if i >= 10 { update.append(u); noop.append(n) }
        }
        // Tap: the driver's tap, the handler's setData, the updated text read back.
        var taps: [Double] = []
        for i in 0..<(runs + 10) {
            let t = try driver.timed {
                try driver.request("view.tap", #"{"page":\#(key),"id":\#(item)}"#)
                guard try driver.request("view.text", #"{"page":\#(key),"id":\#(status)}"#) == .string("tapped 500") else { throw ValidationError("the tap did not reach the view") }
                try driver.request("call", #"{"method":"clear"}"#)
            }
            if i >= 10 { taps.append(t) }
        }
        host.stop(app)

        // Cold: a new app launched onto the page (a new VM, its view context made, the template
        // read and every function compiled for the first time), less the same launch without one.
        let plain = try RenderProject.load(try RenderProject.write(to: scratch.appendingPathComponent("plain-entry"), entry: "plain"), cache: scratch)
        let small = try RenderProject.load(try RenderProject.write(to: scratch.appendingPathComponent("small-entry"), entry: "small"), cache: scratch)
        var coldView: [Double] = [], coldPlain: [Double] = [], coldSmall: [Double] = []
        for _ in 0..<20 {
            coldView.append(try RenderProject.coldLaunchSeconds(host, list))
            coldPlain.append(try RenderProject.coldLaunchSeconds(host, plain))
            coldSmall.append(try RenderProject.coldLaunchSeconds(host, small))
        }
        let memory = try RenderProject.memory(scratch: scratch, apps: apps)
        options.emit([
            ("nodes", 2002),
            ("first_render_ms", (median(withView) - median(withoutView)) * 1000),
            ("first_render_cold_ms", (median(coldView) - median(coldPlain)) * 1000),
            ("view_context_start_ms", (median(coldSmall) - median(coldPlain)) * 1000),
            ("relaunch_with_view_ms", median(withView) * 1000),
            ("relaunch_without_view_ms", median(withoutView) * 1000),
            ("update_ms", median(update) * 1000),
            ("update_floor_ms", median(noop) * 1000),
            ("tap_roundtrip_ms", median(taps) * 1000),
            ("view_memory_kb", memory.withView),
            ("app_memory_without_view_kb", memory.withoutView),
            ("view_context_kb", memory.withView - memory.withoutView),
        ])
    }
}

/// Driver requests to one in-process app, each waited for.
final class DriverClient: @unchecked Sendable {
    var app: RunningApp?
    private let lock = NSLock()
    private var replies: [Int: JSONValue] = [:]
    private var nextToken = 1
    private let arrived = DispatchSemaphore(value: 0)

    func receive(_ event: RuntimeEvent) {
        switch event {
        case let .reply("driver", data):
            guard let reply = JSONValue.parse(data), let token = reply["token"]?.numberValue.map(Int.init) else { return }
            lock.withLock { replies[token] = reply }
            arrived.signal()
        case .error:
            FileHandle.standardError.write(Data((event.jsonLine(app: "render") + "\n").utf8))
        default: break
        }
    }

    /// Sends a request and waits for its answer's value; a failure throws its error.
    @discardableResult
    func request(_ op: String, _ json: String = "{}") throws -> JSONValue {
        guard let app else { throw ValidationError("no app") }
        let token = lock.withLock { () -> Int in nextToken += 1; return nextToken }
        app.perform(.driver(token: token, op: op, argumentJSON: json))
        while true {
            if arrived.wait(timeout: .now() + 10) == .timedOut { throw ValidationError("no answer to \(op) within 10 s") }
            if let reply = lock.withLock({ replies.removeValue(forKey: token) }) {
                if reply["ok"]?.boolValue != true { throw ValidationError("\(op) failed: \(reply["error"]?.stringValue ?? "?")") }
                return reply["value"] ?? .null
            }
        }
    }

    func go(_ url: String) throws { try request("navigate", #"{"url":"\#(url)","kind":"reLaunch"}"#) }
    func pageKey() throws -> Int {
        guard let key = try request("page", "{}")["key"]?.numberValue.map(Int.init) else { throw ValidationError("the page has no view key") }
        return key
    }
    func find(_ page: Int, _ selector: String) throws -> Int {
        guard let id = try request("view.$", #"{"page":\#(page),"root":null,"selector":"\#(selector)","all":false}"#)["id"]?.numberValue.map(Int.init) else {
            throw ValidationError("no element matches \(selector)")
        }
        return id
    }
    func timed(_ body: () throws -> Void) throws -> Double {
        let start = now()
        try body()
        return now() - start
    }
}
