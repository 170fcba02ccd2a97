import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostIsolation
@testable import MiniHostCore

/// The worker process itself: its seal (seccomp), and workers that misbehave at the protocol
/// level (garbage or huge frames, deafness, a crash in the middle of a call). The host survives
/// each, reports it, and can restart the app.
@Suite(.serialized) struct ProcessIsolationTests {
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(String, RuntimeEvent)] = []
        func add(_ app: String, _ e: RuntimeEvent) { lock.withLock { list.append((app, e)) } }
        var all: [(String, RuntimeEvent)] { lock.withLock { list } }
        func exit(of app: String) -> (String, String?)? {
            for (a, e) in all where a == app { if case let .exit(s, r) = e { return (s, r) } }
            return nil
        }
        func waitForExit(of app: String, timeout: Double = 10) -> (String, String?)? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let e = exit(of: app) { return e }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return nil
        }
    }

    func package(_ id: String, page: String = "Page({})", extra: [String: Any] = [:]) throws -> AppPackage {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-iso-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pages/index"), withIntermediateDirectories: true)
        var manifest: [String: Any] = ["app_id": id, "name": "Iso", "pages": ["pages/index/index"]]
        for (k, v) in extra { manifest[k] = v }
        try JSONSerialization.data(withJSONObject: manifest).write(to: dir.appendingPathComponent("manifest.json"))
        try Data("App({})".utf8).write(to: dir.appendingPathComponent("app.js"))
        try Data(page.utf8).write(to: dir.appendingPathComponent("pages/index/index.js"))
        return try AppPackage.load(manifestURL: dir.appendingPathComponent("manifest.json"), dev: true)
    }

    func host(_ events: Events, services: HostServices? = nil) -> AppHost {
        let host = AppHost(services: services, isolation: .process) { events.add($0, $1) }
        host.allowWorkerFaults = true
        return host
    }

    /// What the probe tries from inside a sealed worker; each must fail with EPERM.
    static let refusedAttempts = [
        "open", "open /etc/passwd", "openat /proc/self/status", "openat /", "openat O_CREAT", "creat", "openat2",
        "io_uring_setup", "io_uring_enter", "io_uring_register",
        "pidfd_open host", "pidfd_getfd", "pidfd_send_signal",
        "ptrace attach host", "process_vm_readv host", "process_vm_writev host",
        "kill host", "tgkill host", "tkill host",
        "socket", "unix_socket", "socketpair", "sendto stdout",
        "execve", "execveat", "fork", "clone process", "unshare user",
        "memfd_create", "userfaultfd", "bpf", "ioctl", "prctl set dumpable", "capset", "x32 getpid",
    ]

    @Test func aStartedWorkerCannotOpenFilesMakeSocketsOrExecute() throws {
        let events = Events()
        let host = host(events)
        let app = try host.start(package("org.test.seal"))
        #expect(app.waitForLaunch(timeout: 10) == true)
        let probe = try #require(app.worker?.probe())
        #expect(probe["open"] == "Operation not permitted", "\(probe)")
        #expect(probe["socket"] == "Operation not permitted", "\(probe)")
        #expect(probe["unix_socket"] == "Operation not permitted", "\(probe)")
        #expect(probe["execve"] == "Operation not permitted", "\(probe)")
        for attempt in Self.refusedAttempts {
            #expect(probe[attempt] == "Operation not permitted", "\(attempt): \(probe[attempt] ?? "not tried")")
        }
        // clone3 hides its flags from the filter: glibc is told it does not exist.
        #expect(probe["clone3"] == "Function not implemented")
        // A kernel without the i386 entry refuses it on its own.
        #expect(["Operation not permitted", "Function not implemented"].contains(probe["i386 getpid"]), "\(probe)")
        #expect(!probe.values.contains("allowed"), "\(probe)")
        host.stop(app)
        #expect(events.exit(of: "org.test.seal")?.0 == "ok")
    }

    @Test func aSealedWorkerHoldsNoCapabilities() throws {
        let events = Events()
        let host = host(events)
        let app = try host.start(package("org.test.caps"))
        #expect(app.waitForLaunch(timeout: 10) == true)
        let probe = try #require(app.worker?.probe())
        let pid = try #require(app.worker?.process.pid)
        // A host with CAP_SETPCAP (root) started a worker that could, and did, empty its bounding set.
        let privileged = try Self.capabilities("CapEff", in: String(contentsOfFile: "/proc/self/status", encoding: .utf8)) & (1 << 8) != 0
        for set in ["effective", "permitted", "inheritable", "ambient"] + (privileged ? ["bounding"] : []) {
            #expect(probe["capabilities \(set)"] == "0x0", "\(set): \(probe)")
        }
        #expect(probe["no_new_privs"] == "1")
        // The same seen from outside, on every thread of the worker.
        for task in try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") {
            let status = try String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)
            for set in ["CapEff", "CapPrm", "CapInh", "CapAmb"] + (privileged ? ["CapBnd"] : []) {
                #expect(try Self.capabilities(set, in: status) == 0, "thread \(task) \(set)")
            }
            #expect(status.contains("NoNewPrivs:\t1"), "thread \(task)")
            #expect(status.contains("Seccomp:\t2"), "thread \(task) is not sealed")
        }
        host.stop(app)
    }

    /// A capability set's mask from a `/proc/<pid>/status` text.
    static func capabilities(_ set: String, in status: String) throws -> UInt64 {
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix(set + ":") })
        return try #require(UInt64(line.dropFirst(set.count + 1).trimmingCharacters(in: .whitespaces), radix: 16))
    }

    @Test func theWorkerKeepsOnlyItsSocketAndAScrubbedEnvironment() throws {
        let events = Events()
        let host = host(events)
        let app = try host.start(package("org.test.fds"))
        #expect(app.waitForLaunch(timeout: 10) == true)
        let pid = try #require(app.worker?.process.pid)
        // The host may read the worker's /proc entries only while it is dumpable; a hardened
        // worker is not, so /proc/<pid>/fd and environ are closed to us too — which proves
        // PR_SET_DUMPABLE; the status file still shows the seccomp mode and no-new-privs.
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        #expect(status.contains("Seccomp:\t2"), "seccomp filter mode expected")
        #expect(status.contains("NoNewPrivs:\t1"))
        // Descriptors that lead anywhere: the host's socket and /dev/null; the rest are the
        // worker's own event loop (epoll, eventfd, timerfd), made after start-up.
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        for fd in fds {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)")) ?? "?"
            // Opened by the worker itself before it sealed: JSC's random seed, its own statm.
            let own = target == "/dev/urandom" || target == "/proc/\(pid)/statm"
            let ok = own || target == "/dev/null" || target.hasPrefix("anon_inode:") || (fd == "3" && target.hasPrefix("socket:"))
            #expect(ok, "descriptor \(fd) → \(target)")
        }
        host.stop(app)
    }

    @Test(arguments: [WorkerFault.garbage, .huge])
    func aWorkerThatWritesBadFramesIsKilledAsAProtocolViolation(_ how: WorkerFault) throws {
        let events = Events()
        let host = host(events)
        let app = try host.start(package("org.test.frames"))
        #expect(app.waitForLaunch(timeout: 10) == true)
        app.worker?.injectFault(how)
        let exit = try #require(events.waitForExit(of: "org.test.frames"))
        #expect(exit.0 == "killed")
        #expect(exit.1?.hasPrefix("protocol violation") == true, "\(exit)")
    }

    @Test func aWorkerThatStopsReadingIsKilledForUnresponsiveness() throws {
        let events = Events()
        let host = host(events)
        let app = try host.start(package("org.test.deaf"))
        #expect(app.waitForLaunch(timeout: 10) == true)
        let start = Date()
        app.worker?.injectFault(.deaf)
        // The host keeps writing to it (commands) without blocking.
        for _ in 0..<2000 { app.perform(.callPage(route: nil, method: "nothing", argumentJSON: "\"" + String(repeating: "x", count: 1000) + "\"")) }
        let exit = try #require(events.waitForExit(of: "org.test.deaf", timeout: 15))
        #expect(exit.0 == "killed")
        #expect(exit.1?.hasPrefix("unresponsive") == true)
        #expect(Date().timeIntervalSince(start) < 2 + 2)
    }

    @Test func aPaymentConfirmedAfterTheWorkerDiedIsNotCharged() throws {
        let events = Events()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-iso-pay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let gate = DispatchSemaphore(value: 0)
        // The permission is granted up front; the payment's own prompt waits for the crash.
        let prompter = ScriptedPrompter(answer: { request in
            if request.kind == .payment { gate.wait() }
            return .allowOnce
        })
        let services = try HostServices(dataDirectory: dir, prompter: prompter)
        try services.grants.set(app: "org.test.paycrash", permission: .payment, state: .granted)
        let host = host(events, services: services)
        let page = "Page({ onReady() { mp.requestPayment({ orderId: 'o-1', amount: 100, currency: 'CNY', description: 'tea' }) } })"
        let pkg = try package("org.test.paycrash", page: page, extra: [
            "req_permissions": [["name": "payment"]], "merchant": ["id": "m.tea", "name": "Tea"],
        ])
        let app = try host.start(pkg)
        #expect(app.waitForLaunch(timeout: 10) == true)
        let deadline = Date().addingTimeInterval(5)
        while !prompter.requests.contains(where: { $0.kind == .payment }) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        app.worker?.injectFault(.segv)
        #expect(events.waitForExit(of: "org.test.paycrash")?.0 == "crashed")
        gate.signal()
        Thread.sleep(forTimeInterval: 0.3)
        let store = try PaymentService(services: services).store()
        #expect(try store.entries(app: "org.test.paycrash").isEmpty)
        #expect(try store.wallet().balance == World.default.wallet.balance)
    }

    @Test func anEndedWorkersDescriptorsCloseWithItAndNotBefore() throws {
        // Its socket is shut down when it is reaped, but its descriptor numbers stay taken until
        // nothing refers to the worker any more (a number closed early is soon another socket's,
        // and a late write would reach that one); then they are closed, not leaked.
        let events = Events()
        let host = host(events)
        weak var ended: WorkerProcess?
        do {
            let app = try host.start(package("org.test.fdlife"))
            #expect(app.waitForLaunch(timeout: 10) == true)
            let process = try #require(app.worker?.process)
            ended = process
            host.stop(app)
            #expect(process.socket.send(.control(.ping(seq: 1))) == false)
            #expect(fcntl(process.socket.fd, F_GETFD) >= 0, "the descriptor must stay open while the worker is referenced")
        }
        let deadline = Date().addingTimeInterval(10)
        while ended != nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(ended == nil, "an ended worker must be freed (its descriptors closed)")
    }

    @Test func aWorkerThatCrashesMidCallIsReportedItsCallDroppedAndItCanBeRestarted() throws {
        let events = Events()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-iso-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // The prompt blocks until the crash has happened, then allows: the call must not go ahead.
        let gate = DispatchSemaphore(value: 0)
        let prompter = ScriptedPrompter(answer: { _ in gate.wait(); return .allowOnce })
        let services = try HostServices(dataDirectory: dir, prompter: prompter)
        let host = host(events, services: services)
        // Two calls: the first waits for the user; the second is queued behind it.
        let page = "Page({ onReady() { mp.authorize({ scope: 'location' }).then(() => mp.setStorageSync('after', 1)); mp.authorize({ scope: 'payment' }) } })"
        let pkg = try package("org.test.crash", page: page, extra: ["req_permissions": [["name": "location"], ["name": "payment"]]])
        let app = try host.start(pkg)
        #expect(app.waitForLaunch(timeout: 10) == true)
        let deadline = Date().addingTimeInterval(5)
        while prompter.requests.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(prompter.requests.count == 1)
        app.worker?.injectFault(.segv)
        let exit = try #require(events.waitForExit(of: "org.test.crash"))
        #expect(exit.0 == "crashed")
        #expect(exit.1?.contains("signal 11") == true, "\(exit)")
        gate.signal()
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try services.storage.load(app: "org.test.crash")["after"] == nil)
        // The queued call was dropped: it never reached the gate (no second prompt, no grant).
        #expect(prompter.requests.count == 1)
        #expect(try services.grants.state(app: "org.test.crash", permission: .payment) == .prompt)
        // The host is fine and starts the app again.
        let again = try host.restart(app)
        #expect(again.waitForLaunch(timeout: 10) == true)
        host.stop(again)
    }

    /// Frames are read by the codec's own JSON reader (not Codable, for speed): it must agree
    /// with Codable's reading of ``JSONValue`` on what is JSON and what each value is, numbers
    /// included, and reject the same garbage.
    @Test func theFrameReaderAgreesWithCodableOnEveryValue() throws {
        let codec = FrameCodec()
        func frame(_ payload: String) -> Data {
            let body = Data(#"{"type":"event","name":"n","payload":"#.utf8) + Data(payload.utf8) + Data("}".utf8)
            var length = UInt32(body.count).bigEndian
            return Data(bytes: &length, count: 4) + body
        }
        let good = [
            "0", "-0", "42", "-17", "123456789012345", "1234567890123456789", "9007199254740993", "0.1", "1e-300", "1E+5", "-2.5e-3",
            "116.40374357265178", "39.91010349934476", "123456789.98765433", "5e-324", "1.7976931348623157e308",
            #""plain""#, #""esc \" \\ \/ \b \f \n \r \t""#, #""\u00e9\u4e2d\ud83d\ude00""#, "\"héllo 中文 😀\"", #""""#,
            "true", "false", "null", "[]", "{}", " [ 1 , { \"a\" : [ true , null ] } ] ",
            #"{"b":1,"a":{"c":"d","e":[1,2.5,"x"]}}"#, #"{"k":1,"k":2}"#,
        ]
        for text in good {
            var buffer = frame(text)
            let frames = try codec.decode(&buffer)
            guard case let .event(e) = frames.first, case let .value(v) = e.payload else { Issue.record("not read: \(text)"); continue }
            #expect(v == JSONValue.parse(text), "\(text)")
        }
        let bad = [
            "01", "1.", ".5", "-", "1e", "+1", "NaN", "1e400", "tru", "nul", #""\x""#, #""\ud83d""#, #""\ude00""#, "\"a\u{01}b\"",
            #""open"#, "[1,]", "[1 2]", #"{"a" 1}"#, #"{"a":1,}"#, #"{a:1}"#, "[", "'s'",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
        for text in bad {
            var buffer = frame(text)
            #expect(throws: FrameError.self, "\(text)") { try codec.decode(&buffer) }
        }
        var invalidUTF8 = Data(#"{"type":"event","name":"n","payload":""#.utf8) + Data([0xC3, 0x28]) + Data(#""}"#.utf8)
        var length = UInt32(invalidUTF8.count).bigEndian
        invalidUTF8 = Data(bytes: &length, count: 4) + invalidUTF8
        #expect(throws: FrameError.self) { try codec.decode(&invalidUTF8) }
        // Random doubles survive a frame exactly.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let n = Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1)
            var buffer = codec.encode(.event(BridgeEvent(name: "n", payload: .value(.number(n)))))
            guard case let .event(e) = try codec.decode(&buffer).first, case let .value(v) = e.payload else { Issue.record("no event"); continue }
            #expect(v == .number(n), "\(n)")
        }
    }

    @Test func aDrainedWorkerPoolEndsTheWorkersStillStartingAndStartsNoMore() throws {
        let pool = WorkerPool(size: 2, apis: [], refillDelayMs: 0)
        pool.drain()  // both workers are still starting
        let deadline = Date().addingTimeInterval(30)
        while pool.starting > 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(pool.starting == 0)
        // Before, a worker that finished starting after the drain was kept, idle, for good.
        #expect(pool.take() == nil)
        #expect(pool.starting == 0)  // and a take after the drain starts none
        #expect(pool.handedOut == 0)
    }
}
