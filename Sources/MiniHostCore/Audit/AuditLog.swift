import Dispatch
import Foundation
import GRDB

/// One gate decision: when, which app, which API, which permission (if any), what was decided
/// and why. JSON keys: `time` (ISO 8601 with milliseconds, UTC), `app_id`, `api`, `permission`
/// (null when none), `decision`, `reason`.
public struct AuditEntry: Sendable, Codable, Equatable {
    public var time: Date
    public var appId: String
    public var api: String
    public var permission: String?
    /// `allow`, `deny`, `prompt-allow`, `prompt-deny`, `invalid`, `rate-limited`, … (free text).
    public var decision: String
    public var reason: String

    public init(time: Date = Date(), appId: String, api: String, permission: String? = nil, decision: String, reason: String) {
        self.time = time
        self.appId = appId
        self.api = api
        self.permission = permission
        self.decision = decision
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case time, appId = "app_id", api, permission, decision, reason
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
    private static let timeFormatWhole = Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: TimeZone(identifier: "UTC")!)

    /// `time` as written in JSON: `2025-01-31T12:00:00.123Z`.
    public var timeText: String { Self.formatTime(time) }

    /// A date as audit JSON writes it: ISO 8601, UTC, milliseconds rounded to the nearest
    /// (`2025-01-31T12:00:00.123Z`).
    public static func formatTime(_ date: Date) -> String {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (ms / 1000).rounded(.down)
        let fraction = Int(ms - seconds * 1000)
        let whole = timeFormatWhole.format(Date(timeIntervalSince1970: seconds))  // ends with "Z"
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decode(String.self, forKey: .time)
        if let t = try? Self.timeFormat.parse(text) {
            time = t
        } else if let t = try? Self.timeFormatWhole.parse(text) {
            time = t
        } else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: c, debugDescription: "not an ISO 8601 time: \(text)")
        }
        appId = try c.decode(String.self, forKey: .appId)
        api = try c.decode(String.self, forKey: .api)
        permission = try c.decodeIfPresent(String.self, forKey: .permission)
        decision = try c.decode(String.self, forKey: .decision)
        reason = try c.decode(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(timeText, forKey: .time)
        try c.encode(appId, forKey: .appId)
        try c.encode(api, forKey: .api)
        try c.encode(permission, forKey: .permission)  // null when absent, so every entry has every key
        try c.encode(decision, forKey: .decision)
        try c.encode(reason, forKey: .reason)
    }
}

/// The append-only log of gate decisions. ``append(_:)`` only adds to an in-memory buffer (it is
/// on bridge call paths); a background serial queue writes the buffer in batches, one
/// transaction each. ``flush()`` waits until everything appended so far is written — call it
/// before reading from another connection or exiting (``entries(app:limit:)`` flushes itself,
/// and so do ``close()`` and `deinit`).
public final class AuditLog: @unchecked Sendable {
    /// At most this many entries go into one transaction.
    public static let maxBatch = 5_000

    private let database: MiniHostDatabase
    private let queue = DispatchQueue(label: "minihost.audit")
    private let lock = NSLock()
    private var pending: [AuditEntry] = []
    private var scheduled = false
    private var failure: StoreError?

    public init(database: MiniHostDatabase) {
        self.database = database
    }

    deinit {
        // No drain can be running: a running drain holds a strong reference.
        let rest = lock.withLock { () -> [AuditEntry] in
            defer { pending = [] }
            return pending
        }
        var start = 0
        while start < rest.count {
            let end = min(start + Self.maxBatch, rest.count)
            insert(rest[start..<end])
            start = end
        }
    }

    /// Queues `entry` for writing; returns at once.
    public func append(_ entry: AuditEntry) {
        let schedule = lock.withLock { () -> Bool in
            pending.append(entry)
            if scheduled { return false }
            scheduled = true
            return true
        }
        if schedule {
            queue.async { [weak self] in self?.drain() }
        }
    }

    /// Blocks until every entry appended before the call is in the database.
    public func flush() {
        queue.sync { drain() }
    }

    /// Takes the entries not yet written, in order, for a caller that writes them inside a
    /// transaction of its own (``insert(_:into:)``) — a payment records its consent decisions in
    /// the transaction that charges. Waits for a batch being written, so order is kept. A caller
    /// whose transaction fails gives them back with ``putBack(_:)``.
    public func takePending() -> [AuditEntry] {
        queue.sync {
            lock.withLock {
                defer { pending = [] }
                return pending
            }
        }
    }

    /// Returns entries taken with ``takePending()`` that could not be written (they go first).
    public func putBack(_ entries: [AuditEntry]) {
        guard !entries.isEmpty else { return }
        let schedule = lock.withLock { () -> Bool in
            pending.insert(contentsOf: entries, at: 0)
            if scheduled { return false }
            scheduled = true
            return true
        }
        if schedule { queue.async { [weak self] in self?.drain() } }
    }

    /// Writes `entries` with `db` (inside the caller's transaction).
    public static func insert(_ entries: [AuditEntry], into db: Database) throws {
        guard !entries.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT INTO audit (time, app_id, api, permission, decision, reason) VALUES (?, ?, ?, ?, ?, ?)"
        )
        for e in entries {
            try statement.execute(arguments: [e.time.timeIntervalSince1970, e.appId, e.api, e.permission, e.decision, e.reason])
        }
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
            var sql = "SELECT time, app_id, api, permission, decision, reason FROM audit"
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
                AuditEntry(
                    time: Date(timeIntervalSince1970: row["time"]),
                    appId: row["app_id"],
                    api: row["api"],
                    permission: row["permission"],
                    decision: row["decision"],
                    reason: row["reason"]
                )
            }
        }
    }

    /// Writes pending batches until the buffer is empty. Runs on `queue` only.
    private func drain() {
        while true {
            let batch = lock.withLock { () -> [AuditEntry] in
                if pending.isEmpty {
                    scheduled = false
                    return []
                }
                let n = min(pending.count, Self.maxBatch)
                let batch = Array(pending.prefix(n))
                pending.removeFirst(n)
                return batch
            }
            if batch.isEmpty { return }
            insert(batch[...])
        }
    }

    private func insert(_ batch: ArraySlice<AuditEntry>) {
        do {
            try database.write { db in try Self.insert(Array(batch), into: db) }
        } catch {
            let wrapped = StoreError.wrap(error, path: database.path)
            lock.withLock { if failure == nil { failure = wrapped } }
        }
    }
}
