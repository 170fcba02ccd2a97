import MiniHostProtocol
import MiniHostRuntime

/// The host's one way into the runtime: an app's sandbox on a thread of the host (trusted code,
/// fast and dense), and VMs prepared ahead of time for such sandboxes.
public enum InProcess {
    /// Starts `config`'s sandbox in `prepared` (else in a new VM): its bridge calls go to
    /// `endpoint`, what the app reports to `events`. The host drives it as any other runtime.
    public static func start(_ config: SandboxConfig, prepared: InProcessVM? = nil, endpoint: (any BridgeEndpoint)?,
                             events: @escaping @Sendable (RuntimeEvent) -> Void) throws -> any AppRuntime {
        try Sandbox(config: config, prepared: prepared?.vm, endpoint: endpoint, events: events)
    }
}

/// A VM made ahead of time for one in-process app: the runtime and the host's API stubs in place.
public struct InProcessVM: Sendable {
    let vm: PreparedVM

    /// Makes one now, with the stubs of `apis`.
    public static func make(apis: [APIDescriptor] = []) throws -> InProcessVM {
        InProcessVM(vm: try PreparedVM.make(apis: apis))
    }
}

/// VMs prepared in the background for in-process launches; with `recycle`, in the context
/// groups of stopped apps; with `views`, each with its view context (apps with templates).
public final class InProcessVMPool: Sendable {
    private let pool: VMPool

    public init(size: Int, apis: [APIDescriptor] = [], recycle: Bool = false, views: Bool = true) {
        pool = VMPool(size: size, apis: apis, recycle: recycle, views: views)
    }

    public var size: Int { pool.size }
    /// A prepared VM if one is ready (the pool refills in the background).
    public func take() -> InProcessVM? { pool.take().map(InProcessVM.init(vm:)) }
    /// A prepared VM, made now if none is ready.
    public func takeOrMake() -> InProcessVM? { pool.takeOrMake().map(InProcessVM.init(vm:)) }
    public var readyCount: Int { pool.readyCount }
    /// How many VMs were made in the context group of a stopped app.
    public var recycled: Int { pool.recycled }
    /// Blocks until the pool is full or `timeout` passes; false on timeout.
    @discardableResult public func waitUntilFull(timeout: Double = 30) -> Bool { pool.waitUntilFull(timeout: timeout) }
}
