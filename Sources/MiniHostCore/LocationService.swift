import Foundation
import MiniHostProtocol

/// The location APIs (DESIGN.md 7). Being written: see issue 4.
public struct LocationService: Sendable {
    public let services: HostServices

    public init(services: HostServices) { self.services = services }

    /// The host events this service sends (`mp.on<Name>`).
    public static let events: [String] = []

    public var apis: [HostAPI] { [] }
}
