import ArgumentParser
import Foundation
import MiniHostCore

/// `minihost wallet`: the user's wallet and its ledger — balance, statement, refund, top-up.
struct WalletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet",
        abstract: "Show the wallet's balance and statement, refund a charged order, or top the wallet up.",
        discussion: """
        Amounts are integers of the currency's minor unit (fen for CNY: 12345 is 123.45 CNY). \
        A data directory without a wallet gets one from --world (or the default world) on first use.

        \(exitStatus)
        """,
        subcommands: [Balance.self, Statement.self, Refund.self, Topup.self],
        defaultSubcommand: Balance.self
    )

    static let exitStatus = ExitStatus.list([(0, "done"), (1, "the wallet refused (an unknown or refunded order, an amount over the limit)"),
                                             (2, "the world file, the data directory or its database cannot be used")])

    /// The options every wallet command takes.
    struct Options: ParsableArguments {
        @Flag(help: "Print JSON.")
        var json = false

        @Option(help: "The world whose wallet seeds a data directory that has none yet (default: the built-in world).")
        var world: String?

        @OptionGroup var data: DataDirOptions

        /// Opens the wallet (exit 2 when the data directory or the world file cannot be used).
        func open() throws -> WalletStore {
            do {
                let seed = try world.map { try World.load(URL(fileURLWithPath: $0)).wallet } ?? World.default.wallet
                return try WalletStore(database: data.open(), seed: seed)
            } catch {
                throw reportBadTarget(error)
            }
        }

        /// Runs `body`; a refusal prints `minihost: <why>` and exits 1, a database failure exits 2.
        func attempt<T>(_ body: () throws -> T) throws -> T {
            do {
                return try body()
            } catch let refusal as WalletRefusal {
                CLIMessages.report(refusal.description, kind: .failure)
                throw ExitCode(1)
            } catch {
                throw reportBadTarget(error)
            }
        }

        func printJSON(_ object: Any) throws {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
    }

    /// `wallet balance [--json]`.
    struct Balance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "balance",
            abstract: "Show the balance and the limits (--json: {balance, currency, per_payment_limit, daily_limit, spent_today}).",
            discussion: WalletCommand.exitStatus)

        @OptionGroup var options: Options

        func run() throws {
            let store = try options.open()
            let w = try options.attempt { try store.wallet() }
            let spent = w.spent(on: WalletStore.dayKey(Date()))
            if options.json {
                try options.printJSON([
                    "balance": w.balance, "currency": w.currency, "per_payment_limit": w.perPaymentLimit,
                    "daily_limit": w.dailyLimit, "spent_today": spent,
                ] as [String: Any])
                return
            }
            print("balance: \(Money.format(w.balance, w.currency))")
            print("limits: \(Money.format(w.perPaymentLimit, w.currency)) per payment, \(Money.format(w.dailyLimit, w.currency)) a day (\(Money.format(spent, w.currency)) spent today)")
        }
    }

    /// `wallet statement [--app ID] [--json]`.
    struct Statement: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "statement",
            abstract: "List the ledger, oldest first (--json: {balance, currency, entries: [{order_id, app_id, amount, currency, status, time, …}]}).",
            discussion: "status is charged (paid out of the wallet), refunded (given back) or topup (added); amount is always positive.\n\n" + WalletCommand.exitStatus)

        @Option(help: "Only this app's entries (the balance is the wallet's).")
        var app: String?

        @OptionGroup var options: Options

        func run() throws {
            let store = try options.open()
            let (w, entries) = try options.attempt { (try store.wallet(), try store.entries(app: app)) }
            if options.json {
                try options.printJSON(["balance": w.balance, "currency": w.currency, "entries": entries.map(\.statementJSON)] as [String: Any])
                return
            }
            if entries.isEmpty {
                print(app.map { "no ledger entries for \($0)" } ?? "no ledger entries")
            } else {
                // Order ids and descriptions come from apps: shown escaped.
                let rows = [["TIME", "APP", "ORDER", "STATUS", "AMOUNT", "DESCRIPTION"]] + entries.map { e in
                    [e.timeText, e.appId.isEmpty ? "-" : PromptText.sanitize(e.appId, maxLength: 128), PromptText.sanitize(e.orderId, maxLength: 64),
                     e.status.rawValue, (e.status == .charged ? "-" : "+") + Money.format(e.amount, e.currency),
                     PromptText.sanitize(e.description, maxLength: 128)]
                }
                printColumns(rows)
            }
            print("balance: \(Money.format(w.balance, w.currency))")
        }
    }

    /// `wallet refund <order_id> [--app ID] [--json]`.
    struct Refund: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refund",
            abstract: "Give back a charged order's amount (once); the ledger gets a \"refunded\" entry.",
            discussion: WalletCommand.exitStatus)

        @Argument(help: "The app's order id.")
        var orderId: String

        @Option(help: "The app that charged it (needed when several apps used the same order id).")
        var app: String?

        @OptionGroup var options: Options

        func run() throws {
            let store = try options.open()
            let entry = try options.attempt { try store.refund(orderId: orderId, app: app) }
            if options.json {
                var object = entry.statementJSON
                object["balance"] = entry.balanceAfter
                try options.printJSON(object)
                return
            }
            print("refunded \(Money.format(entry.amount, entry.currency)) for order \(PromptText.sanitize(entry.orderId, maxLength: 64)) of \(entry.appId) (\(entry.transactionId)); balance: \(Money.format(entry.balanceAfter, entry.currency))")
        }
    }

    /// `wallet topup <amount> [--json]`.
    struct Topup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topup",
            abstract: "Add money to the wallet (an integer of minor units: 10000 is 100.00 CNY).",
            discussion: WalletCommand.exitStatus)

        @Argument(help: "The amount in minor units (a positive integer).")
        var amount: Int64

        @OptionGroup var options: Options

        func validate() throws {
            if amount <= 0 { throw ValidationError("the amount must be a positive integer of minor units (got \(amount)).") }
        }

        func run() throws {
            let store = try options.open()
            let entry = try options.attempt { try store.topup(amount) }
            if options.json {
                try options.printJSON([
                    "balance": entry.balanceAfter, "amount": entry.amount, "currency": entry.currency,
                    "transaction_id": entry.transactionId, "time": entry.timeText, "status": entry.status.rawValue,
                ] as [String: Any])
                return
            }
            print("added \(Money.format(entry.amount, entry.currency)) (\(entry.transactionId)); balance: \(Money.format(entry.balanceAfter, entry.currency))")
        }
    }
}
