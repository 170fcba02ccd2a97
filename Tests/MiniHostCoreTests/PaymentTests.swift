import Foundation
import GRDB
import Testing
import MiniHostProtocol
@testable import MiniHostCore
import MiniHostTerminal

/// A clock the tests move.
final class PaymentTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// `requestPayment`, the wallet and its ledger, and order signing, without a VM.
@Suite struct PaymentTests {
    static let shopKey = "shop-key"
    static let world = World(
        wallet: WorldWallet(currency: "CNY", balance: 10_000, perPaymentLimit: 5_000, dailyLimit: 8_000),
        merchants: [WorldMerchant(id: "m.shop", name: "Shop in World", key: shopKey), WorldMerchant(id: "m.free", name: "Free")])

    /// A host with the payment permission granted to `org.test.pay` (so only payments prompt).
    struct Host {
        let services: HostServices
        let prompter: ScriptedPrompter
        let clock: PaymentTestClock
        let bridge: AppBridge

        func pay(_ fields: [String: JSONValue]) -> Result<BridgeValue, BridgeError> {
            bridge.handle(BridgeCall(id: 1, api: "requestPayment", arguments: .object(fields)))
        }

        var store: WalletStore { get throws { try PaymentService(services: services).store() } }
        var paymentPrompts: [PromptRequest] { prompter.requests.filter { $0.kind == .payment } }

        /// Another app on the same host (same wallet and prompter), with payment granted.
        func otherApp(_ manifest: Manifest) throws -> Host {
            try services.grants.set(app: manifest.appId, permission: .payment, state: .granted)
            let bridge = AppBridge(app: AppIdentity(manifest: manifest), registry: HostAPIRegistry.standard(services: services), services: services)
            return Host(services: services, prompter: prompter, clock: clock, bridge: bridge)
        }
    }

    static func manifest(merchant: String? = #"{"id": "m.free", "name": "Corner Café"}"#, permissions: String = #"[{"name": "payment"}]"#,
                         appId: String = "org.test.pay") throws -> Manifest {
        let m = merchant.map { #", "merchant": \#($0)"# } ?? ""
        return try Manifest.parse(Data(#"{"app_id": "\#(appId)", "name": "Pay Test", "pages": ["p/i"], "req_permissions": \#(permissions)\#(m)}"#.utf8), file: "t")
    }

    /// The terms of ``order(_:amount:currency:description:sign:)`` for `app`.
    static func terms(_ id: String = "A-1", amount: Int64 = 1234, description: String = "Coffee", app: String = "org.test.pay", merchant: String = "m.shop") -> OrderSigning.Terms {
        OrderSigning.Terms(appId: app, merchantId: merchant, orderId: id, amount: amount, currency: "CNY", description: description)
    }

    static func host(_ answers: [PromptAnswer] = [], manifest: Manifest? = nil, database: MiniHostDatabase? = nil, world: World = world) throws -> Host {
        let prompter = ScriptedPrompter(answers)
        // Midday, so moving the clock by hours stays within the day.
        let clock = PaymentTestClock(Calendar(identifier: .gregorian).date(bySettingHour: 12, minute: 0, second: 0, of: Date()) ?? Date())
        let services = try HostServices(database: database ?? MiniHostDatabase.inMemory(), prompter: prompter, world: world, clock: { clock.now })
        try services.grants.set(app: "org.test.pay", permission: .payment, state: .granted)
        let app = AppIdentity(manifest: try manifest ?? Self.manifest())
        let bridge = AppBridge(app: app, registry: HostAPIRegistry.standard(services: services), services: services)
        return Host(services: services, prompter: prompter, clock: clock, bridge: bridge)
    }

    static func order(_ id: String = "A-1", amount: Double = 1234, currency: String = "CNY", description: String = "Coffee", sign: String? = nil) -> [String: JSONValue] {
        var o: [String: JSONValue] = ["orderId": .string(id), "amount": .number(amount), "currency": .string(currency), "description": .string(description)]
        if let sign { o["sign"] = .string(sign) }
        return o
    }

    static func failure(_ r: Result<BridgeValue, BridgeError>) -> BridgeError? {
        if case let .failure(e) = r { return e }
        return nil
    }

    static func object(_ r: Result<BridgeValue, BridgeError>) -> [String: JSONValue]? {
        if case let .success(.value(v)) = r { return v.objectValue }
        return nil
    }

    @Test func chargesOnceAndARetryReturnsTheFirstResult() throws {
        let h = try Self.host([.allowOnce])
        let first = try #require(Self.object(h.pay(Self.order())))
        #expect(first["orderId"] == .string("A-1"))
        #expect(first["amount"] == .number(1234))
        #expect(first["currency"] == .string("CNY"))
        #expect(first["status"] == .string("charged"))
        #expect(first["transactionId"]?.stringValue?.hasPrefix("tx-") == true)
        #expect(first["time"]?.stringValue?.hasSuffix("Z") == true)
        #expect(first["balance"] == nil)
        h.clock.advance(60)
        // The retry: no prompt (none is queued; a prompt would deny), the same fields, no second charge.
        let again = try #require(Self.object(h.pay(Self.order())))
        #expect(again == first)
        #expect(h.paymentPrompts.count == 1)
        let store = try h.store
        #expect(try store.wallet().balance == 10_000 - 1234)
        #expect(try store.entries().map(\.status) == [.charged])
        #expect(try store.verify() == nil)
        let decisions = try h.services.audit.entries(app: "org.test.pay").filter { $0.api == "requestPayment" }
            .flatMap { Array(repeating: $0.decision, count: $0.count) }
        #expect(decisions == ["allow", "allow", "allow", "replay"])
    }

    @Test func theUserSeesTheManifestsMerchantAmountAndDescription() throws {
        let h = try Self.host([.allowOnce])
        #expect(Self.object(h.pay(Self.order("B-7", amount: 4550, description: "Flight\u{1B}[2J to Shanghai"))) != nil)
        let prompt = try #require(h.paymentPrompts.first)
        #expect(prompt.appId == "org.test.pay")
        #expect(prompt.appName == "Pay Test")
        #expect(prompt.title == "pay Corner Café (m.free)")
        #expect(prompt.details == [
            PromptDetail("amount", "45.50 CNY"),
            PromptDetail("merchant", "Corner Café (m.free)"),
            PromptDetail("description", "Flight\u{1B}[2J to Shanghai"),
            PromptDetail("order", "B-7"),
        ])
        // The terminal shows the app's text escaped.
        let shown = TerminalPrompter.render(prompt)
        #expect(!shown.contains("\u{1B}"))
        #expect(shown.contains("45.50 CNY"))
    }

    @Test func aCancelledPaymentIsNotRecordedAndMayBeRetried() throws {
        let h = try Self.host([.deny, .allowOnce])
        let cancelled = Self.failure(h.pay(Self.order()))
        #expect(cancelled == BridgeError(.cancelled, "cancel"))
        #expect(try h.store.entries().isEmpty)
        #expect(try h.store.wallet().balance == 10_000)
        #expect(Self.object(h.pay(Self.order())) != nil)
        #expect(try h.store.wallet().balance == 10_000 - 1234)
        let audit = try h.services.audit.entries(app: "org.test.pay").filter { $0.api == "requestPayment" && $0.reason != "granted" }
        #expect(audit.map(\.decision) == ["deny", "allow"])
        #expect(audit.first?.reason == "cancel")
    }

    @Test func aRetryWithAnotherAmountOrCurrencyIsAnInvalidOrder() throws {
        let h = try Self.host([.allowOnce, .allowOnce], world: World(wallet: WorldWallet(currency: "CNY", balance: 10_000, perPaymentLimit: 5_000, dailyLimit: 8_000)))
        #expect(Self.object(h.pay(Self.order())) != nil)
        let changed = Self.failure(h.pay(Self.order(amount: 1)))
        #expect(changed?.code == .invalidOrder)
        #expect(changed?.reason == "invalid order: order A-1 was already charged with 12.34 CNY; a retry must repeat the same amount and currency")
        #expect(try h.store.wallet().balance == 10_000 - 1234)
        #expect(h.paymentPrompts.count == 1)
    }

    @Test func fieldsAreCheckedBeforeAnyPrompt() throws {
        let h = try Self.host([.allowOnce])
        let cases: [([String: JSONValue], String)] = [
            (Self.order("bad id"), "invalid order: orderId may only hold letters, digits, '_', '-', '.' and ':' (got ' ')"),
            (Self.order(String(repeating: "x", count: 65)), "invalid order: orderId must be a non-empty string of at most 64 characters (got 65 characters)"),
            (Self.order(""), "invalid order: orderId must be a non-empty string of at most 64 characters (got an empty string)"),
            (Self.order(amount: 0), "invalid order: amount must be an integer from 1 to 1000000000000 (got 0)"),
            (Self.order(amount: -5), "invalid order: amount must be an integer from 1 to 1000000000000 (got -5)"),
            (Self.order(amount: 12.5), "invalid order: amount must be an integer from 1 to 1000000000000 (got 12.5)"),
            (Self.order(amount: 1e13), "invalid order: amount must be an integer from 1 to 1000000000000 (got 10000000000000)"),
            (["orderId": .string("A"), "amount": .string("100"), "currency": .string("CNY")], "invalid order: amount must be an integer from 1 to 1000000000000 (got a string)"),
            (["orderId": .string("A"), "currency": .string("CNY")], "invalid order: amount must be an integer from 1 to 1000000000000 (it is missing)"),
            (Self.order(currency: "cny"), "invalid order: currency must be an ISO 4217 code of three capital letters such as 'CNY' (got 'cny')"),
            (Self.order(currency: "USD"), "invalid order: currency USD is not the wallet's currency (CNY)"),
            (Self.order(description: String(repeating: "d", count: 129)), "invalid order: description must be a string of at most 128 characters (got 129 characters)"),
            (Self.order().merging(["sign": .number(1)]) { $1 }, "invalid order: sign must be a string of at most 128 characters (got a number)"),
        ]
        for (fields, reason) in cases {
            #expect(Self.failure(h.pay(fields)) == BridgeError(.invalidOrder, reason))
        }
        #expect(h.prompter.requests.isEmpty)
        #expect(try h.store.entries().isEmpty)
    }

    @Test func aManifestWithoutAMerchantCannotCharge() throws {
        let h = try Self.host([.allowOnce], manifest: Self.manifest(merchant: nil))
        #expect(Self.failure(h.pay(Self.order())) == BridgeError(.invalidOrder, "invalid order: the manifest declares no merchant"))
        #expect(h.paymentPrompts.isEmpty)
    }

    @Test func undeclaredOrDeniedPermissionNeverReachesTheWallet() throws {
        let h = try Self.host([.allowOnce], manifest: Self.manifest(permissions: "[]"))
        #expect(Self.failure(h.pay(Self.order())) == .notDeclared)
        let denied = try Self.host([.allowOnce])
        try denied.services.grants.set(app: "org.test.pay", permission: .payment, state: .denied)
        #expect(Self.failure(denied.pay(Self.order())) == .authDeny)
        #expect(h.prompter.requests.isEmpty && denied.prompter.requests.isEmpty)
    }

    @Test func limitsAndFunds() throws {
        let h = try Self.host([.allowOnce, .allowOnce, .allowOnce, .allowOnce])
        let over = Self.failure(h.pay(Self.order("big", amount: 5_001)))
        #expect(over == BridgeError(.overLimit, "over limit: 50.01 CNY is over the per-payment limit of 50.00 CNY"))
        #expect(Self.object(h.pay(Self.order("d1", amount: 5_000))) != nil)
        let daily = Self.failure(h.pay(Self.order("d2", amount: 3_001)))
        #expect(daily == BridgeError(.overLimit, "over limit: 30.01 CNY would take today's payments over the daily limit of 80.00 CNY"))
        #expect(Self.object(h.pay(Self.order("d2", amount: 3_000))) != nil)
        // A new day: the daily allowance is back, but only 20.00 CNY is left in the wallet.
        h.clock.advance(86_400)
        let poor = Self.failure(h.pay(Self.order("d3", amount: 2_001)))
        #expect(poor == BridgeError(.insufficientFunds, "insufficient funds: the wallet cannot pay 20.01 CNY"))
        #expect(poor?.reason.contains("2000") == false && poor?.reason.contains("20.00") == false)
        #expect(Self.object(h.pay(Self.order("d3", amount: 2_000))) != nil)
        #expect(try h.store.wallet().balance == 0)
        #expect(h.paymentPrompts.count == 3)
        #expect(try h.store.verify() == nil)
    }

    @Test func signedMerchantsNeedAValidSign() throws {
        let manifest = try Self.manifest(merchant: #"{"id": "m.shop", "name": "Shop"}"#)
        let h = try Self.host([.allowOnce], manifest: manifest)
        let good = OrderSigning.sign(Self.terms(), key: Self.shopKey)
        #expect(Self.failure(h.pay(Self.order())) == BridgeError(.badSignature, "bad signature: merchant m.shop signs its orders, and this order has no sign"))
        let tampered = Self.failure(h.pay(Self.order(amount: 1, sign: good)))
        #expect(tampered?.code == .badSignature)
        #expect(tampered?.reason.hasPrefix("bad signature: sign does not match order A-1 of app org.test.pay") == true)
        #expect(Self.failure(h.pay(Self.order(sign: String(good.reversed()))))?.code == .badSignature)
        #expect(Self.failure(h.pay(Self.order(sign: "zz")))?.code == .badSignature)
        // Signed by another merchant's key.
        let otherKey = OrderSigning.sign(Self.terms(), key: "not-the-key")
        #expect(Self.failure(h.pay(Self.order(sign: otherKey)))?.code == .badSignature)
        #expect(h.paymentPrompts.isEmpty)
        #expect(Self.object(h.pay(Self.order(sign: good.uppercased()))) != nil)
        #expect(h.paymentPrompts.count == 1)
        #expect(try h.store.entries().map(\.merchantId) == ["m.shop"])
    }

    /// The example of docs/api.md ("Signed orders").
    @Test func canonicalStringAndKnownVector() {
        let terms = Self.terms(description: "Coffee & cake=yes", app: "org.example.shop")
        #expect(OrderSigning.canonicalString(terms) == "amount=1234&appId=org.example.shop&currency=CNY&description=Coffee & cake=yes&merchant=m.shop&orderId=A-1")
        // Computed independently (Python's hmac module).
        let sign = OrderSigning.sign(terms, key: "shop-key")
        #expect(sign == "306d4427169ca547601b12dd53dc896c21488ca794f8685e79673658c7e63e16")
        #expect(OrderSigning.verify(sign, terms, key: "shop-key"))
        var other = terms
        other.description = "Coffee & cake=no"
        #expect(!OrderSigning.verify(sign, other, key: "shop-key"))
        other = terms
        other.appId = "org.example.copycat"
        #expect(!OrderSigning.verify(sign, other, key: "shop-key"))
        #expect(!OrderSigning.verify(String(sign.dropLast()), terms, key: "shop-key"))
    }

    @Test func aSignatureMadeWithoutTheAppIdFails() throws {
        let h = try Self.host([.allowOnce], manifest: Self.manifest(merchant: #"{"id": "m.shop", "name": "Shop"}"#))
        // HMAC-SHA256 with shop-key of "amount=1234&currency=CNY&description=Coffee & cake=yes&merchant=m.shop&orderId=A-1".
        let withoutApp = "efccf87feb82b7b2cab7c6d09384fa527c816ddd69f3873e1505740d4feb3115"
        let refused = Self.failure(h.pay(Self.order(description: "Coffee & cake=yes", sign: withoutApp)))
        #expect(refused?.code == .badSignature)
        #expect(try h.store.entries().isEmpty)
        #expect(h.paymentPrompts.isEmpty)
    }

    @Test func anotherAppOfTheSameMerchantCannotReplayASignedOrder() throws {
        let shop = #"{"id": "m.shop", "name": "Shop"}"#
        let h = try Self.host([.allowOnce, .allowOnce], manifest: Self.manifest(merchant: shop))
        let copycat = try h.otherApp(Self.manifest(merchant: shop, appId: "org.test.copycat"))
        let signed = Self.order(sign: OrderSigning.sign(Self.terms(), key: Self.shopKey))
        #expect(Self.object(h.pay(signed)) != nil)
        // The same signed order, sent by another app that declares the same merchant.
        let replay = Self.failure(copycat.pay(signed))
        #expect(replay?.code == .badSignature)
        #expect(replay?.reason.hasPrefix("bad signature: sign does not match order A-1 of app org.test.copycat") == true)
        // Even with a valid sign for the other app, the merchant's order id is charged once.
        let resigned = Self.order(sign: OrderSigning.sign(Self.terms(app: "org.test.copycat"), key: Self.shopKey))
        #expect(Self.failure(copycat.pay(resigned)) == BridgeError(
            .invalidOrder, "invalid order: order A-1 of merchant m.shop was already charged by another app; a signed order is paid once"))
        #expect(try h.store.entries().map(\.appId) == ["org.test.pay"])
        #expect(try h.store.wallet().balance == 10_000 - 1234)
        #expect(h.paymentPrompts.count == 1)
        let decisions = try h.services.audit.entries(app: "org.test.copycat")
            .filter { $0.api == "requestPayment" && $0.reason != "granted" }.map(\.decision)
        #expect(decisions == ["deny", "invalid"])
        // The first app's retry still returns its first result.
        #expect(Self.object(h.pay(signed))?["transactionId"] == .string(try h.store.entries()[0].transactionId))
    }

    @Test func unsignedMerchantsKeepOrderIdsPerApp() throws {
        let h = try Self.host([.allowOnce, .allowOnce])
        let other = try h.otherApp(Self.manifest(appId: "org.test.other"))
        #expect(Self.object(h.pay(Self.order())) != nil)
        #expect(Self.object(other.pay(Self.order())) != nil)
        #expect(try h.store.entries().map(\.appId) == ["org.test.pay", "org.test.other"])
    }

    @Test func theFlightsSamplesOrdersAreSignedWithItsWorldsKey() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let world = try World.load(root.appendingPathComponent("worlds/flights.json"))
        let key = try #require(world.merchant("m.flights")?.key)
        let source = try String(contentsOf: root.appendingPathComponent("miniprograms/flights/server/orders.js"), encoding: .utf8)
        let lines = source.split(separator: "\n").filter { $0.contains("\"sign\"") }
        #expect(lines.count == 4)
        for line in lines {
            let open = try #require(line.firstIndex(of: "{")), close = try #require(line.lastIndex(of: "}"))
            let json = String(line[open...close])
            let order = try #require(JSONValue.parse(json)?.objectValue)
            let terms = OrderSigning.Terms(appId: "org.minihost.flights", merchantId: "m.flights", orderId: order["orderId"]?.stringValue ?? "",
                                           amount: Int64(order["amount"]?.numberValue ?? 0), currency: order["currency"]?.stringValue ?? "",
                                           description: order["description"]?.stringValue ?? "")
            let ok = OrderSigning.verify(order["sign"]?.stringValue ?? "", terms, key: key)
            #expect(ok, "\(json)")
        }
        // The key is in the world, never in the app's code.
        #expect(!source.contains(key))
    }

    @Test func theLedgerIsAppendOnly() throws {
        let h = try Self.host([.allowOnce])
        #expect(Self.object(h.pay(Self.order())) != nil)
        let db = h.services.database
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "UPDATE ledger SET amount = 1") } }
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "DELETE FROM ledger") } }
        // A second charge row for the same order, or a negative balance, cannot be written either.
        #expect(throws: (any Error).self) {
            try db.write { try $0.execute(sql: "INSERT INTO ledger (time_ms, app_id, order_id, amount, currency, status, description, transaction_id, balance_after) VALUES (0, 'org.test.pay', 'A-1', 5, 'CNY', 'charged', '', 'tx-x', 0)") }
        }
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "UPDATE wallet SET balance = -1") } }
        #expect(try h.store.entries().count == 1)
    }

    @Test func refundsOnceAndTopups() throws {
        let h = try Self.host([.allowOnce])
        #expect(Self.object(h.pay(Self.order())) != nil)
        let store = try h.store
        #expect(throws: WalletRefusal.noSuchCharge(orderId: "nope", appId: nil)) { try store.refund(orderId: "nope", app: nil) }
        let refund = try store.refund(orderId: "A-1", app: nil)
        #expect(refund.status == .refunded && refund.amount == 1234 && refund.appId == "org.test.pay" && refund.balanceAfter == 10_000)
        #expect(throws: WalletRefusal.alreadyRefunded(orderId: "A-1", appId: "org.test.pay")) { try store.refund(orderId: "A-1", app: "org.test.pay") }
        // A refunded order stays done: a retry returns the first charge and charges nothing.
        let retry = try #require(Self.object(h.pay(Self.order())))
        #expect(retry["transactionId"] == .string(try store.entries()[0].transactionId))
        #expect(try store.wallet().balance == 10_000)
        let topup = try store.topup(500)
        #expect(topup.status == .topup && topup.balanceAfter == 10_500 && topup.appId == "")
        #expect(throws: WalletRefusal.invalidAmount(0)) { try store.topup(0) }
        #expect(try store.entries().map(\.status) == [.charged, .refunded, .topup])
        #expect(try store.verify() == nil)
    }

    @Test func refundNeedsTheAppWhenTwoAppsUsedTheOrderId() throws {
        let db = try MiniHostDatabase.inMemory()
        let store = try WalletStore(database: db, seed: Self.world.wallet)
        for app in ["org.a", "org.b"] {
            _ = try store.charge(ChargeOrder(appId: app, orderId: "same", amount: 10, currency: "CNY", merchantId: "m", description: ""))
        }
        #expect(throws: WalletRefusal.ambiguousOrder(orderId: "same", apps: ["org.a", "org.b"])) { try store.refund(orderId: "same", app: nil) }
        #expect(try store.refund(orderId: "same", app: "org.b").appId == "org.b")
        #expect(try store.wallet().balance == 10_000 - 10)
    }

    @Test func theWalletIsSeededOnceAndSurvivesReopening() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-payment-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let tx: String
        do {
            let h = try Self.host([.allowOnce], database: MiniHostDatabase(directory: dir))
            tx = try #require(Self.object(h.pay(Self.order()))?["transactionId"]?.stringValue)
        }
        // Another world's wallet does not replace the stored one.
        let richer = World(wallet: WorldWallet(currency: "CNY", balance: 99_999_999, perPaymentLimit: 1, dailyLimit: 1), merchants: Self.world.merchants)
        let h = try Self.host([], database: MiniHostDatabase(directory: dir), world: richer)
        let store = try h.store
        #expect(try store.wallet() == WalletState(currency: "CNY", balance: 10_000 - 1234, openingBalance: 10_000, perPaymentLimit: 5_000,
                                                   dailyLimit: 8_000, day: WalletStore.dayKey(h.clock.now), spentOnDay: 1234))
        // The retry after the restart is answered from the ledger, with no prompt.
        #expect(Self.object(h.pay(Self.order()))?["transactionId"] == .string(tx))
        #expect(h.prompter.requests.isEmpty)
    }

    @Test func movementsCommitWithSynchronousFull() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-payment-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try MiniHostDatabase(directory: dir)
        let store = try WalletStore(database: db, seed: Self.world.wallet)
        let outside = try db.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        let inside = try store.durableWrite { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        let after = try db.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(inside == 2)
        #expect(after == outside)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func concurrentRetriesChargeOnce() throws {
        let h = try Self.host(manifest: Self.manifest())
        let prompter = ScriptedPrompter(answer: { _ in .allowOnce })
        let services = try HostServices(database: h.services.database, prompter: prompter, world: Self.world)
        let results = LockedResults()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            // Each call on its own bridge, as separate app instances of one app would be.
            let bridge = AppBridge(app: h.bridge.app, registry: HostAPIRegistry.standard(services: services), services: services)
            results.append(bridge.handle(BridgeCall(id: UInt64(i), api: "requestPayment", arguments: .object(Self.order("C-\(i % 4)", amount: 100)))))
        }
        let ids = results.all.compactMap { Self.object($0)?["transactionId"]?.stringValue }
        #expect(ids.count == 16)
        #expect(Set(ids).count == 4)
        let store = try WalletStore(database: h.services.database, seed: Self.world.wallet)
        #expect(try store.entries().count == 4)
        #expect(try store.wallet().balance == 10_000 - 400)
        #expect(try store.verify() == nil)
    }

    @Test func moneyIsShownInTheCurrencysUnits() {
        #expect(Money.format(123450, "CNY") == "1234.50 CNY")
        #expect(Money.format(5, "USD") == "0.05 USD")
        #expect(Money.format(500, "JPY") == "500 JPY")
        #expect(Money.format(1234, "KWD") == "1.234 KWD")
        #expect(Money.format(-1, "EUR") == "-0.01 EUR")
    }
}

private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<BridgeValue, BridgeError>] = []

    func append(_ r: Result<BridgeValue, BridgeError>) { lock.withLock { results.append(r) } }
    var all: [Result<BridgeValue, BridgeError>] { lock.withLock { results } }
}
