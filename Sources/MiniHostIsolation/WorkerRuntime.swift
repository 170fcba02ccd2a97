import Dispatch
import Foundation
import MiniHostCore
import MiniHostProtocol

/// One app in a worker process, as the host drives it. Frames from the worker are read on a
/// thread of their own; bridge calls go to the app's ``AppBridge`` on the host side; a worker that
/// dies, overruns its memory, stops answering or breaks the protocol is killed and reported once
/// through `exited`.
public final class WorkerRuntime: AppRuntime, @unchecked Sendable {
    public let appId: String
    public let process: WorkerProcess
    let limits: WorkerLimits
    private let bridge: AppBridge?
    private let emit: @Sendable (RuntimeEvent) -> Void
    private let exited: @Sendable (_ status: String, _ reason: String) -> Void

    private let lock = NSLock()
    private var launchDone: (@Sendable (Bool) -> Void)?
    private var waiters: [Int: @Sendable () -> Void] = [:]
    private var nextToken = 1
    private var stopDone: [@Sendable () -> Void] = []
    private var stopping = false
    private var dead = false
    private var killReason: (status: String, reason: String)?
    private var fatalReason: String?
    private var pingSentAt: DispatchTime?
    private var pingSeq = 0
    /// The worker's CPU time when the outstanding ping was sent.
    private var pingCpu = 0.0
    /// When the next ping is due: an answered worker is asked again after ``pingInterval``, so
    /// idle workers are not woken at every supervisor tick.
    private var nextPingAt = DispatchTime(uptimeNanoseconds: 0)
    static let pingInterval: DispatchTimeInterval = .milliseconds(250)
    /// Share of the wait a worker must have spent on the CPU to count as stuck rather than starved.
    static let busyShare = 0.25
    /// How much longer than the limit a starved worker is given.
    static let starvedFactor = 5.0
    /// How long the reader polls for the next frame after answering a call before it sleeps.
    static let spinAfterCallNs: UInt64 = 100_000

    /// Starts `config` in `process` (already prepared with the host's APIs when it comes from a
    /// ``WorkerPool``). `exited` is called once if the worker ends on its own or is killed.
    init(config: SandboxConfig, process: WorkerProcess, prepared: Bool, apis: [APIDescriptor], bridge: AppBridge?,
         limits: WorkerLimits, seccomp: Bool = true,
         events: @escaping @Sendable (RuntimeEvent) -> Void,
         exited: @escaping @Sendable (_ status: String, _ reason: String) -> Void) {
        self.appId = config.appId
        self.process = process
        self.limits = limits
        self.bridge = bridge
        self.emit = events
        self.exited = exited
        if !prepared { process.socket.send(.control(.prepare(apis: apis))) }
        // APIs the host answers at once: the worker asks them synchronously (one round trip).
        let atOnce = apis.filter { $0.kind != .event && bridge?.answersAtOnce($0.name) == true }.map(\.name)
        process.socket.send(.control(.start(.init(config: config, memoryKb: limits.memoryKb, seccomp: seccomp, answeredAtOnce: atOnce))))
        bridge?.connect(WorkerEventChannel(socket: process.socket))
        process.socket.onStall = { [weak self] in
            self?.kill(status: "killed", reason: "unresponsive: the worker stopped reading its socket")
        }
        let thread = Thread { [self] in readLoop() }
        thread.name = "minihost.worker.\(config.appId)"
        thread.stackSize = FrameCodec.readerStackBytes
        thread.start()
        Supervisor.shared.watch(self)
    }

    // MARK: AppRuntime

    public func launch(_ options: LaunchOptions, done: (@Sendable (Bool) -> Void)?) {
        let isDead = lock.withLock { () -> Bool in
            launchDone = done
            return dead
        }
        if isDead { done?(false); return }
        process.socket.send(.control(.launch(options)))
    }

    public func perform(_ command: HostCommand) {
        process.socket.send(.control(.command(command)))
    }

    public func whenIdle(_ body: @escaping @Sendable () -> Void) -> Int? { wait(drained: false, body) }
    public func whenDrained(_ body: @escaping @Sendable () -> Void) -> Int? { wait(drained: true, body) }

    public func cancelWait(_ token: Int) { lock.withLock { _ = waiters.removeValue(forKey: token) } }

    /// Asks the worker to stop the app and exit; kills it if it has not within a second.
    public func stop(done: (@Sendable () -> Void)?) {
        let already = lock.withLock { () -> Bool in
            if let done { stopDone.append(done) }
            if dead { return true }
            stopping = true
            return false
        }
        if already { finishStop(); return }
        process.socket.send(.control(.stop))
        // Weak: a runtime that has gone had seen its worker end (its reader holds it until then),
        // and holding it here kept the app's bridge and services a second longer.
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { [weak self] in
            guard let self else { return }
            if !lock.withLock({ dead }) { process.kill() }
        }
    }

    /// For the hostile corpus: makes a worker started with faults allowed misbehave.
    public func injectFault(_ fault: WorkerFault) {
        process.socket.send(.control(.fault(fault)))
    }

    public var isDead: Bool { lock.withLock { dead } }

    /// For tests of the seal (faults allowed): the worker tries to open a file, make sockets and
    /// execute a program, and reports each outcome ("allowed" or the error).
    public func probe(timeout: Double = 5) -> [String: String]? {
        let sem = DispatchSemaphore(value: 0)
        let box = ProbeBox()
        lock.withLock { probeReply = { box.value = $0; sem.signal() } }
        injectFault(.probe)
        guard sem.wait(timeout: .now() + timeout) == .success else { return nil }
        return box.value
    }

    private var probeReply: (@Sendable ([String: String]) -> Void)?

    private func wait(drained: Bool, _ body: @escaping @Sendable () -> Void) -> Int? {
        let token: Int? = lock.withLock {
            if dead { return nil }
            let t = nextToken
            nextToken += 1
            waiters[t] = body
            return t
        }
        guard let token else { body(); return nil }
        process.socket.send(.control(.wait(id: token, drained: drained)))
        return token
    }

    // MARK: Supervision

    /// Kills the worker; the first reason given is the one reported.
    func kill(status: String, reason: String) {
        lock.withLock { if killReason == nil && !dead { killReason = (status, reason) } }
        process.kill()
    }

    /// One supervisor tick: memory from outside, and the ping that proves the app's thread answers.
    func check(now: DispatchTime) {
        if let rss = process.rssKb, rss > limits.memoryKb {
            kill(status: "killed", reason: "memory limit \(limits.memoryKb / 1024) MB exceeded (resident \(rss / 1024) MB)")
            return
        }
        enum Step { case idle, ping, overdue(waitedMs: Double, cpuAtPing: Double) }
        let step: Step = lock.withLock {
            if dead || stopping { return .idle }
            if let sent = pingSentAt {
                let waitedMs = Double(now.uptimeNanoseconds - sent.uptimeNanoseconds) / 1e6
                return waitedMs > Double(limits.responsivenessMs) ? .overdue(waitedMs: waitedMs, cpuAtPing: pingCpu) : .idle
            }
            return now >= nextPingAt ? .ping : .idle
        }
        switch step {
        case .idle:
            return
        case let .overdue(waitedMs, cpuAtPing):
            // A worker that spent the wait on the CPU is stuck in its own work (a promise storm):
            // kill it now. One that hardly ran was starved by others (a burst of launches on a
            // busy machine): give it up to 5× the limit.
            let cpuMs = ((process.cpuSeconds ?? cpuAtPing) - cpuAtPing) * 1000
            if cpuMs >= waitedMs * Self.busyShare || waitedMs > Double(limits.responsivenessMs) * Self.starvedFactor {
                kill(status: "killed", reason: "unresponsive: the app did not answer within \(limits.responsivenessMs) ms (a task or a promise chain that never ends)")
            }
        case .ping:
            let cpu = process.cpuSeconds ?? 0
            let seq: Int = lock.withLock {
                pingSeq += 1
                pingSentAt = now
                pingCpu = cpu
                return pingSeq
            }
            // Never waits. Another write under way: send the ping at the next tick instead. A
            // full buffer (the worker stopped reading) counts as sent: it will be overdue.
            if process.socket.trySend(.control(.ping(seq: seq))) == .busy {
                lock.withLock { if pingSeq == seq { pingSentAt = nil } }
            }
        }
    }

    // MARK: Frames from the worker

    private func readLoop() {
        var protocolError: String?
        // After answering a call the reader polls for a little while before it sleeps: an app
        // in a loop of calls sends the next one within microseconds, and a reader that slept
        // would add a wake-up to every round trip. Other frames (pongs, events) do not spin, so
        // an idle or quiet worker costs its reader nothing.
        var spinUntil: UInt64 = 0
        loop: while true {
            let frames: [Frame]
            do {
                frames = try process.socket.receive(spinUntil: spinUntil)
            } catch {
                if error.description != "end of stream" { protocolError = error.description }
                break
            }
            spinUntil = 0
            for frame in frames {
                if let problem = handle(frame) {
                    protocolError = problem
                    break loop
                }
                if case .call = frame { spinUntil = DispatchTime.now().uptimeNanoseconds + Self.spinAfterCallNs }
            }
        }
        if let protocolError {
            kill(status: "killed", reason: "protocol violation: \(protocolError)")
        } else if !lock.withLock({ stopping }) {
            // The worker closed its end on its own: give it a moment to exit, then make sure.
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { [self] in if !lock.withLock({ dead }) { process.kill() } }
        }
        let status = process.reap()
        Supervisor.shared.unwatch(self)
        bridge?.disconnect()  // pending calls of the app are dropped
        let (wasStopping, killed, fatal, launch, pending) = lock.withLock {
            dead = true
            defer { launchDone = nil; waiters = [:] }
            return (stopping, killReason, fatalReason, launchDone, Array(waiters.values))
        }
        if !wasStopping || killed != nil {
            let report: (String, String)
            if let killed {
                report = killed
            } else if let fatal {
                report = ("killed", fatal)
            } else if status & 0x7F == 0 && (status >> 8) & 0xFF == 0 {
                report = ("crashed", "the worker exited unexpectedly")
            } else {
                report = ("crashed", "the worker died: \(WorkerProcess.describe(status))")
            }
            exited(report.0, report.1)
        }
        launch?(false)
        for w in pending { w() }
        finishStop()
    }

    private func finishStop() {
        let done = lock.withLock { () -> [@Sendable () -> Void] in
            defer { stopDone = [] }
            return stopDone
        }
        for d in done { d() }
    }

    /// Handles one frame; returns a reason when the worker broke the protocol.
    private func handle(_ frame: Frame) -> String? {
        switch frame {
        case let .runtime(event):
            if case .exit = event { return "a worker may not report an exit" }
            emit(event)
        case let .call(call):
            guard let bridge else {
                process.socket.send(.reply(BridgeReply(id: call.id, result: .failure(BridgeError(.serviceUnavailable, "no host service for \(call.api)")))))
                return nil
            }
            let socket = process.socket
            if let reply = bridge.callIfAtOnce(call) {
                socket.send(.reply(reply))
            } else {
                bridge.callAsync(call) { reply in socket.send(.reply(reply)) }
            }
        case let .control(message):
            return control(message)
        case .reply, .event:
            return "a worker may not send replies or events"
        }
        return nil
    }

    /// Handles one control message from the worker; returns a reason when the worker may not send it.
    private func control(_ message: ControlMessage) -> String? {
        switch message {
        case .prepared, .started, .stopped:
            break
        case let .launched(ok):
            let done = lock.withLock { () -> (@Sendable (Bool) -> Void)? in
                defer { launchDone = nil }
                return launchDone
            }
            done?(ok)
        case let .waited(id):
            let w = lock.withLock { waiters.removeValue(forKey: id) }
            w?()
        case let .pong(seq):
            lock.withLock {
                if seq == pingSeq {
                    pingSentAt = nil
                    nextPingAt = .now() + Self.pingInterval
                }
            }
        case let .probed(outcomes):
            let reply = lock.withLock { probeReply }
            reply?(outcomes)
        case let .fatal(reason):
            lock.withLock { fatalReason = PromptText.sanitize(reason ?? "the worker gave up", maxLength: 300) }
        case .prepare, .start, .launch, .command, .wait, .ping, .hold, .release, .stop, .fault:
            return "a worker may not send \"\(message.op)\""
        }
        return nil
    }
}

private final class ProbeBox: @unchecked Sendable { var value: [String: String]? }

/// Host events and holds, sent to the worker as frames.
private struct WorkerEventChannel: AppEventChannel {
    let socket: FrameSocket
    func send(_ event: BridgeEvent) { socket.send(.event(event)) }
    func hold() { socket.send(.control(.hold)) }
    func release() { socket.send(.control(.release)) }
}
