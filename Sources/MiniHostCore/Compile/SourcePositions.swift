import Foundation
import MiniHostProtocol

/// Rewrites positions in an app's error messages and stack traces
/// (`miniapp://<app>/<path>:<line>:<column>`) from compiled files back to what the developer wrote.
public struct SourcePositions: Sendable {
    private let appId: String
    private let maps: SourceMaps
    private let pattern: NSRegularExpression

    public init(appId: String, maps: SourceMaps) {
        self.appId = appId
        self.maps = maps
        let prefix = NSRegularExpression.escapedPattern(for: "miniapp://\(appId)/")
        pattern = try! NSRegularExpression(pattern: prefix + #"([^\s:()]+):(\d+)(?::(\d+))?"#)
    }

    public var isEmpty: Bool { maps.isEmpty }

    /// `text` with every position in a compiled file replaced by its original one.
    public func remap(_ text: String) -> String {
        guard !maps.isEmpty, text.contains("miniapp://") else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let path = ns.substring(with: match.range(at: 1))
            guard let map = maps[path], let line = Int(ns.substring(with: match.range(at: 2))) else { continue }
            let column = match.range(at: 3).location == NSNotFound ? 1 : Int(ns.substring(with: match.range(at: 3))) ?? 1
            guard let original = map.original(line: line, column: column) else { continue }
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += "miniapp://\(appId)/\(path):\(original.line):\(original.column)"
            last = match.range.location + match.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    /// The event with its message and stack remapped (errors and console lines).
    public func remap(_ event: RuntimeEvent) -> RuntimeEvent {
        switch event {
        case let .error(kind, message, stack): .error(kind: kind, message: remap(message), stack: stack.map(remap))
        case let .console(level, message, source): .console(level: level, message: remap(message), source: source.map(remap))
        default: event
        }
    }
}
