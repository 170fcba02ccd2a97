import Foundation
import GRDB
import Testing
@testable import MiniHostCore

/// The audit log's bounds: repeats coalesced, a rate per app, caps with the newest kept.
@Suite struct AuditBoundsTests {
    private let start = Date(timeIntervalSince1970: 1_700_000_000)

    private func refused(_ seconds: Double, app: String = "org.flood", api: String = "getLocation", reason: String = "permission not declared in the manifest") -> AuditEntry {
        AuditEntry(time: start.addingTimeInterval(seconds), appId: app, api: api, permission: "location", decision: "deny", reason: reason)
    }

    private func rowCount(_ db: MiniHostDatabase) throws -> Int {
        try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") } ?? 0
    }

    @Test func identicalDecisionsWithinTheWindowAreOneEntryWithACount() throws {
        let db = try MiniHostDatabase.inMemory()
        let log = AuditLog(database: db)
        // Two decisions interleaved, 1,000 each, over 10 s.
        for i in 0..<1_000 {
            log.append(refused(Double(i) / 100))
            log.append(refused(Double(i) / 100, api: "chooseContact", reason: "the user picked no contact"))
        }
        let entries = try log.entries()
        #expect(entries.map(\.api) == ["getLocation", "chooseContact"])
        #expect(entries.map(\.count) == [1_000, 1_000])
        #expect(entries[0].time == start)
        #expect(entries[0].lastTime == start.addingTimeInterval(9.99))
        // Past the window the same decision starts a new entry.
        log.append(refused(61))
        #expect(try log.entries().map(\.count) == [1_000, 1_000, 1])
    }

    @Test func countsAppendedWhileAnEntryIsBeingWrittenAreKept() throws {
        let db = try MiniHostDatabase.inMemory()
        let log = AuditLog(database: db)
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            for i in 0..<2_000 { log.append(self.refused(Double(i) / 1000 + Double(t) / 10_000)) }
        }
        let entries = try log.entries()
        #expect(entries.count == 1)
        #expect(entries.first?.count == 8_000)
    }

    @Test func distinctDecisionsBeyondTheRateAreCountedOnOneCoalescedEntry() throws {
        let db = try MiniHostDatabase.inMemory()
        let log = AuditLog(database: db)
        // 10,000 different reasons in 10 s: a burst of 100, then 2 a second.
        for i in 0..<10_000 { log.append(refused(Double(i) / 1000, reason: "got 'kind\(i)'")) }
        let entries = try log.entries()
        let coalesced = entries.filter { $0.decision == "coalesced" }
        #expect(coalesced.count == 1)
        #expect(coalesced.first?.api == "*")
        #expect(entries.count <= 100 + 20 + 1)
        #expect(entries.reduce(0) { $0 + $1.count } == 10_000)
        // Another app is not limited by the first one's flood.
        log.append(refused(9, app: "org.calm", reason: "its own"))
        #expect(try log.entries(app: "org.calm").map(\.reason) == ["its own"])
    }

    @Test func theNewestEntriesAreKeptUnderTheCaps() throws {
        let db = try MiniHostDatabase.inMemory()
        var policy = AuditLog.Policy.unbounded
        policy.maxRowsPerApp = 200
        policy.maxRows = 500
        let log = AuditLog(database: db, policy: policy)
        for i in 0..<1_000 { log.append(refused(Double(i), reason: "r\(i)")) }
        log.flush()
        let kept = try log.entries(app: "org.flood")
        #expect(kept.count >= 200 && kept.count < 200 + 200 / 20 + 1)
        #expect(kept.last?.reason == "r999")
        for a in 0..<5 {
            for i in 0..<150 { log.append(refused(2_000 + Double(i), app: "org.app\(a)", reason: "r\(i)")) }
        }
        log.flush()
        #expect(try rowCount(db) < 500 + 500 / 20 + 1)
        #expect(try log.entries(app: "org.app4").last?.reason == "r149")
    }

    @Test func aLongReasonIsCut() throws {
        let log = AuditLog(database: try MiniHostDatabase.inMemory())
        log.append(refused(0, reason: String(repeating: "x", count: 10_000)))
        #expect(try log.entries().first?.reason.count == 501)
    }

    @Test func entriesTakenForAPaymentsTransactionAreNeitherLostNorCountedTwice() throws {
        let db = try MiniHostDatabase.inMemory()
        let log = AuditLog(database: db)
        for round in 0..<50 {
            log.append(refused(Double(round)))
            let taken = log.takePending()  // empty when the background writer was first
            try db.writer.write { try AuditLog.insert(taken, into: $0) }
            log.append(refused(Double(round) + 0.5))
        }
        #expect(try log.entries().reduce(0) { $0 + $1.count } == 100)
    }
}
