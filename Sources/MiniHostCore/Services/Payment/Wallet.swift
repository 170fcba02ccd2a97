import Foundation
import GRDB

/// The user's wallet as stored: balance and limits in integer minor units of `currency`.
public struct WalletState: Sendable, Equatable {
    public var currency: String
    public var balance: Int64
    /// The balance the wallet was opened with (from the world's `wallet.balance`).
    public var openingBalance: Int64
    public var perPaymentLimit: Int64
    public var dailyLimit: Int64
    /// What was charged on `day` (the host's local calendar day, `yyyy-MM-dd`).
    public var day: String
    public var spentOnDay: Int64

    /// What was charged on `today` (zero when the stored day is another one).
    public func spent(on today: String) -> Int64 { day == today ? spentOnDay : 0 }
}

/// What a ledger entry records.
public enum LedgerStatus: String, Sendable, Codable, CaseIterable {
    /// An order paid from the wallet (the amount left the wallet).
    case charged
    /// A charged order given back (`minihost wallet refund`; the amount came back).
    case refunded
    /// Money added with `minihost wallet topup`.
    case topup
}

/// One row of the append-only ledger. `amount` is always positive; `status` says which way it
/// moved (`charged` out of the wallet, `refunded` and `topup` into it).
public struct LedgerEntry: Sendable, Equatable {
    public var id: Int64
    /// Milliseconds since 1970 (UTC).
    public var timeMs: Int64
    /// The app that charged (empty for a top-up).
    public var appId: String
    /// The app's order id (for a top-up: its transaction id).
    public var orderId: String
    public var amount: Int64
    public var currency: String
    public var status: LedgerStatus
    /// The manifest's merchant id (nil for a top-up).
    public var merchantId: String?
    public var description: String
    /// The host's id for this movement (`tx-` and 32 hex digits), unique in the ledger.
    public var transactionId: String
    /// The wallet's balance right after this entry.
    public var balanceAfter: Int64

    public var time: Date { Date(timeIntervalSince1970: Double(timeMs) / 1000) }
    /// ISO 8601, UTC, milliseconds (`2026-01-31T12:00:00.123Z`).
    public var timeText: String { AuditEntry.formatTime(time) }

    init(row: Row) {
        id = row["id"]
        timeMs = row["time_ms"]
        appId = row["app_id"]
        orderId = row["order_id"]
        amount = row["amount"]
        currency = row["currency"]
        status = LedgerStatus(rawValue: row["status"]) ?? .charged
        merchantId = row["merchant_id"]
        description = row["description"]
        transactionId = row["transaction_id"]
        balanceAfter = row["balance_after"]
    }

    /// The entry as `minihost wallet statement --json` prints it.
    public var statementJSON: [String: Any] {
        var out: [String: Any] = [
            "order_id": orderId, "app_id": appId, "amount": amount, "currency": currency,
            "status": status.rawValue, "time": timeText, "transaction_id": transactionId,
            "description": description, "balance_after": balanceAfter,
        ]
        out["merchant_id"] = merchantId ?? NSNull()
        return out
    }
}

/// An order to charge, already validated.
public struct ChargeOrder: Sendable, Equatable {
    public var appId: String
    public var orderId: String
    public var amount: Int64
    public var currency: String
    public var merchantId: String
    public var description: String
    /// The merchant signs its orders: each of its order ids is charged once across all apps.
    public var merchantSigns: Bool

    public init(appId: String, orderId: String, amount: Int64, currency: String, merchantId: String, description: String,
                merchantSigns: Bool = false) {
        self.appId = appId
        self.orderId = orderId
        self.amount = amount
        self.currency = currency
        self.merchantId = merchantId
        self.description = description
        self.merchantSigns = merchantSigns
    }
}

/// Why the wallet refuses a movement. The texts never state the balance (apps see some of them).
public enum WalletRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The order id was charged before with another amount or currency.
    case orderMismatch(orderId: String, charged: LedgerEntry)
    /// A signing merchant's order id already charged by another app.
    case orderOfAnotherApp(orderId: String, merchantId: String)
    case currencyMismatch(order: String, wallet: String)
    case overPaymentLimit(amount: Int64, limit: Int64, currency: String)
    case overDailyLimit(amount: Int64, limit: Int64, currency: String)
    case insufficientFunds(amount: Int64, currency: String)
    /// Refunds and top-ups from the CLI.
    case noSuchCharge(orderId: String, appId: String?)
    case ambiguousOrder(orderId: String, apps: [String])
    case alreadyRefunded(orderId: String, appId: String)
    case invalidAmount(Int64)
    case tooLarge(amount: Int64)

    public var description: String {
        switch self {
        case let .orderMismatch(orderId, charged):
            "order \(orderId) was already charged with \(Money.format(charged.amount, charged.currency)); a retry must repeat the same amount and currency"
        case let .orderOfAnotherApp(orderId, merchantId):
            "order \(orderId) of merchant \(merchantId) was already charged by another app; a signed order is paid once"
        case let .currencyMismatch(order, wallet):
            "currency \(order) is not the wallet's currency (\(wallet))"
        case let .overPaymentLimit(amount, limit, currency):
            "\(Money.format(amount, currency)) is over the per-payment limit of \(Money.format(limit, currency))"
        case let .overDailyLimit(amount, limit, currency):
            "\(Money.format(amount, currency)) would take today's payments over the daily limit of \(Money.format(limit, currency))"
        case let .insufficientFunds(amount, currency):
            "the wallet cannot pay \(Money.format(amount, currency))"
        case let .noSuchCharge(orderId, appId):
            "no charged order \"\(orderId)\"\(appId.map { " of \($0)" } ?? "") in the ledger"
        case let .ambiguousOrder(orderId, apps):
            "order \"\(orderId)\" was charged by several apps (\(apps.joined(separator: ", "))); name one with --app"
        case let .alreadyRefunded(orderId, appId):
            "order \"\(orderId)\" of \(appId) was already refunded"
        case let .invalidAmount(amount):
            "the amount must be a positive integer of minor units (got \(amount))"
        case let .tooLarge(amount):
            "adding \(amount) would overflow the balance"
        }
    }
}

/// Amounts in minor units, as people read them.
public enum Money {
    /// ISO 4217 currencies whose minor unit is not 1/100.
    static let exponents: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
        "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    ]

    /// `123450, "CNY"` → `"1234.50 CNY"`; `500, "JPY"` → `"500 JPY"`.
    public static func format(_ amount: Int64, _ currency: String) -> String {
        let exponent = exponents[currency] ?? 2
        let sign = amount < 0 ? "-" : ""
        let magnitude = amount.magnitude
        guard exponent > 0 else { return "\(sign)\(magnitude) \(currency)" }
        var scale: UInt64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let fraction = String(magnitude % scale)
        return "\(sign)\(magnitude / scale).\(String(repeating: "0", count: exponent - fraction.count))\(fraction) \(currency)"
    }
}

/// The wallet and its append-only ledger, in MiniHost's database (migration `"payment.v1"`):
///
/// - `wallet(id = 1, currency, balance ≥ 0, opening_balance, per_payment_limit, daily_limit,
///   day, day_spent, created_ms)` — one row, created from the world's `wallet` the first time it
///   is used; later runs with the same data directory continue from it (the world is not read
///   again);
/// - `ledger(id, time_ms, app_id, order_id, amount > 0, currency, status
///   'charged'|'refunded'|'topup', merchant_id, description, transaction_id UNIQUE,
///   balance_after)` — rows are only ever inserted (triggers abort any UPDATE or DELETE). At most
///   one `charged` row and one `refunded` row per (app_id, order_id) (unique partial indexes);
///   a signing merchant's order id is charged once across apps (checked in the charge's transaction).
///
/// Every movement is one IMMEDIATE transaction (the ledger row and the new balance commit
/// together or not at all) committed with `synchronous = FULL` (``durableWrite(_:)``), so a
/// committed charge survives a crash of the process or the machine, and an uncommitted one leaves
/// no trace.
/// Invariant: `balance = opening_balance + Σ topup + Σ refunded − Σ charged`.
public final class WalletStore: @unchecked Sendable {
    public let database: MiniHostDatabase
    /// Where a new wallet starts (the world's `wallet`).
    public let seed: WorldWallet
    private let clock: @Sendable () -> Date
    private let lock = NSLock()
    private var knownCurrency: String?

    public init(database: MiniHostDatabase, seed: WorldWallet, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.database = database
        self.seed = seed
        self.clock = clock
        try Self.migrate(database)
    }

    /// Runs `body` in one IMMEDIATE transaction committed with `synchronous = FULL` (the WAL is
    /// synced before the commit returns, so a power cut cannot undo it). The setting is raised
    /// for this transaction only and put back afterwards: the database's other writers (the
    /// audit log's batches, grants) keep the connection's own setting. Holding the pool's writer
    /// for the whole call, nothing else commits in between. Database errors become ``StoreError``.
    func durableWrite<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.writer.writeWithoutTransaction { db -> T in
                // Cached statements: a payment compiles no SQL after the first.
                let previous = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA synchronous")) ?? 2
                if previous != 2 { try db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute() }
                defer { if previous != 2 { try? db.cachedStatement(sql: "PRAGMA synchronous = \(previous)").execute() } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError(path: database.path, message: "the wallet transaction in \(database.path) returned nothing") }
                return result
            }
        } catch let error as DatabaseError {
            throw StoreError.wrap(error, path: database.path)
        }
    }

    /// The tables, as the migration `"payment.v1"` creates them.
    public static let schemaSQL = """
        CREATE TABLE wallet (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            currency TEXT NOT NULL,
            balance INTEGER NOT NULL CHECK (balance >= 0),
            opening_balance INTEGER NOT NULL,
            per_payment_limit INTEGER NOT NULL,
            daily_limit INTEGER NOT NULL,
            day TEXT NOT NULL DEFAULT '',
            day_spent INTEGER NOT NULL DEFAULT 0,
            created_ms INTEGER NOT NULL
        );
        CREATE TABLE ledger (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time_ms INTEGER NOT NULL,
            app_id TEXT NOT NULL,
            order_id TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            currency TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('charged', 'refunded', 'topup')),
            merchant_id TEXT,
            description TEXT NOT NULL,
            transaction_id TEXT NOT NULL UNIQUE,
            balance_after INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX ledger_charge ON ledger(app_id, order_id) WHERE status = 'charged';
        CREATE UNIQUE INDEX ledger_refund ON ledger(app_id, order_id) WHERE status = 'refunded';
        CREATE INDEX ledger_order ON ledger(order_id);
        CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
        CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
        """

    /// Creates the tables (migration `"payment.v1"`) if they are not there yet.
    public static func migrate(_ database: MiniHostDatabase) throws {
        try database.migrate { migrator in
            migrator.registerMigration("payment.v1") { db in try db.execute(sql: schemaSQL) }
        }
    }

    // MARK: Reading

    /// The wallet, created from ``seed`` if the database has none yet.
    public func wallet() throws -> WalletState {
        if let w = try database.read({ db in try Self.fetchWallet(db) }) { return w }
        return try durableWrite { db in try self.walletRow(db) }
    }

    /// The charge of (app, order), if it was charged.
    public func charge(app: String, orderId: String) throws -> LedgerEntry? {
        try database.read { db in try Self.fetchCharge(db, app: app, orderId: orderId) }
    }

    /// The ledger, oldest first (only `app`'s entries when named).
    public func entries(app: String? = nil) throws -> [LedgerEntry] {
        try database.read { db in
            let rows: [Row]
            if let app {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM ledger WHERE app_id = ? ORDER BY id", arguments: [app])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM ledger ORDER BY id")
            }
            return rows.map(LedgerEntry.init(row:))
        }
    }

    /// The host's calendar day of `date` (local time zone), as `yyyy-MM-dd`.
    public static func dayKey(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
        let y = c.year ?? 0, m = c.month ?? 0, d = c.day ?? 0
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// What ``preflight(_:)`` found.
    public enum Preflight: Sendable, Equatable {
        /// The order was charged before: its first charge.
        case replay(LedgerEntry)
        /// The wallet could pay it now.
        case payable
    }

    /// What the host checks before asking the user, in one read: the earlier charge of the same
    /// (app, order id) if there is one (see ``earlierCharge(_:of:)``), else the currency, the
    /// limits and the funds. ``charge(_:)`` checks all of it again inside its transaction.
    public func preflight(_ order: ChargeOrder) throws -> Preflight {
        let today = Self.dayKey(clock())
        let found = try database.read { db -> Preflight? in
            if let first = try Self.earlierCharge(db, of: order) { return .replay(first) }
            guard let w = try Self.fetchWallet(db) else { return nil }
            try Self.check(order, w, today: today)
            return .payable
        }
        if let found { return found }
        // No wallet yet: create it from the seed, then check.
        try Self.check(order, try wallet(), today: today)
        return .payable
    }

    /// The wallet's currency, read once (a wallet's currency never changes).
    public func currency() throws -> String {
        if let c = lock.withLock({ knownCurrency }) { return c }
        let c = try wallet().currency
        lock.withLock { knownCurrency = c }
        return c
    }

    // MARK: Writing

    /// What ``charge(_:)`` did.
    public enum ChargeResult: Sendable, Equatable {
        /// Charged now.
        case charged(LedgerEntry)
        /// The order had been charged before: the first charge, unchanged.
        case replayed(LedgerEntry)

        public var entry: LedgerEntry {
            switch self {
            case let .charged(e), let .replayed(e): e
            }
        }
    }

    /// Charges `order` once: in one transaction, returns the earlier charge of the same
    /// (app, order id) if there is one (see ``earlierCharge(_:of:)``), else checks
    /// the currency, the limits and the funds, appends the ledger row and lowers the balance.
    /// Throws ``WalletRefusal`` or ``StoreError``.
    ///
    /// `audit`, when given, is the audit-log entry of a new charge (API and reason, made from the
    /// ledger entry): it is inserted into the `audit` table in the same transaction, so the
    /// record of a payment commits with the payment (and costs no transaction of its own).
    /// `earlier` are audit entries still to be written (this call's consent decisions): they are
    /// inserted first, in the same transaction.
    public func charge(_ order: ChargeOrder, earlier: [AuditEntry] = [], audit: ((LedgerEntry) -> (api: String, reason: String))? = nil) throws -> ChargeResult {
        let now = clock()
        let today = Self.dayKey(now)
        return try durableWrite { db -> ChargeResult in
            try AuditLog.insert(earlier, into: db)
            if let first = try Self.earlierCharge(db, of: order) { return .replayed(first) }
            let w = try self.walletRow(db)
            try Self.check(order, w, today: today)
            let balance = w.balance - order.amount
            try db.cachedStatement(sql: "UPDATE wallet SET balance = ?, day = ?, day_spent = ? WHERE id = 1")
                .execute(arguments: [balance, today, w.spent(on: today) + order.amount])
            let entry = try Self.append(db, timeMs: Self.ms(now), appId: order.appId, orderId: order.orderId, amount: order.amount,
                                        currency: order.currency, status: .charged, merchantId: order.merchantId,
                                        description: order.description, balanceAfter: balance)
            if let audit {
                let (api, reason) = audit(entry)
                try db.cachedStatement(sql: "INSERT INTO audit (time, app_id, api, permission, decision, reason) VALUES (?, ?, ?, 'payment', 'allow', ?)")
                    .execute(arguments: [Date().timeIntervalSince1970, order.appId, api, reason])
            }
            return .charged(entry)
        }
    }

    /// Gives back a charged order's amount, once. `app` may be left out when only one app
    /// charged that order id. Refunds do not restore the day's spending allowance.
    public func refund(orderId: String, app: String?) throws -> LedgerEntry {
        let now = clock()
        return try durableWrite { db -> LedgerEntry in
            let charges: [LedgerEntry]
            if let app {
                charges = try Self.fetchCharge(db, app: app, orderId: orderId).map { [$0] } ?? []
            } else {
                charges = try Row.fetchAll(db, sql: "SELECT * FROM ledger WHERE order_id = ? AND status = 'charged' ORDER BY id", arguments: [orderId])
                    .map(LedgerEntry.init(row:))
            }
            guard let charge = charges.first else { throw WalletRefusal.noSuchCharge(orderId: orderId, appId: app) }
            if charges.count > 1 { throw WalletRefusal.ambiguousOrder(orderId: orderId, apps: charges.map(\.appId)) }
            let refunded = try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger WHERE app_id = ? AND order_id = ? AND status = 'refunded'",
                                            arguments: [charge.appId, orderId]) ?? 0
            if refunded > 0 { throw WalletRefusal.alreadyRefunded(orderId: orderId, appId: charge.appId) }
            let w = try self.walletRow(db)
            let (balance, overflow) = w.balance.addingReportingOverflow(charge.amount)
            if overflow { throw WalletRefusal.tooLarge(amount: charge.amount) }
            try db.execute(sql: "UPDATE wallet SET balance = ? WHERE id = 1", arguments: [balance])
            return try Self.append(db, timeMs: Self.ms(now), appId: charge.appId, orderId: orderId, amount: charge.amount,
                                   currency: charge.currency, status: .refunded, merchantId: charge.merchantId,
                                   description: charge.description, balanceAfter: balance)
        }
    }

    /// Adds `amount` minor units to the wallet.
    public func topup(_ amount: Int64) throws -> LedgerEntry {
        guard amount > 0 else { throw WalletRefusal.invalidAmount(amount) }
        let now = clock()
        return try durableWrite { db -> LedgerEntry in
            let w = try self.walletRow(db)
            let (balance, overflow) = w.balance.addingReportingOverflow(amount)
            if overflow || balance > Int64(1) << 53 { throw WalletRefusal.tooLarge(amount: amount) }
            try db.execute(sql: "UPDATE wallet SET balance = ? WHERE id = 1", arguments: [balance])
            let id = Self.newTransactionId()
            return try Self.append(db, timeMs: Self.ms(now), appId: "", orderId: id, amount: amount, currency: w.currency,
                                   status: .topup, merchantId: nil, description: "top-up", balanceAfter: balance, transactionId: id)
        }
    }

    /// Recomputes the balance from the ledger: nil when it matches the wallet, else what is wrong.
    public func verify() throws -> String? {
        try database.read { db in
            guard let w = try Self.fetchWallet(db) else { return nil }
            let credit = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(amount), 0) FROM ledger WHERE status IN ('refunded', 'topup')") ?? 0
            let debit = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(amount), 0) FROM ledger WHERE status = 'charged'") ?? 0
            let expected = w.openingBalance + credit - debit
            return expected == w.balance ? nil : "the balance is \(w.balance) but the ledger gives \(expected)"
        }
    }

    // MARK: Helpers

    static func check(_ order: ChargeOrder, _ w: WalletState, today: String) throws {
        if order.currency != w.currency {
            throw WalletRefusal.currencyMismatch(order: order.currency, wallet: w.currency)
        }
        if order.amount > w.perPaymentLimit {
            throw WalletRefusal.overPaymentLimit(amount: order.amount, limit: w.perPaymentLimit, currency: w.currency)
        }
        if w.spent(on: today) + order.amount > w.dailyLimit {
            throw WalletRefusal.overDailyLimit(amount: order.amount, limit: w.dailyLimit, currency: w.currency)
        }
        if order.amount > w.balance {
            throw WalletRefusal.insufficientFunds(amount: order.amount, currency: w.currency)
        }
    }

    /// The wallet row, inserted from ``seed`` when missing (inside the caller's transaction).
    private func walletRow(_ db: Database) throws -> WalletState {
        if let w = try Self.fetchWallet(db) { return w }
        try db.execute(sql: """
            INSERT INTO wallet (id, currency, balance, opening_balance, per_payment_limit, daily_limit, day, day_spent, created_ms)
            VALUES (1, ?, ?, ?, ?, ?, '', 0, ?)
            """, arguments: [seed.currency, seed.balance, seed.balance, seed.perPaymentLimit, seed.dailyLimit, Self.ms(clock())])
        guard let w = try Self.fetchWallet(db) else { throw StoreError(path: database.path, message: "the wallet could not be created in \(database.path)") }
        return w
    }

    static func fetchWallet(_ db: Database) throws -> WalletState? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM wallet WHERE id = 1")) else { return nil }
        return WalletState(currency: row["currency"], balance: row["balance"], openingBalance: row["opening_balance"],
                           perPaymentLimit: row["per_payment_limit"], dailyLimit: row["daily_limit"],
                           day: row["day"], spentOnDay: row["day_spent"])
    }

    /// The charge of the same (app, order id), to return again; another amount or currency is
    /// ``WalletRefusal/orderMismatch(orderId:charged:)``. For a signing merchant, the order id
    /// charged by another app is ``WalletRefusal/orderOfAnotherApp(orderId:merchantId:)``.
    static func earlierCharge(_ db: Database, of order: ChargeOrder) throws -> LedgerEntry? {
        if let first = try fetchCharge(db, app: order.appId, orderId: order.orderId) {
            guard first.amount == order.amount, first.currency == order.currency else {
                throw WalletRefusal.orderMismatch(orderId: order.orderId, charged: first)
            }
            return first
        }
        if order.merchantSigns, try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM ledger WHERE order_id = ? AND merchant_id = ? AND status = 'charged')
            """), arguments: [order.orderId, order.merchantId]) == true {
            throw WalletRefusal.orderOfAnotherApp(orderId: order.orderId, merchantId: order.merchantId)
        }
        return nil
    }

    static func fetchCharge(_ db: Database, app: String, orderId: String) throws -> LedgerEntry? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM ledger WHERE app_id = ? AND order_id = ? AND status = 'charged'"), arguments: [app, orderId])
            .map(LedgerEntry.init(row:))
    }

    private static func append(_ db: Database, timeMs: Int64, appId: String, orderId: String, amount: Int64, currency: String,
                               status: LedgerStatus, merchantId: String?, description: String, balanceAfter: Int64,
                               transactionId: String = newTransactionId()) throws -> LedgerEntry {
        try db.cachedStatement(sql: """
            INSERT INTO ledger (time_ms, app_id, order_id, amount, currency, status, merchant_id, description, transaction_id, balance_after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [timeMs, appId, orderId, amount, currency, status.rawValue, merchantId, description, transactionId, balanceAfter])
        return LedgerEntry(id: db.lastInsertedRowID, timeMs: timeMs, appId: appId, orderId: orderId, amount: amount, currency: currency,
                           status: status, merchantId: merchantId, description: description, transactionId: transactionId,
                           balanceAfter: balanceAfter)
    }

    static func ms(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func newTransactionId() -> String {
        "tx-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}

extension LedgerEntry {
    init(id: Int64, timeMs: Int64, appId: String, orderId: String, amount: Int64, currency: String, status: LedgerStatus,
         merchantId: String?, description: String, transactionId: String, balanceAfter: Int64) {
        self.id = id
        self.timeMs = timeMs
        self.appId = appId
        self.orderId = orderId
        self.amount = amount
        self.currency = currency
        self.status = status
        self.merchantId = merchantId
        self.description = description
        self.transactionId = transactionId
        self.balanceAfter = balanceAfter
    }
}
