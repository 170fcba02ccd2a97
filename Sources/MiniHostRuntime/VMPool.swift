import Dispatch
import Foundation
import MiniHostProtocol

/// A warm pool: VMs with the runtime installed, prepared ahead of launch on a background queue,
/// so that launching an app costs little more than evaluating the app's own code. Each VM is
/// handed out once (apps never share a VM) and the pool refills itself up to `size`.
public final class VMPool: @unchecked Sendable {
    public let size: Int
    public let apis: [APIDescriptor]
    private let lock = NSLock()
    private var ready: [PreparedVM] = []
    private var filling = false
    private let queue = DispatchQueue(label: "minihost.vmpool", qos: .utility)

    public init(size: Int, apis: [APIDescriptor] = []) {
        self.size = max(0, size)
        self.apis = apis
        refill()
    }

    /// A prepared VM, or nil when none is ready (the caller then makes one on its own path).
    public func take() -> PreparedVM? {
        let vm: PreparedVM? = lock.withLock { ready.isEmpty ? nil : ready.removeLast() }
        refill()
        return vm
    }

    /// How many VMs are ready now.
    public var readyCount: Int { lock.withLock { ready.count } }

    /// Blocks until the pool is full (for benchmarks and tests); false on timeout.
    @discardableResult
    public func waitUntilFull(timeout: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while readyCount < size {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return true
    }

    /// How long a refill waits after a VM was taken.
    static let refillDelayMs = 20

    private func refill() {
        let start: Bool = lock.withLock {
            guard !filling, ready.count < size else { return false }
            filling = true
            return true
        }
        guard start else { return }
        // A little after the take: the launch that took a VM runs first, not against the refill
        // (on two cores a refill started at once doubles the launch's time).
        queue.asyncAfter(deadline: .now() + .milliseconds(Self.refillDelayMs)) { [self] in
            while true {
                let need = lock.withLock { ready.count < size }
                guard need, let vm = try? PreparedVM.make(apis: apis) else { break }
                lock.withLock { ready.append(vm) }
            }
            lock.withLock { filling = false }
        }
    }
}
