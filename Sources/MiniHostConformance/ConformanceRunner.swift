import Foundation
import MiniHostCore
import Synchronization

/// The result of one case in one isolation mode.
public struct ConformanceResult: Sendable {
    public enum Verdict: String, Sendable { case pass, fail, skip }
    public var caseID: String
    public var level: ConformanceCase.Level
    public var covers: [String]
    public var isolation: String
    public var verdict: Verdict
    public var failures: [String]
    public var milliseconds: Double
    /// How many times the case ran (more than 1 when a failure was retried).
    public var attempts: Int = 1
}

/// What runs a case: MiniHost itself (`minihost run …`) or an adapter command.
public enum ConformanceRuntime: Sendable {
    /// The `minihost` executable at this path.
    case minihost(executable: String)
    /// A shell command: the runner starts `CMD <case dir>` (through `/bin/sh -c`) and reads JSON
    /// lines from its standard output.
    case adapter(command: String, minihostExecutable: String?)

    /// The `minihost run` arguments that run a case (also given to adapters as
    /// `MINIHOST_CONFORMANCE_ARGS`, a JSON array, so an adapter may wrap MiniHost).
    public static func runArguments(_ c: ConformanceCase, isolation: String, dataDirectory: String) -> [String] {
        var args = ["run"] + c.targets.map { $0 == "." ? c.directory.path : c.directory.appendingPathComponent($0).path }
        args += (c.dev ? ["--dev"] : []) + ["--json", "--data-dir", dataDirectory, "--isolation", isolation]
        if let world = c.worldURL { args += ["--world", world.path] }
        if let script = c.scriptURL { args += ["--script", script.path] }
        return args + c.args
    }
}

/// Runs cases, `jobs` at a time, each with a fresh data directory and standard input at end of file.
public final class ConformanceRunner: @unchecked Sendable {
    public let runtime: ConformanceRuntime
    public let jobs: Int
    /// A failed case runs again up to this many times (a loaded machine can slow a run past a
    /// supervisor's deadline); the result says how many attempts it took.
    public let retries: Int
    private let lock = NSLock()

    public init(runtime: ConformanceRuntime, jobs: Int = 2, retries: Int = 0) {
        self.runtime = runtime
        self.jobs = max(1, jobs)
        self.retries = max(0, retries)
    }

    /// Runs every (case, mode) pair; `progress` is called (from worker threads, serialised) as each ends.
    public func run(_ cases: [ConformanceCase], isolation modes: [String],
                    progress: (@Sendable (ConformanceResult) -> Void)? = nil) -> [ConformanceResult] {
        let work = cases.flatMap { c in modes.map { (c, $0) } }
        let state = State(count: work.count)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(1, work.count)) {
            group.enter()
            Thread.detachNewThread { [self] in
                while true {
                    let index: Int? = lock.withLock {
                        guard state.next < work.count else { return nil }
                        defer { state.next += 1 }
                        return state.next
                    }
                    guard let index else { break }
                    let (c, mode) = work[index]
                    var r = runOne(c, isolation: mode)
                    var attempts = 1
                    while r.verdict == .fail && attempts <= retries {
                        attempts += 1
                        r = runOne(c, isolation: mode)
                    }
                    r.attempts = attempts
                    lock.withLock {
                        state.results[index] = r
                        progress?(r)
                    }
                }
                group.leave()
            }
        }
        group.wait()
        return lock.withLock { state.results.compactMap { $0 } }
    }

    /// The work index and results, touched only under `lock`.
    private final class State: @unchecked Sendable {
        var next = 0
        var results: [ConformanceResult?]
        init(count: Int) { results = .init(repeating: nil, count: count) }
    }

    /// Runs one case in one isolation mode (skipped when the case does not apply to the mode).
    public func runOne(_ c: ConformanceCase, isolation: String) -> ConformanceResult {
        var result = ConformanceResult(caseID: c.id, level: c.level, covers: c.covers, isolation: isolation,
                                       verdict: .skip, failures: [], milliseconds: 0)
        guard c.isolation.contains(isolation) else { return result }
        let start = Date()
        // The runtime gets a fresh path, not made yet (the adapter protocol says so), inside a
        // folder of the run's scratch directory: an interrupted run removes it too.
        let folder: URL
        do {
            folder = try ScratchDirectories.make("case")
        } catch {
            result.verdict = .fail
            result.failures = ["could not make the case's data directory: \(error)"]
            return result
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data", isDirectory: true)
        let runArgs = ConformanceRuntime.runArguments(c, isolation: isolation, dataDirectory: data.path)
        let executable: String
        let arguments: [String]
        var cwd = c.directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["MINIHOST_CONFORMANCE_ISOLATION"] = isolation
        env["MINIHOST_CONFORMANCE_DATA_DIR"] = data.path
        env["MINIHOST_CONFORMANCE_CASE"] = c.id
        env["MINIHOST_CONFORMANCE_TIMEOUT"] = String(c.timeoutSeconds)
        if let json = try? JSONSerialization.data(withJSONObject: runArgs) { env["MINIHOST_CONFORMANCE_ARGS"] = String(decoding: json, as: UTF8.self) }
        switch runtime {
        case .minihost(let path):
            executable = path
            arguments = runArgs
        case .adapter(let command, let minihost):
            executable = "/bin/sh"
            arguments = ["-c", command + " \"$1\"", "sh", c.directory.path]
            // The command is resolved where the runner was started; the case folder is its argument.
            cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            if let minihost { env["MINIHOST_BIN"] = minihost }
        }
        let outcome: ConformanceOutcome
        do {
            outcome = try Self.spawn(executable, arguments, env: env, cwd: cwd, timeout: c.timeoutSeconds)
        } catch {
            result.verdict = .fail
            result.failures = ["could not start the runtime: \(error)"]
            return result
        }
        result.failures = ConformanceMatcher.failures(c.expect, outcome, caseDirectory: c.directory.path)
        result.verdict = result.failures.isEmpty ? .pass : .fail
        result.milliseconds = Date().timeIntervalSince(start) * 1000
        return result
    }

    /// Starts a process (no pipe end leaks into another case's child), reads both outputs while it
    /// runs, kills it after `timeout` seconds.
    static func spawn(_ executable: String, _ arguments: [String], env: [String: String], cwd: URL, timeout: Double) throws -> ConformanceOutcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.environment = env
        p.currentDirectoryURL = cwd
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try spawnLock.withLock {
            for pipe in [out, err] {
                for fd in [pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor] {
                    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                }
            }
            // Recorded as it starts, under the lock `killRunning` takes: an interrupt never misses
            // a runtime being started, and none starts after it.
            try running.withLock { state in
                if state.stopped { throw CocoaError(.userCancelled, userInfo: [NSLocalizedDescriptionKey: "the run was interrupted"]) }
                try p.run()
                state.pids.insert(p.processIdentifier)
            }
        }
        let pid = p.processIdentifier
        defer { running.withLock { _ = $0.pids.remove(pid) } }
        let buffers = Buffers()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { buffers.setOut(out.fileHandleForReading.readDataToEndOfFile()); group.leave() }
        group.enter()
        DispatchQueue.global().async { buffers.setErr(err.fileHandleForReading.readDataToEndOfFile()); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline {
                timedOut = true
                killTree(p.processIdentifier)
                break
            }
            Thread.sleep(forTimeInterval: 0.003)
        }
        p.waitUntilExit()
        // A grandchild that kept the pipes open (an adapter's runtime) gets two seconds.
        _ = group.wait(timeout: .now() + (timedOut ? 2 : 30))
        let (o, e) = buffers.both
        return ConformanceOutcome(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                                  exitCode: timedOut ? -1 : p.terminationStatus, timedOut: timedOut)
    }

    /// The cases' runtimes running now; `stopped` once ``killRunning()`` was called.
    private static let running = Mutex<(pids: Set<pid_t>, stopped: Bool)>(([], false))

    /// Kills every case's runtime still running, and what each started, and starts no more (for
    /// an interrupted run: a case that would start fails with "the run was interrupted").
    public static func killRunning() {
        let pids = running.withLock { state in
            state.stopped = true
            return state.pids
        }
        for pid in pids { killTree(pid) }
    }

    /// Kills a process and every process below it (an adapter's runtime, its workers), children first
    /// found through /proc, so no descendant keeps the output pipes open.
    static func killTree(_ root: pid_t) {
        var children: [pid_t: [pid_t]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm) ": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let ppid = pid_t(fields[1]) { children[ppid, default: []].append(pid) }
        }
        var order: [pid_t] = []
        var queue = [root]
        while let pid = queue.popLast() {
            order.append(pid)
            queue += children[pid] ?? []
        }
        for pid in order { kill(pid, SIGSTOP) }
        for pid in order.reversed() { kill(pid, SIGKILL) }
    }

    private final class Buffers: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data()
        func setOut(_ d: Data) { lock.withLock { out = d } }
        func setErr(_ d: Data) { lock.withLock { err = d } }
        var both: (Data, Data) { lock.withLock { (out, err) } }
    }
}

private let spawnLock = NSLock()
