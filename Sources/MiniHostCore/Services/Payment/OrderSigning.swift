import Crypto
import Foundation

/// The signature on a payment order (`requestPayment({…, sign})`), for merchants that have a key
/// in the world file (`merchants[].key`).
///
/// The signed text is the canonical order string: the five fields as `key=value` joined with
/// `&`, keys in ASCII order, values exactly as sent (no escaping, no trimming; a missing
/// description is the empty string):
///
/// ```
/// amount=<integer minor units>&currency=<ISO 4217>&description=<text>&merchant=<merchant id>&orderId=<order id>
/// ```
///
/// e.g. `amount=123450&currency=CNY&description=PEK→SHA 08:00&merchant=m.flights&orderId=SF-1001`.
/// `merchant` is the id in the app's manifest (`merchant.id`), never a value the app sends.
/// `sign` is HMAC-SHA256 of that text's UTF-8 bytes, keyed with the UTF-8 bytes of the merchant's
/// key, written as 64 hexadecimal digits (lower case as produced; upper case is accepted too).
/// The order id cannot contain `&` or `=` (its alphabet is `[A-Za-z0-9_.:-]`), amount and currency
/// are digits and letters, and the merchant is fixed by the manifest, so two different orders of
/// one merchant never have the same canonical string.
public enum OrderSigning {
    /// The canonical string of an order (see the type's documentation).
    public static func canonicalString(orderId: String, amount: Int64, currency: String, description: String, merchantId: String) -> String {
        "amount=\(amount)&currency=\(currency)&description=\(description)&merchant=\(merchantId)&orderId=\(orderId)"
    }

    /// `sign` for an order: HMAC-SHA256 hex (lower case) of the canonical string with `key`.
    public static func sign(orderId: String, amount: Int64, currency: String, description: String, merchantId: String, key: String) -> String {
        let text = canonicalString(orderId: orderId, amount: amount, currency: currency, description: description, merchantId: merchantId)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return mac.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `sign` is the right signature for the order (compared in constant time).
    public static func verify(_ sign: String, orderId: String, amount: Int64, currency: String, description: String, merchantId: String, key: String) -> Bool {
        guard let bytes = decodeHex(sign), bytes.count == SHA256.byteCount else { return false }
        let text = canonicalString(orderId: orderId, amount: amount, currency: currency, description: description, merchantId: merchantId)
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Data(text.utf8), using: SymmetricKey(data: Data(key.utf8)))
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
