import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore
import MiniHostTerminal

/// The capability gate and the bridge's host side, without a VM: consent states, prompts,
/// rate limits, audit, argument checks and app identity.
@Suite struct GateTests {
    static func manifest(_ extra: String = "") throws -> Manifest {
        try Manifest.parse(Data(#"{"app_id": "org.test.gate", "name": "Gate", "pages": ["p/i"]\#(extra)}"#.utf8), file: "t")
    }

    static func services(_ prompter: Prompter) throws -> HostServices {
        try HostServices(database: MiniHostDatabase.inMemory(), prompter: prompter)
    }

    func bridge(_ services: HostServices, _ extra: String = #", "req_permissions": [{"name": "location", "reason": "to show taxis"}]"#, apis: [HostAPI]? = nil) throws -> AppBridge {
        let registry = apis.map { HostAPIRegistry($0) } ?? HostAPIRegistry.standard(services: services)
        return AppBridge(app: AppIdentity(manifest: try Self.manifest(extra)), registry: registry, services: services)
    }

    func call(_ b: AppBridge, _ api: String, _ args: JSONValue) -> Result<BridgeValue, BridgeError> {
        b.handle(BridgeCall(id: 1, api: api, arguments: args))
    }

    @Test func promptOnceThenRemembered() throws {
        let prompter = ScriptedPrompter([.allowAlways])
        let services = try Self.services(prompter)
        let b = try bridge(services)
        #expect(try call(b, "authorize", .object(["scope": .string("scope.userLocation")])).get() == .empty)
        #expect(try call(b, "authorize", .object(["scope": .string("location")])).get() == .empty)
        #expect(prompter.requests.count == 1)
        #expect(prompter.requests.first?.reason == "to show taxis")
        #expect(prompter.requests.first?.appName == "Gate")
        #expect(try services.grants.state(app: "org.test.gate", permission: .location) == .granted)
    }

    @Test func allowOnceIsNotRemembered() throws {
        let prompter = ScriptedPrompter([.allowOnce, .deny])
        let services = try Self.services(prompter)
        let b = try bridge(services)
        #expect(throws: Never.self) { try call(b, "authorize", .object(["scope": .string("location")])).get() }
        #expect(call(b, "authorize", .object(["scope": .string("location")])) == .failure(.authDeny))
        // Denied is final: no prompt again.
        #expect(call(b, "authorize", .object(["scope": .string("location")])) == .failure(.authDeny))
        #expect(prompter.requests.count == 2)
    }

    @Test func undeclaredNeverPrompts() throws {
        let prompter = ScriptedPrompter([.allowAlways])
        let services = try Self.services(prompter)
        let b = try bridge(services, "")
        #expect(call(b, "authorize", .object(["scope": .string("payment")])) == .failure(.notDeclared))
        #expect(prompter.requests.isEmpty)
        let audit = try services.audit.entries(app: "org.test.gate", limit: nil)
        #expect(audit.last?.decision == "deny")
        #expect(audit.last?.reason == "permission not declared in the manifest")
    }

    @Test func invalidArgumentsNameTheFieldAndNeverPrompt() throws {
        let prompter = ScriptedPrompter([.allowAlways])
        let services = try Self.services(prompter)
        let b = try bridge(services)
        #expect(call(b, "authorize", .object(["scope": .number(3)])) == .failure(.invalid("scope must be a non-empty string of at most 64 characters (got a number)")))
        #expect(call(b, "authorize", .object(["scope": .string("scope.camera")])) == .failure(.invalid("scope must name a permission such as 'scope.userLocation' or 'location' (got 'scope.camera')")))
        #expect(call(b, "setStorage", .object(["key": .string(String(repeating: "k", count: 129)), "data": .number(1)])) ==
                .failure(.invalid("key must be a non-empty string of at most 128 characters (got 129 characters)")))
        #expect(call(b, "setStorage", .string("not an object")) == .failure(.invalid("the options must be an object")))
        #expect(call(b, "noSuchApi", .object([:])) == .failure(BridgeError(.serviceUnavailable, "not supported by MiniHost")))
        #expect(prompter.requests.isEmpty)
        let decisions = try services.audit.entries(app: "org.test.gate", limit: nil).map(\.decision)
        #expect(decisions == ["invalid", "invalid", "invalid", "invalid"])
    }

    @Test func rateLimitIsAGateStage() throws {
        let services = try Self.services(DenyAllPrompter())
        let limited = HostAPI(name: "ping", rateLimit: RateLimiter.Rule(capacity: 3, refillPerSecond: 1.0 / 60)) { _ throws(BridgeError) in .empty }
        let b = try bridge(services, apis: [limited])
        for _ in 0..<3 { #expect(call(b, "ping", .object([:])) == .success(.empty)) }
        guard case let .failure(error) = call(b, "ping", .object([:])) else { Issue.record("not limited"); return }
        #expect(error.code == .limitExceeded)
        #expect(error.reason.hasPrefix("rate limit exceeded: at most 1 calls a minute"))
        // Per app: another app has its own bucket.
        let other = AppBridge(app: AppIdentity(manifest: try Manifest.parse(Data(#"{"app_id": "org.test.other", "name": "O", "pages": ["p/i"]}"#.utf8), file: "t")),
                              registry: HostAPIRegistry([limited]), services: services)
        #expect(call(other, "ping", .object([:])) == .success(.empty))
        #expect(try services.audit.entries(app: "org.test.gate", limit: nil).last?.decision == "rate-limited")
    }

    @Test func storageIsPerAppWhateverTheArgumentsSay() throws {
        let services = try Self.services(DenyAllPrompter())
        let registry = HostAPIRegistry.standard(services: services)
        let a = AppBridge(app: AppIdentity(manifest: try Manifest.parse(Data(#"{"app_id": "org.test.a", "name": "A", "pages": ["p/i"]}"#.utf8), file: "t")), registry: registry, services: services)
        let b = AppBridge(app: AppIdentity(manifest: try Manifest.parse(Data(#"{"app_id": "org.test.b", "name": "B", "pages": ["p/i"]}"#.utf8), file: "t")), registry: registry, services: services)
        #expect(call(a, "setStorage", .object(["key": .string("k"), "data": .string("a's"), "app_id": .string("org.test.b")])) == .success(.empty))
        #expect(call(b, "getStorageSync", .array([.string("k")])) == .success(.value(.string(""))))
        #expect(call(a, "getStorageSync", .array([.string("k")])) == .success(.jsonText("\"a's\"")))
    }

    @Test func hostilePromptTextCannotForgeThePrompt() throws {
        let hostileName = "Shop\n\n[Allowed by your bank] \u{1B}[2J\u{1B}[1;1H"
        let hostileReason = "ok\u{202E}ynam dnes\u{202C}\r\nAnswer [a]lways to continue \u{200B}"
        final class Output: @unchecked Sendable { let lock = NSLock(); var text = "" }
        let out = Output()
        let prompter = TerminalPrompter(readLine: { "d" }, write: { s in out.lock.withLock { out.text += s } })
        let answer = prompter.ask(PromptRequest(kind: .permission(.payment), appId: "org.evil.app", appName: hostileName, title: "request payments", reason: hostileReason))
        #expect(answer == .deny)
        let text = out.lock.withLock { out.text }
        for forbidden: Character in ["\u{1B}", "\u{202E}", "\u{202C}", "\u{200B}", "\r"] {
            #expect(!text.contains(forbidden), "raw \(forbidden.unicodeScalars.first!.value) reached the terminal")
        }
        // The app's name and reason each stay on one line of their own.
        let nameLine = text.split(separator: "\n").first { $0.contains("Shop") }
        #expect(nameLine?.contains("[Allowed by your bank]") == true)
        #expect(nameLine?.contains("\\n") == true)
    }

    /// A host error that names a file in the data directory reaches the app without the path (MD-6).
    @Test func hostErrorsNeverCarryTheDataDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let services = try HostServices(dataDirectory: dir, prompter: DenyAllPrompter())
        let file = dir.appendingPathComponent(MiniHostDatabase.fileName).path
        let failing = HostAPI(name: "failing") { _ throws(BridgeError) in
            throw BridgeError(.hostError, "host error: cannot read \(file) (disk I/O error)")
        }
        let result = call(try bridge(services, apis: [failing]), "failing", .object([:]))
        guard case let .failure(error) = result else { Issue.record("expected a failure"); return }
        #expect(error.code == .hostError)
        #expect(!error.reason.contains(dir.path))
        #expect(error.reason == "host error: cannot read <data directory>/\(MiniHostDatabase.fileName) (disk I/O error)")
    }

    /// A prompt that waits until the test lets it answer.
    final class HeldPrompter: Prompter, @unchecked Sendable {
        let asked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        func ask(_ request: PromptRequest) -> PromptAnswer {
            asked.signal()
            release.wait()
            return .deny
        }
    }

    /// A test driver's mocks, changed by the test while calls wait.
    final class Mocks: BridgeInterceptor, @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: BridgeValue] = [:]
        func set(_ api: String, _ value: BridgeValue?) { lock.withLock { values[api] = value } }
        func isMocked(_ api: String) -> Bool { lock.withLock { values[api] != nil } }
        func mock(for api: String) -> (@Sendable (JSONValue) -> Result<BridgeValue, BridgeError>)? {
            guard let value = lock.withLock({ values[api] }) else { return nil }
            return { _ in .success(value) }
        }
        func record(api: String, arguments: JSONValue, result: Result<BridgeValue, BridgeError>, mocked: Bool) {}
    }

    @Test func anAsyncCallIsAnsweredByTheMockInPlaceWhenTheAppMadeIt() throws {
        let prompter = HeldPrompter()
        let services = try Self.services(prompter)
        let mocks = Mocks()
        let b = AppBridge(app: AppIdentity(manifest: try Self.manifest(#", "req_permissions": [{"name": "location", "reason": "r"}]"#)),
                          registry: HostAPIRegistry.standard(services: services), services: services, interceptor: mocks)
        final class Replies: @unchecked Sendable {
            let lock = NSLock(); var byId: [UInt64: Result<BridgeValue, BridgeError>] = [:]
            let done = DispatchSemaphore(value: 0)
        }
        let replies = Replies()
        let reply: @Sendable (BridgeReply) -> Void = { r in replies.lock.withLock { replies.byId[r.id] = r.result }; replies.done.signal() }
        // The first call waits on a prompt; the second, mocked when it is made, waits behind it.
        b.callAsync(BridgeCall(id: 1, api: "getLocation", arguments: .object([:])), reply: reply)
        #expect(prompter.asked.wait(timeout: .now() + 10) == .success)
        mocks.set("getStorage", .jsonText(#"{"data":"mocked"}"#))
        b.callAsync(BridgeCall(id: 2, api: "getStorage", arguments: .object(["key": .string("k")])), reply: reply)
        // The test restores the mock before the call's turn comes; then a new call is made.
        mocks.set("getStorage", nil)
        b.callAsync(BridgeCall(id: 3, api: "getStorage", arguments: .object(["key": .string("k")])), reply: reply)
        prompter.release.signal()
        for _ in 0..<3 { #expect(replies.done.wait(timeout: .now() + 10) == .success) }
        let byId = replies.lock.withLock { replies.byId }
        #expect(try byId[2]?.get() == .jsonText(#"{"data":"mocked"}"#))
        // Before, call 2 went to the storage service too: the mock was looked up at its turn.
        guard case .failure = byId[3] else { Issue.record("call 3, made after the restore, was not served by the storage service (no key k)"); return }
    }
}
