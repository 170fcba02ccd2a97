import Foundation
import GRDB
import MiniHostProtocol

/// A write refused because the app's storage would grow past its quota.
public struct StorageQuotaError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    /// The app's quota, in bytes.
    public var quotaBytes: Int
    /// What the app's storage would hold after the write, in bytes.
    public var requiredBytes: Int

    public init(quotaBytes: Int, requiredBytes: Int) {
        self.quotaBytes = quotaBytes
        self.requiredBytes = requiredBytes
    }

    public var description: String {
        "the app's storage would exceed its quota of \(Self.format(quotaBytes)) (it would hold \(requiredBytes) bytes)"
    }

    public var errorDescription: String? { description }

    /// `10 MB`, `512 KB` or `1000 bytes` (1 MB = 1024 × 1024 bytes).
    public static func format(_ bytes: Int) -> String {
        if bytes > 0, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MB" }
        if bytes > 0, bytes % 1024 == 0 { return "\(bytes / 1024) KB" }
        return "\(bytes) bytes"
    }
}

/// Persistence for the storage API: per app, key → JSON text. An entry's size is the UTF-8 byte
/// count of its key plus its value; an app's size is the sum over its entries. Every query is
/// confined to one `app_id`.
public final class StorageStore: @unchecked Sendable {
    private let database: MiniHostDatabase

    public init(database: MiniHostDatabase) {
        self.database = database
    }

    /// The UTF-8 byte count of `key` plus `json`, as counted against the quota.
    public static func size(key: String, json: String) -> Int {
        key.utf8.count + json.utf8.count
    }

    /// Every entry of `app`.
    /// Every entry of `app`, keyed by the key's exact code points (as SQLite compares them).
    public func load(app: String) throws -> [ExactString: String] {
        try database.read { db in
            var result: [ExactString: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT key, value FROM storage WHERE app_id = ?", arguments: [app])
            while let row = try rows.next() {
                result[ExactString(row["key"])] = row["value"] as String
            }
            return result
        }
    }

    /// The value of one key, or nil.
    public func get(app: String, key: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM storage WHERE app_id = ? AND key = ?", arguments: [app, key])
        }
    }

    /// Sets `key` to `json` in one transaction, unless the app's total size afterwards would
    /// exceed `quotaBytes`: then nothing changes and ``StorageQuotaError`` is thrown.
    public func set(app: String, key: String, json: String, quotaBytes: Int) throws {
        let size = Self.size(key: key, json: json)
        try database.write { db in
            let others = try Int.fetchOne(
                db,
                sql: "SELECT COALESCE(SUM(size), 0) FROM storage WHERE app_id = ? AND key <> ?",
                arguments: [app, key]
            ) ?? 0
            if others + size > quotaBytes {
                throw StorageQuotaError(quotaBytes: quotaBytes, requiredBytes: others + size)
            }
            try db.execute(
                sql: """
                    INSERT INTO storage (app_id, key, value, size) VALUES (?, ?, ?, ?)
                    ON CONFLICT(app_id, key) DO UPDATE SET value = excluded.value, size = excluded.size
                    """,
                arguments: [app, key, json, size]
            )
        }
    }

    /// Removes one key (nothing happens when it is absent). Returns whether it existed.
    @discardableResult
    public func remove(app: String, key: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "DELETE FROM storage WHERE app_id = ? AND key = ?", arguments: [app, key])
            return db.changesCount > 0
        }
    }

    /// Removes every key of `app`.
    public func clear(app: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM storage WHERE app_id = ?", arguments: [app])
        }
    }

    /// The app's keys, in the order they were first set, and its total size in bytes.
    public func info(app: String) throws -> (keys: [String], currentSizeBytes: Int) {
        let (keys, size) = try database.read { db -> ([String], Int) in
            let keys = try String.fetchAll(db, sql: "SELECT key FROM storage WHERE app_id = ? ORDER BY rowid", arguments: [app])
            let size = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(size), 0) FROM storage WHERE app_id = ?", arguments: [app]) ?? 0
            return (keys, size)
        }
        return (keys: keys, currentSizeBytes: size)
    }
}
