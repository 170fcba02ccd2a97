import Dispatch
import Foundation
import MiniHostEngine
import MiniHostProtocol

/// A warm pool: VMs with the runtime installed, prepared ahead of launch on a background queue,
/// so that launching an app costs little more than evaluating the app's own code. Each VM is
/// handed out once (apps never share a VM) and the pool refills itself up to `size`.
///
/// A recycling pool (`minihost test`'s, whose apps run one after another) also takes back the
/// context group of an app that has stopped and prepares the next VM in it: the next app gets a
/// new global context (its own global object, intrinsics, runtime and stubs; nothing of the
/// previous app is reachable from it) without paying for a new JavaScriptCore VM (its heap, and
/// parsing and compiling the runtime script again: the group keeps its code cache, which is also
/// why such a VM skips the warm-up). A group is taken back only after its app stopped, never while
/// one runs in it, and never after the watchdog terminated a call in it. After
/// ``maxAppsPerGroup`` apps a group is let go: the contexts of its stopped apps stay in its heap
/// until a full collection, and freeing the group frees them all at once.
public final class VMPool: @unchecked Sendable {
    public let size: Int
    public let apis: [APIDescriptor]
    public let recycles: Bool
    /// Whether the VMs it prepares have their view context made too (for apps with templates).
    public let views: Bool
    private let lock = NSLock()
    private var ready: [PreparedVM] = []
    private var spareGroups: [JSVirtualMachine] = []
    private var filling = false
    private var recycledCount = 0
    /// Context groups of a recycling pool that are alive: ready, serving an app or spare. Its
    /// refill makes a new group only while there are fewer than `size + ` ``extraGroups``;
    /// otherwise it waits for the groups of the apps now running (``recycle(_:)`` refills).
    private var liveGroups = 0
    private let queue = DispatchQueue(label: "minihost.vmpool", qos: .utility)

    public init(size: Int, apis: [APIDescriptor] = [], recycle: Bool = false, views: Bool = true) {
        self.size = max(0, size)
        self.apis = apis
        self.recycles = recycle
        self.views = views
        refill()
    }

    /// A prepared VM, or nil when none is ready (the caller then makes one on its own path).
    public func take() -> PreparedVM? {
        let vm: PreparedVM? = lock.withLock { ready.isEmpty ? nil : ready.removeLast() }
        refill()
        return vm
    }

    /// A prepared VM: one that is ready, else one made now on the caller's thread, in the context
    /// group of a stopped app when the pool has one (a recycling pool) and without the warm-up (it
    /// is launched at once). Unlike a VM an app makes for itself, it is the pool's: its group comes
    /// back to the pool when the app stops. Nil only when making one failed.
    public func takeOrMake() -> PreparedVM? {
        if let vm = take() { return vm }
        let group: JSVirtualMachine? = lock.withLock {
            let spare = spareGroups.popLast()
            if spare == nil, recycles { liveGroups += 1 }
            return spare
        }
        return make(in: group, warm: false)
    }

    /// Makes a VM in `group` (a stopped app's) or, for nil, in a new group the caller already
    /// counted in `liveGroups`; a group whose VM could not be made leaves the count.
    private func make(in group: JSVirtualMachine?, warm: Bool) -> PreparedVM? {
        guard let vm = try? PreparedVM.make(apis: apis, in: group, warm: warm, view: views) else {
            if recycles { lock.withLock { liveGroups -= 1 } }
            return nil
        }
        if recycles { vm.recycler = self }
        if group != nil { lock.withLock { recycledCount += 1 } }
        return vm
    }

    /// How many VMs are ready now.
    public var readyCount: Int { lock.withLock { ready.count } }

    /// How many of the VMs this pool prepared reused the context group of a stopped app.
    public var recycled: Int { lock.withLock { recycledCount } }

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

    /// Takes back the context group of an app that has stopped (called by the sandbox as it
    /// stops, after it dropped its context). Kept (up to `size` of them, at least one) for the
    /// next VM the pool prepares or makes.
    func recycle(_ group: JSVirtualMachine) {
        guard recycles else { return }
        group.earlierApps += 1
        let keep = !group.wasEverTerminated && group.earlierApps < Self.maxAppsPerGroup
        if keep { group.clearExecutionTimeLimit() }
        lock.withLock {
            if keep, spareGroups.count < max(size, 1) {
                spareGroups.append(group)
            } else {
                liveGroups -= 1
            }
        }
        refill()
    }

    /// How many apps a recycled group serves before it is let go. Without a limit a 4800-test
    /// `minihost-bench devtest` run peaked at 897 MB of RSS, with 100 at 361 MB, in the same CPU
    /// time (one run each). With 20, 1200 tests peaked at about 160 MB, but the extra new groups
    /// (about 50 more) took about 7% more CPU in two of three alternating runs.
    static let maxAppsPerGroup = 100

    /// How many context groups beyond `size` a recycling pool keeps alive: one for the app
    /// running and one more, so that the refill has a group to prepare the next VM in while that
    /// app runs (with one, it waited for the app to stop, and the next app often found the pool
    /// empty: in 22 alternating `minihost-bench devtest` runs, a median of 186 against 197 tests a
    /// second, 15 of the 22 faster; three did no better than two).
    static let extraGroups = 2

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
                let (need, group) = lock.withLock { () -> (Bool, JSVirtualMachine?) in
                    guard ready.count < size else { return (false, nil) }
                    if let spare = spareGroups.popLast() { return (true, spare) }
                    // A new group costs several recycled VMs (and the warm-up): with enough groups
                    // alive, wait for the running apps' groups; an app that finds the pool empty
                    // meanwhile makes its VM itself.
                    if recycles {
                        guard liveGroups < size + Self.extraGroups else { return (false, nil) }
                        liveGroups += 1
                    }
                    return (true, nil)
                }
                // No warm-up in a stopped app's group: its code cache already holds what the
                // warm-up would compile, and on two busy cores (`minihost test`) warming up each
                // new context cost more than the launches it sped up (minihost-bench devtest).
                guard need, let vm = make(in: group, warm: group == nil) else { break }
                lock.withLock { ready.append(vm) }
            }
            lock.withLock { filling = false }
        }
    }
}
