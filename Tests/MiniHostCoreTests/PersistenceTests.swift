import Foundation
import GRDB
import Testing

@testable import MiniHostCore

/// A fresh directory under the system's temporary directory; removed by `cleanUp`.
private struct TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("minihost-persistence-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: url)
    }
}

private func expectStoreError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> StoreError? {
    do {
        try body()
        Issue.record("expected a StoreError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("expected a StoreError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The journal mode, the integer pragma `pragma`, and the tables of `db`.
private func journalPragmaAndTables(_ db: MiniHostDatabase, _ pragma: String) throws -> (String?, Int?, [String]) {
    try db.writer.read { db in
        (
            try String.fetchOne(db, sql: "PRAGMA journal_mode"),
            try Int.fetchOne(db, sql: "PRAGMA \(pragma)"),
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        )
    }
}

@Suite struct DatabaseTests {
    @Test func createsTheFileInWALModeWithForeignKeysAndTheCoreTables() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let dataDir = dir.url.appendingPathComponent("nested/data", isDirectory: true)
        let db = try MiniHostDatabase(directory: dataDir)
        #expect(db.path == dataDir.appendingPathComponent("minihost.sqlite").path)
        #expect(FileManager.default.fileExists(atPath: db.path))
        let (mode, fk, tables) = try journalPragmaAndTables(db, "foreign_keys")
        #expect(mode == "wal")
        #expect(fk == 1)
        #expect(tables == ["audit", "grant", "grdb_migrations", "storage"])
        let indexes = try db.writer.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit' AND name NOT LIKE 'sqlite_%'") }
        #expect(indexes == ["audit_app_id"])
    }

    /// A test world's throwaway database: the same schema, one connection, no WAL and no syncing;
    /// what it holds is still there when it is opened again, and a bad file is still reported.
    @Test func aScratchDatabaseHasTheSchemaWithoutWAL() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        do {
            let db = try MiniHostDatabase.scratch(directory: dir.url)
            #expect(db.path == dir.url.appendingPathComponent("minihost.sqlite").path)
            let (mode, sync, tables) = try journalPragmaAndTables(db, "synchronous")
            #expect(mode == "memory")
            #expect(sync == 0)
            #expect(tables == ["audit", "grant", "grdb_migrations", "storage"])
            try db.writer.write { try $0.execute(sql: "INSERT INTO storage VALUES ('a', 'k', '1', 1)") }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("minihost.sqlite-wal").path))
        let reopened = try MiniHostDatabase.scratch(directory: dir.url)
        #expect(try reopened.writer.read { try String.fetchOne($0, sql: "SELECT value FROM storage WHERE key = 'k'") } == "1")

        let bad = try TempDir()
        defer { bad.cleanUp() }
        let file = bad.url.appendingPathComponent("minihost.sqlite")
        try Data("hello, I am not a database\n".utf8).write(to: file)
        let error = expectStoreError { _ = try MiniHostDatabase.scratch(directory: bad.url) }
        #expect(error?.description.contains(file.path) == true)
    }

    @Test func grantStateIsChecked() throws {
        let db = try MiniHostDatabase.inMemory()
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: #"INSERT INTO "grant" VALUES ('a', 'location', 'maybe', '', 0)"#) }
        }
    }

    @Test func aGarbageFileIsReportedAndLeftAlone() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let file = dir.url.appendingPathComponent("minihost.sqlite")
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: file)
        let error = expectStoreError { _ = try MiniHostDatabase(directory: dir.url) }
        #expect(error?.path == file.path)
        #expect(error?.description == "the database at \(file.path) is not a valid SQLite database (file is not a database); move it aside to start afresh — nothing was changed")
        #expect(try Data(contentsOf: file) == garbage)
        // Twice: the first attempt left nothing behind that changes the outcome.
        let again = expectStoreError { _ = try MiniHostDatabase(directory: dir.url) }
        #expect(again == error)
        #expect(try Data(contentsOf: file) == garbage)
    }

    @Test func aShortGarbageFileIsReportedToo() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let file = dir.url.appendingPathComponent("minihost.sqlite")
        let garbage = Data("hello, I am not a database\n".utf8)
        try garbage.write(to: file)
        let error = expectStoreError { _ = try MiniHostDatabase(directory: dir.url) }
        #expect(error?.description.contains(file.path) == true)
        #expect(error?.description.contains("move it aside") == true)
        #expect(try Data(contentsOf: file) == garbage)
    }

    @Test func aDirectoryThatCannotBeCreatedIsReported() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let blocker = dir.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let under = blocker.appendingPathComponent("data", isDirectory: true)
        let error = expectStoreError { _ = try MiniHostDatabase(directory: under) }
        #expect(error?.path == under.path)
        #expect(error?.description.hasPrefix("cannot create the data directory \(under.path)") == true)

        let onFile = expectStoreError { _ = try MiniHostDatabase(directory: blocker) }
        #expect(onFile?.description == "the data directory \(blocker.path) is a file, not a directory; choose another --data-dir or move the file aside")
    }

    @Test func aDatabaseFileThatIsADirectoryIsReported() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("minihost.sqlite"), withIntermediateDirectories: false)
        let error = expectStoreError { _ = try MiniHostDatabase(directory: dir.url) }
        #expect(error?.description.contains(dir.url.appendingPathComponent("minihost.sqlite").path) == true)
    }

    @Test func aWriteBlockedByAnotherWriterIsReportedAfterTheBusyTimeout() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let holder = try MiniHostDatabase(directory: dir.url)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.write { db in
                try db.execute(sql: "INSERT INTO storage VALUES ('org.a', 'k', '1', 2)")
                locked.signal()
                release.wait()
            }
            done.signal()
        }
        locked.wait()
        // WAL: opening and reading work while another connection writes.
        let other = try MiniHostDatabase(directory: dir.url, busyTimeout: 0.2)
        let grants = GrantStore(database: other)
        #expect(try grants.state(app: "org.a", permission: .location) == .prompt)
        #expect(try StorageStore(database: other).load(app: "org.a").isEmpty)
        let started = Date()
        let error = expectStoreError { try grants.set(app: "org.a", permission: .location, state: .granted) }
        let waited = Date().timeIntervalSince(started)
        release.signal()
        done.wait()
        let file = dir.url.appendingPathComponent("minihost.sqlite").path
        #expect(error?.description == "the database at \(file) is locked by another process (database is locked); wait for it or stop the other minihost process, then retry")
        #expect(waited >= 0.19 && waited < 3)
        // Once released, writes go through and the other's commit is visible.
        try grants.set(app: "org.a", permission: .location, state: .granted)
        #expect(try grants.state(app: "org.a", permission: .location) == .granted)
        #expect(try StorageStore(database: other).load(app: "org.a") == ["k": "1"])
    }

    @Test func servicesAddMigrationsThatRunOnce() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        func open() throws -> MiniHostDatabase {
            let db = try MiniHostDatabase(directory: dir.url)
            try db.migrate { m in
                m.registerMigration("test.v1") { db in
                    try db.execute(sql: "CREATE TABLE wallet (id INTEGER PRIMARY KEY, app_id TEXT NOT NULL)")
                    try db.execute(sql: "INSERT INTO wallet (app_id) VALUES ('seed')")
                }
            }
            return db
        }
        _ = try open()
        let db = try open()
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM wallet") } == 1)
        let applied = try db.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["audit.v2", "test.v1", "v1"])
    }
}

@Suite struct GrantStoreTests {
    @Test func statesAreStoredPerAppPermissionAndScope() throws {
        let store = GrantStore(database: try MiniHostDatabase.inMemory())
        #expect(try store.state(app: "org.a", permission: .location) == .prompt)
        try store.set(app: "org.a", permission: .location, state: .granted, now: Date(timeIntervalSince1970: 100))
        try store.set(app: "org.a", permission: .chatSend, state: .granted, scope: "conv-1", now: Date(timeIntervalSince1970: 200))
        try store.set(app: "org.b", permission: .location, state: .denied, now: Date(timeIntervalSince1970: 300))
        #expect(try store.state(app: "org.a", permission: .location) == .granted)
        #expect(try store.state(app: "org.a", permission: .locationCoarse) == .prompt)
        #expect(try store.state(app: "org.b", permission: .location) == .denied)
        #expect(try store.state(app: "org.a", permission: .chatSend) == .prompt)
        #expect(try store.state(app: "org.a", permission: .chatSend, scope: "conv-1") == .granted)
        #expect(try store.state(app: "org.a", permission: .chatSend, scope: "conv-2") == .prompt)

        #expect(try store.list(app: "org.a") == [
            GrantRecord(appId: "org.a", permission: "chat.send", state: .granted, scope: "conv-1", updatedAt: Date(timeIntervalSince1970: 200)),
            GrantRecord(appId: "org.a", permission: "location", state: .granted, scope: "", updatedAt: Date(timeIntervalSince1970: 100)),
        ])
        #expect(try store.list().map(\.appId) == ["org.a", "org.a", "org.b"])

        // Changing a decision updates the row; .prompt deletes it.
        try store.set(app: "org.a", permission: .location, state: .denied, now: Date(timeIntervalSince1970: 400))
        #expect(try store.list(app: "org.a").last == GrantRecord(appId: "org.a", permission: "location", state: .denied, scope: "", updatedAt: Date(timeIntervalSince1970: 400)))
        try store.set(app: "org.a", permission: .location, state: .prompt)
        #expect(try store.state(app: "org.a", permission: .location) == .prompt)
        #expect(try store.list(app: "org.a").count == 1)
    }

    @Test func resetForgetsOneAppOrAll() throws {
        let store = GrantStore(database: try MiniHostDatabase.inMemory())
        try store.set(app: "org.a", permission: .location, state: .granted)
        try store.set(app: "org.a", permission: .payment, state: .denied)
        try store.set(app: "org.b", permission: .contacts, state: .granted)
        #expect(try store.reset(app: "org.a") == 2)
        #expect(try store.list().map(\.appId) == ["org.b"])
        #expect(try store.state(app: "org.a", permission: .payment) == .prompt)
        try store.set(app: "org.c", permission: .contacts, state: .granted)
        #expect(try store.reset() == 2)
        #expect(try store.list().isEmpty)
    }

    @Test func aRevocationByAnotherConnectionIsSeenAtOnce() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let host = GrantStore(database: try MiniHostDatabase(directory: dir.url))
        let cli = GrantStore(database: try MiniHostDatabase(directory: dir.url))
        try host.set(app: "org.a", permission: .location, state: .granted)
        #expect(try host.state(app: "org.a", permission: .location) == .granted)
        try cli.set(app: "org.a", permission: .location, state: .denied)
        #expect(try host.state(app: "org.a", permission: .location) == .denied)
        try cli.reset(app: "org.a")
        #expect(try host.state(app: "org.a", permission: .location) == .prompt)
    }
}

@Suite struct AuditLogTests {
    private func entry(_ i: Int, app: String = "org.a") -> AuditEntry {
        AuditEntry(time: Date(timeIntervalSince1970: 1_700_000_000 + Double(i) / 1000), appId: app, api: "api\(i)",
                   permission: i % 2 == 0 ? "location" : nil, decision: i % 3 == 0 ? "deny" : "allow", reason: "reason \(i)")
    }

    @Test func tenThousandAppendsAreAllWrittenInOrder() throws {
        let log = AuditLog(database: try MiniHostDatabase.inMemory(), policy: .unbounded)
        let appended = (0..<10_000).map { entry($0) }
        for e in appended { log.append(e) }
        log.flush()
        let stored = try log.entries()
        #expect(stored.count == 10_000)
        #expect(stored == appended)
        #expect(log.takeWriteError() == nil)
    }

    @Test func appendsFromManyThreadsAreAllWritten() throws {
        let log = AuditLog(database: try MiniHostDatabase.inMemory(), policy: .unbounded)
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for i in 0..<500 { log.append(self.entry(i, app: "org.t\(t)")) }
        }
        #expect(try log.entries().count == 4_000)
        for t in 0..<8 {
            // Each thread's entries keep their order.
            #expect(try log.entries(app: "org.t\(t)").map(\.api) == (0..<500).map { "api\($0)" })
        }
    }

    @Test func entriesAreFilteredByAppAndLimitedToTheMostRecent() throws {
        let log = AuditLog(database: try MiniHostDatabase.inMemory(), policy: .unbounded)
        for i in 0..<10 { log.append(entry(i, app: i % 2 == 0 ? "org.even" : "org.odd")) }
        #expect(try log.entries(app: "org.even").map(\.api) == ["api0", "api2", "api4", "api6", "api8"])
        #expect(try log.entries(app: "org.odd", limit: 2).map(\.api) == ["api7", "api9"])
        #expect(try log.entries(limit: 3).map(\.api) == ["api7", "api8", "api9"])
        #expect(try log.entries(app: "org.none").isEmpty)
        #expect(try log.entries(limit: 0).isEmpty)
    }

    @Test func pendingEntriesAreWrittenWhenTheLogGoesAway() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        do {
            let log = AuditLog(database: try MiniHostDatabase(directory: dir.url), policy: .unbounded)
            for i in 0..<100 { log.append(entry(i)) }
        }
        // A background drain may still hold the log (and so delay its deinit) for a moment.
        let reader = AuditLog(database: try MiniHostDatabase(directory: dir.url), policy: .unbounded)
        let deadline = Date().addingTimeInterval(5)
        while try reader.entries().count < 100, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(try reader.entries().count == 100)
    }

    @Test func jsonUsesTheDocumentedKeysAndMillisecondTimes() throws {
        let e = AuditEntry(time: Date(timeIntervalSince1970: 1_700_000_000.123), appId: "org.a", api: "getLocation",
                           permission: nil, decision: "prompt-deny", reason: "the user said no")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(e), as: UTF8.self)
        #expect(text == #"{"api":"getLocation","app_id":"org.a","count":1,"decision":"prompt-deny","last_time":"2023-11-14T22:13:20.123Z","permission":null,"reason":"the user said no","time":"2023-11-14T22:13:20.123Z"}"#)
        let back = try JSONDecoder().decode(AuditEntry.self, from: Data(text.utf8))
        #expect(back.appId == "org.a")
        #expect(back.permission == nil)
        #expect(abs(back.time.timeIntervalSince1970 - 1_700_000_000.123) < 0.000_01)
        // Milliseconds are rounded, not truncated; the whole second carries.
        #expect(AuditEntry.formatTime(Date(timeIntervalSince1970: 1_700_000_000.9996)) == "2023-11-14T22:13:21.000Z")
        #expect(AuditEntry.formatTime(Date(timeIntervalSince1970: 0.0004)) == "1970-01-01T00:00:00.000Z")
        #expect(AuditEntry.formatTime(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        let whole = try JSONDecoder().decode(AuditEntry.self, from: Data(#"{"api":"x","app_id":"a","decision":"allow","permission":"location","reason":"","time":"2023-11-14T22:13:20Z"}"#.utf8))
        #expect(whole.time == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(whole.permission == "location")
    }
}

@Suite struct StorageStoreTests {
    @Test func appsAreIsolated() throws {
        let store = StorageStore(database: try MiniHostDatabase.inMemory())
        try store.set(app: "org.a", key: "k", json: #"{"v":1}"#, quotaBytes: 1000)
        try store.set(app: "org.b", key: "k", json: #""b""#, quotaBytes: 1000)
        #expect(try store.load(app: "org.a") == ["k": #"{"v":1}"#])
        #expect(try store.load(app: "org.b") == ["k": #""b""#])
        #expect(try store.get(app: "org.a", key: "k") == #"{"v":1}"#)
        #expect(try store.get(app: "org.c", key: "k") == nil)
        try store.clear(app: "org.a")
        #expect(try store.load(app: "org.a").isEmpty)
        #expect(try store.load(app: "org.b") == ["k": #""b""#])
        #expect(try store.remove(app: "org.a", key: "k") == false)
        #expect(try store.remove(app: "org.b", key: "k") == true)
        #expect(try store.load(app: "org.b").isEmpty)
    }

    @Test func theQuotaCountsKeysAndValuesInUTF8Bytes() throws {
        let store = StorageStore(database: try MiniHostDatabase.inMemory())
        // "ké" is 3 bytes, "\"€\"" is 5 bytes: 8.
        try store.set(app: "org.a", key: "ké", json: "\"€\"", quotaBytes: 20)
        #expect(try store.info(app: "org.a").currentSizeBytes == 8)
        // Exactly at the quota is allowed: 8 + (2 + 10) = 20.
        try store.set(app: "org.a", key: "k2", json: "1234567890", quotaBytes: 20)
        #expect(try store.info(app: "org.a").currentSizeBytes == 20)
        // More is refused ("k3" + "1" = 3 bytes), and nothing changes.
        #expect(throws: StorageQuotaError(quotaBytes: 20, requiredBytes: 23)) {
            try store.set(app: "org.a", key: "k3", json: "1", quotaBytes: 20)
        }
        #expect(try store.info(app: "org.a").keys == ["ké", "k2"])
        // Replacing a key counts only its new value; one byte over is refused.
        try store.set(app: "org.a", key: "k2", json: "1", quotaBytes: 20)
        #expect(try store.info(app: "org.a").currentSizeBytes == 11)
        #expect(throws: StorageQuotaError(quotaBytes: 20, requiredBytes: 8 + 2 + 11)) {
            try store.set(app: "org.a", key: "k2", json: "12345678901", quotaBytes: 20)
        }
        #expect(try store.get(app: "org.a", key: "k2") == "1")
        try store.set(app: "org.a", key: "k2", json: "1234567890", quotaBytes: 20)
        #expect(try store.info(app: "org.a").currentSizeBytes == 20)
        // Another app's quota is its own.
        try store.set(app: "org.b", key: "k", json: "123456789012345678", quotaBytes: 20)
    }

    @Test func quotaErrorsSayWhatTheQuotaIs() {
        #expect(StorageQuotaError(quotaBytes: 10 * 1024 * 1024, requiredBytes: 10 * 1024 * 1024 + 5).description
            == "the app's storage would exceed its quota of 10 MB (it would hold 10485765 bytes)")
        #expect(StorageQuotaError.format(512 * 1024) == "512 KB")
        #expect(StorageQuotaError.format(1000) == "1000 bytes")
    }

    @Test func infoListsKeysInTheOrderTheyWereFirstSet() throws {
        let store = StorageStore(database: try MiniHostDatabase.inMemory())
        for key in ["b", "a", "c"] { try store.set(app: "org.a", key: key, json: "1", quotaBytes: 100) }
        try store.set(app: "org.a", key: "b", json: "22", quotaBytes: 100)
        let info = try store.info(app: "org.a")
        #expect(info.keys == ["b", "a", "c"])
        #expect(info.currentSizeBytes == 3 + 4)
        let empty = try store.info(app: "org.none")
        #expect(empty.keys.isEmpty)
        #expect(empty.currentSizeBytes == 0)
    }

    @Test func dataSurvivesReopeningTheDirectory() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        do {
            let store = StorageStore(database: try MiniHostDatabase(directory: dir.url))
            try store.set(app: "org.a", key: "user", json: #"{"name":"Ann"}"#, quotaBytes: 10 * 1024 * 1024)
            try store.set(app: "org.a", key: "gone", json: "0", quotaBytes: 10 * 1024 * 1024)
            try store.remove(app: "org.a", key: "gone")
            let grants = GrantStore(database: try MiniHostDatabase(directory: dir.url))
            try grants.set(app: "org.a", permission: .contacts, state: .granted)
        }
        let db = try MiniHostDatabase(directory: dir.url)
        #expect(try StorageStore(database: db).load(app: "org.a") == ["user": #"{"name":"Ann"}"#])
        #expect(try GrantStore(database: db).state(app: "org.a", permission: .contacts) == .granted)
    }
}
