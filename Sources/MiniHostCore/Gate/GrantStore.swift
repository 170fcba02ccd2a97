import Foundation
import GRDB

/// Where a permission stands for an app: not decided yet (ask the user), granted or denied.
public enum PermissionState: String, Sendable, Codable, CaseIterable {
    case prompt, granted, denied
}

/// One stored grant decision (a row of the `grant` table).
public struct GrantRecord: Sendable, Codable, Equatable {
    public var appId: String
    /// The permission's canonical name as stored (`location`, `chat.send`, …).
    public var permission: String
    /// `.granted` or `.denied` (`.prompt` is never stored: it is the absence of a row).
    public var state: PermissionState
    /// `""` for an app-wide decision, else a narrower scope such as a conversation id.
    public var scope: String
    public var updatedAt: Date

    public init(appId: String, permission: String, state: PermissionState, scope: String, updatedAt: Date) {
        self.appId = appId
        self.permission = permission
        self.state = state
        self.scope = scope
        self.updatedAt = updatedAt
    }

    /// The permission, when its name is one this version knows.
    public var knownPermission: Permission? { Permission(rawValue: permission) }

    enum CodingKeys: String, CodingKey {
        case appId = "app_id", permission, state, scope, updatedAt = "updated_at"
    }
}

/// The user's persistent permission decisions per app (and optional scope), in the database.
/// Every read goes to the database, so a change made by another process (`minihost permissions
/// revoke`) is seen by the next call.
public final class GrantStore: @unchecked Sendable {
    private let database: MiniHostDatabase

    public init(database: MiniHostDatabase) {
        self.database = database
    }

    /// The stored state of `permission` for `app` in `scope` (`""` = app-wide); `.prompt` when
    /// nothing is stored.
    public func state(app: String, permission: Permission, scope: String = "") throws -> PermissionState {
        let raw = try database.read { db in
            try String.fetchOne(
                db,
                sql: #"SELECT state FROM "grant" WHERE app_id = ? AND permission = ? AND scope = ?"#,
                arguments: [app, permission.rawValue, scope]
            )
        }
        guard let raw else { return .prompt }
        return PermissionState(rawValue: raw) ?? .prompt
    }

    /// Stores a decision; `.prompt` forgets it (deletes the row).
    public func set(app: String, permission: Permission, state: PermissionState, scope: String = "", now: Date = Date()) throws {
        try database.write { db in
            switch state {
            case .prompt:
                try db.execute(
                    sql: #"DELETE FROM "grant" WHERE app_id = ? AND permission = ? AND scope = ?"#,
                    arguments: [app, permission.rawValue, scope]
                )
            case .granted, .denied:
                try db.execute(
                    sql: #"""
                        INSERT INTO "grant" (app_id, permission, state, scope, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(app_id, permission, scope) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                        """#,
                    arguments: [app, permission.rawValue, state.rawValue, scope, now.timeIntervalSince1970]
                )
            }
        }
    }

    /// The stored decisions of `app` (all apps when nil), ordered by app, permission, scope.
    public func list(app: String? = nil) throws -> [GrantRecord] {
        try database.read { db in
            let rows: [Row]
            let columns = #"SELECT app_id, permission, state, scope, updated_at FROM "grant""#
            let order = " ORDER BY app_id, permission, scope"
            if let app {
                rows = try Row.fetchAll(db, sql: columns + " WHERE app_id = ?" + order, arguments: [app])
            } else {
                rows = try Row.fetchAll(db, sql: columns + order)
            }
            return rows.map { row in
                GrantRecord(
                    appId: row["app_id"],
                    permission: row["permission"],
                    state: PermissionState(rawValue: row["state"]) ?? .prompt,
                    scope: row["scope"],
                    updatedAt: Date(timeIntervalSince1970: row["updated_at"])
                )
            }
        }
    }

    /// Forgets the decisions of `app` (of every app when nil): they are back to `.prompt`.
    /// Returns how many were forgotten.
    @discardableResult
    public func reset(app: String? = nil) throws -> Int {
        try database.write { db in
            if let app {
                try db.execute(sql: #"DELETE FROM "grant" WHERE app_id = ?"#, arguments: [app])
            } else {
                try db.execute(sql: #"DELETE FROM "grant""#)
            }
            return db.changesCount
        }
    }
}
