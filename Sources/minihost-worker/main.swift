// minihost-worker: one app's sandbox in a process of its own. The host starts it with a socket
// as descriptor 3 and drives it with frames (see WorkerWire and ProcessIsolation.swift in
// MiniHostCore); the worker holds no database, no world and no secrets.
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
    let socket: FrameSocket
    let apis: [APIDescriptor]
    private let lock = NSLock()
    private var waiting: [UInt64: @Sendable (BridgeReply) -> Void] = [:]
    private var channel: (any AppEventChannel)?

    init(socket: FrameSocket, apis: [APIDescriptor]) {
        self.socket = socket
        self.apis = apis
    }

    func callSync(_ call: BridgeCall) -> BridgeReply {
        let box = ReplyBox()
        let sem = DispatchSemaphore(value: 0)
        lock.withLock { waiting[call.id] = { box.reply = $0; sem.signal() } }
        guard socket.send(.call(call)) else { return Self.gone(call) }
        sem.wait()
        return box.reply ?? Self.gone(call)
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

final class ReplyBox: @unchecked Sendable { var reply: BridgeReply? }

/// The worker's state; touched on the main thread (the reader) except where noted.
final class Worker: @unchecked Sendable {
    let socket = FrameSocket(fd: 3, maxFrameBytes: 256 << 20)
    var prepared: PreparedVM?
    var endpoint: RemoteEndpoint?
    var sandbox: Sandbox?
    var memoryTimer: DispatchSourceTimer?

    func fatal(_ reason: String, code: Int32) -> Never {
        socket.send(.control("fatal", .object(["reason": .string(reason)])))
        _exit(code)
    }

    func handle(_ frame: Frame) throws(FrameError) {
        switch frame {
        case let .reply(reply):
            endpoint?.resolve(reply)
        case let .event(event):
            endpoint?.current?.send(event)
        case let .control(op, body):
            try control(op, body)
        case .call, .runtime:
            throw FrameError("the host sent a frame only a worker sends")
        }
    }

    func control(_ op: String, _ body: JSONValue) throws(FrameError) {
        switch op {
        case "prepare":
            let apis = try WorkerWire.apis(body["apis"] ?? .null)
            endpoint = RemoteEndpoint(socket: socket, apis: apis)
            do { prepared = try PreparedVM.make(apis: apis) } catch { fatal("could not make the VM: \(error)", code: 71) }
            // Work that may open files (time zone, ICU data) happens now, before the filter.
            _ = Date().description
            socket.send(.control("prepared", .null))
        case "start":
            guard let endpoint, let prepared else { throw FrameError("start before prepare") }
            let config = try WorkerWire.config(body["config"] ?? .null)
            endpoint.setAnswersAtOnce(Set((body["atOnce"]?.arrayValue ?? []).compactMap(\.stringValue)))
            let memoryKb = Int(body["memoryKb"]?.numberValue ?? 0)
            if memoryKb > 0 { watchMemory(limitKb: memoryKb) }
            if body["seccomp"]?.boolValue ?? true {
                let rc = mh_install_seccomp()
                if rc != 0 { fatal("could not install the seccomp filter (\(rc))", code: 72) }
            }
            let socket = self.socket
            do {
                sandbox = try Sandbox(config: config, prepared: prepared, endpoint: endpoint) { event in
                    socket.send(.runtime(event))
                }
            } catch { fatal("could not start the app: \(error)", code: 73) }
            self.prepared = nil
            socket.send(.control("started", .null))
        case "launch":
            guard let sandbox else { throw FrameError("launch before start") }
            let socket = self.socket
            sandbox.launch(WorkerWire.launchOptions(body)) { ok in
                socket.send(.control("launched", .object(["ok": .bool(ok)])))
            }
        case "command":
            guard let sandbox else { throw FrameError("command before start") }
            sandbox.perform(try WorkerWire.command(body))
        case "wait":
            // Idle (no tasks, no timers) or drained (no tasks): answered with the same id.
            guard let sandbox, let id = body["id"] else { throw FrameError("wait before start") }
            let socket = self.socket
            let reply: @Sendable () -> Void = { socket.send(.control("waited", .object(["id": id]))) }
            if body["drained"]?.boolValue == true { sandbox.whenDrained(reply) } else { sandbox.whenIdle(reply) }
        case "ping":
            // Answered from the app's own queue: a hung app thread never answers.
            let socket = self.socket
            let pong: @Sendable () -> Void = { socket.send(.control("pong", body)) }
            if let sandbox { sandbox.queue.async(execute: pong) } else { pong() }
        case "hold": endpoint?.current?.hold()
        case "release": endpoint?.current?.release()
        case "stop":
            guard let sandbox else { _exit(0) }
            let socket = self.socket
            sandbox.stop {
                socket.send(.control("stopped", .null))
                _exit(0)
            }
        case "crash":
            // For the hostile corpus only (a worker started with --allow-faults): a worker that
            // misbehaves in the middle of things.
            guard allowFaults else { throw FrameError("faults are not allowed") }
            if body["how"]?.stringValue == "probe" {
                // Tries what a compromised worker would: open a file, make a socket, execute.
                func result(_ rc: Int32) -> JSONValue { rc >= 0 ? .string("allowed") : .string(String(cString: strerror(errno))) }
                let opened = open("/etc/hostname", O_RDONLY)
                let openResult = result(opened)
                let sock = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                let sockResult = result(sock)
                let unixSock = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
                let unixResult = result(unixSock)
                var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
                var envp: [UnsafeMutablePointer<CChar>?] = [nil]
                let execResult = result(execve("/bin/true", &argv, &envp))
                socket.send(.control("probed", .object(["open": openResult, "socket": sockResult, "unix_socket": unixResult, "execve": execResult])))
                return
            }
            if body["how"]?.stringValue == "garbage" {
                var junk = [UInt8](repeating: 0xFF, count: 64)
                _ = junk.withUnsafeMutableBytes { Glibc.write(3, $0.baseAddress, $0.count) }
                return
            }
            if body["how"]?.stringValue == "huge" {
                var header: [UInt8] = [0x7F, 0xFF, 0xFF, 0xFF]
                _ = header.withUnsafeMutableBytes { Glibc.write(3, $0.baseAddress, $0.count) }
                return
            }
            if body["how"]?.stringValue == "deaf" {
                // Stops reading: the host's writes fill the socket buffer and its pings go unanswered.
                while true { sleep(1000) }
            }
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        default:
            throw FrameError("unknown control operation \"\(op)\"")
        }
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

let hardened = mh_harden_worker()
if hardened != 0 {
    FileHandle.standardError.write(Data("minihost-worker: hardening failed (\(hardened)); it runs only as a host's worker\n".utf8))
    exit(64)
}
let allowFaults = CommandLine.arguments.contains("--allow-faults")
let worker = Worker()
while true {
    let frames: [Frame]
    do {
        frames = try worker.socket.receive()
    } catch {
        // The host is gone (or spoke nonsense): nothing is left to do.
        _exit(0)
    }
    for frame in frames {
        do { try worker.handle(frame) } catch { worker.fatal("bad frame from the host: \(error)", code: 75) }
    }
}
