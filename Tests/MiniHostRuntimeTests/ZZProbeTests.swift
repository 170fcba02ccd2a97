import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Test(arguments: 0..<4) func probe(_ k: Int) throws {
    let log = EventLog()
    let config = SandboxConfig(appId: "org.test.app", appName: "T", files: [
        "app.js": Data("App({})".utf8),
        "pages/index/index.js": Data("Page({ spin() { for (;;) {} }, ping() { console.log('pong') } })".utf8),
    ], pages: ["pages/index/index"], cpuLimitMs: 20)
    let sandbox = try Sandbox(config: config) { log.append($0) }
    sandbox.launch()
    waitIdle(sandbox, 5)
    for i in 0..<200 {
        sandbox.perform(.callPage(route: nil, method: "spin", argumentJSON: nil))
        if i % 2 == 0 { sandbox.perform(.callPage(route: nil, method: "ping", argumentJSON: nil)) }
        let sem = DispatchSemaphore(value: 0)
        sandbox.whenIdle { sem.signal() }
        if sem.wait(timeout: .now() + 3) == .timedOut {
            print("PROBE HANG at", k, i, log.errors.count)
            return
        }
    }
    print("PROBE ok", k, log.errors(kind: "cpu_limit").count, log.console.count)
}
