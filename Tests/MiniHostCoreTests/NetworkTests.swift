import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore

/// The network on the host side: URL patterns, origins and their confinement to the declared
/// domains, the manifest's network fields, and requests answered by the world's routes.
@Suite struct NetworkTests {
    @Test func patternsMatchWithWildcardsAndIgnoreTheQueryUnlessTheyHaveOne() {
        #expect(URLPattern.matches("https://api.example.com/items", "https://api.example.com/items?q=tea"))
        #expect(URLPattern.matches("https://api.example.com/items/*", "https://api.example.com/items/42"))
        #expect(URLPattern.matches("https://*.example.com/*", "https://cdn.example.com/a/b.png#top"))
        #expect(!URLPattern.matches("https://api.example.com/items", "https://api.example.com/items/42"))
        #expect(!URLPattern.matches("https://api.example.com/items?q=tea", "https://api.example.com/items?q=coffee"))
        #expect(URLPattern.matches("https://api.example.com/items?q=*", "https://api.example.com/items?q=coffee"))
        #expect(!URLPattern.matches("https://api.example.com/*", "https://api.example.org/x"))
    }

    @Test func originsAreReadFromURLs() {
        #expect(NetworkOrigin.of(url: "HTTPS://API.Example.com:8443/x?y") == NetworkOrigin(scheme: "https", host: "api.example.com", port: 8443))
        #expect(NetworkOrigin.of(url: "wss://ws.example.com") == NetworkOrigin(scheme: "wss", host: "ws.example.com"))
        #expect(NetworkOrigin.of(url: "http://[::1]:80/") == NetworkOrigin(scheme: "http", host: "[::1]", port: 80))
        for bad in ["ftp://example.com/", "https://user@example.com/", "/relative", "https://", "https://a.com:99999/", "https://a b.com/", "https:example.com"] {
            #expect(NetworkOrigin.of(url: bad) == nil, "\(bad)")
        }
    }

    func declaration(_ domains: [String]) throws -> NetworkDeclaration {
        let json = #"{"app_id": "org.test.net", "name": "N", "pages": ["p"], "network_domains": "# + String(decoding: try JSONEncoder().encode(domains), as: UTF8.self) + "}"
        return try Manifest.parse(Data(json.utf8), file: "m.json").network
    }

    @Test func onlyDeclaredOriginsAreAllowed() throws {
        let d = try declaration(["https://api.example.com", "wss://ws.example.com:8443", "cdn.example.com", "http://127.0.0.1:8080"])
        func allows(_ url: String) -> Bool { d.allows(NetworkOrigin.of(url: url)!) }
        #expect(allows("https://api.example.com/a"))
        #expect(allows("https://api.example.com:443/a"))
        #expect(!allows("http://api.example.com/a"))
        #expect(!allows("https://api.example.com:8443/a"))
        #expect(!allows("https://evil.example.com/a"))
        #expect(!allows("https://api.example.com.evil.org/a"))
        #expect(allows("wss://ws.example.com:8443/chat"))
        #expect(!allows("wss://ws.example.com/chat"))
        #expect(allows("https://cdn.example.com/x") && allows("wss://cdn.example.com/x"))
        #expect(allows("http://127.0.0.1:8080/x"))
        #expect(!allows("http://127.0.0.1:8081/x"))
    }

    @Test func badDeclarationsAreNamed() throws {
        let json = #"{"app_id": "org.test.net", "name": "N", "pages": ["p"], "network_domains": ["http://example.com", "https://a.com/path", 3], "network_timeout": {"request": 0, "fetch": 5}}"#
        do {
            _ = try Manifest.parse(Data(json.utf8), file: "m.json")
            Issue.record("accepted")
        } catch {
            let text = error.description
            #expect(text.contains("m.json: network_domains[0]: http:// is allowed only for 127.0.0.1 and localhost"))
            #expect(text.contains("m.json: network_domains[1]: must be an origin"))
            #expect(text.contains("m.json: network_domains[2]: must be a string"))
            #expect(text.contains("m.json: network_timeout.request: must be an integer of milliseconds"))
            #expect(text.contains("m.json: network_timeout.fetch: is not a kind of call"))
        }
        let ok = try Manifest.parse(Data(#"{"app_id": "org.test.net", "name": "N", "pages": ["p"], "network_timeout": {"request": 1500}}"#.utf8), file: "m.json")
        #expect(ok.network.timeoutMs("request") == 1500 && ok.network.timeoutMs("uploadFile") == 60_000)
    }

    @Test func worldNetworkProblemsAreNamedAndBodiesAreTheAppsData() throws {
        let bad = #"{"network": {"routes": [{"url": "https://a.example/x", "status": 700, "body": "b", "file": "f"}, {"url": "/x"}], "sockets": [{"url": "wss://a.example", "rules": [{"match": "regex", "text": "("}]}]}}"#
        do {
            _ = try World.parse(Data(bad.utf8), file: "w.json")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("network.routes[0].status must be from 100 to 599"))
            #expect(error.message.contains("network.routes[0]: give body or file, not both"))
            #expect(error.message.contains("network.routes[1].url must be an absolute URL"))
            #expect(error.message.contains("network.sockets[0].rules[0].text is not a valid regular expression"))
        }
        let world = try World.parse(Data(#"{"network": {"routes": [{"url": "https://a.example/x", "body": {"status": 1.5, "top": 0.25}}]}}"#.utf8), file: "w.json")
        #expect(world.network.routes[0].body == .object(["status": .number(1.5), "top": .number(0.25)]))
    }

    // MARK: Through the bridge

    func bridge(world: World, domains: String = #"["https://api.example.com"]"#) throws -> AppBridge {
        try bridge(services: try HostServices(database: MiniHostDatabase.inMemory(), prompter: ScriptedPrompter(), world: world), domains: domains)
    }

    func bridge(services: HostServices, domains: String = #"["https://api.example.com"]"#) throws -> AppBridge {
        let manifest = try Manifest.parse(Data(#"{"app_id": "org.test.net", "name": "N", "pages": ["p"], "network_domains": \#(domains)}"#.utf8), file: "t")
        return AppBridge(app: AppIdentity(manifest: manifest), registry: .standard(services: services), services: services)
    }

    func call(_ b: AppBridge, _ api: String, _ args: [String: JSONValue]) -> Result<JSONValue, BridgeError> {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var out: Result<BridgeValue, BridgeError>?
        b.callAsync(BridgeCall(id: 1, api: api, arguments: .object(args))) { reply in out = reply.result; done.signal() }
        done.wait()
        return out!.map { v in JSONValue.parse(v.jsonText)! }
    }

    static let world = World(network: WorldNetwork(routes: [
        WorldRoute(method: "GET", url: "https://api.example.com/items", headers: ["Set-Cookie": "s=1"], body: .object(["items": .array([.number(1)])])),
        WorldRoute(method: "POST", url: "https://api.example.com/echo", status: 201, body: .string("created")),
        WorldRoute(url: "https://api.example.com/slow", body: .string("late"), delayMs: 2000),
    ]))

    @Test func aRouteAnswersWithItsStatusHeadersAndParsedBody() throws {
        let b = try bridge(world: Self.world)
        let r = try call(b, "request", ["url": .string("https://api.example.com/items"), "data": .object(["q": .string("tea")])]).get()
        #expect(r["statusCode"] == .number(200))
        #expect(r["data"] == .object(["items": .array([.number(1)])]))
        #expect(r["cookies"] == .array([.string("s=1")]))
        #expect(r["header"]?["Content-Type"] == .string("application/json"))
        let text = try call(b, "request", ["url": .string("https://api.example.com/items"), "dataType": .string("text")]).get()
        #expect(text["data"] == .string(#"{"items":[1]}"#))
        let post = try call(b, "request", ["url": .string("https://api.example.com/echo"), "method": .string("POST"), "data": .object(["a": .number(1)])]).get()
        #expect(post["statusCode"] == .number(201) && post["data"] == .string("created"))
        // Published apps pass the method in lower case, and WeChat takes it.
        let lower = try call(b, "request", ["url": .string("https://api.example.com/echo"), "method": .string("post")]).get()
        #expect(lower["statusCode"] == .number(201))
    }

    @Test func undeclaredOriginsFailWith1003AndAreAudited() throws {
        let services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: ScriptedPrompter(), world: Self.world)
        let b = try bridge(services: services)
        _ = call(b, "request", ["url": .string("https://api.example.com/items")])
        guard case let .failure(e) = call(b, "request", ["url": .string("https://evil.example.org/steal")]) else { Issue.record("allowed"); return }
        #expect(e.code == .authDenied)
        #expect(e.reason.hasPrefix("url not in domain list: https://evil.example.org"))
        guard case let .failure(http) = call(b, "request", ["url": .string("http://api.example.com/items")]) else { Issue.record("allowed"); return }
        #expect(http.code == .authDenied && http.reason.contains("http://api.example.com"))
        services.flush()
        let audit = try services.audit.entries(app: "org.test.net").filter { $0.api == "request" }.map { "\($0.decision) \($0.reason)" }
        #expect(Set(audit) == ["allow origin https://api.example.com (world)", "deny origin https://evil.example.org is not declared",
                               "deny origin http://api.example.com is not declared"], "\(audit)")
        b.session.disconnect()
    }

    @Test func unmatchedRequestsAndTimeoutsFailClearly() throws {
        let b = try bridge(world: Self.world)
        guard case let .failure(e) = call(b, "request", ["url": .string("https://api.example.com/nothing"), "method": .string("PUT")]) else { Issue.record("answered"); return }
        #expect(e.code == .notFound && e.reason.contains("no route in the world for PUT \"https://api.example.com/nothing\""))
        let start = Date()
        guard case let .failure(t) = call(b, "request", ["url": .string("https://api.example.com/slow"), "timeout": .number(50)]) else { Issue.record("answered"); return }
        #expect(t.reason == "timeout" && Date().timeIntervalSince(start) < 1.5)
        guard case let .failure(bad) = call(b, "request", ["url": .string("api.example.com/items")]) else { Issue.record("answered"); return }
        #expect(bad.code == .invalidArgument && bad.reason.contains("invalid url"))
        guard case let .failure(method) = call(b, "request", ["url": .string("https://api.example.com/items"), "method": .string("FETCH")]) else { Issue.record("answered"); return }
        #expect(method.code == .invalidArgument && method.reason.contains("method must be one of"))
    }
}

extension NetworkTests {
    @Test func atMostTenExchangesAreInFlightAndAbortEndsOne() throws {
        let b = try bridge(world: Self.world)
        let done = DispatchSemaphore(value: 0)
        let results = ResultsBox()
        for i in 0..<11 {
            let args: JSONValue = .object(["url": .string("https://api.example.com/slow"), "taskId": .string("t\(i)")])
            b.callAsync(BridgeCall(id: UInt64(i + 1), api: "request", arguments: args)) { reply in results.add(i, reply.result); done.signal() }
        }
        done.wait()  // the eleventh is refused at once
        #expect(results.first?.0 == 10)
        if case let .failure(e)? = results.first?.1 { #expect(e.code == .limitExceeded) } else { Issue.record("not refused") }
        _ = b.handle(BridgeCall(id: 99, api: "abortNetworkTask", arguments: .object(["taskId": .string("t3")])))
        done.wait()
        #expect(results.all.count == 2 && results.all[1].0 == 3)
        if case let .failure(e) = results.all[1].1 { #expect(e.code == .cancelled && e.reason == "abort") } else { Issue.record("not aborted") }
        b.session.disconnect()
    }

    final class ResultsBox: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(Int, Result<BridgeValue, BridgeError>)] = []
        func add(_ i: Int, _ r: Result<BridgeValue, BridgeError>) { lock.withLock { items.append((i, r)) } }
        var all: [(Int, Result<BridgeValue, BridgeError>)] { lock.withLock { items } }
        var first: (Int, Result<BridgeValue, BridgeError>)? { all.first }
    }
}
