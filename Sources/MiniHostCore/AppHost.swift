import Dispatch
import Foundation
import MiniHostProtocol
import MiniHostRuntime

/// The host side of running apps: turns a validated package into a sandbox, launches it and
/// routes what it reports to `events`. One host runs any number of apps.
public final class AppHost: @unchecked Sendable {
    private let events: @Sendable (_ appId: String, RuntimeEvent) -> Void
    private let lock = NSLock()
    private var apps: [String: RunningApp] = [:]
    /// The host side of the bridge (nil: apps get the runtime's own APIs only).
    public let services: HostServices?
    public let registry: HostAPIRegistry?

    public init(services: HostServices? = nil, events: @escaping @Sendable (_ appId: String, RuntimeEvent) -> Void) {
        self.services = services
        self.registry = services.map { HostAPIRegistry.standard(services: $0) }
        self.events = events
    }

    /// The API stubs a prepared VM for this host needs (for a ``VMPool``).
    public var apiDescriptors: [APIDescriptor] { registry?.descriptors ?? [] }

    /// The sandbox configuration for a package (its code, pages and CPU limit).
    public static func sandboxConfig(for package: AppPackage) -> SandboxConfig {
        SandboxConfig(
            appId: package.manifest.appId,
            appName: package.manifest.name,
            files: package.files,
            pages: package.manifest.pages,
            cpuLimitMs: package.manifest.limits.cpuMs
        )
    }

    /// Creates the app's sandbox and queues its launch. `prepared` is a VM made ahead of time.
    /// `conversation` is the conversation the app is launched from (what `chat.read` lets it see).
    public func start(_ package: AppPackage, options: LaunchOptions = LaunchOptions(), prepared: PreparedVM? = nil, conversation: String? = nil) throws -> RunningApp {
        let appId = package.manifest.appId
        let sink = events
        var endpoint: AppBridge?
        if let services, let registry {
            endpoint = AppBridge(app: AppIdentity(manifest: package.manifest), registry: registry, services: services, launchConversation: conversation)
        }
        let sandbox = try Sandbox(config: Self.sandboxConfig(for: package), prepared: prepared, endpoint: endpoint) { sink(appId, $0) }
        let app = RunningApp(appId: appId, sandbox: sandbox)
        lock.withLock { apps[appId] = app }
        sandbox.launch(options) { ok in app.launched(ok) }
        return app
    }

    public func app(_ id: String) -> RunningApp? { lock.withLock { apps[id] } }
    public var runningApps: [RunningApp] { lock.withLock { Array(apps.values) } }

    /// Stops an app and reports its exit.
    public func stop(_ app: RunningApp, status: String = "ok", reason: String? = nil) {
        lock.withLock { _ = apps.removeValue(forKey: app.appId) }
        let sem = DispatchSemaphore(value: 0)
        app.sandbox.stop { sem.signal() }
        sem.wait()
        events(app.appId, .exit(status: status, reason: reason))
    }
}

/// One app the host is running.
public final class RunningApp: @unchecked Sendable {
    public let appId: String
    public let sandbox: Sandbox
    private let lock = NSLock()
    private var launchResult: Bool?
    private let launchedSignal = DispatchSemaphore(value: 0)

    init(appId: String, sandbox: Sandbox) {
        self.appId = appId
        self.sandbox = sandbox
    }

    fileprivate func launched(_ ok: Bool) {
        lock.withLock { launchResult = ok }
        launchedSignal.signal()
    }

    /// Waits for the launch to finish; true once the entry page is ready, false if it failed.
    public func waitForLaunch(timeout: Double? = nil) -> Bool? {
        if let r = lock.withLock({ launchResult }) { return r }
        let deadline: DispatchTime = timeout.map { .now() + $0 } ?? .distantFuture
        guard launchedSignal.wait(timeout: deadline) == .success else { return nil }
        launchedSignal.signal()
        return lock.withLock { launchResult }
    }

    /// True if the launch failed (app.js or the entry page threw).
    public var launchFailed: Bool { lock.withLock { launchResult == false } }

    public func perform(_ command: HostCommand) { sandbox.perform(command) }

    /// Blocks until the app is idle (no tasks, no timers); false on timeout.
    @discardableResult
    public func waitUntilIdle(timeout: Double? = nil) -> Bool {
        let sem = DispatchSemaphore(value: 0)
        let token = sandbox.whenIdle { sem.signal() }
        return finish(sem, token, timeout)
    }

    /// Blocks until no task is queued (timers may still be pending); false on timeout.
    @discardableResult
    public func waitUntilDrained(timeout: Double? = nil) -> Bool {
        let sem = DispatchSemaphore(value: 0)
        let token = sandbox.whenDrained { sem.signal() }
        return finish(sem, token, timeout)
    }

    /// Waits; on a timeout the waiter is withdrawn so it does not pile up.
    private func finish(_ sem: DispatchSemaphore, _ token: Int?, _ timeout: Double?) -> Bool {
        if sem.wait(timeout: timeout.map { .now() + $0 } ?? .distantFuture) == .success { return true }
        if let token { sandbox.cancelWait(token) }
        return false
    }
}
