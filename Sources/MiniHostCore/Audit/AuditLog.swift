import Dispatch
import Foundation
import GRDB

/// The log of gate decisions, bounded so that no app can fill the disk with it:
/// - a decision identical to one the app had within ``Policy/coalesceWindow`` (same API,
///   permission, decision and reason) is counted on that entry instead of written again;
/// - each app writes new entries at ``Policy/rowsPerSecond`` (after a burst of
///   ``Policy/burst``); decisions beyond that are counted on one `coalesced` entry (API `*`);
/// - the table keeps the newest ``Policy/maxRowsPerApp`` entries of each app and the newest
///   ``Policy/maxRows`` in all; older ones are deleted.
///
/// ``append(_:)`` only touches memory (it is on bridge call paths); a background serial queue
/// writes in batches, one transaction each, and writes count updates at most once every
/// ``Policy/updateInterval``. ``flush()`` waits until everything appended so far is written.
public final class AuditLog: @unchecked Sendable {
    /// The bounds of the log (see the type's description).
    public struct Policy: Sendable {
        public var coalesceWindow: TimeInterval = 60
        public var rowsPerSecond: Double = 2
        public var burst: Double = 100
        public var maxRowsPerApp = 10_000
        public var maxRows = 200_000
        public var updateInterval: TimeInterval = 2
        /// Longer reasons are cut to this many characters.
        public var maxReasonLength = 500
        public init() {}

        /// No coalescing, rate or cap: every decision is a row of its own (for tests of the writer).
        public static var unbounded: Policy {
            var p = Policy()
            p.coalesceWindow = 0
            p.rowsPerSecond = .infinity
            p.burst = .infinity
            p.maxRowsPerApp = .max
            p.maxRows = .max
            return p
        }
    }

    /// At most this many entries go into one transaction.
    public static let maxBatch = 5_000
    /// What a `coalesced` entry says.
    static let coalescedReason = "decisions beyond the audit log's rate for this app, counted here instead of recorded one by one"

    /// One entry as it is being written and counted.
    private final class Run {
        var entry: AuditEntry
        /// The row, once written by this log.
        var rowID: Int64?
        var queuedForUpdate = false
        init(_ entry: AuditEntry) { self.entry = entry }
    }

    /// What makes two decisions of one app the same.
    private struct RepeatKey: Hashable {
        var api: String
        var permission: String?
        var decision: String
        var reason: String
        init(_ e: AuditEntry) { (api, permission, decision, reason) = (e.api, e.permission, e.decision, e.reason) }
    }

    /// Open entries kept per app; past that, the expired ones (or all) are let go.
    private static let maxOpenPerApp = 64

    private struct Bucket {
        var tokens: Double
        var at: Date
    }

    public let policy: Policy
    private let database: MiniHostDatabase
    private let queue = DispatchQueue(label: "minihost.audit")
    private let lock = NSLock()
    /// Entries not written yet, in order.
    private var pending: [Run] = []
    /// Written entries whose count went up since.
    private var updates: [Run] = []
    /// Each app's entries of the current window by what they decided: a repeat is counted there.
    private var open: [String: [RepeatKey: Run]] = [:]
    /// Each app's `coalesced` entry of the current window.
    private var overflow: [String: Run] = [:]
    private var buckets: [String: Bucket] = [:]
    /// New rows per app since its entries were last trimmed, and in all.
    private var rowsSinceTrim: [String: Int] = [:]
    private var allRowsSinceTrim = 0
    private var drainScheduled = false
    private var updateScheduled = false
    private var failure: StoreError?

    public init(database: MiniHostDatabase, policy: Policy = Policy()) {
        self.database = database
        self.policy = policy
    }

    deinit {
        // No drain can be running: a running drain holds a strong reference.
        writeBatches()
    }

    /// Records `entry`; returns at once.
    public func append(_ entry: AuditEntry) {
        var entry = entry
        if entry.reason.count > policy.maxReasonLength {
            entry.reason = String(entry.reason.prefix(policy.maxReasonLength)) + "…"
        }
        let schedule = lock.withLock { () -> (now: Bool, later: Bool) in
            let key = RepeatKey(entry)
            if let run = open[entry.appId]?[key], within(run, entry.time) {
                return count(entry, on: run)
            }
            guard takeToken(entry.appId, at: entry.time) else {
                if let run = overflow[entry.appId], within(run, entry.time) { return count(entry, on: run) }
                let run = Run(AuditEntry(time: entry.time, appId: entry.appId, api: "*", decision: "coalesced", reason: Self.coalescedReason))
                overflow[entry.appId] = run
                pending.append(run)
                return (scheduleDrain(), false)
            }
            let run = Run(entry)
            keepOpen(run, key)
            pending.append(run)
            return (scheduleDrain(), false)
        }
        if schedule.now {
            queue.async { [weak self] in self?.drain() }
        } else if schedule.later {
            queue.asyncAfter(deadline: .now() + policy.updateInterval) { [weak self] in self?.drainUpdates() }
        }
    }

    /// Blocks until every entry appended before the call, and every count, is in the database.
    public func flush() {
        queue.sync { drain() }
    }

    /// Takes the entries not yet written, in order, for a caller that writes them inside a
    /// transaction of its own (``insert(_:into:)``) — a payment records its consent decisions in
    /// the transaction that charges. Waits for a batch being written, so order is kept. A caller
    /// whose transaction fails gives them back with ``putBack(_:)``. Repeats of a taken entry
    /// start an entry of their own.
    public func takePending() -> [AuditEntry] {
        queue.sync {
            lock.withLock {
                defer { pending = [] }
                for run in pending { forget(run) }
                return pending.map(\.entry)
            }
        }
    }

    /// Returns entries taken with ``takePending()`` that could not be written (they go first).
    public func putBack(_ entries: [AuditEntry]) {
        guard !entries.isEmpty else { return }
        let schedule = lock.withLock { () -> Bool in
            pending.insert(contentsOf: entries.map(Run.init), at: 0)
            return scheduleDrain()
        }
        if schedule { queue.async { [weak self] in self?.drain() } }
    }

    /// Writes `entries` with `db` (inside the caller's transaction).
    public static func insert(_ entries: [AuditEntry], into db: Database) throws {
        for e in entries { _ = try insert(e, into: db) }
    }

    private static func insert(_ e: AuditEntry, into db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO audit (time, app_id, api, permission, decision, reason, count, last_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        try statement.execute(arguments: [e.time.timeIntervalSince1970, e.appId, e.api, e.permission, e.decision, e.reason,
                                          e.count, e.lastTime.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    /// Flushes. The log stays usable; the name is for owners that end with it.
    public func close() {
        flush()
    }

    /// The first error met while writing in the background since the last call (the batch
    /// concerned is dropped: the log never blocks or crashes its callers). Clears it.
    public func takeWriteError() -> StoreError? {
        lock.withLock {
            defer { failure = nil }
            return failure
        }
    }

    /// The entries of `app` (all apps when nil), oldest first; with `limit`, only the most
    /// recent `limit` of them (still oldest first). Flushes first.
    public func entries(app: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        flush()
        return try database.read { db in
            var sql = "SELECT time, app_id, api, permission, decision, reason, count, last_time FROM audit"
            var arguments: StatementArguments = []
            if let app {
                sql += " WHERE app_id = ?"
                arguments += [app]
            }
            sql += " ORDER BY id DESC"
            if let limit {
                sql += " LIMIT ?"
                arguments += [max(0, limit)]
            }
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            return rows.reversed().map { row in
                let time = Date(timeIntervalSince1970: row["time"])
                let last: Double? = row["last_time"]
                return AuditEntry(time: time, appId: row["app_id"], api: row["api"], permission: row["permission"],
                                  decision: row["decision"], reason: row["reason"], count: row["count"],
                                  lastTime: last.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    // MARK: - Counting (under `lock`)

    private func within(_ run: Run, _ time: Date) -> Bool {
        time.timeIntervalSince(run.entry.time) < policy.coalesceWindow
    }

    /// Counts `entry` on `run`; says whether a drain (`now`) or a count update (`later`) must be scheduled.
    private func count(_ entry: AuditEntry, on run: Run) -> (now: Bool, later: Bool) {
        run.entry.count += 1
        run.entry.lastTime = max(run.entry.lastTime, entry.time)
        guard run.rowID != nil, !run.queuedForUpdate else { return (false, false) }
        run.queuedForUpdate = true
        updates.append(run)
        if updateScheduled || drainScheduled { return (false, false) }
        updateScheduled = true
        return (false, true)
    }

    private func takeToken(_ app: String, at time: Date) -> Bool {
        var bucket = buckets[app] ?? Bucket(tokens: policy.burst, at: time)
        bucket.tokens = min(policy.burst, bucket.tokens + max(0, time.timeIntervalSince(bucket.at)) * policy.rowsPerSecond)
        bucket.at = time
        let granted = bucket.tokens >= 1
        if granted { bucket.tokens -= 1 }
        buckets[app] = bucket
        return granted
    }

    private func scheduleDrain() -> Bool {
        if drainScheduled { return false }
        drainScheduled = true
        return true
    }

    private func keepOpen(_ run: Run, _ key: RepeatKey) {
        var runs = open[run.entry.appId] ?? [:]
        if runs.count >= Self.maxOpenPerApp {
            runs = runs.filter { within($0.value, run.entry.time) }
            if runs.count >= Self.maxOpenPerApp { runs = [:] }
        }
        runs[key] = run
        open[run.entry.appId] = runs
    }

    /// Stops counting on `run` (it is written elsewhere, or was dropped).
    private func forget(_ run: Run) {
        let key = RepeatKey(run.entry)
        if open[run.entry.appId]?[key] === run { open[run.entry.appId]?[key] = nil }
        if overflow[run.entry.appId] === run { overflow[run.entry.appId] = nil }
    }

    // MARK: - Writing (on `queue`)

    /// Writes new entries and counts until there are none left.
    private func drain() {
        lock.withLock { drainScheduled = false; updateScheduled = false }
        writeBatches()
    }

    /// Writes counts (new entries too, if any came meanwhile).
    private func drainUpdates() {
        lock.withLock { updateScheduled = false }
        writeBatches()
    }

    private func writeBatches() {
        while true {
            let (inserts, changed) = lock.withLock { () -> ([(Run, AuditEntry)], [(Run, AuditEntry)]) in
                let n = min(pending.count, Self.maxBatch)
                let inserts = pending.prefix(n).map { ($0, $0.entry) }
                pending.removeFirst(n)
                let changed = updates.map { ($0, $0.entry) }
                for run in updates { run.queuedForUpdate = false }
                updates = []
                return (inserts, changed)
            }
            if inserts.isEmpty && changed.isEmpty { return }
            write(inserts, changed)
        }
    }

    private func write(_ inserts: [(Run, AuditEntry)], _ changed: [(Run, AuditEntry)]) {
        do {
            let ids = try database.write { db -> [Int64] in
                let ids = try inserts.map { try Self.insert($0.1, into: db) }
                let update = try db.cachedStatement(sql: "UPDATE audit SET count = ?, last_time = ? WHERE id = ?")
                for (run, entry) in changed {
                    guard let id = run.rowID else { continue }
                    try update.execute(arguments: [entry.count, entry.lastTime.timeIntervalSince1970, id])
                }
                return ids
            }
            let trim = lock.withLock { () -> (apps: [String], all: Bool) in
                for ((run, entry), id) in zip(inserts, ids) {
                    run.rowID = id
                    if run.entry.count != entry.count, !run.queuedForUpdate {
                        run.queuedForUpdate = true
                        updates.append(run)
                    }
                    rowsSinceTrim[entry.appId, default: 0] += 1
                }
                allRowsSinceTrim += inserts.count
                let apps = rowsSinceTrim.filter { $0.value >= max(1, policy.maxRowsPerApp / 20) }.map(\.key)
                for app in apps { rowsSinceTrim[app] = 0 }
                let all = allRowsSinceTrim >= max(1, policy.maxRows / 20)
                if all { allRowsSinceTrim = 0 }
                return (apps, all)
            }
            if !trim.apps.isEmpty || trim.all { try self.trim(apps: trim.apps, all: trim.all) }
        } catch {
            let wrapped = StoreError.wrap(error, path: database.path)
            lock.withLock {
                if failure == nil { failure = wrapped }
                for (run, _) in inserts { forget(run) }
            }
        }
    }

    /// Deletes the oldest entries beyond the caps.
    private func trim(apps: [String], all: Bool) throws {
        try database.write { db in
            for app in apps {
                try db.execute(sql: """
                    DELETE FROM audit WHERE app_id = ? AND id < (
                        SELECT id FROM audit WHERE app_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)
                    """, arguments: [app, app, policy.maxRowsPerApp - 1])
            }
            if all {
                try db.execute(sql: "DELETE FROM audit WHERE id < (SELECT id FROM audit ORDER BY id DESC LIMIT 1 OFFSET ?)",
                               arguments: [policy.maxRows - 1])
            }
        }
    }
}
