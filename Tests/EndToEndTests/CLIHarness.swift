import Foundation

/// Runs the real `minihost` binary (built next to the test bundle) and captures what it prints.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// stdout parsed as JSON lines (lines that are not JSON objects are skipped).
        var events: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }
        }
        func events(type: String) -> [[String: Any]] { events.filter { $0["type"] as? String == type } }
        var consoleMessages: [String] { events(type: "console").compactMap { $0["message"] as? String } }
        /// "app.onLaunch", "pages/x/x.onLoad", … in order.
        var hooks: [String] {
            events(type: "lifecycle").map { e in
                (e["target"] as? String == "app" ? "app" : (e["route"] as? String ?? "?")) + "." + (e["hook"] as? String ?? "?")
            }
        }
        var exit: [String: Any]? { events(type: "exit").last }
    }

    /// The package root (where manifests/ and miniprograms/ live).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let explicit = ProcessInfo.processInfo.environment["MINIHOST_BIN"] { return URL(fileURLWithPath: explicit) }
        // The test bundle sits in the build folder next to the executables.
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for dir in candidates {
            let url = dir.appendingPathComponent("minihost")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/minihost")
    }

    @discardableResult
    static func run(_ args: [String], stdin: String? = nil, cwd: URL? = nil, timeout: Double = 60, env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        // Standard input comes from a file, not a pipe: its end of file cannot be held back by a
        // pipe end that leaked into another test's child.
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-stdin-\(UUID().uuidString)")
        try Data((stdin ?? "").utf8).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let input = try FileHandle(forReadingFrom: inputFile)
        defer { try? input.close() }
        p.standardInput = input
        try spawn(p, pipes: [out, err])
        // Read both pipes while the process runs so a full pipe never blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            group.wait()
            throw CLIError.timedOut(args, String(decoding: outData, as: UTF8.self) + String(decoding: errData, as: UTF8.self))
        }
        p.waitUntilExit()
        group.wait()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

enum CLIError: Error { case timedOut([String], String) }

/// Starts a process so that no other test's child inherits its pipes. Tests run in parallel, and
/// a pipe end leaked into another child keeps the pipe open: the reader then waits for an EOF that
/// only comes when that unrelated child exits (or a child waits forever on a stdin nobody closes).
/// Every end is marked close-on-exec (the child still gets its own ends on fds 0–2), and spawns
/// are serialised.
func spawn(_ process: Process, pipes: [Pipe]) throws {
    spawnLock.lock()
    defer { spawnLock.unlock() }
    for pipe in pipes {
        for fd in [pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor] {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }
    try process.run()
}

let spawnLock = NSLock()

/// A mini-program written to a temporary directory in the W3C layout (manifest.json at its root).
struct TempApp {
    let root: URL

    init(id: String = "org.test.e2e", name: String = "E2E", pages: [String] = ["pages/index/index"],
         files: [String: String], manifestExtra: String = "", manifestOverride: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var all = files
        if all["app.js"] == nil && all["app.ts"] == nil { all["app.js"] = "App({})" }
        for p in pages where all[p + ".js"] == nil && all[p + ".ts"] == nil { all[p + ".js"] = "Page({})" }
        for (path, text) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let pagesJSON = "[" + pages.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        let manifest = manifestOverride ?? """
        {
          "app_id": "\(id)",
          "name": "\(name)",
          "pages": \(pagesJSON)\(manifestExtra.isEmpty ? "" : ",\n  " + manifestExtra)
        }
        """
        try Data(manifest.utf8).write(to: root.appendingPathComponent("manifest.json"))
    }

    var path: String { root.path }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Writes `files` (path relative to `root` → text) below `root`, making folders as needed.
func writeFiles(_ files: [String: String], under root: URL) throws {
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// A fresh data directory for one test, inside ``dataDirRoot``.
func tempDataDir() -> String {
    dataDirRoot.appendingPathComponent(UUID().uuidString).path
}

/// The folder of this test process's data directories, removed when the process exits.
let dataDirRoot: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-data-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: dataDirRoot) }
    return url
}()

/// A `minihost run` kept open: send console lines one at a time and wait for output.
final class CLISession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var text = ""

    init(_ args: [String], env: [String: String] = [:]) throws {
        process.executableURL = CLI.binary
        process.arguments = args
        process.currentDirectoryURL = CLI.packageRoot
        if !env.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(env) { $1 } }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
        }
        try spawn(process, pipes: [input, output])
    }

    func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

    var stdout: String { lock.withLock { text } }

    /// Waits until the output so far satisfies `predicate` (false after `timeout` seconds).
    func waitFor(timeout: Double = 20, _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(stdout) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    /// The processes this one started that are still running.
    func childProcesses() -> [pid_t] {
        let me = process.processIdentifier
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { name -> pid_t? in
            guard let pid = pid_t(name), let fields = procStatFields(pid), fields.count > 1 else { return nil }
            return pid_t(fields[1]) == me ? pid : nil
        }
    }

    /// Sends `signal` and returns at once.
    func send(signal: Int32) { kill(process.processIdentifier, signal) }

    /// Sends `signal` and waits for the exit: how it ended and its status or signal. SIGTERM by
    /// default: a SIGINT is ignored by a child whose parent ignores it (a test runner started in
    /// the background), as the CLI leaves a signal ignored at its start ignored.
    func interrupt(_ signal: Int32 = SIGTERM, timeout: Double = 30) -> (reason: Process.TerminationReason, status: Int32) {
        send(signal: signal)
        waitForExit(timeout: timeout)
        return (process.terminationReason, process.terminationStatus)
    }

    /// Closes stdin (ending the script) and waits for the exit.
    func finish(timeout: Double = 30) -> (status: Int32, stdout: String) {
        try? input.fileHandleForWriting.close()
        waitForExit(timeout: timeout)
        return (process.terminationStatus, stdout)
    }

    /// Waits for the process to end, killing it after `timeout` seconds, and stops reading its output.
    private func waitForExit(timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
    }
}

/// Whether a process runs (a zombie, ended but not yet reaped, does not).
func processIsAlive(_ pid: pid_t) -> Bool {
    guard let state = procStatFields(pid)?.first else { return false }
    return state != "Z" && state != "X"
}

/// The fields of `/proc/<pid>/stat` after "pid (comm) ": the state, then the parent's pid, …
/// (nil when the process is gone).
func procStatFields(_ pid: pid_t) -> [Substring]? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return nil }
    return stat[stat.index(after: close)...].split(separator: " ")
}
