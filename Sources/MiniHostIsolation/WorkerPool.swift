import Dispatch
import Foundation
import MiniHostProtocol

/// Worker processes started ahead of time, in the background, each already holding a prepared
/// VM with the host's API stubs: a launch then costs little more than evaluating the app's code.
public final class WorkerPool: @unchecked Sendable {
    public let size: Int
    private let apis: [APIDescriptor]
    private let allowFaults: Bool
    private let lock = NSLock()
    private var ready: [WorkerProcess] = []
    private var filling = 0
    /// How long a refill waits after a launch took a worker, by default: starting a worker takes
    /// tens of milliseconds of CPU, which on two cores would slow the launch it follows.
    public static let refillDelayMs = 150
    private let refillDelay: Int
    /// Refills run a little after a launch took a worker, so they do not compete with it.
    private let queue = DispatchQueue(label: "minihost.workerpool", qos: .utility, attributes: .concurrent)

    /// `refillDelayMs`: how long after a take the pool starts a worker to replace it (0 for a
    /// test run, where the next launch waits on the worker rather than competing with it).
    public init(size: Int, apis: [APIDescriptor], allowFaults: Bool = false, refillDelayMs: Int = WorkerPool.refillDelayMs) {
        self.size = size
        self.apis = apis
        self.allowFaults = allowFaults
        refillDelay = max(0, refillDelayMs)
        refill()
    }

    /// A prepared worker, if one is ready (the pool refills in the background).
    public func take() -> (WorkerProcess, Bool)? {
        let w = lock.withLock { () -> WorkerProcess? in
            guard !ready.isEmpty else { return nil }
            handedOutCount += 1
            return ready.removeFirst()
        }
        refill()
        return w.map { ($0, true) }
    }

    /// How many workers ``take()`` handed out.
    public var handedOut: Int { lock.withLock { handedOutCount } }
    private var handedOutCount = 0
    private var closed = false
    /// How many workers are being started now.
    var starting: Int { lock.withLock { filling } }

    /// Blocks until `count` workers are ready (benchmarks), or `timeout` passes.
    public func waitUntilReady(_ count: Int? = nil, timeout: Double = 10) {
        let want = min(count ?? size, size)
        let deadline = Date().addingTimeInterval(timeout)
        while lock.withLock({ ready.count }) < want && Date() < deadline { usleep(1000) }
    }

    private func refill() {
        let n: Int = lock.withLock {
            guard !closed else { return 0 }
            let missing = size - ready.count - filling
            filling += max(0, missing)
            return max(0, missing)
        }
        for _ in 0..<n {
            queue.asyncAfter(deadline: .now() + .milliseconds(refillDelay)) { [self] in
                let drained = lock.withLock {
                    if closed { filling -= 1 }
                    return closed
                }
                if drained { return }
                let worker = try? WorkerProcess.spawn(allowFaults: allowFaults)
                if let worker {
                    worker.socket.send(.control(.prepare(apis: apis)))
                }
                let late: WorkerProcess? = lock.withLock {
                    filling -= 1
                    guard let worker else { return nil }
                    if closed { return worker }
                    ready.append(worker)
                    return nil
                }
                if let late {  // started while the pool was drained: ended at once
                    late.kill()
                    _ = late.reap()
                }
            }
        }
    }

    /// Ends the workers that were never used, and those still starting as they come; the pool
    /// starts no more.
    public func drain() {
        let idle = lock.withLock { () -> [WorkerProcess] in
            closed = true
            defer { ready = [] }
            return ready
        }
        for w in idle {
            w.kill()
            _ = w.reap()
        }
    }
}
