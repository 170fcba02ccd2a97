import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Suite struct ErrorRoutingTests {
    /// An app whose onError logs what it received, whole.
    static let app = "App({ onError(e) { console.log('onError ' + (typeof e) + ' ' + e) } })"

    func onErrorTexts(_ log: EventLog) -> [String] { log.logged("onError string ") }

    @Test func exceptionInOnLaunchGoesToOnErrorAndLaunchContinues() throws {
        let log = try runApp([
            "app.js": "App({ onLaunch() { throw new Error('launch boom') }, onError(e) { console.log('onError ' + (typeof e) + ' ' + e) } })",
            "pages/index/index.js": "Page({ onLoad() { console.log('page loaded') } })",
        ])
        let text = try #require(onErrorTexts(log).first)
        #expect(text.hasPrefix("Error: launch boom\n"))
        #expect(text.contains("onLaunch@miniapp://org.test.app/app.js:1:"))
        let event = try #require(log.errors(kind: "exception").first)
        #expect(event.message == "Error: launch boom")
        #expect(event.stack?.contains("miniapp://org.test.app/app.js:1") == true)
        #expect(log.console.last == "page loaded")
        #expect(log.hooks == ["app.onLaunch", "app.onShow", "pages/index/index.onLoad", "pages/index/index.onShow", "pages/index/index.onReady"])
    }

    @Test func exceptionInOnLoadGoesToOnErrorAndOtherHooksStillRun() throws {
        let log = try runApp([
            "app.js": Self.app,
            "pages/index/index.js": "Page({\n  onLoad() {\n    null.x;\n  },\n  onShow() { console.log('shown') },\n  onReady() { console.log('ready') },\n})",
        ])
        let text = try #require(onErrorTexts(log).first)
        #expect(text.hasPrefix("TypeError: "))
        #expect(text.contains("miniapp://org.test.app/pages/index/index.js:3:"))
        #expect(log.errors(kind: "exception").count == 1)
        #expect(Array(log.console.suffix(2)) == ["shown", "ready"])
    }

    @Test func exceptionInATimerGoesToOnErrorAndTheAppKeepsRunning() throws {
        let log = try runApp([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ onLoad() { setTimeout(function tick() { throw new RangeError('timer boom') }, 0); setTimeout(() => console.log('still alive'), 10) } })",
        ])
        let text = try #require(onErrorTexts(log).first)
        #expect(text.hasPrefix("RangeError: timer boom\n"))
        #expect(text.contains("tick@miniapp://org.test.app/pages/index/index.js:1:"))
        #expect(log.errors(kind: "exception").map(\.message) == ["RangeError: timer boom"])
        #expect(log.console.last == "still alive")
    }

    @Test func exceptionInASetDataCallbackGoesToOnError() throws {
        let log = try runApp([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ onLoad() { this.setData({ a: 1 }, () => { throw new Error('cb boom') }); console.log('after setData') } })",
        ])
        #expect(log.console.first == "after setData")
        #expect(onErrorTexts(log).first?.hasPrefix("Error: cb boom\n") == true)
        #expect(log.errors(kind: "exception").count == 1)
        #expect(log.setDataEvents.count == 1)
    }

    @Test func exceptionInAPageMethodCalledByTheHost() throws {
        let log = try runApp([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ tap() { throw new Error('tap boom') }, ok() { console.log('ok') } })",
        ], commands: [.callPage(route: nil, method: "tap", argumentJSON: "{}"), .callPage(route: nil, method: "ok", argumentJSON: nil)])
        #expect(onErrorTexts(log).first?.hasPrefix("Error: tap boom") == true)
        #expect(log.console.last == "ok")
    }

    @Test func nonErrorThrownValues() throws {
        let log = try runApp([
            "app.js": Self.app,
            "pages/index/index.js": """
            Page({ onLoad() {
              setTimeout(() => { throw 'a string' }, 0);
              setTimeout(() => { throw { code: 7 } }, 1);
              setTimeout(() => { throw 42 }, 2);
              setTimeout(() => { throw { get message() { console.log('GETTER RAN'); return 'x' } } }, 3);
              setTimeout(() => { throw null }, 4);
            } })
            """,
        ])
        let texts = onErrorTexts(log)
        #expect(texts.count == 5)
        #expect(texts.first == "a string")
        #expect(texts.dropFirst().first == "{ code: 7 }")
        #expect(texts.dropFirst(2).first == "42")
        #expect(texts.last == "null")
        #expect(!log.console.contains("GETTER RAN"))
        #expect(log.errors(kind: "exception").count == 5)
    }

    @Test func withoutOnErrorTheErrorIsStillReported() throws {
        let log = try runApp([
            "pages/index/index.js": "Page({ onLoad() { throw new Error('unhandled') }, onReady() { console.log('ready') } })",
        ])
        #expect(log.errors(kind: "exception").first?.message == "Error: unhandled")
        #expect(log.console == ["ready"])
    }

    @Test func unhandledRejectionGoesToOnUnhandledRejection() throws {
        let log = try runApp([
            "app.js": """
            App({
              onUnhandledRejection(res) { console.log('rejection ' + res.reason.message + ' ' + (res.promise instanceof Promise) + ' ' + Object.keys(res).sort().join(',')) },
              onError(e) { console.log('onError ' + e) },
            })
            """,
            "pages/index/index.js": """
            Page({ onLoad() {
              Promise.reject(new Error('nobody catches'));
              Promise.reject(new Error('caught')).catch(() => {});
              (async () => { throw new Error('async') })();
              setTimeout(() => console.log('later'), 5);
            } })
            """,
        ])
        #expect(log.logged("rejection ") == ["nobody catches true promise,reason", "async true promise,reason"])
        let events = log.errors(kind: "unhandled_rejection")
        #expect(events.count == 2)
        #expect(events.first?.message.contains("nobody catches") == true)
        #expect(log.logged("onError ").isEmpty)
        #expect(log.console.last == "later")
    }

    @Test func unhandledRejectionWithoutHandlerIsStillAnEvent() throws {
        let log = try runApp([
            "pages/index/index.js": "Page({ onLoad() { Promise.reject('plain reason'); setTimeout(() => { Promise.reject(new TypeError('later')) }, 0) } })",
        ])
        let events = log.errors(kind: "unhandled_rejection")
        #expect(events.count == 2)
        #expect(events.first?.message.contains("plain reason") == true)
        #expect(events.last?.message.contains("TypeError: later") == true)
    }

    @Test func onUnhandledRejectionThatThrowsGoesToOnError() throws {
        let log = try runApp([
            "app.js": "App({ onUnhandledRejection() { throw new Error('handler broke') }, onError(e) { console.log('onError ' + e.split('\\n')[0]) } })",
            "pages/index/index.js": "Page({ onLoad() { Promise.reject(new Error('r')) } })",
        ])
        #expect(log.console == ["onError Error: handler broke"])
        #expect(log.errors(kind: "unhandled_rejection").count == 1)
    }

    @Test func onErrorThatThrowsDoesNotLoop() throws {
        let log = try runApp([
            "app.js": "let calls = 0; App({ onError(e) { calls++; console.log('onError call ' + calls); throw new Error('onError itself broke') } })",
            "pages/index/index.js": "Page({ onLoad() { throw new Error('first') }, onReady() { setTimeout(() => { throw new Error('second') }, 0); setTimeout(() => console.log('alive'), 10) } })",
        ])
        #expect(log.console == ["onError call 1", "onError call 2", "alive"])
        let exceptions = log.errors(kind: "exception").map(\.message)
        #expect(exceptions.count == 4)
        #expect(exceptions.filter { $0.contains("onError itself broke") }.count == 2)
    }

    @Test func appJSThrowingFailsTheLaunch() throws {
        let (ok, log) = try launchResult([
            "app.js": "const x = 1;\nthrow new Error('app.js is broken');",
            "pages/index/index.js": "Page({ onLoad() { console.log('SHOULD NOT LOAD') } })",
        ])
        #expect(!ok)
        let launch = try #require(log.errors(kind: "launch").first)
        #expect(launch.message.contains("app.js"))
        #expect(launch.message.contains("app.js is broken"))
        #expect(launch.stack?.contains("miniapp://org.test.app/app.js:2") == true)
        #expect(log.hooks.isEmpty)
        #expect(log.console.isEmpty)
    }

    @Test func syntaxErrorInAppJSFailsTheLaunchNamingTheFile() throws {
        let (ok, log) = try launchResult(["app.js": "App({\n  onLaunch() {\n    let = ;\n  }\n})"])
        #expect(!ok)
        let text = log.errors(kind: "launch").map { $0.message + " " + ($0.stack ?? "") }.joined()
        #expect(text.contains("SyntaxError"))
        #expect(text.contains("app.js"))
    }

    @Test func syntaxErrorInTheEntryPageIsReportedWithItsFile() throws {
        let (ok, log) = try launchResult([
            "app.js": "App({})",
            "pages/index/index.js": "Page({\n  data: { a: 1 },\n  onLoad() { const = 2 }\n})",
        ])
        #expect(!ok)
        let error = try #require(log.errors(kind: "launch").first)
        let text = error.message + " " + (error.stack ?? "")
        #expect(text.contains("SyntaxError"))
        #expect(text.contains("pages/index/index.js"))
        #expect(text.contains("miniapp://org.test.app/pages/index/index.js:3"))
        #expect(!log.allText.contains("/work/"))
    }

    @Test func syntaxErrorInANavigatedPageIsReportedWithItsFile() throws {
        let log = try runApp([
            "app.js": "App({ onError(e) { console.log('onError ' + e.split('\\n')[0]) } })",
            "pages/a/a.js": "Page({ onReady() { mp.navigateTo({ url: '/pages/b/b' }).catch(e => console.log('nav ' + e.errMsg)) } })",
            "pages/b/b.js": "Page({ x: }",
        ], pages: ["pages/a/a", "pages/b/b"])
        let error = try #require(log.errors.first)
        #expect(error.message.contains("SyntaxError"))
        #expect(error.message.contains("pages/b/b.js"))
        #expect(log.logged("nav ").first?.hasPrefix("navigateTo:fail ") == true)
        #expect(log.logged("onError ").first?.contains("pages/b/b.js") == true)
    }

    @Test func entryPageThatThrowsFailsTheLaunch() throws {
        let (ok, log) = try launchResult([
            "app.js": "App({ onError() { console.log('onError') } })",
            "pages/index/index.js": "throw new Error('page broken')",
        ])
        #expect(!ok)
        let launch = try #require(log.errors(kind: "launch").first)
        #expect(launch.message.contains("pages/index/index"))
        #expect(launch.message.contains("page broken"))
        #expect(launch.stack?.contains("miniapp://org.test.app/pages/index/index.js:1") == true)
    }

    @Test func errorsNeverShowHostPaths() throws {
        let log = try runApp([
            "app.js": Self.app,
            "pages/index/index.js": "Page({ onLoad() { require('./missing'); } })",
        ])
        #expect(log.errors(kind: "exception").first?.message.contains("'./missing'") == true)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(!log.allText.contains(cwd))
        #expect(!log.allText.contains("/work/"))
        #expect(!log.allText.contains(".swift"))
    }
}
