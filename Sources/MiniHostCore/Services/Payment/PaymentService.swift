import Foundation
import MiniHostProtocol

/// The payment API (docs/spec.md): `requestPayment({orderId, amount, currency, description, sign?})`
/// charges the user's wallet once per (app, orderId), after the user confirms.
///
/// A call goes through, in this order (the first failure ends it):
/// 1. the order's fields (before any prompt): `orderId` 1–64 characters of `[A-Za-z0-9_.:-]`;
///    `amount` an integer of minor units from 1 to 10^12; `currency` an ISO 4217 code equal to the
///    wallet's; `description` (optional) a string of at most 128 characters; `sign` (optional) a
///    string of at most 128 characters — else 1011 `invalid order: …`;
/// 2. the gate: `payment` declared (1002) and granted (1003; asked when not decided yet);
/// 3. the manifest's `merchant` (else 1011 `invalid order: the manifest declares no merchant`);
/// 4. when the world's merchant of that id has a `key`: `sign` present and equal to
///    HMAC-SHA256 of the canonical order string, which binds the order to this app's id
///    (``OrderSigning``), else 1012 `bad signature: …`;
/// 5. an order id already charged for this app: the first result is returned as it was, with no
///    prompt and no second charge (a different amount or currency: 1011); a signing merchant's
///    order id already charged by another app: 1011;
/// 6. limits: per payment, then the day's total (1010 `over limit: …`);
/// 7. funds (1006 `insufficient funds: …`; the balance is never stated to the app);
/// 8. the user confirms this payment (the merchant's name and id from the manifest, the amount,
///    the description, the order id); a refusal is 1004 `cancel`;
/// 9. the charge: ledger row, balance and the `allow` audit entry in one durable transaction
///    (``WalletStore/charge(_:audit:)``).
///
/// Refusals are not written to the ledger (it holds only money that moved), so a cancelled or
/// refused order may be retried; every outcome is in the audit log (`requestPayment`, permission
/// `payment`, decision `allow`/`deny`/`invalid`/`replay`).
///
/// The result: `{orderId, amount, currency, status: "charged", transactionId, time}` (`time`
/// ISO 8601 UTC with milliseconds, the time of the charge); a retry returns exactly the same.
public struct PaymentService: Sendable {
    public let services: HostServices

    public init(services: HostServices) { self.services = services }

    /// The host events this service sends (`mp.on<Name>`).
    public static let events: [String] = []

    public static let maxOrderIdLength = 64
    public static let maxAmount: Int64 = 1_000_000_000_000
    public static let maxDescriptionLength = 128

    public var apis: [HostAPI] {
        [
            HostAPI(name: "requestPayment", permission: .payment, mayBlock: true,
                    validate: { [self] args throws(BridgeError) in _ = try validOrder(args) }) { [self] call throws(BridgeError) in
                try pay(call)
            },
        ]
    }

    /// The host's wallet store (made on first use, from the world's wallet when the database has none).
    public func store() throws(BridgeError) -> WalletStore {
        do {
            return try services.walletStore()
        } catch {
            throw BridgeError(.hostError, "host error: cannot open the wallet (\(error))")
        }
    }

    /// An order's fields as the app sent them, checked.
    struct OrderFields: Equatable {
        var orderId: String
        var amount: Int64
        var currency: String
        var description: String
        var sign: String?
    }

    /// Step 1: the fields, including the wallet's currency.
    func validOrder(_ args: APIArguments) throws(BridgeError) -> OrderFields {
        let fields = try Self.fields(args)
        let store = try store()
        let currency: String
        do { currency = try store.currency() } catch {
            throw BridgeError(.hostError, "host error: cannot read the wallet (\(error))")
        }
        if fields.currency != currency {
            throw BridgeError(.invalidOrder, "invalid order: currency \(fields.currency) is not the wallet's currency (\(currency))")
        }
        return fields
    }

    /// The fields' types, ranges and lengths (everything but the wallet's currency).
    static func fields(_ args: APIArguments) throws(BridgeError) -> OrderFields {
        do throws(BridgeError) {
            let orderId = try args.string("orderId", maxLength: maxOrderIdLength)!
            if let bad = orderId.unicodeScalars.first(where: { !isOrderIdCharacter($0) }) {
                throw BridgeError.invalid("orderId may only hold letters, digits, '_', '-', '.' and ':' (got '\(PromptText.sanitize(String(bad), maxLength: 12))')")
            }
            let amount = Int64(try args.number("amount", integer: true, range: 1...Double(maxAmount))!)
            let currency = try args.string("currency", maxLength: 3)!
            if !WorldWallet.isCurrency(currency) {
                throw BridgeError.invalid("currency must be an ISO 4217 code of three capital letters such as 'CNY' (got '\(PromptText.sanitize(currency, maxLength: 12))')")
            }
            let description = try args.string("description", required: false, nonEmpty: false, maxLength: maxDescriptionLength) ?? ""
            let sign = try args.string("sign", required: false, nonEmpty: false, maxLength: 128)
            return OrderFields(orderId: orderId, amount: amount, currency: currency, description: description, sign: sign)
        } catch {
            guard error.code == .invalidArgument else { throw error }
            let prefix = "invalid argument: "
            let text = error.reason.hasPrefix(prefix) ? String(error.reason.dropFirst(prefix.count)) : error.reason
            throw BridgeError(.invalidOrder, "invalid order: " + text)
        }
    }

    static func isOrderIdCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-", ".", ":": true
        default: false
        }
    }

    /// Steps 3–9 (the bridge has run step 1 and the gate).
    func pay(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let app = call.app
        let gate = CapabilityGate(services: services)
        func refuse(_ decision: String, _ error: BridgeError) -> BridgeError {
            gate.record(app, call.api, .payment, decision, error.reason)
            return error
        }
        let fields = try validOrder(call.arguments)
        guard let merchant = app.manifest.merchant else {
            throw refuse("invalid", BridgeError(.invalidOrder, "invalid order: the manifest declares no merchant"))
        }
        let key = services.world.merchant(merchant.id)?.key
        if let key {
            guard let sign = fields.sign, !sign.isEmpty else {
                throw refuse("deny", BridgeError(.badSignature, "bad signature: merchant \(merchant.id) signs its orders, and this order has no sign"))
            }
            let terms = OrderSigning.Terms(appId: app.appId, merchantId: merchant.id, orderId: fields.orderId, amount: fields.amount,
                                           currency: fields.currency, description: fields.description)
            guard OrderSigning.verify(sign, terms, key: key) else {
                throw refuse("deny", BridgeError(.badSignature, "bad signature: sign does not match order \(fields.orderId) of app \(app.appId) (HMAC-SHA256 of amount=…&appId=…&currency=…&description=…&merchant=…&orderId=… with the key of merchant \(merchant.id))"))
            }
        }
        let store = try store()
        let order = ChargeOrder(appId: app.appId, orderId: fields.orderId, amount: fields.amount, currency: fields.currency,
                                merchantId: merchant.id, description: fields.description, merchantSigns: key != nil)
        let preflight: WalletStore.Preflight
        do { preflight = try store.preflight(order) } catch {
            throw refuse(Self.decision(error), Self.bridgeError(error))
        }
        if case let .replay(earlier) = preflight {
            gate.record(app, call.api, .payment, "replay", "order \(order.orderId) was charged before (\(earlier.transactionId)): the first result is returned")
            return Self.result(earlier)
        }
        let amountText = Money.format(order.amount, order.currency)
        let answer = services.prompter.ask(PromptRequest(
            kind: .payment, appId: app.appId, appName: app.manifest.name,
            title: "pay \(merchant.name) (\(merchant.id))",
            details: [
                PromptDetail("amount", amountText),
                PromptDetail("merchant", "\(merchant.name) (\(merchant.id))"),
                PromptDetail("description", order.description),
                PromptDetail("order", order.orderId),
            ]))
        if answer == .deny {
            throw refuse("deny", BridgeError(.cancelled, "cancel"))
        }
        // The app ended (crashed, was killed or stopped) while the user decided: nothing is
        // charged for a call nobody is waiting for; a restarted app may pay the order again.
        if call.session.hasStopped {
            throw refuse("deny", BridgeError(.cancelled, "cancel: the app ended before the payment was made"))
        }
        // What the audit log has not written yet (this call's consent decision) goes first, in
        // the charge's own transaction, then the charge's entry: one durable commit in all.
        let earlier = services.audit.takePending()
        let outcome: WalletStore.ChargeResult
        do {
            outcome = try store.charge(order, earlier: earlier) { entry in
                (call.api, "the user confirmed \(amountText) to \(merchant.id) for order \(order.orderId) (\(entry.transactionId))")
            }
        } catch {
            services.audit.putBack(earlier)
            throw refuse(Self.decision(error), Self.bridgeError(error))
        }
        switch outcome {
        case .charged:
            break
        case let .replayed(entry):
            gate.record(app, call.api, .payment, "replay", "order \(order.orderId) was charged meanwhile (\(entry.transactionId)): the first result is returned")
        }
        return Self.result(outcome.entry)
    }

    /// What the app receives for a charged order (the same for every retry).
    static func result(_ entry: LedgerEntry) -> BridgeValue {
        .value(.object([
            "orderId": .string(entry.orderId),
            "amount": .number(Double(entry.amount)),
            "currency": .string(entry.currency),
            "status": .string("charged"),
            "transactionId": .string(entry.transactionId),
            "time": .string(entry.timeText),
        ]))
    }

    static func decision(_ error: any Error) -> String {
        switch error as? WalletRefusal {
        case .orderMismatch?, .orderOfAnotherApp?, .currencyMismatch?: "invalid"
        default: "deny"
        }
    }

    /// The app-facing error for a wallet refusal (or a database failure).
    static func bridgeError(_ error: any Error) -> BridgeError {
        guard let refusal = error as? WalletRefusal else {
            return BridgeError(.hostError, "host error: the wallet failed (\(error))")
        }
        switch refusal {
        case .orderMismatch, .orderOfAnotherApp, .currencyMismatch:
            return BridgeError(.invalidOrder, "invalid order: \(refusal)")
        case .overPaymentLimit, .overDailyLimit:
            return BridgeError(.overLimit, "over limit: \(refusal)")
        case .insufficientFunds:
            return BridgeError(.insufficientFunds, "insufficient funds: \(refusal)")
        default:
            return BridgeError(.hostError, "host error: \(refusal)")
        }
    }
}
