import Foundation
import Synchronization

/// The source maps of a compiled package, by package path, kept as the JSON esbuild wrote and
/// decoded only when a position in that file is first looked up (most runs never need one).
public struct SourceMaps: Sendable {
    private let raw: [String: Data]
    private let decoded = Decoded()

    public init(_ raw: [String: Data] = [:]) { self.raw = raw }

    public var count: Int { raw.count }
    public var isEmpty: Bool { raw.isEmpty }

    /// The map of a compiled file, or nil when the file was not compiled or its map is unreadable.
    public subscript(path: String) -> SourceMap? {
        guard let json = raw[path] else { return nil }
        return decoded.map(path) { try? SourceMap(json: json) }
    }

    /// Decoded maps, shared by the copies of one ``SourceMaps`` (a nil entry: unreadable).
    private final class Decoded: Sendable {
        private let maps = Mutex<[String: SourceMap?]>([:])

        func map(_ path: String, decode: () -> SourceMap?) -> SourceMap? {
            if let known = maps.withLock({ $0[path] }) { return known }
            let map = decode()
            maps.withLock { $0[path] = map }
            return map
        }
    }
}
