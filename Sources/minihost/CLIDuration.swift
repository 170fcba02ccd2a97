import ArgumentParser
import Foundation

/// The unit in which a duration flag reads a bare number (its documented unit).
protocol DurationUnit: Sendable {
    /// The suffix shown in help and messages: `s`, `ms`.
    static var symbol: String { get }
    static var seconds: Double { get }
    /// The unit's name in help text: "seconds".
    static var name: String { get }
}

enum Seconds: DurationUnit {
    static let symbol = "s"
    static let seconds = 1.0
    static let name = "seconds"
}

enum Milliseconds: DurationUnit {
    static let symbol = "ms"
    static let seconds = 0.001
    static let name = "milliseconds"
}

/// A duration flag's value: a number with a unit (`500ms`, `5s`, `2m`, `1h`), or a bare number in
/// the command's documented unit, so every command reads `5s` the same way while `--timeout 5`
/// keeps meaning what it always meant there.
struct CLIDuration<BareUnit: DurationUnit>: ExpressibleByArgument, Sendable, CustomStringConvertible, Equatable {
    let seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    /// `value` in the bare unit.
    init(_ value: Double) { seconds = value * BareUnit.seconds }

    init?(argument: String) {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let unit = units.first { text.hasSuffix($0.suffix) }
        let number = String(text.dropLast(unit?.suffix.count ?? 0))
        // Digits with at most one point: no sign, exponent, "inf" or "nan".
        guard !number.isEmpty, number != ".", number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              number.filter({ $0 == "." }).count <= 1, let value = Double(number), value.isFinite else { return nil }
        seconds = value * (unit?.seconds ?? BareUnit.seconds)
    }

    var milliseconds: Double { seconds * 1000 }

    /// In the bare unit with its symbol: `5000ms`, `1.5s`.
    var description: String {
        let value = seconds / BareUnit.seconds
        let rounded = (value * 1000).rounded() / 1000
        let number = rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
        return number + BareUnit.symbol
    }

    var defaultValueDescription: String { description }

    /// What help says of the value's form.
    static var forms: String { "500ms, 5s, 2m; a bare number is \(BareUnit.name)" }
}
