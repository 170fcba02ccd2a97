import Crypto
import Foundation

/// The signature on a payment order (`requestPayment({…, sign})`), for merchants that have a key
/// in the world file (`merchants[].key`).
///
/// The signed text is the canonical order string: six fields as `key=value` joined with `&`, keys
/// in ASCII order, values exactly as sent (no escaping, no trimming; a missing description is the
/// empty string):
///
/// ```
/// amount=<integer minor units>&appId=<app id>&currency=<ISO 4217>&description=<text>&merchant=<merchant id>&orderId=<order id>
/// ```
///
/// e.g. `amount=123450&appId=org.minihost.flights&currency=CNY&description=PEK→SHA 08:00&merchant=m.flights&orderId=SF-1001`.
/// `appId` is the manifest's `app_id` and `merchant` its `merchant.id`, never values the app
/// sends: a sign made for one app does not verify for another app of the same merchant (as
/// WeChat's `paySign` covers the `appId`).
/// `sign` is HMAC-SHA256 of that text's UTF-8 bytes, keyed with the UTF-8 bytes of the merchant's
/// key, written as 64 hexadecimal digits (lower case as produced; upper case is accepted too).
/// The order id cannot contain `&` or `=` (its alphabet is `[A-Za-z0-9_.:-]`), amount and currency
/// are digits and letters, and the app id and merchant are fixed by the manifest (neither holds
/// `&` or `=`), so two different orders never have the same canonical string.
public enum OrderSigning {
    /// The terms a signature covers.
    public struct Terms: Sendable, Equatable {
        public var appId: String
        public var merchantId: String
        public var orderId: String
        public var amount: Int64
        public var currency: String
        public var description: String

        public init(appId: String, merchantId: String, orderId: String, amount: Int64, currency: String, description: String) {
            self.appId = appId
            self.merchantId = merchantId
            self.orderId = orderId
            self.amount = amount
            self.currency = currency
            self.description = description
        }
    }

    /// The canonical string of an order (see the type's documentation).
    public static func canonicalString(_ terms: Terms) -> String {
        "amount=\(terms.amount)&appId=\(terms.appId)&currency=\(terms.currency)&description=\(terms.description)"
            + "&merchant=\(terms.merchantId)&orderId=\(terms.orderId)"
    }

    /// `sign` for an order: HMAC-SHA256 hex (lower case) of the canonical string with `key`.
    public static func sign(_ terms: Terms, key: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(canonicalString(terms).utf8), using: SymmetricKey(data: Data(key.utf8)))
        return mac.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `sign` is the right signature for the order (compared in constant time).
    public static func verify(_ sign: String, _ terms: Terms, key: String) -> Bool {
        guard let bytes = decodeHex(sign), bytes.count == SHA256.byteCount else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Data(canonicalString(terms).utf8),
                                                      using: SymmetricKey(data: Data(key.utf8)))
    }

    /// The bytes of a hexadecimal string (either case), or nil when it is not one.
    static func decodeHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let hi = value(digits[i]), let lo = value(digits[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
