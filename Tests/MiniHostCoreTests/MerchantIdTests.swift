import Foundation
import Testing

@testable import MiniHostCore

/// Merchant ids are plain ASCII, so no look-alike id can pass for a signing merchant's.
@Suite struct MerchantIdTests {
    /// The problems of a manifest declaring merchant `id` (empty when it parses).
    static func problems(merchantId id: String) -> [ManifestProblem] {
        let object: [String: Any] = ["app_id": "org.example.pay", "name": "Pay", "pages": ["p/i"], "merchant": ["id": id, "name": "Sky Flights"]]
        do {
            _ = try Manifest.parse(try JSONSerialization.data(withJSONObject: object), file: "manifests/org.example.pay.json")
            return []
        } catch let error as ManifestError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func plainIdsAreAccepted() {
        for id in ["m.flights", "m-42", "Shop_1", "a", String(repeating: "x", count: 64)] {
            #expect(Self.problems(merchantId: id).isEmpty, "\(id)")
        }
    }

    @Test func aZeroWidthCharacterIsRefusedNamingTheFieldAndTheCharacter() {
        let found = Self.problems(merchantId: "m.flights\u{200B}")
        #expect(found.map(\.field) == ["merchant.id"])
        let message = found.first?.message ?? ""
        #expect(message.hasPrefix("must be 1–64 ASCII letters, digits, '.', '_' or '-'"))
        #expect(message.contains("look-alike"))
        #expect(message.hasSuffix("; got U+200B at character 10"))
    }

    @Test func lookAlikesAndOtherCharactersAreRefused() {
        let ids = [
            "m.fl\u{0456}ghts",     // Cyrillic і
            "ｍ.flights",            // full-width m
            "m.flights\u{2060}",    // word joiner
            "\u{202E}m.flights",    // right-to-left override
            "m flights", "m/flights", "m&flights", "m=flights", "m.flights\n",
            String(repeating: "x", count: 65),
        ]
        for id in ids {
            #expect(Self.problems(merchantId: id).map(\.field) == ["merchant.id"], "\(id.unicodeScalars.map { $0.value })")
        }
        #expect(Self.problems(merchantId: String(repeating: "x", count: 65)).first?.message.hasSuffix("; got 65 characters") == true)
    }
}
