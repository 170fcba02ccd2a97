import Foundation
import MiniHostCore
import MiniHostIsolation
import MiniHostProtocol
import XCTest
@testable import MiniHostDevTest

/// The driver's handle on a test's app: its launch comes at the end of the driver's turn, so a
/// test can end (and close the app) before it.
final class DriverAppTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-driverapp-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pages/index"), withIntermediateDirectories: true)
        try Data(#"{"app_id": "org.example.closed", "name": "Closed", "pages": ["pages/index/index"]}"#.utf8)
            .write(to: dir.appendingPathComponent("manifest.json"))
        try Data("App({})".utf8).write(to: dir.appendingPathComponent("app.js"))
        try Data("Page({ onReady() { setInterval(() => {}, 5) } })".utf8).write(to: dir.appendingPathComponent("pages/index/index.js"))
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func makeApp(_ handle: Int, _ config: RunConfig, _ session: DriverSession, _ world: TestWorld) -> DriverApp {
        DriverApp(handle: handle, package: config.package, world: world, options: LaunchOptions(), conversation: nil, apis: config.apis, session: session)
    }

    private func stop(_ app: DriverApp) {
        let stopped = expectation(description: "stopped")
        app.stop { stopped.fulfill() }
        wait(for: [stopped], timeout: 10)
    }

    /// A runtime's reply to a driver request: its value goes on as the text it came as; an error
    /// as its message; a string cut inside a surrogate pair gets the replacement character; a
    /// reply that is still not strict JSON fails its request instead of leaving it to wait for
    /// the test's timeout.
    func testADriverReplyPassesItsValueOnAsTextAndFailsWhenItIsNotJSON() {
        let ok = DriverApp.driverReply(#"{"token":12,"ok":true,"value":{"route":"pages/a","data":{"n":[1,"\u00e9"]}}}"#)
        XCTAssertEqual(ok?.token, 12)
        XCTAssertEqual(ok?.ok, true)
        XCTAssertEqual(ok?.text, #"{"route":"pages/a","data":{"n":[1,"\u00e9"]}}"#)
        XCTAssertEqual(DriverApp.driverReply(#"{"token":3,"ok":true,"value":null}"#)?.text, "null")
        let refused = DriverApp.driverReply(#"{"token":4,"ok":false,"error":"no page \"x\" in the page stack"}"#)
        XCTAssertEqual(refused?.ok, false)
        XCTAssertEqual(refused?.text, #"no page "x" in the page stack"#)
        let cut = DriverApp.driverReply(#"{"token":5,"ok":true,"value":{"s":"\ud83d","t":"\ud83d\ude00"}}"#)
        XCTAssertEqual(cut?.ok, true)
        XCTAssertEqual(cut?.text, #"{"s":"\ufffd","t":"\ud83d\ude00"}"#)
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let unreadable = DriverApp.driverReply(#"{"token":6,"ok":true,"value":"# + deep + "}")
        XCTAssertEqual(unreadable?.token, 6)
        XCTAssertEqual(unreadable?.ok, false)
        XCTAssertEqual(unreadable?.text.contains("cannot be read as JSON"), true)
        XCTAssertNil(DriverApp.driverReply("not json"))
        XCTAssertNil(DriverApp.driverReply(#"{"token":"x","ok":true}"#))
    }

    func testAnAppClosedBeforeItsLaunchCameRoundNeverStarts() throws {
        let package = try AppPackage.load(manifestURL: dir.appendingPathComponent("manifest.json"), dev: true)
        let config = try RunConfig(package: package, isolation: .inProcess)
        let session = DriverSession(file: TestFile(url: dir.appendingPathComponent("tests/a.test.js"), displayPath: "tests/a.test.js", source: ""), config: config)
        let world = try TestWorld(model: .default, policy: (grant: [], deny: []), maxPromptWait: 1, inMemory: true)
        defer { world.remove() }

        // The test ended first: its app was closed, and its launch, coming after, starts nothing
        // (before, it started an app that nothing stopped, with its timers, for the rest of the run).
        let closed = makeApp(1, config, session, world)
        stop(closed)
        closed.startIfNeeded(isolation: .inProcess, pool: nil)
        XCTAssertNil(closed.running)
        XCTAssertNil(closed.host)

        // An app whose launch comes first starts, and stops when closed.
        let open = makeApp(2, config, session, world)
        open.startIfNeeded(isolation: .inProcess, pool: nil)
        let running = try XCTUnwrap(open.running)
        XCTAssertEqual(running.waitForLaunch(timeout: 10), true)
        stop(open)
        XCTAssertNotNil(running.exit)
    }

    func testATestsAppAndWorldGoAwayOnceTheAppStopped() throws {
        let package = try AppPackage.load(manifestURL: dir.appendingPathComponent("manifest.json"), dev: true)
        for isolation in [Isolation.inProcess, .process] {
            WorldDirectories.shared.removeKept()  // so that this world's directory is kept
            let config = try RunConfig(package: package, isolation: isolation)
            defer { config.close() }
            let session = DriverSession(file: TestFile(url: dir.appendingPathComponent("tests/a.test.js"), displayPath: "tests/a.test.js", source: ""), config: config)
            weak var weakWorld: TestWorld?
            weak var weakApp: DriverApp?
            weak var weakServices: HostServices?
            var directory: URL?
            do {
                let world = try TestWorld(model: .default, policy: (grant: [], deny: []), maxPromptWait: 1, inMemory: false)
                directory = world.directory
                let app = makeApp(1, config, session, world)
                weakWorld = world
                weakApp = app
                weakServices = world.services
                app.startIfNeeded(isolation: isolation, pool: nil, workers: config.workerPool)
                XCTAssertEqual(try XCTUnwrap(app.running).waitForLaunch(timeout: 10), true, "\(isolation)")
                stop(app)
                world.remove()
            }
            // Before, the app's bridge held the driver's handle, which held the app: every test's
            // app, its VM and its world (an open database) stayed to the end of the run.
            let deadline = Date().addingTimeInterval(10)
            while (weakApp != nil || weakWorld != nil || weakServices != nil) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            XCTAssertNil(weakApp, "\(isolation): the driver's app handle was kept")
            XCTAssertNil(weakWorld, "\(isolation): the world was kept")
            XCTAssertNil(weakServices, "\(isolation): the world's services were kept")
            // Its directory is kept for the next world, whose database starts empty.
            let next = try TestWorld(model: .default, policy: (grant: [], deny: []), maxPromptWait: 1, inMemory: false)
            XCTAssertEqual(next.directory, directory, "\(isolation)")
            next.remove()
        }
    }

    func testARunConfigThatGoesAwayRemovesTheWorldsItMadeAhead() throws {
        let package = try AppPackage.load(manifestURL: dir.appendingPathComponent("manifest.json"), dev: true)
        var made: [URL] = []
        do {
            let config = try RunConfig(package: package, isolation: .inProcess)
            let deadline = Date().addingTimeInterval(20)
            while (config.worldPool?.readyDirectories.count ?? 0) < 3 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            made = config.worldPool?.readyDirectories ?? []
        }
        // Never closed: before, its worlds stayed in the temporary directory for good.
        XCTAssertEqual(made.count, 3)
        for url in made { XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), url.path) }
    }

    func testAProcessIsolatedRunLaunchesFromWorkersStartedAhead() throws {
        let package = try AppPackage.load(manifestURL: dir.appendingPathComponent("manifest.json"), dev: true)
        XCTAssertNil(try RunConfig(package: package, isolation: .inProcess).workerPool)
        let config = try RunConfig(package: package, isolation: .process)
        defer { config.close() }
        let workers = try XCTUnwrap(config.workerPool)
        workers.waitUntilReady(1, timeout: 60)
        let session = DriverSession(file: TestFile(url: dir.appendingPathComponent("tests/a.test.js"), displayPath: "tests/a.test.js", source: ""), config: config)
        let world = try TestWorld(model: .default, policy: (grant: [], deny: []), maxPromptWait: 1, inMemory: true)
        defer { world.remove() }

        let app = makeApp(1, config, session, world)
        app.startIfNeeded(isolation: .process, pool: nil, workers: workers)
        let running = try XCTUnwrap(app.running)
        XCTAssertNotNil(running.worker)
        XCTAssertEqual(workers.handedOut, 1)
        XCTAssertEqual(running.waitForLaunch(timeout: 10), true)
        stop(app)
    }
}
