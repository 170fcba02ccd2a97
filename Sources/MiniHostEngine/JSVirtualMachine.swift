import CJavaScriptCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One JavaScript virtual machine: a JSC context group with its own heap and its own watchdog.
///
/// A VM and everything in it must be used from one thread at a time (JavaScriptCore locks the
/// VM per call; MiniHost's event loop guarantees one task of an app at a time).
public final class JSVirtualMachine: @unchecked Sendable {
    let group: JSContextGroupRef
    private var watchdog: Watchdog?
    /// True if the watchdog ever terminated a call in this VM (`resetTermination()` does not
    /// clear it). A terminated call may leave jobs in the VM's microtask queue, so such a VM is
    /// never given to another app.
    public fileprivate(set) var wasEverTerminated = false
    /// How many apps ran in this VM before the current one (a recycling `VMPool` counts them).
    public var earlierApps = 0

    public init() {
        Self.startEngine()
        group = JSContextGroupCreate()
    }

    /// Whether the process made a VM: the engine seals its options then.
    private static let engineStarted = Mutex<Bool>(false)

    /// Sets the engine's options before the process's first VM, once. With several VMs running
    /// JIT-compiled loops at once, signal-based traps sometimes never stopped a runaway loop here
    /// (seen in the runtime test suite: three VMs spinning past their limit for minutes); polling
    /// traps check at every loop back-edge, so the watchdog always lands.
    ///
    /// The options are set in the engine's memory (its GLib API, `jsc_options_*`), not through
    /// `JSC_*` environment variables: `setenv` while another thread reads the environment can
    /// crash that thread (a test runner's thread reading `MINIHOST_WORKER` did), and a process
    /// cannot know that no thread does.
    private static func startEngine() {
        engineStarted.withLock { started in
            guard !started else { return }
            jsc_options_set_boolean("usePollingTraps", 1)
            started = true
        }
    }

    /// The engine's value of a boolean option (`usePollingTraps`), nil for an unknown name.
    public static func engineOption(_ name: String) -> Bool? {
        var value: Int32 = 0
        return jsc_options_get_boolean(name, &value) != 0 ? value != 0 : nil
    }

    /// The engine's value of an integer option (`thresholdForOptimizeSoon`), nil for an unknown name.
    public static func engineIntOption(_ name: String) -> Int? {
        var value: Int32 = 0
        return jsc_options_get_int(name, &value) != 0 ? Int(value) : nil
    }

    /// The thresholds ``tuneForShortLivedApps()`` raises: the optimizing tiers' and the baseline
    /// JIT's.
    public static let shortLivedThresholds = [
        "thresholdForOptimizeAfterWarmUp", "thresholdForOptimizeAfterLongWarmUp", "thresholdForOptimizeSoon",
        "thresholdForJITAfterWarmUp", "thresholdForJITSoon",
    ]

    /// Tunes the engine for a process whose apps each live a few milliseconds (`minihost test`,
    /// where every test launches a fresh app): JavaScriptCore's optimizing tiers (DFG, then FTL)
    /// start twenty times later than by default, and its baseline JIT forty times later (after
    /// 20000 executions of a function or loop iterations, as the tiers). Their compilations, made
    /// for code that soon goes away with its app, were most of what they cost there (measured:
    /// 15–20% more tests a second for the optimizing tiers; for the baseline JIT, about 8% more
    /// in six alternating `minihost-bench devtest` runs each); code that stays hot, such as a
    /// CPU-heavy loop, still gets them, a millisecond or so later. A threshold given in the
    /// environment (`JSC_thresholdForOptimizeSoon`) wins. Returns false, and changes nothing, once
    /// the process's first VM exists (the engine sealed its options then).
    @discardableResult
    public static func tuneForShortLivedApps() -> Bool {
        engineStarted.withLock { started in
            guard !started else { return false }
            for name in shortLivedThresholds where getenv("JSC_" + name) == nil {
                jsc_options_set_int(name, 20000)
            }
            return true
        }
    }

    /// The ``SharedScript``s parsed for this VM (`JSContext.evaluate(_:)`): parsing one checks all
    /// of its text, so a VM whose group is reused by later apps (a recycling ``VMPool``) parses the
    /// runtime once, not once per app.
    let parsedScripts = Mutex<[UInt: ParsedScript]>([:])

    deinit {
        for script in parsedScripts.withLock({ $0.values }) { JSScriptRelease(script.ref) }
        if watchdog != nil { JSContextGroupClearExecutionTimeLimit(group) }
        JSContextGroupRelease(group)
    }

    /// Arms the CPU watchdog: any outermost call into JavaScript that runs longer than `seconds`
    /// of CPU time is terminated. The callback is re-armed on every firing, so it keeps working
    /// for every later call. `shouldTerminate` (if given) decides; by default it terminates.
    public func setExecutionTimeLimit(seconds: Double, shouldTerminate: (@Sendable () -> Bool)? = nil) {
        let dog = Watchdog(vm: self, limit: seconds, decide: shouldTerminate)
        watchdog = dog
        dog.arm(group)
    }

    public func clearExecutionTimeLimit() {
        watchdog = nil
        JSContextGroupClearExecutionTimeLimit(group)
    }

    /// True if the watchdog fired since the last call to `resetTermination()`.
    public var wasTerminated: Bool { watchdog?.fired ?? false }
    public func resetTermination() { watchdog?.fired = false }
}

/// A script parsed for one VM (`JSScriptRef`), kept by that VM.
struct ParsedScript: @unchecked Sendable {
    let ref: JSScriptRef
}

/// The watchdog state passed to JavaScriptCore's C callback.
final class Watchdog: @unchecked Sendable {
    let limit: Double
    let decide: (@Sendable () -> Bool)?
    var fired = false
    /// The VM whose watchdog this is (it owns this object).
    weak var vm: JSVirtualMachine?

    init(vm: JSVirtualMachine, limit: Double, decide: (@Sendable () -> Bool)?) {
        self.vm = vm
        self.limit = limit
        self.decide = decide
    }

    func arm(_ group: JSContextGroupRef) {
        JSContextGroupSetExecutionTimeLimit(group, limit, watchdogCallback, Unmanaged.passUnretained(self).toOpaque())
    }
}

private func watchdogCallback(_ ctx: JSContextRef?, _ info: UnsafeMutableRawPointer?) -> Bool {
    guard let ctx, let info else { return true }
    let dog = Unmanaged<Watchdog>.fromOpaque(info).takeUnretainedValue()
    // A callback that returns false is never called again, and one that returns true may not be
    // either: re-arm every time so the next runaway task is stopped too.
    dog.arm(JSContextGetGroup(ctx))
    let terminate = dog.decide?() ?? true
    if terminate {
        dog.fired = true
        dog.vm?.wasEverTerminated = true
    }
    return terminate
}
