import Foundation

/// What the simulated device keeps while the host runs: the clipboard (all apps share it, as on
/// a phone), the phone calls apps started, and how many of the world's scans were used.
public final class DeviceState: @unchecked Sendable {
    private let lock = NSLock()
    private var clipboardText: String
    private var calls: [String] = []
    private var scans: [WorldScan]

    public init(world: World) {
        clipboardText = world.clipboard
        scans = world.scans
    }

    /// The host's one device (made on first use).
    public static func of(_ services: HostServices) -> DeviceState {
        services.component(DeviceState.self) { DeviceState(world: services.world) }
    }

    public var clipboard: String {
        get { lock.withLock { clipboardText } }
        set { lock.withLock { clipboardText = newValue } }
    }

    /// The numbers `makePhoneCall` dialled, in order.
    public var phoneCalls: [String] { lock.withLock { calls } }

    /// The calls kept (the latest).
    static let maxCalls = 1000

    func recordCall(_ number: String) {
        lock.withLock {
            calls.append(number)
            if calls.count > Self.maxCalls { calls.removeFirst(calls.count - Self.maxCalls) }
        }
    }

    /// The next code the camera sees (nil when the world has none left).
    func nextScan() -> WorldScan? {
        lock.withLock { scans.isEmpty ? nil : scans.removeFirst() }
    }
}
