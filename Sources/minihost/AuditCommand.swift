import ArgumentParser
import Foundation
import MiniHostCore

/// `minihost audit`: show the log of gate decisions (time, app, API, permission, decision, reason).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: every decision the capability gate made, oldest first.",
        discussion: ExitStatus.list([(0, "the log was shown"), (2, "the data directory or its database cannot be used")])
    )

    @Option(help: "Only this app.")
    var app: String?

    @Flag(help: "Print a JSON array of entries (time, app_id, api, permission, decision, reason, count, last_time).")
    var json = false

    @Option(help: "Only the most recent N entries.")
    var limit: Int?

    @OptionGroup var data: DataDirOptions

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be zero or more.") }
    }

    func run() throws {
        let entries: [AuditEntry]
        do {
            let database = try data.open()
            entries = try AuditLog(database: database).entries(app: app, limit: limit)
        } catch {
            throw reportBadTarget(error)
        }
        if json {
            if entries.isEmpty {
                print("[]")
                return
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        if entries.isEmpty {
            print(app.map { "no audit entries for \($0)" } ?? "no audit entries")
            return
        }
        // The log holds app-supplied text (API names, reasons quoting arguments): show it escaped.
        let rows = [["TIME", "APP", "API", "PERMISSION", "DECISION", "COUNT", "REASON"]] + entries.map { e in
            [e.timeText, PromptText.sanitize(e.appId, maxLength: 128), PromptText.sanitize(e.api, maxLength: 64),
             e.permission.map { PromptText.sanitize($0, maxLength: 64) } ?? "-",
             PromptText.sanitize(e.decision, maxLength: 32),
             e.count > 1 ? "\(e.count) (to \(AuditEntry.formatTime(e.lastTime)))" : "1",
             PromptText.sanitize(e.reason, maxLength: 500)]
        }
        printColumns(rows)
    }
}
