import CWorkerSupport
import Foundation
import MiniHostProtocol

#if canImport(Glibc)
import Glibc
#endif

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
        // No Dispatch log: the worker, without capabilities, cannot raise its threads' priority
        // as Dispatch asks, and Dispatch would report each refusal to the system log.
        var env = ["LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no", "LIBDISPATCH_LOG=NO"]
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
