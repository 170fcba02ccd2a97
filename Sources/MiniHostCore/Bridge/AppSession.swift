import Foundation
import MiniHostProtocol

/// The host's state for one running app: who it is, how it was launched, what services keep for
/// it while it runs (location updates, the conversations the user picked for it), and the
/// channel its events go out on. Made by the host when the app starts; dropped when it stops.
public final class AppSession: @unchecked Sendable {
    public let app: AppIdentity
    /// The conversation the app was launched from (`minihost run … --conversation ID`).
    public let launchConversation: String?

    private let lock = NSLock()
    private var channel: (any AppEventChannel)?
    private var stopped = false
    private var holds = 0
    private var components: [ObjectIdentifier: AnyObject] = [:]
    private var stopHandlers: [@Sendable () -> Void] = []

    /// Where the app's reports go (the CLI's output, a test driver): UI calls answered by the host.
    private let reporter: (@Sendable (RuntimeEvent) -> Void)?

    public init(app: AppIdentity, launchConversation: String? = nil, reporter: (@Sendable (RuntimeEvent) -> Void)? = nil) {
        self.app = app
        self.launchConversation = launchConversation
        self.reporter = reporter
    }

    /// Reports an event for the app as its runtime would (dropped once the app has stopped).
    public func report(_ event: RuntimeEvent) {
        guard !hasStopped else { return }
        reporter?(event)
    }

    public var appId: String { app.appId }

    /// True once the app has stopped (or its worker died): calls still queued are dropped.
    public var hasStopped: Bool { lock.withLock { stopped } }

    /// True once the app has started and until it stops.
    public var isRunning: Bool { lock.withLock { channel != nil && !stopped } }

    /// Sends an event (`mp.on<name>` listeners get `payload`); dropped when the app is not running.
    public func send(_ name: String, _ payload: JSONValue) {
        let ch = lock.withLock { stopped ? nil : channel }
        ch?.send(BridgeEvent(name: name, payload: .value(payload)))
    }

    /// Keeps the app from counting as idle (the host has more to deliver) until ``release()``.
    public func hold() {
        let ch: (any AppEventChannel)? = lock.withLock {
            guard !stopped, let channel else { return nil }
            holds += 1
            return channel
        }
        ch?.hold()
    }

    public func release() {
        let ch: (any AppEventChannel)? = lock.withLock {
            guard !stopped, holds > 0, let channel else { return nil }
            holds -= 1
            return channel
        }
        ch?.release()
    }

    /// The state a service keeps for this app, made on first use (one per type).
    public func component<T: AnyObject & Sendable>(_ type: T.Type, make: () -> T) -> T {
        lock.withLock {
            if let c = components[ObjectIdentifier(type)] as? T { return c }
            let c = make()
            components[ObjectIdentifier(type)] = c
            return c
        }
    }

    /// Runs `body` when the app stops (at once if it already has): services stop their timers.
    public func onStop(_ body: @escaping @Sendable () -> Void) {
        let now = lock.withLock { () -> Bool in
            if stopped { return true }
            stopHandlers.append(body)
            return false
        }
        if now { body() }
    }

    func connect(_ channel: any AppEventChannel) {
        lock.withLock { self.channel = channel }
    }

    func disconnect() {
        let handlers: [@Sendable () -> Void] = lock.withLock {
            guard !stopped else { return [] }
            stopped = true
            channel = nil
            holds = 0
            defer { stopHandlers = [] }
            return stopHandlers
        }
        for h in handlers { h() }
    }
}
