import Dispatch
import Foundation
import MiniHostCore
import MiniHostEngine
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol

/// One test file: where it is and what it holds.
public struct TestFile: Sendable {
    public var url: URL
    /// The path shown in reports and stack traces: relative to the package (`tests/nav.test.js`).
    public var displayPath: String
    public var source: String
}

/// What a test came to.
public enum TestStatus: String, Sendable, Codable {
    case passed, failed, skipped
}

/// One test's outcome (also the file-level failures: a syntax error, a file that throws while
/// loading, a failing `afterAll`).
public struct TestResult: Sendable {
    public struct Failure: Sendable {
        public var name: String
        public var message: String
        public var stack: String
        public var expected: String?
        public var actual: String?
        public var diff: String?
    }

    public var file: String
    /// The full title: the `describe` names and the test's, joined with " > ".
    public var name: String
    public var status: TestStatus
    /// The line of the failure in the test file (else where the test is declared).
    public var line: Int
    public var ms: Double
    public var error: Failure?
    /// The app's console around the failure (its last lines).
    public var console: [String] = []
    /// What the test file printed (`console.*`) during this test.
    public var output: [LogLine] = []

    /// One `console.*` line of a test file.
    public struct LogLine: Sendable {
        public var level: String
        public var message: String
    }

    init(file: String, name: String, status: TestStatus, line: Int, ms: Double, error: Failure? = nil) {
        self.file = file
        self.name = name
        self.status = status
        self.line = line
        self.ms = ms
        self.error = error
    }

    /// From the driver's report (`{name, status, line, ms, error}`).
    static func from(json: String, file: String) -> TestResult? {
        guard let o = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
              let name = o["name"] as? String, let status = (o["status"] as? String).flatMap(TestStatus.init(rawValue:)) else { return nil }
        var failure: Failure?
        var line = (o["line"] as? NSNumber)?.intValue ?? 0
        if let e = o["error"] as? [String: Any] {
            let stack = e["stack"] as? String ?? ""
            failure = Failure(name: e["name"] as? String ?? "Error", message: e["message"] as? String ?? "", stack: stack,
                              expected: e["expected"] as? String, actual: e["actual"] as? String, diff: (e["diff"] as? String).flatMap { $0.isEmpty ? nil : $0 })
            let at = Self.line(in: stack, file: file)
            if at > 0 { line = at }
        }
        return TestResult(file: file, name: name, status: status, line: line, ms: (o["ms"] as? NSNumber)?.doubleValue ?? 0, error: failure)
    }

    /// The first line of `file` in a JavaScriptCore stack (`fn@tests/x.test.js:12:5`).
    static func line(in stack: String, file: String) -> Int {
        for frame in stack.split(separator: "\n") {
            let f = frame.trimmingCharacters(in: .whitespaces)
            guard let at = f.range(of: "@" + file + ":") ?? (f.hasPrefix(file + ":") ? f.range(of: file + ":") : nil) else { continue }
            let rest = f[at.upperBound...]
            if let n = Int(rest.prefix { $0.isNumber }) { return n }
        }
        return 0
    }
}

/// How a run is set up: the package, the isolation, the world, the filter and the timeout.
public final class RunConfig: @unchecked Sendable {
    public let package: AppPackage
    public let isolation: Isolation
    public let timeoutMs: Double
    public let filter: String?
    private let filterRegex: NSRegularExpression?
    /// The world file given with `--world` (else `tests/world.json` in the package, else the default).
    public let defaultWorld: URL?
    /// Prepared VMs for in-process launches (nil: each launch makes its VM).
    public let vmPool: InProcessVMPool?
    /// Worker processes started ahead for process-isolated launches (nil in-process): a test's
    /// app gets a worker that is already running and prepared, started while the previous test
    /// ran, instead of starting one on its launch path.
    public let workerPool: WorkerPool?
    /// Worlds in memory instead of a temporary directory (the benchmark's choice; default false).
    public let inMemoryWorlds: Bool
    /// Where the apps' network calls go (`--network`): the world's answers, or the real network.
    public let network: NetworkMode
    /// How many console lines of the app a failure report shows.
    public let consoleLines = 12
    /// The host API names (for `app.mock` checks).
    public let apis: [APIDescriptor]
    /// Rewrite snapshots that differ (`--update-snapshots`) instead of failing.
    public var updateSnapshots = false
    /// Called as each test finishes (the spec reporter prints as it goes).
    public var progress: (@Sendable (TestResult) -> Void)?
    /// Called with what a test file printed after its last test (in `afterAll`).
    public var fileOutput: (@Sendable (String, [TestResult.LogLine]) -> Void)?

    public init(package: AppPackage, isolation: Isolation, timeoutMs: Double = 5000, filter: String? = nil, world: URL? = nil,
                vmPool: InProcessVMPool? = nil, inMemoryWorlds: Bool = false, network: NetworkMode = .world) throws {
        self.package = package
        self.network = network
        self.isolation = isolation
        self.timeoutMs = timeoutMs
        self.filter = filter
        if let filter, filter.count > 2, filter.hasPrefix("/"), filter.hasSuffix("/") {
            do { filterRegex = try NSRegularExpression(pattern: String(filter.dropFirst().dropLast())) } catch {
                throw DevTestError("--filter \(filter): not a valid regular expression")
            }
        } else {
            filterRegex = nil
        }
        let tests = package.rootURL.appendingPathComponent("tests/world.json")
        self.defaultWorld = world ?? (FileManager.default.fileExists(atPath: tests.path) ? tests : nil)
        self.vmPool = vmPool
        self.inMemoryWorlds = inMemoryWorlds
        self.apis = try Self.standardAPIs()
        if let world { _ = try World.load(world) }
        let model = try self.defaultWorld.map { try World.load($0) } ?? .default
        let promptWait = timeoutMs / 1000 + 5
        worldPool = WorldPool(size: 3) { try TestWorld(model: model, policy: ([], []), maxPromptWait: promptWait, inMemory: inMemoryWorlds, network: network) }
        // Two, replaced as soon as one is taken: one test's app starts while the next worker
        // starts on the other core. (Last: nothing after it can throw and leave them running.)
        workerPool = isolation == .process ? WorkerPool(size: 2, apis: apis, refillDelayMs: 0) : nil
    }

    /// The warm pool `minihost test` runs in-process apps from: VMs prepared ahead, in the
    /// context groups of stopped apps. Four, because with two the pool ran dry between small
    /// tests on two cores and apps then made their VMs in new groups (`minihost-bench devtest`).
    /// `views`: the package has templates, so its VMs are worth preparing with their view context.
    public static func makeVMPool(views: Bool = true) throws -> InProcessVMPool {
        InProcessVMPool(size: 4, apis: try standardAPIs(), recycle: true, views: views)
    }

    /// The host APIs a test's app gets (their stubs in its VM, and the names `app.mock` checks).
    /// Made once per process: the run and its VM pool both ask.
    public static func standardAPIs() throws -> [APIDescriptor] { try standardDescriptors.get() }

    private static let standardDescriptors = Result {
        HostAPIRegistry.standard(services: try HostServices(database: .inMemory(), prompter: DenyAllPrompter())).descriptors
    }

    /// Worlds of the default world, made ahead (a test that names its own world makes it itself).
    private(set) var worldPool: WorldPool?

    /// Removes what the run made ahead and did not use. A config that goes away does it too.
    public func close() {
        worldPool?.close()
        WorldDirectories.shared.removeKept()
        workerPool?.drain()
    }

    deinit { close() }

    /// Whether a test's full name passes `--filter` (a substring, or `/regex/`).
    public func matches(_ name: String) -> Bool {
        guard let filter else { return true }
        if let filterRegex { return filterRegex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil }
        return name.contains(filter)
    }

    /// The world of a launch: `world` is a path (relative to the test file) or an object; none
    /// means the run's default world.
    func world(_ spec: Any?, relativeTo dir: URL) throws -> World {
        switch spec {
        case nil, is NSNull:
            if let defaultWorld { return try World.load(defaultWorld) }
            return .default
        case let path as String:
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : dir.appendingPathComponent(path)
            return try World.load(url)
        case let object as [String: Any]:
            let data = try JSONSerialization.data(withJSONObject: object)
            var world = try World.parse(data, file: "minihost.launch({world})")
            try world.resolveMedia(relativeTo: dir, file: "minihost.launch({world})")
            return world
        default:
            throw DriverError("minihost.launch({world}): world must be a file path or an object")
        }
    }
}

/// A bad target or test layout (exit status 2).
public struct DevTestError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Finds and runs a package's tests (`tests/**/*.test.js`), one file at a time, each in its own
/// driver VM.
public enum TestRunner {
    /// Tunes the engine for a process whose apps each live a few milliseconds (every test
    /// launches a fresh app): see ``JSVirtualMachine/tuneForShortLivedApps()``. Call it before the
    /// process makes its first VM; returns false, and changes nothing, after that.
    @discardableResult
    public static func prepareEngineForTests() -> Bool { JSVirtualMachine.tuneForShortLivedApps() }

    /// The test files under the package's `tests/` folder, sorted by path.
    public static func discover(_ package: AppPackage) throws -> [TestFile] {
        let root = package.rootURL.standardizedFileURL
        let tests = root.appendingPathComponent("tests", isDirectory: true)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: tests.path, isDirectory: &isDir), isDir.boolValue else {
            throw DevTestError("\(tests.path): no tests folder (write tests as tests/**/*.test.js in the package)")
        }
        guard let walker = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw DevTestError("\(tests.path): cannot read the tests folder")
        }
        var files: [TestFile] = []
        for case let url as URL in walker where url.lastPathComponent.hasSuffix(".test.js") {
            let path = url.standardizedFileURL.path
            let display = path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            guard let data = FileManager.default.contents(atPath: path) else { throw DevTestError("\(path): cannot read the test file") }
            guard let source = String(data: data, encoding: .utf8) else { throw DevTestError("\(path): the test file is not valid UTF-8") }
            files.append(TestFile(url: url, displayPath: display, source: source))
        }
        if files.isEmpty { throw DevTestError("\(tests.path): no test files (*.test.js)") }
        return files.sorted { $0.displayPath < $1.displayPath }
    }

    /// Runs the files one after another; returns every result in order. Under `bail` the run
    /// stops after the first file with a failed test.
    public static func run(_ files: [TestFile], config: RunConfig, bail: Bool = false) -> [TestResult] {
        var filesRun = 0
        return run(files, config: config, bail: bail, filesRun: &filesRun)
    }

    /// As ``run(_:config:bail:)``, counting the files that ran (fewer than given after a bail).
    public static func run(_ files: [TestFile], config: RunConfig, bail: Bool, filesRun: inout Int) -> [TestResult] {
        var all: [TestResult] = []
        for file in files {
            let results = DriverSession(file: file, config: config).run()
            all += results
            filesRun += 1
            if bail && results.contains(where: { $0.status == .failed }) { break }
        }
        config.close()
        return all
    }
}
