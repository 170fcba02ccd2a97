import Foundation

/// A source map (version 3, as esbuild writes it): where a position of the compiled file came
/// from in the original. Used to show errors and stack traces at the file, line and column the
/// developer wrote.
public struct SourceMap: Sendable {
    /// The original files, as the map names them.
    public let sources: [String]
    /// For each compiled line (0-based), its segments sorted by compiled column.
    private let lines: [[Segment]]

    struct Segment: Sendable {
        var column: Int
        var source: Int
        var originalLine: Int
        var originalColumn: Int
    }

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads a map's JSON text; throws when it is not a version 3 map with decodable mappings.
    public init(json: Data) throws {
        struct Raw: Decodable { var version: Int; var sources: [String]; var mappings: String }
        let raw = try JSONDecoder().decode(Raw.self, from: json)
        guard raw.version == 3 else { throw Invalid(description: "source map version \(raw.version) is not 3") }
        sources = raw.sources
        lines = try Self.decode(raw.mappings)
    }

    /// The original position of a compiled one (1-based line and column, as JavaScriptCore
    /// reports them), or nil when that position maps to nothing.
    public func original(line: Int, column: Int) -> (source: String, line: Int, column: Int)? {
        guard line >= 1, line <= lines.count else { return nil }
        let segments = lines[line - 1]
        // The last segment starting at or before the column (columns in maps are 0-based).
        var best: Segment?
        for segment in segments {
            if segment.column > max(0, column - 1) { break }
            best = segment
        }
        guard let found = best ?? segments.first, found.source < sources.count else { return nil }
        return (sources[found.source], found.originalLine + 1, found.originalColumn + 1)
    }

    /// Decodes the `mappings` string: `;` separates lines, `,` segments, each segment base64 VLQ
    /// fields relative to the previous segment's (the column to the previous in its line).
    private static func decode(_ mappings: String) throws -> [[Segment]] {
        var result: [[Segment]] = [[]]
        var source = 0, originalLine = 0, originalColumn = 0, column = 0
        var fields: [Int] = []
        var value = 0, shift = 0
        func endSegment() throws {
            if fields.isEmpty { return }
            column += fields[0]
            if fields.count >= 4 {
                source += fields[1]
                originalLine += fields[2]
                originalColumn += fields[3]
                result[result.count - 1].append(Segment(column: column, source: source, originalLine: originalLine, originalColumn: originalColumn))
            } else if fields.count != 1 {
                throw Invalid(description: "a source map segment has \(fields.count) fields")
            }
            fields.removeAll(keepingCapacity: true)
        }
        for byte in mappings.utf8 {
            switch byte {
            case UInt8(ascii: ";"):
                try endSegment()
                result.append([])
                column = 0
            case UInt8(ascii: ","):
                try endSegment()
            default:
                guard let digit = base64Value(byte) else { throw Invalid(description: "a source map has a bad mapping character") }
                value += (digit & 31) << shift
                if digit & 32 != 0 {
                    shift += 5
                    if shift > 30 { throw Invalid(description: "a source map value is too large") }
                } else {
                    fields.append(value & 1 == 1 ? -(value >> 1) : value >> 1)
                    value = 0
                    shift = 0
                }
            }
        }
        try endSegment()
        return result.map { $0.sorted { $0.column < $1.column } }
    }

    private static func base64Value(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
