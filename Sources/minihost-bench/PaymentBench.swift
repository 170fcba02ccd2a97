import ArgumentParser
import Foundation
import GRDB
import MiniHostCore
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol
import MiniHostRuntime

/// `minihost-bench payment`: payments a second through the host (bridge → validation → gate →
/// wallet → durable commit), against the same transaction in plain SQLite through GRDB, in the
/// same run and on the same disk.
struct PaymentBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment",
        abstract: "requestPayment throughput (bridge + gate + ledger, WAL, synchronous=FULL, auto-approve) vs the raw SQLite transaction.",
        discussion: """
        payments_per_sec: N requestPayment calls in sequence through an app's bridge (AppBridge.callSync \
        on the standard registry: argument checks, the capability gate with its grant lookup and audit \
        entry, the wallet's checks, the durable charge), the `payment` policy set to allow (the \
        permission and each payment), on a fresh data directory. js_payments_per_sec: the same from a \
        running in-process mini-program (`await mp.requestPayment(…)` in a loop). \
        sqlite_raw_tx_per_sec: the transaction a charge commits (look up the order, read the wallet, \
        update it, append the ledger row and the payment's audit entry; IMMEDIATE, WAL, \
        synchronous=FULL) on a plain GRDB pool over a database with the same schema in another fresh \
        directory. Rounds alternate the three; each figure is the median of its rounds; ratio = \
        payments_per_sec / sqlite_raw_tx_per_sec.
        """
    )

    @Option(help: "Payments (and raw transactions) per round.")
    var payments = 500

    @Option(help: "Rounds (the figures are medians of the rounds).")
    var rounds = 3

    @OptionGroup var options: BenchOptions

    func validate() throws {
        if payments < 1 { throw ValidationError("--payments must be at least 1.") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1.") }
    }

    func run() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-bench-payment-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let wallet = WorldWallet(currency: "CNY", balance: 1 << 50, perPaymentLimit: 1_000_000_000_000, dailyLimit: 1 << 50)

        // The host side, as `minihost run --grant payment` builds it.
        let world = World(wallet: wallet, merchants: [WorldMerchant(id: "m.bench", name: "Bench Shop")])
        let prompter = try PolicyPrompter.parse(grant: ["payment"], deny: [], policyFile: nil)
        let services = try HostServices(dataDirectory: root.appendingPathComponent("host"), prompter: prompter, world: world)
        let done = DispatchSemaphore(value: 0)
        let failure = LockedText()
        let host = AppHost(services: services) { _, event in
            switch event {
            case let .console(_, message, _) where message == "done": done.signal()
            case let .console(_, message, _) where message.hasPrefix("failed"): failure.set(message); done.signal()
            case .error: FileHandle.standardError.write(Data((event.jsonLine(app: "bench") + "\n").utf8))
            default: break
            }
        }
        let manifest = try Manifest.parse(Data("""
            {"app_id": "org.minihost.paybench", "name": "Pay Bench", "pages": ["pages/index/index"],
             "req_permissions": [{"name": "payment"}], "merchant": {"id": "m.bench", "name": "Bench Shop"},
             "limits": {"cpu_ms": 10000}}
            """.utf8), file: "bench")
        let package = AppPackage(manifest: manifest, manifestURL: root, rootURL: root, files: [
            "app.js": Data("App({})".utf8),
            "pages/index/index.js": Data("Page({})".utf8),
        ], isW3CLayout: true)
        let app = try host.start(package)
        guard app.waitForLaunch() == true, let sandbox = app.sandbox else { throw ValidationError("the bench app failed to launch in-process") }

        func payAll(prefix: String, count: Int) throws -> Double {
            let source = """
                (async () => {
                  try {
                    for (let i = 0; i < \(count); i++) {
                      await mp.requestPayment({ orderId: '\(prefix)-' + i, amount: 1 + (i % 100), currency: 'CNY', description: 'bench order' });
                    }
                    console.log('done');
                  } catch (e) { console.log('failed ' + e.errMsg) }
                })()
                """
            let start = now()
            sandbox.withContext { ctx in
                do { try ctx.evaluate(source, sourceURL: "miniapp://org.minihost.paybench/bench.js") } catch {
                    failure.set("bench script failed: \(error)")
                    done.signal()
                }
            }
            done.wait()
            let elapsed = now() - start
            if let text = failure.take() { throw ValidationError("payments failed: \(text)") }
            return elapsed
        }

        // Through the bridge without JS: the host's side of the same calls (validation, gate,
        // wallet), as the sandbox's stub would make them.
        let bridge = AppBridge(app: AppIdentity(manifest: manifest), registry: HostAPIRegistry.standard(services: services), services: services)
        func bridgeAll(prefix: String, count: Int) throws -> Double {
            let start = now()
            for i in 0..<count {
                let reply = bridge.callSync(BridgeCall(id: UInt64(i), api: "requestPayment", arguments: .object([
                    "orderId": .string("\(prefix)-\(i)"), "amount": .number(Double(1 + i % 100)),
                    "currency": .string("CNY"), "description": .string("bench order"),
                ])))
                if case let .failure(e) = reply.result { throw ValidationError("payment \(prefix)-\(i) failed: \(e)") }
            }
            return now() - start
        }

        // The raw side: the same transaction on a plain GRDB pool over a database with the same
        // schema, in WAL mode with synchronous=FULL on its writer.
        let raw = try MiniHostDatabase(directory: root.appendingPathComponent("raw"))
        try WalletStore.migrate(raw)
        let pool = raw.writer
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try pool.write { db in
            try db.execute(sql: "INSERT INTO wallet (id, currency, balance, opening_balance, per_payment_limit, daily_limit, day, day_spent, created_ms) VALUES (1, 'CNY', ?, ?, ?, ?, '', 0, 0)",
                           arguments: [wallet.balance, wallet.balance, wallet.perPaymentLimit, wallet.dailyLimit])
        }
        let journal = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } ?? "?"
        let synchronous = try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } ?? -1

        // What WalletStore.charge commits for a new order: look the order up, read the wallet,
        // update it, append the ledger row and the payment's audit entry.
        func rawAll(prefix: String, count: Int) throws -> Double {
            let start = now()
            for i in 0..<count {
                let orderId = "\(prefix)-\(i)"
                let amount = Int64(1 + i % 100)
                try pool.write { db in
                    let existing = try Row.fetchOne(db, sql: "SELECT * FROM ledger WHERE app_id = ? AND order_id = ? AND status = 'charged'",
                                                    arguments: ["org.minihost.paybench", orderId])
                    guard existing == nil, let w = try Row.fetchOne(db, sql: "SELECT * FROM wallet WHERE id = 1") else {
                        throw ValidationError("raw transaction \(orderId): unexpected state")
                    }
                    let balance: Int64 = w["balance"] - amount
                    let spent: Int64 = w["day_spent"]
                    try db.execute(sql: "UPDATE wallet SET balance = ?, day = ?, day_spent = ? WHERE id = 1",
                                   arguments: [balance, "bench", spent + amount])
                    let tx = "tx-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
                    try db.execute(sql: """
                        INSERT INTO ledger (time_ms, app_id, order_id, amount, currency, status, merchant_id, description, transaction_id, balance_after)
                        VALUES (?, ?, ?, ?, 'CNY', 'charged', 'm.bench', 'bench order', ?, ?)
                        """, arguments: [Int64(Date().timeIntervalSince1970 * 1000), "org.minihost.paybench", orderId, amount, tx, balance])
                    try db.execute(sql: "INSERT INTO audit (time, app_id, api, permission, decision, reason) VALUES (?, ?, 'requestPayment', 'payment', 'allow', ?)",
                                   arguments: [Date().timeIntervalSince1970, "org.minihost.paybench", "the user confirmed \(amount) to m.bench for order \(orderId) (\(tx))"])
                }
            }
            return now() - start
        }

        // Warm up every path (first statements; the permission prompt answered by the policy).
        _ = try payAll(prefix: "warm", count: 20)
        _ = try bridgeAll(prefix: "warm-b", count: 20)
        _ = try rawAll(prefix: "warm", count: 20)
        var paymentRates: [Double] = [], rawRates: [Double] = [], jsRates: [Double] = []
        for round in 0..<rounds {
            rawRates.append(Double(payments) / (try rawAll(prefix: "r\(round)", count: payments)))
            paymentRates.append(Double(payments) / (try bridgeAll(prefix: "b\(round)", count: payments)))
            jsRates.append(Double(payments) / (try payAll(prefix: "j\(round)", count: payments)))
        }
        host.stop(app)
        services.flush()

        // The charges really happened: one ledger row per order, balance consistent.
        let store = try WalletStore(database: services.database, seed: wallet)
        let charged = try store.entries(app: "org.minihost.paybench").filter { $0.status == .charged }.count
        guard charged == 40 + 2 * payments * rounds, try store.verify() == nil else {
            throw ValidationError("the ledger does not hold one charge per payment (\(charged) rows)")
        }

        let paymentsPerSec = median(paymentRates)
        let rawPerSec = median(rawRates)
        options.emit([
            ("payments_per_sec", paymentsPerSec),
            ("sqlite_raw_tx_per_sec", rawPerSec),
            ("ratio", paymentsPerSec / rawPerSec),
            ("js_payments_per_sec", median(jsRates)),
            ("js_ratio", median(jsRates) / rawPerSec),
            ("payments_per_round", payments),
            ("rounds", rounds),
            ("journal_mode", journal),
            ("synchronous", synchronous == 2 ? "FULL" : String(synchronous)),
        ])
    }
}

/// A message set from the host's event thread and read by the bench.
private final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?

    func set(_ value: String) { lock.withLock { if text == nil { text = value } } }
    func take() -> String? { lock.withLock { defer { text = nil }; return text } }
}
