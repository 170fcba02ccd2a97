import Dispatch
import Foundation

/// The threads that run apps. Each app is a serial queue of tasks targeting one shared pool, so
/// an app runs on one thread at a time and a thousand idle apps cost no threads at all.
public enum EventLoopPool {
    /// The shared pool every app queue targets (Dispatch's global pool, sized to the cores).
    public static let root = DispatchQueue.global(qos: .userInitiated)

    /// A new serial task queue for one app.
    public static func makeAppQueue(label: String) -> DispatchQueue {
        DispatchQueue(label: label, target: root)
    }
}

/// Counts what keeps an app busy (queued tasks and pending timers) and tells waiters when it is idle.
final class Activity: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks = 0
    private var timers = 0
    /// Holds the host placed (more events to come); like timers, they keep the app from idling.
    private var holds = 0
    private var waiters: [Int: @Sendable () -> Void] = [:]
    private var drainWaiters: [Int: @Sendable () -> Void] = [:]
    private var nextWaiter = 1

    func taskQueued() { lock.withLock { tasks += 1 } }
    func timerAdded() { lock.withLock { timers += 1 } }
    func timerRemoved() { settle { timers -= 1 } }
    func taskDone() { settle { tasks -= 1 } }
    func clearTimers() { settle { timers = 0; holds = 0 } }
    func hold() { lock.withLock { holds += 1 } }
    func release() { settle { if holds > 0 { holds -= 1 } } }

    var isIdle: Bool { lock.withLock { tasks == 0 && timers + holds == 0 } }
    var pendingTimers: Int { lock.withLock { timers } }

    /// Calls `waiter` once the app is idle (now, if it already is). Returns a token for
    /// ``cancel(_:)`` (nil when it was called at once).
    @discardableResult
    func whenIdle(_ waiter: @escaping @Sendable () -> Void) -> Int? {
        register(waiter, drained: false)
    }

    /// Calls `waiter` once no task is queued (now, if none is); pending timers do not count.
    @discardableResult
    func whenDrained(_ waiter: @escaping @Sendable () -> Void) -> Int? {
        register(waiter, drained: true)
    }

    /// Forgets a waiter that no longer wants to be called (its wait timed out).
    func cancel(_ token: Int) {
        lock.withLock {
            waiters[token] = nil
            drainWaiters[token] = nil
        }
    }

    private func register(_ waiter: @escaping @Sendable () -> Void, drained: Bool) -> Int? {
        let token: Int? = lock.withLock {
            if tasks == 0 && (drained || timers + holds == 0) { return nil }
            let token = nextWaiter
            nextWaiter += 1
            if drained { drainWaiters[token] = waiter } else { waiters[token] = waiter }
            return token
        }
        if token == nil { waiter() }
        return token
    }

    private func settle(_ change: () -> Void) {
        let ready: [@Sendable () -> Void] = lock.withLock {
            change()
            var ready: [@Sendable () -> Void] = []
            if tasks == 0 {
                ready += drainWaiters.values
                drainWaiters = [:]
            }
            if tasks == 0 && timers + holds == 0 {
                ready += waiters.values
                waiters = [:]
            }
            return ready
        }
        for w in ready { w() }
    }
}
