import Dispatch
import Foundation
import MiniHostCore
import MiniHostInProcess
import MiniHostProtocol

/// The host side of running apps: turns a validated package into a sandbox — on a thread of the
/// host, or in a supervised worker process — launches it and routes what it reports to
/// `events`. One host runs any number of apps.
public final class AppHost: @unchecked Sendable {
    private let events: @Sendable (_ appId: String, RuntimeEvent) -> Void
    private let lock = NSLock()
    private var apps: [String: RunningApp] = [:]
    /// The host side of the bridge (nil: apps get the runtime's own APIs only).
    public let services: HostServices?
    public let registry: HostAPIRegistry?
    /// How apps started by ``start(_:options:prepared:conversation:)`` are isolated.
    public let isolation: Isolation
    /// Tests only: workers accept fault injection (``WorkerRuntime/injectFault(_:)``).
    public var allowWorkerFaults = false
    /// Workers started ahead of time (process isolation); nil: each launch spawns one.
    public var workerPool: WorkerPool?

    public init(services: HostServices? = nil, isolation: Isolation = .inProcess, events: @escaping @Sendable (_ appId: String, RuntimeEvent) -> Void) {
        self.services = services
        self.registry = services.map { HostAPIRegistry.standard(services: $0) }
        self.isolation = isolation
        self.events = events
    }

    /// The API stubs a prepared VM for this host needs (for an ``InProcessVMPool``).
    public var apiDescriptors: [APIDescriptor] { registry?.descriptors ?? [] }

    /// The sandbox configuration for a package (its code, pages and CPU limit).
    public static func sandboxConfig(for package: AppPackage) -> SandboxConfig {
        SandboxConfig(
            appId: package.manifest.appId,
            appName: package.manifest.name,
            files: package.files,
            pages: package.manifest.pages,
            cpuLimitMs: package.manifest.limits.cpuMs,
            resolveAlias: (package.weChatApp?["resolveAlias"]?.objectValue ?? [:]).compactMapValues(\.stringValue),
            tabBarPages: package.tabBarPages,
            independentRoots: package.weChatIndependentRoots,
            appVersion: package.manifest.version?.name ?? ""
        )
    }

    /// Creates the app's sandbox and queues its launch. `prepared` is a VM made ahead of time
    /// (in-process only). `conversation` is the conversation the app is launched from (what
    /// `chat.read` lets it see).
    /// `interceptor` (a test driver's mocks and call record) sees every bridge call of the app.
    public func start(_ package: AppPackage, options: LaunchOptions = LaunchOptions(), prepared: InProcessVM? = nil, conversation: String? = nil, interceptor: BridgeInterceptor? = nil) throws -> RunningApp {
        let appId = package.manifest.appId
        let positions = SourcePositions(appId: appId, maps: package.sourceMaps)
        let events = self.events
        let sink: @Sendable (String, RuntimeEvent) -> Void
        if positions.isEmpty {
            sink = events
        } else {
            sink = { id, event in events(id, positions.remap(event)) }
        }
        var endpoint: AppBridge?
        if let services, let registry {
            endpoint = AppBridge(app: AppIdentity(manifest: package.manifest, tabBarPages: package.tabBarPages), registry: registry, services: services,
                                 launchConversation: conversation, interceptor: interceptor, reporter: { sink(appId, $0) })
        }
        var config = Self.sandboxConfig(for: package)
        config.callsIntercepted = interceptor != nil
        let app: RunningApp
        switch isolation {
        case .inProcess:
            let sandbox = try InProcess.start(config, prepared: prepared, endpoint: endpoint) { sink(appId, $0) }
            app = RunningApp(appId: appId, package: package, runtime: sandbox)
        case .process:
            let (process, isPrepared) = try workerPool?.take() ?? (WorkerProcess.spawn(allowFaults: allowWorkerFaults), false)
            let box = RunningAppBox()
            let runtime = WorkerRuntime(
                config: config, process: process, prepared: isPrepared, apis: apiDescriptors, bridge: endpoint,
                limits: WorkerLimits.from(package.manifest.limits),
                events: { sink(appId, $0) },
                exited: { [weak self] status, reason in
                    guard let self, let app = box.app else { return }
                    self.ended(app, status: status, reason: reason)
                })
            app = RunningApp(appId: appId, package: package, runtime: runtime)
            box.app = app
        }
        lock.withLock { apps[appId] = app }
        app.runtime.launch(options) { ok in app.launched(ok) }
        return app
    }

    public func app(_ id: String) -> RunningApp? { lock.withLock { apps[id] } }
    public var runningApps: [RunningApp] { lock.withLock { Array(apps.values) } }

    /// How long ``stop(_:status:reason:within:)`` waits for an app to confirm it stopped.
    public static let stopGrace: Double = 2

    /// Stops an app and reports its exit (once: an app that already ended is not reported again).
    /// An app that does not stop within `within` seconds (an in-process app stuck in an endless
    /// microtask chain never yields its thread) is reported as ended all the same and abandoned.
    public func stop(_ app: RunningApp, status: String = "ok", reason: String? = nil, within grace: Double = AppHost.stopGrace) {
        lock.withLock { if apps[app.appId] === app { apps.removeValue(forKey: app.appId) } }
        let sem = DispatchSemaphore(value: 0)
        app.runtime.stop { sem.signal() }
        var reason = reason
        if sem.wait(timeout: .now() + grace) == .timedOut {
            let abandoned = "the app did not stop within \(grace == grace.rounded() ? String(Int(grace)) : String(grace)) s and was abandoned"
            reason = reason.map { "\($0); \(abandoned)" } ?? abandoned
        }
        if app.markEnded(status: status, reason: reason) {
            events(app.appId, .exit(status: status, reason: reason))
        }
    }

    /// Stops every running app and reports each one's exit with `status` (`interrupted` when the
    /// user interrupts a run), all of them within `timeout` seconds: an app still stopping then
    /// (an in-process app stuck in a microtask loop never yields) is reported as ended all the same.
    public func stopAll(status: String, reason: String?, timeout: Double) {
        let apps = runningApps
        let group = DispatchGroup()
        for app in apps {
            DispatchQueue.global().async(group: group) { self.stop(app, status: status, reason: reason, within: timeout + 1) }
        }
        _ = group.wait(timeout: .now() + timeout)
        for app in apps where app.markEnded(status: status, reason: reason) {
            events(app.appId, .exit(status: status, reason: reason))
        }
    }

    /// Starts a fresh instance of an app that ended (crashed, killed or stopped), with the same
    /// package and launch options.
    public func restart(_ app: RunningApp, options: LaunchOptions = LaunchOptions(), conversation: String? = nil) throws -> RunningApp {
        if app.exit == nil { stop(app) }
        return try start(app.package, options: options, conversation: conversation)
    }

    /// A worker ended on its own or was killed: report it; the host and other apps go on.
    private func ended(_ app: RunningApp, status: String, reason: String) {
        lock.withLock { if apps[app.appId] === app { apps.removeValue(forKey: app.appId) } }
        if app.markEnded(status: status, reason: reason) {
            events(app.appId, .error(kind: status == "killed" ? "killed" : "crash", message: reason, stack: nil))
            events(app.appId, .exit(status: status, reason: reason))
        }
    }
}

private final class RunningAppBox: @unchecked Sendable { weak var app: RunningApp? }

/// One app the host is running.
public final class RunningApp: @unchecked Sendable {
    public let appId: String
    public let package: AppPackage
    public let runtime: any AppRuntime
    private let lock = NSLock()
    private var launchResult: Bool?
    private var launchedTime: DispatchTime?
    private var ended: (status: String, reason: String?)?
    private let launchedSignal = DispatchSemaphore(value: 0)

    init(appId: String, package: AppPackage, runtime: any AppRuntime) {
        self.appId = appId
        self.package = package
        self.runtime = runtime
    }

    /// The worker (nil in-process).
    public var worker: WorkerRuntime? { runtime as? WorkerRuntime }

    fileprivate func launched(_ ok: Bool) {
        let at = DispatchTime.now()
        lock.withLock { launchResult = ok; launchedTime = at }
        launchedSignal.signal()
    }

    /// When the launch finished (the entry page's `onReady` returned, or the launch failed), as
    /// the app's runtime reported it: the moment itself, not when a waiting thread woke up.
    public var launchedAt: DispatchTime? { lock.withLock { launchedTime } }

    /// How the app ended, once it has: `ok`, `timeout`, `crashed`, `killed`, `error`.
    public var exit: (status: String, reason: String?)? { lock.withLock { ended } }

    /// Records the end; false if it had already ended.
    fileprivate func markEnded(status: String, reason: String?) -> Bool {
        lock.withLock {
            if ended != nil { return false }
            ended = (status, reason)
            return true
        }
    }

    /// Waits for the launch to finish; true once the entry page is ready, false if it failed.
    public func waitForLaunch(timeout: Double? = nil) -> Bool? {
        if let r = lock.withLock({ launchResult }) { return r }
        let deadline: DispatchTime = timeout.map { .now() + $0 } ?? .distantFuture
        guard launchedSignal.wait(timeout: deadline) == .success else { return nil }
        launchedSignal.signal()
        return lock.withLock { launchResult }
    }

    /// True if the launch failed (app.js or the entry page threw, or the worker died).
    public var launchFailed: Bool { lock.withLock { launchResult == false } }

    public func perform(_ command: HostCommand) { runtime.perform(command) }

    /// Blocks until the app is idle (no tasks, no timers) or has ended; false on timeout.
    @discardableResult
    public func waitUntilIdle(timeout: Double? = nil) -> Bool {
        let sem = DispatchSemaphore(value: 0)
        let token = runtime.whenIdle { sem.signal() }
        return finish(sem, token, timeout)
    }

    /// Blocks until no task is queued (timers may still be pending); false on timeout.
    @discardableResult
    public func waitUntilDrained(timeout: Double? = nil) -> Bool {
        let sem = DispatchSemaphore(value: 0)
        let token = runtime.whenDrained { sem.signal() }
        return finish(sem, token, timeout)
    }

    /// Waits; on a timeout the waiter is withdrawn so it does not pile up.
    private func finish(_ sem: DispatchSemaphore, _ token: Int?, _ timeout: Double?) -> Bool {
        if sem.wait(timeout: timeout.map { .now() + $0 } ?? .distantFuture) == .success { return true }
        if let token { runtime.cancelWait(token) }
        return false
    }
}
