import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

/// The warm pool, and the recycling pool of `minihost test`: a stopped app's context group serves
/// the next app with a new global context, and never after a terminated call.
@Suite struct VMPoolTests {
    /// Launches `appJS` on `prepared`, waits until idle, stops it and returns its console lines.
    func run(_ appJS: String, on prepared: PreparedVM, cpuMs: Int = 200) throws -> [String] {
        let log = EventLog()
        let files = ["app.js": appJS, "pages/index/index.js": "Page({})"]
        let config = SandboxConfig(appId: "org.test.pool", appName: "Pool", files: files.mapValues { Data($0.utf8) },
                                   pages: ["pages/index/index"], cpuLimitMs: cpuMs)
        let sandbox = try Sandbox(config: config, prepared: prepared) { log.append($0) }
        sandbox.launch()
        waitIdle(sandbox, 5)
        let stopped = DispatchSemaphore(value: 0)
        sandbox.stop { stopped.signal() }
        stopped.wait()
        return log.console
    }

    func waitFor(_ timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return true
    }

    @Test func aRecycledGroupGivesTheNextAppAFreshGlobalContext() throws {
        let pool = VMPool(size: 1, recycle: true)
        #expect(pool.waitUntilFull())
        let first = try #require(pool.take())
        let group = first.vm
        let a = try run("""
            globalThis.leaked = 'from A'; var counter = 5;
            try { Array.prototype.extra = 1 } catch (e) {}
            App({ onLaunch() { console.log('A', typeof leaked, counter) } })
            """, on: first)
        #expect(a == ["A string 5"])
        #expect(waitFor { pool.recycled == 1 && pool.readyCount == 1 })
        let second = try #require(pool.take())
        #expect(second.vm === group)
        #expect(second.context !== first.context)
        let b = try run("""
            App({ onLaunch() {
              console.log('B', typeof leaked, typeof counter, [].extra === undefined, Object.isFrozen(Array.prototype))
            } })
            """, on: second)
        #expect(b == ["B undefined undefined true true"])
    }

    @Test func aWarmedUpVMKeepsNothingOfTheWarmUpApp() throws {
        // The app sees the same start whether its VM ran the warm-up app or not: no pages, no App,
        // no warm-up module, no timer of the warm-up's firing later.
        let probe = """
            console.log('pages', getCurrentPages().length, typeof getApp());
            try { require('./pages/w/w.js'); console.log('warm-up module found') } catch (e) { console.log('no warm-up module') }
            App({ onLaunch(o) { console.log('launch', o.path, JSON.stringify(o.query)) } })
            """
        let warm = try run(probe, on: PreparedVM.make(warm: true))
        let cold = try run(probe, on: PreparedVM.make(warm: false))
        #expect(warm == ["pages 0 undefined", "no warm-up module", "launch pages/index/index {}"])
        #expect(cold == warm)
    }

    @Test func aWarmUpThatDoesNotRunThroughIsAnError() throws {
        // A warm-up that stops early warms nothing; it must say so rather than pass silently.
        var app = WarmUpApp.files
        app["pages/w/w.js"] = "require('./missing'); Page({})"
        #expect(throws: (any Error).self) { try PreparedVM.make(apis: [], in: nil, warmUpFiles: app) }
        app = WarmUpApp.files
        app["app.js"] = "App({ onLaunch() { throw new Error('boom') } })"
        do {
            _ = try PreparedVM.make(apis: [], in: nil, warmUpFiles: app)
            Issue.record("a warm-up whose onLaunch threw was accepted")
        } catch {
            #expect("\(error)".contains("warm-up app did not run through"))
            #expect("\(error)".contains("boom"))
        }
        _ = try PreparedVM.make(apis: [], in: nil, warmUpFiles: WarmUpApp.files)
    }

    @Test func aGroupWhoseCallWasTerminatedIsNeverReused() throws {
        let pool = VMPool(size: 1, recycle: true)
        #expect(pool.waitUntilFull())
        let first = try #require(pool.take())
        let group = first.vm
        _ = try run("App({ onLaunch() { for (;;) {} } })", on: first, cpuMs: 50)
        #expect(group.wasEverTerminated)
        #expect(waitFor { pool.readyCount == 1 })
        Thread.sleep(forTimeInterval: 0.1)
        #expect(pool.recycled == 0)
        let next = try #require(pool.take())
        #expect(next.vm !== group)
    }

    @Test func aRecyclingPoolWaitsForStoppedAppsGroupsRatherThanMakingMore() throws {
        let pool = VMPool(size: 1, recycle: true)
        #expect(pool.waitUntilFull())
        #expect(VMPool.extraGroups == 2)
        let first = try #require(pool.take())
        // Two groups more than its size: the one taken may be running an app, and one more.
        #expect(pool.waitUntilFull())
        let second = try #require(pool.take())
        #expect(pool.waitUntilFull())
        let third = try #require(pool.take())
        #expect(Set([first.vm, second.vm, third.vm].map(ObjectIdentifier.init)).count == 3)
        // Three groups alive, all serving apps: no fourth group; the next VM waits for one of them.
        Thread.sleep(forTimeInterval: 0.2)
        #expect(pool.readyCount == 0)
        _ = try run("App({})", on: first)
        #expect(waitFor { pool.readyCount == 1 })
        let fourth = try #require(pool.take())
        #expect(fourth.vm === first.vm)
        _ = try run("App({})", on: second)
        _ = try run("App({})", on: third)
        _ = try run("App({})", on: fourth)
    }

    @Test func aGroupIsLetGoAfterItsShareOfApps() throws {
        // Size 0: every VM is made on the caller's thread, in the spare group if there is one.
        let pool = VMPool(size: 0, recycle: true)
        let first = try #require(pool.takeOrMake())
        let group = first.vm
        #expect(try run("App({ onLaunch() { console.log('1') } })", on: first) == ["1"])
        var served = 1
        while served < VMPool.maxAppsPerGroup {
            let vm = try #require(pool.takeOrMake())
            #expect(vm.vm === group, "app \(served + 1) got a new group")
            _ = try run("App({})", on: vm)
            served += 1
        }
        #expect(group.earlierApps == VMPool.maxAppsPerGroup)
        // The group has served its share: the next app gets a new one.
        let next = try #require(pool.takeOrMake())
        #expect(next.vm !== group)
    }

    @Test func aVMMadeBecauseThePoolWasEmptyIsThePoolsAndComesBack() throws {
        // Size 0: the pool never prepares ahead, so every VM is made on the caller's thread.
        let pool = VMPool(size: 0, recycle: true)
        #expect(pool.take() == nil)
        let first = try #require(pool.takeOrMake())
        #expect(first.recycler === pool)
        let group = first.vm
        #expect(try run("App({ onLaunch() { globalThis.leaked = 1; console.log('A') } })", on: first) == ["A"])
        // Its group came back when the app stopped, and the next VM made is made in it, fresh.
        let second = try #require(pool.takeOrMake())
        #expect(second.vm === group)
        #expect(second.context !== first.context)
        #expect(pool.recycled == 1)
        #expect(try run("App({ onLaunch() { console.log('B', typeof leaked) } })", on: second) == ["B undefined"])
        // A pool that does not recycle makes one all the same, and never takes its group back.
        let plain = VMPool(size: 0)
        let made = try #require(plain.takeOrMake())
        #expect(made.recycler == nil)
        _ = try run("App({})", on: made)
        #expect(try #require(plain.takeOrMake()).vm !== made.vm)
    }

    @Test func aPoolThatDoesNotRecycleNeverReusesAGroup() throws {
        let pool = VMPool(size: 1)
        #expect(pool.waitUntilFull())
        let first = try #require(pool.take())
        let group = first.vm
        _ = try run("App({})", on: first)
        #expect(waitFor { pool.readyCount == 1 })
        #expect(pool.recycled == 0)
        #expect(try #require(pool.take()).vm !== group)
    }
}
