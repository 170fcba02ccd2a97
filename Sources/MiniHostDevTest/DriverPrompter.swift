import Dispatch
import Foundation
import MiniHostCore
import MiniHostProtocol

/// The prompter of one test's world: every permission, payment, chat-message or settings prompt
/// and every picker that the policy (the launch's `grant`/`deny`, the world's `policy`) leaves
/// open is queued for `app.nextPrompt()`. The bridge thread that asked waits; the driver never
/// does. When the test ends, whatever is still unanswered is denied (pickers cancelled), and so is
/// anything asked later.
final class DriverPrompter: Prompter, @unchecked Sendable {
    /// One open question.
    final class Pending: @unchecked Sendable {
        let id: Int
        let json: String
        let done = DispatchSemaphore(value: 0)
        var answer: PromptAnswer = .deny
        var pick: Int?
        /// The text a confirmed editable modal returns.
        var content: String?
        init(id: Int, json: String) { self.id = id; self.json = json }
    }

    private let lock = NSLock()
    private var nextId = 1
    private var unclaimed: [Pending] = []
    private var open: [Int: Pending] = [:]
    private var waiters: [(id: Int, body: (Pending) -> Void)] = []
    private var nextWaiter = 1
    private var closed = false
    /// How long a bridge thread waits for an answer at most (the test's own timeout ends it first).
    let maxWait: Double

    init(maxWait: Double) { self.maxWait = maxWait }

    func ask(_ request: PromptRequest) -> PromptAnswer {
        guard let p = enqueue(request.json) else { return .deny }
        _ = p.done.wait(timeout: .now() + maxWait)
        return lock.withLock { open.removeValue(forKey: p.id); return p.answer }
    }

    func modal(_ request: ModalRequest) -> ModalAnswer {
        guard let p = enqueue(request.json) else { return .cancel }
        _ = p.done.wait(timeout: .now() + maxWait)
        return lock.withLock {
            open.removeValue(forKey: p.id)
            return p.answer == .deny ? .cancel : .confirm(content: request.editable ? (p.content ?? request.content) : nil)
        }
    }

    func choose(_ request: ChoiceRequest) -> Int? {
        guard let p = enqueue(request.json) else { return nil }
        _ = p.done.wait(timeout: .now() + maxWait)
        return lock.withLock { open.removeValue(forKey: p.id); return p.answer == .deny ? nil : p.pick }
    }

    /// Queues a prompt (nil when the test has ended: the answer is deny).
    private func enqueue(_ json: String) -> Pending? {
        let (p, waiter): (Pending?, ((Pending) -> Void)?) = lock.withLock {
            if closed { return (nil, nil) }
            let p = Pending(id: nextId, json: json)
            nextId += 1
            open[p.id] = p
            if !waiters.isEmpty { return (p, waiters.removeFirst().body) }
            unclaimed.append(p)
            return (p, nil)
        }
        if let p, let waiter { waiter(p) }
        return p
    }

    /// Hands the next prompt to `body` (now, or when one is asked). Returns a cancel function.
    func next(_ body: @escaping (Pending) -> Void) -> @Sendable () -> Void {
        let (ready, wid): (Pending?, Int) = lock.withLock {
            if !unclaimed.isEmpty { return (unclaimed.removeFirst(), 0) }
            let wid = nextWaiter
            nextWaiter += 1
            waiters.append((wid, body))
            return (nil, wid)
        }
        if let ready { body(ready); return {} }
        return { [weak self] in
            guard let self else { return }
            self.lock.withLock { self.waiters.removeAll { $0.id == wid } }
        }
    }

    /// Answers an open prompt; false when it is no longer open.
    func answer(_ id: Int, _ answer: PromptAnswer, pick: Int?, content: String? = nil) -> Bool {
        guard let p = lock.withLock({ open[id] }) else { return false }
        p.answer = answer
        p.pick = pick
        p.content = content
        p.done.signal()
        return true
    }

    /// The test ended: deny everything open, and everything asked from now on.
    func close() {
        let all: [Pending] = lock.withLock {
            closed = true
            waiters.removeAll()
            unclaimed.removeAll()
            return Array(open.values)
        }
        for p in all { p.answer = .deny; p.done.signal() }
    }
}

/// The prompter a test world's services hold: the policy of the latest launch (its `grant` and
/// `deny`, over the world's `policy`), with the driver's queue for what the policy leaves open.
final class SwitchingPrompter: Prompter, @unchecked Sendable {
    private let lock = NSLock()
    private var policy: PolicyPrompter

    init(_ policy: PolicyPrompter) { self.policy = policy }

    func set(_ policy: PolicyPrompter) { lock.withLock { self.policy = policy } }
    func ask(_ request: PromptRequest) -> PromptAnswer { lock.withLock { policy }.ask(request) }
    func choose(_ request: ChoiceRequest) -> Int? { lock.withLock { policy }.choose(request) }
    func modal(_ request: ModalRequest) -> ModalAnswer { lock.withLock { policy }.modal(request) }
}
