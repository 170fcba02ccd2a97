import CWorkerSupport
import Dispatch
import Foundation
import MiniHostProtocol
import MiniHostRuntime

#if canImport(Glibc)
import Glibc
#endif

/// Where an app's sandbox runs (DESIGN.md 8).
public enum Isolation: String, Sendable, CaseIterable {
    /// A worker process per app, supervised: the default for `minihost run`.
    case process
    /// On a thread of the host: fast and dense, for trusted code.
    case inProcess = "in-process"
}

/// What the host drives, whichever way the app is isolated: a ``Sandbox`` in-process, or a
/// ``WorkerRuntime`` across a process boundary.
public protocol AppRuntime: AnyObject, Sendable {
    func launch(_ options: LaunchOptions, done: (@Sendable (Bool) -> Void)?)
    func perform(_ command: HostCommand)
    @discardableResult func whenIdle(_ body: @escaping @Sendable () -> Void) -> Int?
    @discardableResult func whenDrained(_ body: @escaping @Sendable () -> Void) -> Int?
    func cancelWait(_ token: Int)
    func stop(done: (@Sendable () -> Void)?)
}

extension Sandbox: AppRuntime {}

/// The supervisor's limits for one worker.
public struct WorkerLimits: Sendable, Equatable {
    /// Resident memory, in KiB, checked from inside and outside the worker.
    public var memoryKb: Int
    /// How long the app's thread may go without answering a ping before the worker is killed.
    public var responsivenessMs: Int

    public init(memoryKb: Int, responsivenessMs: Int) {
        self.memoryKb = memoryKb
        self.responsivenessMs = responsivenessMs
    }

    /// From the manifest's limits: its memory, and 2 s (or 10 × the CPU limit, if more) to answer.
    public static func from(_ limits: AppLimits) -> WorkerLimits {
        WorkerLimits(memoryKb: limits.memoryMb * 1024, responsivenessMs: max(2000, limits.cpuMs * 10))
    }
}

/// A worker process that could not be started.
public struct WorkerError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// A started `minihost-worker` process and its socket. The worker is hardened at start-up and
/// seals itself with seccomp before the app's code runs.
public final class WorkerProcess: @unchecked Sendable {
    public let pid: pid_t
    let socket: FrameSocket
    /// `/proc/<pid>/statm`, opened at spawn (the supervisor reads the RSS through it).
    let statm: Int32
    private let lock = NSLock()
    private var reaped: Int32?

    /// The worker binary: `$MINIHOST_WORKER`, else `minihost-worker` next to this executable.
    public static func binaryPath() -> String {
        if let path = ProcessInfo.processInfo.environment["MINIHOST_WORKER"], !path.isEmpty { return path }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("minihost-worker").path
    }

    /// Starts a worker; `allowFaults` lets tests make it misbehave on purpose.
    public static func spawn(allowFaults: Bool = false) throws(WorkerError) -> WorkerProcess {
        let path = binaryPath()
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw WorkerError("the worker binary \(path) is missing (build it with `swift build`, or set MINIHOST_WORKER)")
        }
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw WorkerError("cannot make a socket pair: \(String(cString: strerror(errno)))")
        }
        // The worker's whole environment: nothing of the host's but the time zone.
        // No crash backtracer: it would try to run a helper, which the seal forbids anyway.
        var env = ["LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no"]
        if let tz = ProcessInfo.processInfo.environment["TZ"] { env.append("TZ=" + tz) }
        let args = [path] + (allowFaults ? ["--allow-faults"] : [])
        let pid = withCStrings(args) { argv in withCStrings(env) { envp in mh_spawn_worker(path, fds[1], argv, envp) } }
        close(fds[1])
        guard pid > 0 else {
            close(fds[0])
            throw WorkerError("cannot start the worker \(path): \(String(cString: strerror(-pid)))")
        }
        // Opened now, while the worker is still dumpable: afterwards /proc keeps its entries from us.
        let statm = open("/proc/\(pid)/statm", O_RDONLY | O_CLOEXEC)
        let rollup = open("/proc/\(pid)/smaps_rollup", O_RDONLY | O_CLOEXEC)
        let stat = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        return WorkerProcess(pid: pid, socket: FrameSocket(fd: fds[0], maxFrameBytes: 16 << 20, sendTimeout: 2), statm: statm, rollup: rollup, stat: stat)
    }

    /// `/proc/<pid>/smaps_rollup`, for the proportional set size.
    let rollup: Int32

    /// `/proc/<pid>/stat`, for the CPU time the worker has used.
    let stat: Int32

    init(pid: pid_t, socket: FrameSocket, statm: Int32, rollup: Int32, stat: Int32) {
        self.pid = pid
        self.socket = socket
        self.statm = statm
        self.rollup = rollup
        self.stat = stat
    }

    /// User + system CPU time the worker has used, in seconds (nil once it is gone).
    public var cpuSeconds: Double? {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let n = buffer.withUnsafeMutableBytes { pread(stat, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")": state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        return (utime + stime) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Proportional set size in KiB (shared pages divided among the processes sharing them).
    public var pssKb: Int? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { pread(rollup, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("Pss:") {
            return Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }

    /// Resident memory in KiB, or nil once the process is gone.
    public var rssKb: Int? {
        let kb = mh_statm_rss_kb(statm)
        return kb >= 0 ? kb : nil
    }

    public func kill() { _ = Glibc.kill(pid, SIGKILL) }

    /// Waits for the process to end and returns its wait status (once; later calls repeat it).
    public func reap() -> Int32 {
        if let r = lock.withLock({ reaped }) { return r }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        lock.withLock { reaped = status }
        // Not closed here: another thread may still hold these numbers (a late reply, the
        // supervisor's reading), and a closed number is soon another file's. They close with
        // this object; reads of a reaped process's /proc files fail meanwhile.
        socket.shutdownBoth()
        return status
    }

    deinit {
        close(statm)
        close(rollup)
        close(stat)
    }

    /// Words for a wait status: "exit code 3", "signal 9 (Killed)".
    public static func describe(_ status: Int32) -> String {
        let signal = status & 0x7F
        if signal == 0 { return "exit code \((status >> 8) & 0xFF)" }
        return "signal \(signal) (\(String(cString: strsignal(signal))))"
    }
}

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

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
        if !prepared { process.socket.send(.control("prepare", .object(["apis": WorkerWire.encode(apis)]))) }
        // APIs the host answers at once: the worker asks them synchronously (one round trip).
        let atOnce = apis.filter { $0.kind != .event && bridge?.answersAtOnce($0.name) == true }.map { JSONValue.string($0.name) }
        process.socket.send(.control("start", .object([
            "config": WorkerWire.encode(config), "memoryKb": .number(Double(limits.memoryKb)), "seccomp": .bool(seccomp),
            "atOnce": .array(atOnce),
        ])))
        bridge?.connect(WorkerEventChannel(socket: process.socket))
        process.socket.onStall = { [weak self] in
            self?.kill(status: "killed", reason: "unresponsive: the worker stopped reading its socket")
        }
        let thread = Thread { [self] in readLoop() }
        thread.name = "minihost.worker.\(config.appId)"
        thread.stackSize = 256 << 10
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
        process.socket.send(.control("launch", WorkerWire.encode(options)))
    }

    public func perform(_ command: HostCommand) {
        process.socket.send(.control("command", WorkerWire.encode(command)))
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
        process.socket.send(.control("stop", .null))
        // Weak: a runtime that has gone had seen its worker end (its reader holds it until then),
        // and holding it here kept the app's bridge and services a second longer.
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { [weak self] in
            guard let self else { return }
            if !lock.withLock({ dead }) { process.kill() }
        }
    }

    /// For the hostile corpus: makes a worker started with faults allowed misbehave
    /// (`garbage` or `huge` frames, `deaf` (stops reading), `segv`).
    public func injectFault(_ how: String) {
        process.socket.send(.control("crash", .object(["how": .string(how)])))
    }

    public var isDead: Bool { lock.withLock { dead } }

    /// For tests of the seal (faults allowed): the worker tries to open a file, make sockets and
    /// execute a program, and reports each outcome ("allowed" or the error).
    public func probe(timeout: Double = 5) -> [String: String]? {
        let sem = DispatchSemaphore(value: 0)
        let box = ProbeBox()
        lock.withLock { probeReply = { box.value = $0; sem.signal() } }
        injectFault("probe")
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
        process.socket.send(.control("wait", .object(["id": .number(Double(token)), "drained": .bool(drained)])))
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
            if process.socket.trySend(.control("ping", .object(["seq": .number(Double(seq))]))) == .busy {
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
        case let .control(op, body):
            switch op {
            case "prepared", "started", "stopped": break
            case "launched":
                let done = lock.withLock { () -> (@Sendable (Bool) -> Void)? in
                    defer { launchDone = nil }
                    return launchDone
                }
                done?(body["ok"]?.boolValue ?? false)
            case "waited":
                guard let id = body["id"]?.numberValue else { return "waited without an id" }
                let w = lock.withLock { waiters.removeValue(forKey: Int(id)) }
                w?()
            case "pong":
                lock.withLock {
                    if body["seq"]?.numberValue == Double(pingSeq) {
                        pingSentAt = nil
                        nextPingAt = .now() + Self.pingInterval
                    }
                }
            case "probed":
                let reply = lock.withLock { probeReply }
                reply?((body.objectValue ?? [:]).compactMapValues(\.stringValue))
            case "fatal":
                lock.withLock { fatalReason = PromptText.sanitize(body["reason"]?.stringValue ?? "the worker gave up", maxLength: 300) }
            default:
                return "unknown control operation \"\(PromptText.sanitize(op, maxLength: 40))\""
            }
        case .reply, .event:
            return "a worker may not send replies or events"
        }
        return nil
    }
}

private final class ProbeBox: @unchecked Sendable { var value: [String: String]? }

/// Host events and holds, sent to the worker as frames.
private struct WorkerEventChannel: AppEventChannel {
    let socket: FrameSocket
    func send(_ event: BridgeEvent) { socket.send(.event(event)) }
    func hold() { socket.send(.control("hold", .null)) }
    func release() { socket.send(.control("release", .null)) }
}

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
