import Foundation
import GRDB
import MiniHostCore
import XCTest
@testable import MiniHostDevTest

/// A test's world on disk: a later world may get the directory of one that ended, never its data.
final class TestWorldTests: XCTestCase {
    // Directories kept by earlier tests would be taken first (the kept ones are a stack).
    override func setUp() { WorldDirectories.shared.removeKept() }
    override func tearDown() { WorldDirectories.shared.removeKept() }

    private func makeWorld() throws -> TestWorld {
        try TestWorld(model: .default, policy: (grant: [], deny: []), maxPromptWait: 1, inMemory: false)
    }

    private func storageRows(_ world: TestWorld) throws -> Int {
        try world.services.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM storage") ?? -1 }
    }

    func testAWorldInTheDirectoryOfOneThatEndedStartsEmpty() throws {
        var first: TestWorld? = try makeWorld()
        let directory = try XCTUnwrap(first?.directory)
        try first?.services.database.writer.write { db in
            try db.execute(sql: "INSERT INTO storage (app_id, key, value, size) VALUES ('org.example.a', 'k', '\"left\"', 8)")
        }
        // A table a service makes for itself (the wallet's) exists in this world only.
        let balance = try XCTUnwrap(first).perform("wallet.balance", [:])
        XCTAssertEqual(try storageRows(XCTUnwrap(first)), 1)
        first?.remove()
        // Ended but still held (a late world operation): its directory is not given to another.
        var other: TestWorld? = try makeWorld()
        XCTAssertNotEqual(other?.directory, directory)
        XCTAssertEqual(try storageRows(XCTUnwrap(first)), 1)
        other?.remove()
        other = nil
        first = nil  // kept last, so taken first

        let second = try makeWorld()
        defer { second.remove() }
        XCTAssertEqual(second.directory, directory, "the ended world's directory was not reused")
        XCTAssertEqual(try storageRows(second), 0, "the next world saw the ended world's storage")
        XCTAssertEqual(try second.perform("wallet.balance", [:]), balance)
        let tables = try second.services.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        XCTAssertTrue(tables.contains("storage"), "\(tables)")
    }

    func testAWorldAfterOneWithAFullDiskCanWriteAgain() throws {
        var full = World.default
        full.device.storageFull = true
        var first: TestWorld? = try TestWorld(model: full, policy: (grant: [], deny: []), maxPromptWait: 1, inMemory: false)
        let directory = try XCTUnwrap(first?.directory)
        let big = String(repeating: "x", count: 200_000)
        XCTAssertThrowsError(try first?.services.database.writer.write { db in
            try db.execute(sql: "INSERT INTO storage (app_id, key, value, size) VALUES ('org.example.a', 'k', ?, 200000)", arguments: [big])
        }, "the full disk took a write")
        first?.remove()
        first = nil

        // The same connection, its page limit back to the template's.
        let second = try makeWorld()
        defer { second.remove() }
        XCTAssertEqual(second.directory, directory)
        try second.services.database.writer.write { db in
            try db.execute(sql: "INSERT INTO storage (app_id, key, value, size) VALUES ('org.example.a', 'k', ?, 200000)", arguments: [big])
        }
        XCTAssertEqual(try storageRows(second), 1)
    }
}
