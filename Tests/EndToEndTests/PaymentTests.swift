import Foundation
import Testing

/// End-to-end: `requestPayment` and `minihost wallet` through the real CLI — the flights sample,
/// refusals with their error codes, refunds and top-ups, and a host killed with SIGKILL while an
/// app pays a series of orders.
@Suite struct PaymentEndToEndTests {
    static let flightsWorld = "worlds/flights.json"

    /// Runs the flights sample with console `lines` (a temporary script).
    func flights(_ lines: [String], dataDir: String, world: String = flightsWorld, args: [String] = ["--grant", "payment"]) throws -> CLI.Result {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-flights-\(UUID().uuidString).minihost")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        return try CLI.run(["run", "org.minihost.flights", "--world", world, "--json", "--script", script.path, "--data-dir", dataDir] + args)
    }

    /// `minihost wallet <args> --json` parsed.
    func wallet(_ args: [String], dataDir: String, world: String = flightsWorld) throws -> [String: Any] {
        let r = try CLI.run(["wallet"] + args + ["--json", "--world", world, "--data-dir", dataDir])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func entries(_ statement: [String: Any]) -> [[String: Any]] { statement["entries"] as? [[String: Any]] ?? [] }

    /// The transaction id at the end of a console line (`… transaction tx-…`).
    func transaction(in messages: [String], prefix: String) -> String? {
        guard let line = messages.first(where: { $0.hasPrefix(prefix) }), let range = line.range(of: "transaction ") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != " " })
    }

    @Test func flightsDemoPaysOnceAndSurvivesRetries() throws {
        let data = tempDataDir()
        let r = try CLI.run(["run", "org.minihost.flights", "--world", Self.flightsWorld, "--grant", "payment", "--json",
                             "--script", "miniprograms/flights/demo.minihost", "--data-dir", data])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.exit?["status"] as? String == "ok")
        let m = r.consoleMessages
        #expect(m.contains("flight SF101 PEK-SHA 08:00 1234.50 CNY"))
        #expect(m.contains("booking SF101 order SKY-2026-SF101 1234.50 CNY"))
        let tx = try #require(transaction(in: m, prefix: "paid SKY-2026-SF101 1234.50 CNY charged transaction tx-"))
        #expect(m.contains("retry SKY-2026-SF101 transaction \(tx) same as first: true"))
        #expect(m.contains("tampered order refused 1012 requestPayment:fail bad signature: sign does not match order SKY-2026-SF101 of app org.minihost.flights (HMAC-SHA256 of amount=…&appId=…&currency=…&description=…&merchant=…&orderId=… with the key of merchant m.flights)"))
        #expect(m.contains("booked SF101 transaction \(tx)"))
        #expect(r.hooks.contains("pages/done/done.onLoad"))

        let statement = try wallet(["statement"], dataDir: data)
        #expect(statement["balance"] as? Int == 500_000 - 123_450)
        #expect(statement["currency"] as? String == "CNY")
        let e = entries(statement)
        #expect(e.count == 1)
        #expect(e.first?["order_id"] as? String == "SKY-2026-SF101")
        #expect(e.first?["app_id"] as? String == "org.minihost.flights")
        #expect(e.first?["amount"] as? Int == 123_450)
        #expect(e.first?["currency"] as? String == "CNY")
        #expect(e.first?["status"] as? String == "charged")
        #expect((e.first?["time"] as? String)?.hasSuffix("Z") == true)
        #expect(e.first?["transaction_id"] as? String == tx)
        #expect(e.first?["merchant_id"] as? String == "m.flights")

        // Running the whole demo again with the same data directory: the same order, the first result.
        let again = try CLI.run(["run", "org.minihost.flights", "--world", Self.flightsWorld, "--grant", "payment", "--json",
                                 "--script", "miniprograms/flights/demo.minihost", "--data-dir", data])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(transaction(in: again.consoleMessages, prefix: "paid SKY-2026-SF101") == tx)
        let after = try wallet(["statement"], dataDir: data)
        #expect(after["balance"] as? Int == 500_000 - 123_450)
        #expect(entries(after).count == 1)
        let audit = try CLI.run(["audit", "--app", "org.minihost.flights", "--json", "--data-dir", data])
        #expect(audit.stdout.contains("\"decision\" : \"replay\""))
    }

    @Test func limitsFundsAndCancelHaveTheirOwnCodes() throws {
        let data = tempDataDir()
        let book = { (flight: String) in [#"call pages/search/search choose {"flight":"\#(flight)"}"#, "call pages/book/book pay", "back"] }
        let r = try flights(book("SF900") + book("SF205") + book("SF101") + book("SF318"), dataDir: data)
        #expect(r.status == 0, "\(r.stderr)")
        let failures = r.consoleMessages.filter { $0.hasPrefix("payment failed") || $0.hasPrefix("paid") }
        #expect(failures.count == 4)
        #expect(failures[0] == "payment failed 1010 requestPayment:fail over limit: 4800.00 CNY is over the per-payment limit of 3000.00 CNY")
        #expect(failures[1].hasPrefix("paid SKY-2026-SF205 1560.00 CNY charged"))
        #expect(failures[2].hasPrefix("paid SKY-2026-SF101 1234.50 CNY charged"))
        #expect(failures[3] == "payment failed 1010 requestPayment:fail over limit: 980.00 CNY would take today's payments over the daily limit of 3500.00 CNY")
        #expect(try wallet(["balance"], dataDir: data)["balance"] as? Int == 500_000 - 156_000 - 123_450)

        // Too little money: a world with 1000.00 CNY, in a fresh data directory.
        let poorWorld = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-world-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: poorWorld) }
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(Self.flightsWorld), encoding: .utf8)
            .replacingOccurrences(of: #""balance": 500000"#, with: #""balance": 100000"#)
        try Data(text.utf8).write(to: poorWorld)
        let poorData = tempDataDir()
        let poor = try flights(book("SF205"), dataDir: poorData, world: poorWorld.path)
        #expect(poor.consoleMessages.contains("payment failed 1006 requestPayment:fail insufficient funds: the wallet cannot pay 1560.00 CNY"))
        #expect(entries(try wallet(["statement"], dataDir: poorData, world: poorWorld.path)).isEmpty)

        // The user says no: the permission is granted, but this payment is refused (no terminal,
        // no policy for payments → the prompt is answered "deny"). Nothing is recorded; the
        // same order can be paid later.
        let cancelData = tempDataDir()
        #expect(try CLI.run(["permissions", "grant", "payment", "--app", "org.minihost.flights", "--data-dir", cancelData]).status == 0)
        let cancelled = try flights(book("SF101"), dataDir: cancelData, args: [])
        #expect(cancelled.consoleMessages.contains("payment failed 1004 requestPayment:fail cancel"))
        #expect(entries(try wallet(["statement"], dataDir: cancelData)).isEmpty)
        let paid = try flights(book("SF101"), dataDir: cancelData)
        #expect(paid.consoleMessages.contains { $0.hasPrefix("paid SKY-2026-SF101") })

        // No permission declared: a manifest without `payment` never reaches the wallet.
        let app = try TempApp(id: "org.test.nopay", files: [
            "pages/index/index.js": """
            Page({ async onLoad() {
              try { await mp.requestPayment({ orderId: 'x1', amount: 100, currency: 'CNY' }) } catch (e) { console.log(e.errCode + ' ' + e.errMsg) }
              try { await mp.requestPayment({ orderId: 'x 1', amount: 100, currency: 'CNY' }) } catch (e) { console.log(e.errCode + ' ' + e.errMsg) }
            } })
            """,
        ], manifestExtra: #""merchant": {"id": "m.x", "name": "X"}"#)
        defer { app.remove() }
        let undeclared = try CLI.run(["run", app.path, "--dev", "--json", "--grant", "payment", "--data-dir", tempDataDir()], stdin: "")
        #expect(undeclared.consoleMessages == [
            "1002 requestPayment:fail permission not declared",
            "1011 requestPayment:fail invalid order: orderId may only hold letters, digits, '_', '-', '.' and ':' (got ' ')",
        ])
    }

    @Test func walletCommandsTopUpRefundAndReport() throws {
        let data = tempDataDir()
        let balance = try wallet(["balance"], dataDir: data)
        #expect(balance["balance"] as? Int == 500_000)
        #expect(balance["per_payment_limit"] as? Int == 300_000)
        #expect(balance["daily_limit"] as? Int == 350_000)
        let topup = try wallet(["topup", "10000"], dataDir: data)
        #expect(topup["balance"] as? Int == 510_000)
        #expect(topup["status"] as? String == "topup")
        let r = try flights([#"call pages/search/search choose {"flight":"SF318"}"#, "call pages/book/book pay"], dataDir: data)
        #expect(r.consoleMessages.contains { $0.hasPrefix("paid SKY-2026-SF318 980.00 CNY") })
        #expect(try wallet(["balance"], dataDir: data)["balance"] as? Int == 510_000 - 98_000)

        let refund = try wallet(["refund", "SKY-2026-SF318"], dataDir: data)
        #expect(refund["status"] as? String == "refunded")
        #expect(refund["amount"] as? Int == 98_000)
        #expect(refund["balance"] as? Int == 510_000)
        let twice = try CLI.run(["wallet", "refund", "SKY-2026-SF318", "--app", "org.minihost.flights", "--data-dir", data])
        #expect(twice.status == 1)
        #expect(twice.stderr == "minihost: order \"SKY-2026-SF318\" of org.minihost.flights was already refunded\n")
        let unknown = try CLI.run(["wallet", "refund", "NOPE", "--data-dir", data])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no charged order \"NOPE\" in the ledger"))
        #expect(try CLI.run(["wallet", "topup", "0", "--data-dir", data]).status != 0)

        let statement = try wallet(["statement"], dataDir: data)
        #expect(statement["balance"] as? Int == 510_000)
        #expect(entries(statement).map { $0["status"] as? String ?? "" } == ["topup", "charged", "refunded"])
        #expect(Set(entries(statement).flatMap { $0.keys }).isSuperset(of: ["order_id", "app_id", "amount", "currency", "status", "time"]))
        let text = try CLI.run(["wallet", "statement", "--data-dir", data])
        #expect(text.status == 0)
        #expect(text.stdout.contains("refunded") && text.stdout.contains("+980.00 CNY") && text.stdout.hasSuffix("balance: 5100.00 CNY\n"))
        let plain = try CLI.run(["wallet", "balance", "--data-dir", data])
        #expect(plain.stdout.hasPrefix("balance: 5100.00 CNY\n"))
        // A refunded order stays done: paying it again returns the first charge.
        let again = try flights([#"call pages/search/search choose {"flight":"SF318"}"#, "call pages/book/book pay"], dataDir: data)
        #expect(transaction(in: again.consoleMessages, prefix: "paid SKY-2026-SF318") == entries(statement)[1]["transaction_id"] as? String)
        #expect(try wallet(["balance"], dataDir: data)["balance"] as? Int == 510_000)
    }

    // MARK: - kill -9

    static let orders = 20
    static let startBalance = 1_000_000

    /// Starts `minihost run`, kills it with SIGKILL once `shouldKill(stdout, seconds since start)`
    /// holds (or lets it finish), and returns what it printed and whether it was killed.
    func runKilling(_ args: [String], shouldKill: (String, Double) -> Bool, timeout: Double = 60) throws -> (killed: Bool, result: CLI.Result) {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = CLI.packageRoot
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        let buffer = OutputBuffer()
        out.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { buffer.append(data) }
        }
        try spawn(p, pipes: [out])
        let start = Date()
        var killed = false
        while p.isRunning {
            let elapsed = Date().timeIntervalSince(start)
            if elapsed > timeout { kill(p.processIdentifier, SIGKILL); break }
            if shouldKill(buffer.text, elapsed) {
                kill(p.processIdentifier, SIGKILL)
                killed = true
                break
            }
            usleep(200)
        }
        p.waitUntilExit()
        if p.terminationReason == .exit { killed = false }
        usleep(50_000)  // let the last output arrive
        out.fileHandleForReading.readabilityHandler = nil
        return (killed, CLI.Result(status: p.terminationStatus, stdout: buffer.text, stderr: ""))
    }

    @Test func killNineWhilePayingChargesEveryOrderExactlyOnce() throws {
        let app = try TempApp(id: "org.test.killpay", name: "Kill Pay", files: [
            "pages/index/index.js": """
            Page({
              async onLoad() {
                console.log('start');
                for (let i = 0; i < \(Self.orders); i++) {
                  try {
                    const res = await mp.requestPayment({ orderId: 'order-' + i, amount: 100 + i, currency: 'CNY', description: 'item ' + i });
                    console.log('paid ' + res.orderId + ' ' + res.transactionId + ' ' + res.amount);
                  } catch (e) {
                    console.log('failed ' + i + ' ' + e.errCode + ' ' + e.errMsg);
                    return;
                  }
                }
                console.log('all paid');
              },
            })
            """,
        ], manifestExtra: #""req_permissions": [{"name": "payment"}], "merchant": {"id": "m.kill", "name": "Kill Shop"}"#)
        defer { app.remove() }
        let world = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-world-\(UUID().uuidString).json")
        try Data(#"{"wallet": {"currency": "CNY", "balance": \#(Self.startBalance), "per_payment_limit": 100000, "daily_limit": 10000000}}"#.utf8).write(to: world)
        defer { try? FileManager.default.removeItem(at: world) }
        let data = tempDataDir()
        let args = ["run", app.path, "--dev", "--json", "--data-dir", data, "--world", world.path, "--grant", "payment"]

        var seen: [String: String] = [:]  // order id → transaction id, as the app saw it in any run
        var conflicts: [String] = []
        func collect(_ r: CLI.Result) {
            for line in r.consoleMessages where line.hasPrefix("paid ") {
                let parts = line.split(separator: " ").map(String.init)
                guard parts.count == 4 else { continue }
                if let earlier = seen[parts[1]], earlier != parts[2] { conflicts.append("\(parts[1]): \(earlier) then \(parts[2])") }
                seen[parts[1]] = parts[2]
            }
        }
        var rng = SystemRandomNumberGenerator()
        var plan: [String] = []
        var kills = 0
        for attempt in 0..<12 {
            let outcome: (killed: Bool, result: CLI.Result)
            if attempt % 3 == 2 {
                // At a random time after the start (possibly before the app even runs).
                let at = Double.random(in: 0.02...0.6, using: &rng)
                plan.append("t=\(String(format: "%.3f", at))s")
                outcome = try runKilling(args) { _, elapsed in elapsed >= at }
            } else {
                // Right after the app saw its k-th "paid" (counting replays), plus a random delay.
                let k = Int.random(in: 0..<Self.orders, using: &rng)
                let delay = Double.random(in: 0...0.004, using: &rng)
                plan.append("k=\(k)+\(String(format: "%.4f", delay))s")
                var reachedAt: Double?
                outcome = try runKilling(args) { text, elapsed in
                    let paid = text.components(separatedBy: "\"message\":\"paid ").count - 1
                    guard text.contains("\"message\":\"start\""), paid >= k else { return false }
                    if reachedAt == nil { reachedAt = elapsed }
                    return elapsed >= (reachedAt ?? elapsed) + delay
                }
            }
            if outcome.killed { kills += 1 }
            collect(outcome.result)
            #expect(!outcome.result.consoleMessages.contains { $0.hasPrefix("failed") }, "\(outcome.result.stdout)")
            // After every crash the books balance: one row per charged order, balance = start − charged.
            let statement = try wallet(["statement"], dataDir: data, world: world.path)
            let charged = entries(statement).filter { $0["status"] as? String == "charged" }
            let orderIds = charged.compactMap { $0["order_id"] as? String }
            #expect(Set(orderIds).count == orderIds.count, "plan: \(plan)")
            #expect(statement["balance"] as? Int == Self.startBalance - charged.reduce(0) { $0 + ($1["amount"] as? Int ?? 0) }, "plan: \(plan)")
        }
        #expect(kills >= 6, "plan: \(plan)")

        // The rerun that finishes: every order is retried; the charged ones return their first result.
        let final = try CLI.run(args)
        #expect(final.status == 0, "\(final.stderr)")
        #expect(final.consoleMessages.last == "all paid", "\(final.stdout)")
        collect(final)
        #expect(conflicts.isEmpty, "plan: \(plan); \(conflicts)")

        let statement = try wallet(["statement"], dataDir: data, world: world.path)
        let charged = entries(statement).filter { $0["status"] as? String == "charged" }
        #expect(charged.count == Self.orders, "plan: \(plan)")
        #expect(Set(charged.compactMap { $0["order_id"] as? String }) == Set((0..<Self.orders).map { "order-\($0)" }))
        let sum = charged.reduce(0) { $0 + ($1["amount"] as? Int ?? 0) }
        #expect(sum == (0..<Self.orders).reduce(0) { $0 + 100 + $1 })
        #expect(statement["balance"] as? Int == Self.startBalance - sum, "plan: \(plan)")
        // Nothing lost: every charge the app was told about (in any run) is in the ledger, unchanged.
        for entry in charged {
            let order = entry["order_id"] as? String ?? ""
            #expect(seen[order] == entry["transaction_id"] as? String, "\(order), plan: \(plan)")
        }
        #expect(seen.count == Self.orders)
    }
}

/// Output collected from a pipe's handler thread.
private final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ d: Data) { lock.withLock { data.append(d) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
