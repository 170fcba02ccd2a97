import Foundation
import Glibc
import Testing
import MiniHostProtocol
@testable import MiniHostIsolation

/// The host's reader of a worker's socket, fed by the test playing a compromised worker (a
/// socket pair, and a child process that stands in for the worker's pid).
@Suite struct HostileWorkerFrameTests {
    /// Frames nested as deeply as the codec takes are read and handled, and the host goes on:
    /// the reader's thread had a 256 KiB stack, which a debug build overflowed at about half
    /// that depth (the host died of a segmentation fault; an app's deep `setData` did it too).
    @Test func theDeepestFramesAWorkerMaySendAreReadAndHandled() throws {
        let worker = try FakeWorker()
        let objects = String(repeating: #"{"a":"#, count: 509) + "1" + String(repeating: "}", count: 509)
        let arrays = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
        worker.write(#"{"type":"runtime","event":{"type":"setData","route":"pages/a","data":\#(objects)}}"#)
        worker.write(#"{"type":"call","id":5,"api":"getStorage","args":\#(arrays)}"#)
        // No bridge: the host answers the call at once, from the reader's thread.
        let reply = try #require(worker.nextReply(timeout: 10))
        #expect(reply.id == 5)
        #expect(worker.events.all.contains(.setData(route: "pages/a", data: objects)))
        #expect(worker.runtime.isDead == false)
        worker.end()
        #expect(worker.waitForExit(timeout: 10)?.0 == "killed")
    }

    /// A stand-in worker: the host's ``WorkerRuntime`` on one end of a socket pair, the test's
    /// frames on the other, and `sleep` as the process the host supervises and kills.
    final class FakeWorker: @unchecked Sendable {
        let runtime: WorkerRuntime
        let events = Events()
        private let socket: FrameSocket
        private let exit = Events()

        init() throws {
            var fds: [Int32] = [-1, -1]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else { throw WorkerError("socketpair") }
            var pid: pid_t = 0
            var argv: [UnsafeMutablePointer<CChar>?] = [strdup("sleep"), strdup("60"), nil]
            defer { for p in argv { free(p) } }
            guard posix_spawn(&pid, "/bin/sleep", nil, nil, &argv, environ) == 0 else { throw WorkerError("spawn sleep") }
            let proc = { (name: String) in open("/proc/\(pid)/\(name)", O_RDONLY | O_CLOEXEC) }
            let process = WorkerProcess(pid: pid, socket: FrameSocket(fd: fds[0], maxFrameBytes: 16 << 20, sendTimeout: 2),
                                        statm: proc("statm"), rollup: proc("smaps_rollup"), stat: proc("stat"))
            socket = FrameSocket(fd: fds[1], maxFrameBytes: 16 << 20)
            let config = SandboxConfig(appId: "org.test.hostile", appName: "Hostile", files: [:], pages: ["pages/a"])
            let (events, exit) = (events, exit)
            runtime = WorkerRuntime(config: config, process: process, prepared: true, apis: [], bridge: nil,
                                    limits: WorkerLimits(memoryKb: 1 << 20, responsivenessMs: 60_000),
                                    events: { events.add($0) }, exited: { exit.add(.exit(status: $0, reason: $1)) })
        }

        /// Sends `body` as one frame, as the worker would.
        func write(_ body: String) {
            var frame = withUnsafeBytes(of: UInt32(body.utf8.count).bigEndian) { Data($0) }
            frame.append(Data(body.utf8))
            _ = frame.withUnsafeBytes { send(socket.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// The next reply the host sends (its control frames are passed over).
        func nextReply(timeout: Double) -> BridgeReply? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                for frame in (try? socket.receiveAvailable()) ?? [] { if case let .reply(r) = frame { return r } }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return nil
        }

        /// Closes the worker's end and kills its process, as a worker that dies does.
        func end() {
            socket.shutdownBoth()
            runtime.kill(status: "killed", reason: "the test ended the worker")
        }

        func waitForExit(timeout: Double) -> (String, String?)? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if case let .exit(status, reason)? = exit.all.first { return (status, reason) }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return nil
        }
    }

    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [RuntimeEvent] = []
        func add(_ e: RuntimeEvent) { lock.withLock { list.append(e) } }
        var all: [RuntimeEvent] { lock.withLock { list } }
    }
}
