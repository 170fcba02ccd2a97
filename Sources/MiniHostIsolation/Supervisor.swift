import Dispatch
import Foundation

/// Watches every worker of the host from one timer: resident memory every 20 ms, and a ping
/// (250 ms after the last answer) that must be answered within the worker's responsiveness limit.
final class Supervisor: @unchecked Sendable {
    static let shared = Supervisor()

    private let lock = NSLock()
    private var workers: [ObjectIdentifier: WorkerRuntime] = [:]
    private let queue = DispatchQueue(label: "minihost.supervisor")
    private var timer: DispatchSourceTimer?

    func watch(_ worker: WorkerRuntime) {
        lock.withLock {
            workers[ObjectIdentifier(worker)] = worker
            if timer == nil {
                let t = DispatchSource.makeTimerSource(queue: queue)
                t.schedule(deadline: .now() + .milliseconds(20), repeating: .milliseconds(20))
                t.setEventHandler { [weak self] in self?.tick() }
                t.resume()
                timer = t
            }
        }
    }

    func unwatch(_ worker: WorkerRuntime) {
        lock.withLock {
            _ = workers.removeValue(forKey: ObjectIdentifier(worker))
            // No workers left: stop ticking (the next watch starts the timer again).
            if workers.isEmpty, let t = timer {
                t.cancel()
                timer = nil
            }
        }
    }

    private func tick() {
        let now = DispatchTime.now()
        for w in lock.withLock({ Array(workers.values) }) { w.check(now: now) }
    }
}
