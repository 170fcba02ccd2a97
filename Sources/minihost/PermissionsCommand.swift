import ArgumentParser
import Foundation
import MiniHostCore

/// `minihost permissions`: list, grant, revoke and forget the user's permission decisions.
struct PermissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permissions",
        abstract: "List, grant, revoke or reset the permissions apps have been given.",
        discussion: "Permissions: \(Permission.allCases.map(\.rawValue).joined(separator: ", ")) (WeChat scopes such as scope.userLocation are accepted as aliases).\n\n" + exitStatus,
        subcommands: [List.self, Grant.self, Revoke.self, Reset.self],
        defaultSubcommand: List.self
    )

    static let exitStatus = ExitStatus.list([(0, "done"), (2, "an unknown permission, or the data directory or its database cannot be used")])

    /// `permissions list [--app ID] [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored decisions (what is not listed is asked when used).",
                                                        discussion: PermissionsCommand.exitStatus)

        @Option(help: "Only this app.")
        var app: String?

        @Flag(help: "Print a JSON array.")
        var json = false

        @OptionGroup var data: DataDirOptions

        func run() throws {
            let records: [GrantRecord]
            do { records = try GrantStore(database: data.open()).list(app: app) } catch { throw reportBadTarget(error) }
            if json {
                let items: [[String: Any]] = records.map { r in
                    [
                        "app_id": r.appId, "permission": r.permission, "state": r.state.rawValue,
                        "scope": r.scope, "updated_at": AuditEntry.formatTime(r.updatedAt),
                    ]
                }
                if items.isEmpty {
                    print("[]")
                    return
                }
                let out = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: out, as: UTF8.self))
                return
            }
            if records.isEmpty {
                print(app.map { "no stored permissions for \($0)" } ?? "no stored permissions")
                return
            }
            let rows = [["APP", "PERMISSION", "STATE", "SCOPE", "UPDATED"]] + records.map { r in
                [r.appId, r.permission, r.state.rawValue, r.scope.isEmpty ? "-" : r.scope,
                 AuditEntry.formatTime(r.updatedAt)]
            }
            printColumns(rows)
        }
    }

    /// What `grant` and `revoke` take: a permission, an app and an optional narrower scope.
    struct GrantChange: ParsableArguments {
        @Argument(help: "The permission (location, chat.send, …).")
        var permission: String

        @Option(help: "The app id.")
        var app: String

        @Option(help: "A narrower scope, such as a conversation id (default: the whole app).")
        var scope: String = ""

        @OptionGroup var data: DataDirOptions

        /// Stores `state` and prints what was done (`verb`: granted, denied).
        func apply(_ state: PermissionState, verb: String) throws {
            let p = try parsePermission(permission)
            do { try GrantStore(database: data.open()).set(app: app, permission: p, state: state, scope: scope) } catch { throw reportBadTarget(error) }
            print("\(verb) \(p.rawValue) to \(app)\(scope.isEmpty ? "" : " in \(scope)")")
        }
    }

    /// `permissions grant <permission> --app ID`.
    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: "Grant a permission to an app (it is no longer asked).",
                                                        discussion: PermissionsCommand.exitStatus)

        @OptionGroup var change: GrantChange

        func run() throws { try change.apply(.granted, verb: "granted") }
    }

    /// `permissions revoke <permission> --app ID`: stores a denial.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Deny a permission to an app (its calls fail without asking).",
                                                        discussion: PermissionsCommand.exitStatus)

        @OptionGroup var change: GrantChange

        func run() throws { try change.apply(.denied, verb: "denied") }
    }

    /// `permissions reset [--app ID]`: forget decisions, so they are asked again.
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: "Forget the decisions of an app (all apps without --app): they are asked again.",
                                                        discussion: PermissionsCommand.exitStatus)

        @Option(help: "Only this app.")
        var app: String?

        @OptionGroup var data: DataDirOptions

        func run() throws {
            let count: Int
            do { count = try GrantStore(database: data.open()).reset(app: app) } catch { throw reportBadTarget(error) }
            print("forgot \(count) decision\(count == 1 ? "" : "s")\(app.map { " for \($0)" } ?? "")")
        }
    }
}

/// The `--data-dir` option of the commands that use the database.
struct DataDirOptions: ParsableArguments {
    @Option(help: "The data directory (default: $XDG_DATA_HOME/minihost).")
    var dataDir: String?

    /// Opens the database in the data directory (creating both if needed).
    func open() throws -> MiniHostDatabase {
        try MiniHostDatabase(directory: DataDirectory.resolve(dataDir))
    }
}

/// A permission named on the command line, by its name or an alias; exit 2 when unknown.
func parsePermission(_ name: String) throws -> Permission {
    guard let p = Permission(name: name) else {
        throw reportBadTarget(PackageError(path: "", message: "\(PromptText.quoted(name, maxLength: 64)) is not a permission; known: \(Permission.allCases.map(\.rawValue).joined(separator: ", "))"))
    }
    return p
}

/// Prints rows as left-aligned columns (the last column is not padded).
func printColumns(_ rows: [[String]]) {
    guard let columns = rows.map(\.count).max(), columns > 0 else { return }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
        for (i, cell) in row.enumerated() where i < columns - 1 { widths[i] = max(widths[i], cell.count) }
    }
    for row in rows {
        var line = ""
        for (i, cell) in row.enumerated() {
            if i == row.count - 1 {
                line += cell
            } else {
                line += cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
        }
        print(line)
    }
}
