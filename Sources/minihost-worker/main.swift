// minihost-worker: one app's sandbox in a process of its own. The host starts it with a socket
// as descriptor 3 and drives it with frames (see ControlMessage in MiniHostProtocol and
// ProcessIsolation.swift in MiniHostIsolation); the worker holds no database, no world and no secrets.
import CWorkerSupport
import Dispatch
import Foundation
import MiniHostProtocol
import MiniHostRuntime

#if canImport(Glibc)
import Glibc
#endif

/// The host's side of the bridge, as the worker sees it: every call is a frame to the host.
final class RemoteEndpoint: BridgeEndpoint, @unchecked Sendable {
    let inbox: Inbox
    let apis: [APIDescriptor]
    var socket: FrameSocket { inbox.socket }
    private let lock = NSLock()
    private var waiting: [UInt64: @Sendable (BridgeReply) -> Void] = [:]
    private var channel: (any AppEventChannel)?

    init(inbox: Inbox, apis: [APIDescriptor]) {
        self.inbox = inbox
        self.apis = apis
    }

    /// Calls go to the host as frames: their arguments' text is sent as the runtime made it.
    var forwardsArgumentText: Bool { true }

    /// Asked from the app's thread, which reads the reply off the socket itself (see ``Inbox``).
    func callSync(_ call: BridgeCall) -> BridgeReply {
        inbox.roundTrip(call) ?? Self.gone(call)
    }

    func callAsync(_ call: BridgeCall, reply: @escaping @Sendable (BridgeReply) -> Void) {
        lock.withLock { waiting[call.id] = reply }
        if !socket.send(.call(call)) { resolve(Self.gone(call)) }
    }

    func resolve(_ reply: BridgeReply) {
        let body = lock.withLock { waiting.removeValue(forKey: reply.id) }
        body?(reply)
    }

    /// APIs the host answers without waiting for anyone (no consent, no picker): their async
    /// calls are asked synchronously from the app's thread, one round trip and no extra task.
    private var atOnce: Set<String> = []
    func setAnswersAtOnce(_ names: Set<String>) { lock.withLock { atOnce = names } }
    func answersAtOnce(_ api: String) -> Bool { lock.withLock { atOnce.contains(api) } }

    func connect(_ channel: any AppEventChannel) { lock.withLock { self.channel = channel } }
    func disconnect() { lock.withLock { channel = nil } }
    var current: (any AppEventChannel)? { lock.withLock { channel } }

    static func gone(_ call: BridgeCall) -> BridgeReply {
        BridgeReply(id: call.id, result: .failure(BridgeError(.serviceUnavailable, "the host is gone")))
    }
}

/// Who reads the host's socket. The main thread does, except while the app's thread waits for
/// the answer to a call: then the app's thread reads the socket itself, so the answer reaches it
/// without waking (and being handed over by) another thread, and every other frame that comes
/// meanwhile (events, commands, pings, replies to other calls) goes to the main thread, in order.
/// Exactly one thread reads at a time: the main thread only while no call is waiting (under the
/// lock), the app's thread only while it holds the turn.
final class Inbox: @unchecked Sendable {
    let socket: FrameSocket
    private let cond = NSCondition()
    /// Frames the app's thread read for the main thread, oldest first.
    private var pending: [Frame] = []
    /// The app's thread holds the turn to read.
    private var appReading = false
    /// When the app's thread last gave the turn back (`DispatchTime` nanoseconds).
    private var appReleasedAt: UInt64 = 0
    /// The main thread is asleep in poll (woken through the eventfd, not the condition).
    private var mainPolling = false
    /// The stream ended or broke; the worker has nothing left to do.
    private var failed = false
    /// An eventfd that wakes the main thread out of poll when the app's thread hands it frames.
    private let wakeFd: Int32

    /// How long the app's thread polls for its answer before it sleeps in `recv`.
    static let spinNs: UInt64 = 150_000
    /// While the app's thread is making calls, the main thread stays off the socket (it would
    /// be woken by every answer for nothing) and looks again this often, and for this long
    /// after the last call.
    static let followNs: UInt64 = 2_000_000

    init(socket: FrameSocket) {
        self.socket = socket
        wakeFd = mh_wake_fd()
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The main thread: the next frames to handle, in order; nil once the stream is over.
    func next() -> [Frame]? {
        cond.lock()
        defer { cond.unlock() }
        while true {
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            if failed { return nil }
            if appReading || Self.now() &- appReleasedAt < Self.followNs {
                _ = cond.wait(until: Date(timeIntervalSinceNow: Double(Self.followNs) / 1e9))
                continue
            }
            do {
                let frames = try socket.receiveAvailable()
                if !frames.isEmpty { return frames }
            } catch {
                failed = true
                return nil
            }
            mainPolling = true
            cond.unlock()
            var fds = [pollfd(fd: socket.fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeFd, events: Int16(POLLIN), revents: 0)]
            // Without the eventfd (it could not be made), look again every 2 ms instead.
            let n = wakeFd >= 0 ? poll(&fds, 2, -1) : poll(&fds, 1, 2)
            if n > 0 && fds[1].revents != 0 {
                var count: UInt64 = 0
                _ = read(wakeFd, &count, 8)
            }
            cond.lock()
            mainPolling = false
        }
    }

    /// The app's thread (or any thread but the main one while it handles frames): sends `call`
    /// and reads the socket until its answer comes; nil when the host is gone.
    func roundTrip(_ call: BridgeCall) -> BridgeReply? {
        cond.lock()
        while appReading && !failed { _ = cond.wait(until: Date(timeIntervalSinceNow: 0.001)) }
        if failed { cond.unlock(); return nil }
        appReading = true
        cond.unlock()
        var answer: BridgeReply?
        var broken = false
        if socket.send(.call(call)) {
            // Spin a little first: the host answers these at once, usually within the window.
            let spinUntil = Self.now() + Self.spinNs
            while answer == nil {
                let frames: [Frame]
                do { frames = try socket.receive(spinUntil: spinUntil) } catch { broken = true; break }
                var others: [Frame] = []
                for frame in frames {
                    if answer == nil, case let .reply(reply) = frame, reply.id == call.id { answer = reply } else { others.append(frame) }
                }
                if !others.isEmpty { hand(others) }
            }
        }
        cond.lock()
        appReading = false
        appReleasedAt = Self.now()
        if broken {
            failed = true
            wakeMain()
        }
        cond.unlock()
        return answer
    }

    /// Frames read by the app's thread for the main thread.
    private func hand(_ frames: [Frame]) {
        cond.lock()
        pending.append(contentsOf: frames)
        wakeMain()
        cond.unlock()
    }

    /// Under the lock.
    private func wakeMain() {
        if mainPolling {
            var one: UInt64 = 1
            _ = write(wakeFd, &one, 8)
        } else {
            cond.broadcast()
        }
    }
}

/// The worker's state; touched on the main thread (the reader) except where noted.
final class Worker: @unchecked Sendable {
    let socket: FrameSocket
    let inbox: Inbox
    var prepared: PreparedVM?
    var endpoint: RemoteEndpoint?
    var sandbox: Sandbox?
    var memoryTimer: DispatchSourceTimer?

    init() {
        socket = FrameSocket(fd: 3, maxFrameBytes: 256 << 20)
        inbox = Inbox(socket: socket)
    }

    func fatal(_ reason: String, code: Int32) -> Never {
        socket.send(.control(.fatal(reason: reason)))
        _exit(code)
    }

    func handle(_ frame: Frame) throws(FrameError) {
        switch frame {
        case let .reply(reply):
            endpoint?.resolve(reply)
        case let .event(event):
            endpoint?.current?.send(event)
        case let .control(message):
            try control(message)
        case .call, .runtime:
            throw FrameError("the host sent a frame only a worker sends")
        }
    }

    func control(_ message: ControlMessage) throws(FrameError) {
        let socket = self.socket
        switch message {
        case let .prepare(apis):
            endpoint = RemoteEndpoint(inbox: inbox, apis: apis)
            do { prepared = try PreparedVM.make(apis: apis) } catch { fatal("could not make the VM: \(error)", code: 71) }
            // Work that may open files (time zone, ICU data) happens now, before the filter.
            _ = Date().description
            socket.send(.control(.prepared))
        case let .start(request):
            guard let endpoint, let prepared else { throw FrameError("start before prepare") }
            endpoint.setAnswersAtOnce(Set(request.answeredAtOnce))
            if request.memoryKb > 0 { watchMemory(limitKb: request.memoryKb) }
            if request.seccomp {
                let rc = mh_install_seccomp()
                if rc != 0 { fatal("could not install the seccomp filter (\(rc))", code: 72) }
            }
            do {
                sandbox = try Sandbox(config: request.config, prepared: prepared, endpoint: endpoint) { event in
                    socket.send(.runtime(event))
                }
            } catch { fatal("could not start the app: \(error)", code: 73) }
            self.prepared = nil
            socket.send(.control(.started))
        case let .launch(options):
            guard let sandbox else { throw FrameError("launch before start") }
            sandbox.launch(options) { ok in socket.send(.control(.launched(ok: ok))) }
        case let .command(command):
            guard let sandbox else { throw FrameError("command before start") }
            sandbox.perform(command)
        case let .wait(id, drained):
            guard let sandbox else { throw FrameError("wait before start") }
            let reply: @Sendable () -> Void = { socket.send(.control(.waited(id: id))) }
            if drained { sandbox.whenDrained(reply) } else { sandbox.whenIdle(reply) }
        case let .ping(seq):
            // Answered from the app's own queue: a hung app thread never answers.
            let pong: @Sendable () -> Void = { socket.send(.control(.pong(seq: seq))) }
            if let sandbox { sandbox.queue.async(execute: pong) } else { pong() }
        case .hold: endpoint?.current?.hold()
        case .release: endpoint?.current?.release()
        case .stop:
            guard let sandbox else { _exit(0) }
            sandbox.stop {
                socket.send(.control(.stopped))
                _exit(0)
            }
        case let .fault(fault):
            guard allowFaults else { throw FrameError("faults are not allowed") }
            misbehave(fault)
        case .prepared, .started, .launched, .waited, .pong, .probed, .fatal, .stopped:
            throw FrameError("the host sent a frame only a worker sends")
        }
    }

    /// For the hostile corpus only (a worker started with --allow-faults): a worker that
    /// misbehaves in the middle of things.
    func misbehave(_ fault: WorkerFault) {
        switch fault {
        case .probe:
            socket.send(.control(.probed(Self.probeSeal())))
        case .garbage:
            var junk = [UInt8](repeating: 0xFF, count: 64)
            _ = junk.withUnsafeMutableBytes { Glibc.write(3, $0.baseAddress, $0.count) }
        case .huge:
            var header: [UInt8] = [0x7F, 0xFF, 0xFF, 0xFF]
            _ = header.withUnsafeMutableBytes { Glibc.write(3, $0.baseAddress, $0.count) }
        case .deaf:
            // Stops reading: the host's writes fill the socket buffer and its pings go unanswered.
            while true { sleep(1000) }
        case .segv:
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        }
    }

    /// The seal probe's outcomes ("allowed" or the error of each attempt) and the capability
    /// sets the worker sealed itself with.
    static func probeSeal() -> [String: String] {
        var outcomes = [mh_probe_outcome](repeating: mh_probe_outcome(), count: 64)
        let count = Int(mh_probe_seal(hostPid, &outcomes, Int32(outcomes.count)))
        var found: [String: String] = [:]
        for outcome in outcomes.prefix(count) {
            found[String(cString: outcome.attempt)] = outcome.error == 0 ? "allowed" : String(cString: strerror(outcome.error))
        }
        let privileges = mh_privileges_at_seal()
        for (name, set) in [("effective", privileges.effective), ("permitted", privileges.permitted),
                            ("inheritable", privileges.inheritable), ("bounding", privileges.bounding),
                            ("ambient", privileges.ambient)] {
            found["capabilities \(name)"] = "0x" + String(set, radix: 16)
        }
        found["no_new_privs"] = String(privileges.no_new_privs)
        return found
    }

    /// Checks the worker's own RSS every 20 ms and ends the process over the limit (the host
    /// enforces it from outside as well).
    func watchMemory(limitKb: Int) {
        let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "minihost.worker.memory"))
        timer.schedule(deadline: .now(), repeating: .milliseconds(20))
        timer.setEventHandler { [self] in
            let rss = mh_statm_rss_kb(fd)
            if rss > limitKb {
                fatal("memory limit \(limitKb / 1024) MB exceeded", code: 74)
            }
        }
        timer.resume()
        memoryTimer = timer
    }
}

/// The host's pid, read before the seal (for the probe's attempts on it).
let hostPid = getppid()
let hardened = mh_harden_worker()
if hardened != 0 {
    FileHandle.standardError.write(Data("minihost-worker: hardening failed (\(hardened)); it runs only as a host's worker\n".utf8))
    exit(64)
}
let allowFaults = CommandLine.arguments.contains("--allow-faults")
let worker = Worker()
while true {
    // nil: the host is gone (or spoke nonsense): nothing is left to do.
    guard let frames = worker.inbox.next() else { _exit(0) }
    for frame in frames {
        do { try worker.handle(frame) } catch { worker.fatal("bad frame from the host: \(error)", code: 75) }
    }
}
