import Foundation
import GRDB
import Synchronization

/// A failure of MiniHost's own database (`<data-dir>/minihost.sqlite`): the text names the path,
/// what went wrong and what the user can do. Nothing is deleted or overwritten when it is thrown.
public struct StoreError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    /// The database file or directory concerned (`:memory:` for an in-memory database).
    public var path: String
    /// The full, user-facing message (it names `path`).
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { description }

    /// Turns any error thrown while using the database at `path` into a `StoreError`
    /// (a `StoreError` passes through unchanged).
    /// The message of a write refused because the disk (or the database's page limit) is full:
    /// SQLite's own words, naming no path.
    public static let fullMessage = "database or disk is full"

    public static func wrap(_ error: any Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let e = error as? DatabaseError else {
            return StoreError(path: path, message: "the database at \(path) failed: \(error)")
        }
        let sqliteText = e.message ?? "\(e.resultCode)"
        switch e.resultCode {
        case .SQLITE_NOTADB:
            return StoreError(path: path, message: "the database at \(path) is not a valid SQLite database (\(sqliteText)); move it aside to start afresh — nothing was changed")
        case .SQLITE_CORRUPT:
            return StoreError(path: path, message: "the database at \(path) is damaged (\(sqliteText)); move it aside to start afresh — nothing was changed")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(path: path, message: "the database at \(path) is locked by another process (\(sqliteText)); wait for it or stop the other minihost process, then retry")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return StoreError(path: path, message: "cannot open the database at \(path) for reading and writing (\(sqliteText)); check that the file and its directory exist and are readable and writable")
        case .SQLITE_FULL:
            // No path: this text reaches apps inside host errors (1009), and an app never sees a
            // host path (spec MD-6). Opening a database names the path (``MiniHostDatabase/init(directory:busyTimeout:)``).
            return StoreError(path: path, message: Self.fullMessage)
        case .SQLITE_IOERR:
            return StoreError(path: path, message: "cannot read or write the database at \(path) (\(sqliteText)); check the disk and the file's permissions")
        default:
            return StoreError(path: path, message: "the database at \(path) failed: \(sqliteText)")
        }
    }
}

/// MiniHost's SQLite database: grants, the audit log and app storage, in
/// `<data-dir>/minihost.sqlite` (WAL mode, so a CLI in another process can read and write while
/// apps run; a 5 s busy timeout; foreign keys on).
///
/// Services that need their own tables add migrations with ``migrate(_:)``; the core tables are
/// created by the migration `"v1"`:
/// - `grant(app_id, permission, state 'granted'|'denied', scope, updated_at)` — no row means "prompt";
///   `scope` '' is app-wide, anything else a narrower scope such as a conversation id;
/// - `audit(id, time, app_id, api, permission, decision, reason, count, last_time)` (`count`
///   and `last_time` from the migration `"audit.v2"`: identical decisions coalesced);
/// - `storage(app_id, key, value, size)`.
public final class MiniHostDatabase: @unchecked Sendable {
    /// The file name inside the data directory.
    public static let fileName = "minihost.sqlite"

    /// The GRDB connection (a `DatabasePool` on disk, a `DatabaseQueue` in memory).
    /// Use `write` for transactions, `read` for consistent reads.
    public let writer: any DatabaseWriter
    /// The database file's path, or `:memory:`.
    public let path: String

    /// Opens (creating if needed) `<directory>/minihost.sqlite` and brings its schema up to date.
    /// Throws ``StoreError`` when the directory cannot be created, the file is not a database,
    /// is damaged, locked (for longer than `busyTimeout` seconds) or unreadable. A bad file is
    /// never modified.
    public init(directory: URL, busyTimeout: TimeInterval = 5) throws {
        let dirPath = directory.path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dirPath, isDirectory: &isDir) {
            if !isDir.boolValue {
                throw StoreError(path: dirPath, message: "the data directory \(dirPath) is a file, not a directory; choose another --data-dir or move the file aside")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(path: dirPath, message: "cannot create the data directory \(dirPath) (\(error.localizedDescription)); check the path and its permissions, or choose another --data-dir")
            }
        }
        let file = directory.appendingPathComponent(Self.fileName).path
        self.path = file
        do {
            var config = Self.configuration(busyTimeout: busyTimeout)
            config.label = "minihost"
            // The write-ahead log is checkpointed at about 512 KB (SQLite's default is 4 MB) and
            // cut back to that size after a checkpoint, so it never holds much of the disk.
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 128; PRAGMA journal_size_limit = 524288")
            }
            let pool = try DatabasePool(path: file, configuration: config)
            // Reading the schema proves the file is a database before anything is written.
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            self.writer = pool
        } catch {
            throw Self.openError(error, path: file)
        }
        do {
            try migrateCore()
        } catch {
            throw Self.openError(error, path: file)
        }
    }

    /// A failure while opening: a full disk is reported with the file's path (the user must
    /// find that disk); everything else as ``StoreError/wrap(_:path:)`` says.
    private static func openError(_ error: any Error, path: String) -> StoreError {
        let wrapped = StoreError.wrap(error, path: path)
        guard wrapped.message == StoreError.fullMessage else { return wrapped }
        return StoreError(path: path, message: "the disk holding the database at \(path) is full (\(StoreError.fullMessage)); free some space and retry")
    }

    /// Called when this database goes away (nothing references it any more), with its connection,
    /// still open. Set only by the `scratch` databases.
    private var whenReleased: (@Sendable (ScratchConnection) -> Void)?
    /// Whether ``simulateFullDisk()`` lowered the connection's page limit (read in `deinit`).
    private let pageLimitLowered = Mutex(false)

    /// `migrated`: the file is a copy of a database this process has brought up to date, so the
    /// core migrations are not even looked at.
    private init(writer: any DatabaseWriter, path: String, migrated: Bool = false,
                 whenReleased: (@Sendable (ScratchConnection) -> Void)? = nil) throws {
        self.writer = writer
        self.path = path
        if !migrated { try migrateCore() }
        self.whenReleased = whenReleased  // only once opened: an init that throws calls nobody
    }

    deinit {
        // Every store references this object, not its connection: nothing can use the connection
        // now but whoever gets it here.
        guard let whenReleased, let queue = writer as? DatabaseQueue else { return }
        whenReleased(ScratchConnection(queue: queue, path: path, pageLimitLowered: pageLimitLowered.withLock { $0 }))
    }

    /// A throwaway database at `<directory>/minihost.sqlite` (a `minihost test` world's, gone
    /// with its test): one connection, the rollback journal in memory and no syncing, since
    /// nothing in it has to outlive the test, let alone a crash. Opening a copy of a database that
    /// already has the core schema writes nothing. `whenReleased` gets the connection, still open,
    /// once the database has gone (not if this throws): for ``scratch(reusing:template:whenReleased:)``.
    public static func scratch(directory: URL, whenReleased: (@Sendable (ScratchConnection) -> Void)? = nil) throws -> MiniHostDatabase {
        let file = directory.appendingPathComponent(fileName).path
        do {
            var config = configuration()
            config.label = "minihost.scratch"
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF")
            }
            return try MiniHostDatabase(writer: DatabaseQueue(path: file, configuration: config), path: file, whenReleased: whenReleased)
        } catch {
            throw openError(error, path: file)
        }
    }

    /// A throwaway database over the connection of one that has gone, its content first replaced
    /// by `template`'s (SQLite's backup: a page-for-page copy, so tables that services added are
    /// gone too) and its page limit, if ``simulateFullDisk()`` lowered it, back to the template's.
    /// `template` must have been opened by this process (its schema is then up to date, and the
    /// copy's is not checked again). Opening a database costs more than a small test (GRDB's set-up
    /// reads the schema; `minihost test` makes a world per test); a throw leaves `connection`
    /// unusable: drop it.
    public static func scratch(reusing connection: ScratchConnection, template: MiniHostDatabase,
                               whenReleased: (@Sendable (ScratchConnection) -> Void)? = nil) throws -> MiniHostDatabase {
        do {
            if connection.pageLimitLowered {
                let limit = try template.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA max_page_count") } ?? 1_073_741_823
                try connection.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(limit)") }
            }
            try template.writer.backup(to: connection.queue)
            return try MiniHostDatabase(writer: connection.queue, path: connection.path, migrated: true, whenReleased: whenReleased)
        } catch {
            throw openError(error, path: connection.path)
        }
    }

    /// A fresh, private in-memory database with the core schema (for tests).
    public static func inMemory() throws -> MiniHostDatabase {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            return try MiniHostDatabase(writer: queue, path: ":memory:")
        } catch {
            throw StoreError.wrap(error, path: ":memory:")
        }
    }

    private static func configuration(busyTimeout: TimeInterval = 5) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        return config
    }

    /// Registers and runs extra migrations, for services with tables of their own:
    ///
    /// ```swift
    /// try database.migrate { migrator in
    ///     migrator.registerMigration("payments.v1") { db in
    ///         try db.execute(sql: "CREATE TABLE wallet (...)")
    ///     }
    /// }
    /// ```
    ///
    /// Migrations already applied are skipped, so call it every time the service opens. Identifiers
    /// share one table with the core's (`v1`, …) and every other service's: prefix them with the
    /// service's name. Within one call they run in registration order; never change or reorder a
    /// migration once it has shipped — add a new one.
    public func migrate(_ register: (inout DatabaseMigrator) -> Void) throws {
        var migrator = DatabaseMigrator()
        register(&migrator)
        do {
            try migrator.migrate(writer)
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    private func migrateCore() throws {
        try migrate { migrator in
            migrator.registerMigration("v1") { db in
                try db.execute(sql: """
                    CREATE TABLE "grant" (
                        app_id TEXT NOT NULL,
                        permission TEXT NOT NULL,
                        state TEXT NOT NULL CHECK(state IN ('granted','denied')),
                        scope TEXT NOT NULL DEFAULT '',
                        updated_at REAL NOT NULL,
                        PRIMARY KEY(app_id, permission, scope)
                    );
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        time REAL NOT NULL,
                        app_id TEXT NOT NULL,
                        api TEXT NOT NULL,
                        permission TEXT,
                        decision TEXT NOT NULL,
                        reason TEXT NOT NULL
                    );
                    CREATE INDEX audit_app_id ON audit(app_id, id);
                    CREATE TABLE storage (
                        app_id TEXT NOT NULL,
                        key TEXT NOT NULL,
                        value TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        PRIMARY KEY(app_id, key)
                    );
                    """)
            }
            migrator.registerMigration("audit.v2") { db in
                try db.execute(sql: """
                    ALTER TABLE audit ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
                    ALTER TABLE audit ADD COLUMN last_time REAL;
                    """)
            }
        }
    }

    /// Makes the database behave as on a full disk (the world's `device.storage_full`): sets
    /// SQLite's `max_page_count`, on the connection every write goes through, to the database's
    /// current page count. From then on a write that needs a new page really fails with
    /// `SQLITE_FULL` (a ``StoreError`` whose message is ``StoreError/fullMessage``) and its
    /// transaction is rolled back, so nothing stored before is lost; writes that fit in the pages
    /// already there (free space in a page, pages freed by a delete) and every read still work.
    /// Call it once the host's own tables exist (``HostServices`` does). Returns the page count.
    @discardableResult
    public func simulateFullDisk() throws -> Int {
        do {
            pageLimitLowered.withLock { $0 = true }  // before: a failure half-way must not leave it unmarked
            return try writer.writeWithoutTransaction { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                // SQLite never sets the limit below the current size; it answers the new limit.
                let limit = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(max(1, pages))") ?? pages
                return limit
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// The connection's page limit and the database's size, in pages (for tests and diagnostics).
    public func pageUsage() throws -> (pages: Int, maxPages: Int) {
        do {
            return try writer.writeWithoutTransaction { db in
                (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA max_page_count") ?? 0)
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Runs `body` in a write transaction; database errors become ``StoreError``, other errors
    /// pass through.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Runs `body` in a read transaction (it sees the latest committed data, also another
    /// process's); database errors become ``StoreError``.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw StoreError.wrap(error, path: path)
        }
    }
}

/// The connection of a scratch database that has gone (``MiniHostDatabase/scratch(directory:whenReleased:)``),
/// still open on its file: the next scratch database in the same place starts over it.
public final class ScratchConnection: @unchecked Sendable {
    let queue: DatabaseQueue
    /// The database file.
    public let path: String
    /// Whether the database that had it lowered its page limit (``MiniHostDatabase/simulateFullDisk()``).
    let pageLimitLowered: Bool

    init(queue: DatabaseQueue, path: String, pageLimitLowered: Bool) {
        self.queue = queue
        self.path = path
        self.pageLimitLowered = pageLimitLowered
    }
}
