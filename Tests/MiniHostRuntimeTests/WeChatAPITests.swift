import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

/// A host that implements `getStorageSync` only and answers every other name as MiniHost's host
/// does (1008, "not supported by MiniHost"), keeping the names it was called with.
final class NamesEndpoint: BridgeEndpoint, @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    var apis: [APIDescriptor] { [APIDescriptor(name: "getStorage", kind: .async), APIDescriptor(name: "getStorageSync", kind: .sync)] }
    func callSync(_ call: BridgeCall) -> BridgeReply {
        lock.withLock { names.append(call.api) }
        if call.api.hasPrefix("getStorage") { return BridgeReply(id: call.id, result: .success(.value(.string("v")))) }
        return BridgeReply(id: call.id, result: .failure(BridgeError(.serviceUnavailable, "not supported by MiniHost")))
    }
    func callAsync(_ call: BridgeCall, reply: @escaping @Sendable (BridgeReply) -> Void) { reply(callSync(call)) }
    func answersAtOnce(_ api: String) -> Bool { true }
    var called: [String] { lock.withLock { names } }
}

/// WeChat's other names (`JS/wechat-apis.json`) and the runtime's own members of `wx`.
@Suite struct WeChatAPITests {
    func start(_ files: [String: String], endpoint: NamesEndpoint = NamesEndpoint(), version: String = "",
               commands: [HostCommand] = []) throws -> (EventLog, NamesEndpoint) {
        let log = EventLog()
        var all = files
        if all["app.js"] == nil { all["app.js"] = "App({})" }
        if all["pages/two/two.js"] == nil { all["pages/two/two.js"] = "Page({})" }
        let config = SandboxConfig(appId: "org.test.names", appName: "Names", files: all.mapValues { Data($0.utf8) },
                                   pages: ["pages/index/index", "pages/two/two"], cpuLimitMs: 500, appVersion: version)
        let sandbox = try Sandbox(config: config, endpoint: endpoint) { log.append($0) }
        sandbox.launch()
        #expect(idleWithin(sandbox, 10, "launch"))
        for c in commands {
            sandbox.perform(c)
            #expect(idleWithin(sandbox, 10, "\(c)"))
        }
        let stopped = DispatchSemaphore(value: 0)
        sandbox.stop { stopped.signal() }
        stopped.wait()
        return (log, endpoint)
    }

    /// Every name of the list exists with its shape; canIUse is true for the runtime's members and
    /// the host's APIs, false for the rest; a name the list shares with the host keeps the host's stub.
    @Test func everyListedNameExistsAndCanIUseSaysWhatWorks() throws {
        let table = WeChatAPIs.entries.map { [$0.name, $0.kind] }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: table), as: UTF8.self)
        let runtime = String(decoding: try JSONSerialization.data(withJSONObject: Array(WeChatAPIs.runtimeNames)), as: UTF8.self)
        let (log, _) = try start(["pages/index/index.js": """
        const table = \(json), runtime = new Set(\(runtime)), host = new Set(['getStorage', 'getStorageSync']);
        const wrong = [];
        for (const [name, kind] of table) {
          const parts = name.split('.'), v = parts.length === 2 ? wx[parts[0]][parts[1]] : wx[name];
          if (typeof v !== 'function') wrong.push(name + ' is ' + typeof v);
          const works = runtime.has(name) || host.has(name);
          if (wx.canIUse(name) !== works) wrong.push('canIUse(' + name + ') is ' + wx.canIUse(name));
        }
        for (const name of Object.keys(wx)) {
          if (typeof wx[name] === 'function' && wx.canIUse(name) && !runtime.has(name) && !host.has(name) && name !== 'canIUse')
            wrong.push(name + ' works but is not named in the list of runtime members');
        }
        console.log(wrong.length === 0 ? 'all ' + table.length : wrong.join('; '));
        console.log(wx === mp, Object.isFrozen(wx), Object.isFrozen(wx.cloud), typeof wx.cloud, typeof wx.env);
        Page({})
        """])
        #expect(log.console == ["all \(WeChatAPIs.entries.count)", "true true true object object"], "\(log.events)")
        #expect(WeChatAPIs.entries.count > 450)
        #expect(WeChatAPIs.runtimeNames.isSubset(of: WeChatAPIs.names))
    }

    @Test func canIUseReadsSchemaPathsAndRefusesComponents() throws {
        let (log, _) = try start(["pages/index/index.js": """
        const q = ['getStorageSync.return', 'getStorage.success.data', 'getStorage.object.key', 'getStorage.bogus',
          'env.USER_DATA_PATH', 'env.nothing', 'env', 'cloud', 'cloud.callFunction', 'addCard', 'addCard.success',
          'button.open-type.contact', 'view', 'toString', 'hasOwnProperty', '', 'nextTick', 'getUpdateManager'];
        console.log(q.map((s) => s + '=' + wx.canIUse(s)).join(' '), wx.canIUse(), wx.canIUse(42));
        Page({})
        """])
        #expect(log.console == ["getStorageSync.return=true getStorage.success.data=true getStorage.object.key=true getStorage.bogus=false "
            + "env.USER_DATA_PATH=true env.nothing=false env=true cloud=false cloud.callFunction=false addCard=false addCard.success=false "
            + "button.open-type.contact=false view=false toString=false hasOwnProperty=false =false nextTick=true getUpdateManager=true false false"])
    }

    /// Async names fail with 1008 (callbacks or a rejected Promise), sync names throw it, factories
    /// return objects whose methods fail, listeners raise nothing; each top-level call reaches the
    /// host by its name.
    @Test func unsupportedNamesFailWith1008AndReachTheHost() throws {
        let (log, endpoint) = try start(["pages/index/index.js": """
        Page({ async onLoad() {
          wx.addCard({ fail: (e) => console.log('fail ' + e.errMsg + ' ' + e.errCode), complete: (e) => console.log('complete ' + e.errCode) });
          await wx.chooseInvoice({ a: 1 }).catch((e) => console.log('rejected ' + e.errMsg + ' ' + e.errCode));
          try { wx.getExptInfoSync(); } catch (e) { console.log('threw ' + e.message + ' ' + e.errCode + ' ' + e.errMsg); }
          try { wx.cloud.database(); } catch (e) { console.log('threw ' + e.errMsg); }
          const ctx = wx.createMapContext('map', this);
          ctx.getCenterLocation({ fail: (e) => console.log('method ' + e.errMsg + ' ' + e.errCode) });
          const q = wx.createSelectorQuery();
          console.log(q.select('#a').boundingClientRect() === q, q.in(this) === q); q.exec(() => {});
          try { wx.getFileSystemManager().readFileSync('a'); } catch (e) { console.log('threw ' + e.errMsg); }
          wx.onAccelerometerChange(() => {}); wx.offAccelerometerChange();
          console.log(String(wx.getStorageSync('k')));
        } })
        """])
        let lines = log.events.compactMap { if case let .console(level, m, _) = $0 { return "\(level): \(m)" } else { return nil } }
        #expect(lines == [
            "log: fail addCard:fail not supported by MiniHost 1008", "log: complete 1008",
            "log: rejected chooseInvoice:fail not supported by MiniHost 1008",
            "log: threw getExptInfoSync:fail not supported by MiniHost 1008 getExptInfoSync:fail not supported by MiniHost",
            "log: threw cloud.database:fail not supported by MiniHost",
            "log: true true",
            "log: threw FileSystemManager.readFileSync:fail not supported by MiniHost",
            "log: v",
            "log: method MapContext.getCenterLocation:fail not supported by MiniHost 1008",
            "warn: onAccelerometerChange:fail not supported by MiniHost (errCode 1008); its listeners are never called",
            "warn: offAccelerometerChange:fail not supported by MiniHost (errCode 1008); its listeners are never called",
            "warn: createMapContext:fail not supported by MiniHost (errCode 1008); its MapContext does nothing",
        ], "\(log.events)")
        #expect(endpoint.called == ["addCard", "chooseInvoice", "getExptInfoSync", "cloud.database", "createMapContext",
                                    "onAccelerometerChange", "offAccelerometerChange", "getStorageSync"])
        #expect(log.errors.isEmpty, "\(log.errors)")
    }

    @Test func launchAndEnterOptionsAccountInfoAndEnv() throws {
        let (log, _) = try start(["app.js": "App({ onLaunch() { console.log('in onLaunch ' + wx.getLaunchOptionsSync().path) } })",
                                  "pages/index/index.js": """
        Page({ onLoad() {
          const o = wx.getLaunchOptionsSync(); o.path = 'changed';
          console.log(JSON.stringify(wx.getLaunchOptionsSync()), JSON.stringify(wx.getEnterOptionsSync()));
          console.log(JSON.stringify(wx.getAccountInfoSync()), wx.env.USER_DATA_PATH);
        }, report() { console.log('enter ' + JSON.stringify(wx.getEnterOptionsSync()) + ' launch ' + wx.getLaunchOptionsSync().path) } })
        """], version: "2.0.1", commands: [.navigate(url: "/pages/two/two?x=1"), .hide, .show, .callPage(route: "pages/index/index", method: "report", argumentJSON: nil)])
        let launch = #"{"path":"pages/index/index","query":{},"scene":"launch","referrerInfo":{}}"#
        #expect(log.console == [
            "in onLaunch pages/index/index", launch + " " + launch,
            #"{"miniProgram":{"appId":"org.test.names","envVersion":"develop","version":"2.0.1"}} wxfile://usr"#,
            #"enter {"path":"pages/two/two","query":{"x":"1"},"scene":"launch","referrerInfo":{}} launch pages/index/index"#,
        ], "\(log.events)")
    }

    /// An unsupported object's method that WeChat gives a Promise (an ad's `show`) rejects it.
    @Test func anUnsupportedPromiseMethodRejects() throws {
        let (log, _) = try start(["pages/index/index.js": """
        Page({ async onLoad() {
          const ad = wx.createInterstitialAd({ adUnitId: 'adunit-1' });
          await ad.load().catch((e) => console.log('load ' + e.errCode));
          await ad.show().catch((e) => console.log('show ' + e.errCode + ' ' + e.errMsg));
        } })
        """])
        #expect(log.console == ["load 1008", "createInterstitialAd:fail not supported by MiniHost (errCode 1008); its InterstitialAd does nothing",
                                "show 1008 InterstitialAd.show:fail not supported by MiniHost"], "\(log.events)")
    }

    /// Pages and components have the view layer's instance methods: without a template queries
    /// find nothing, the intersection observer is wx's unsupported object, animations warn once;
    /// an app's own method of the same name wins.
    @Test func viewLayerInstanceMethodsExistWithoutAView() throws {
        let probe = """
          console.log([this.selectComponent('#cart'), this.selectAllComponents('.item').length, this.getRelationNodes('./x').length,
            typeof this.createSelectorQuery().select('#a').boundingClientRect, typeof this.createIntersectionObserver().observe].join(' '));
          this.animate('#a', [{ opacity: 0 }], 100); this.animate('#b', [], 1); this.clearAnimation('#a');
        """
        let (log, _) = try start([
            "pages/index/index.js": "Page({ onLoad() {\n\(probe)\n}, selectAllComponents() { return ['own']; } })",
            "pages/two/two.js": "Component({ methods: { onLoad() {\n\(probe)\n} } })",
        ], commands: [.navigate(url: "/pages/two/two")])
        #expect(log.console == [
            " 1 0 function function",
            "animate: not supported by MiniHost without a view layer (errCode 1008)",
            "clearAnimation: not supported by MiniHost without a view layer (errCode 1008)",
            "createIntersectionObserver:fail not supported by MiniHost (errCode 1008); its IntersectionObserver does nothing",
            " 0 0 function function",
        ], "\(log.events)")
    }

    /// `ext.json`'s `ext` when `extEnable` is true, else `{}`; without the file, `{}` too.
    @Test func extConfigComesFromExtJSON() throws {
        let page = """
        Page({ async onLoad() {
          const a = wx.getExtConfigSync(); a.changed = true;
          console.log(JSON.stringify(wx.getExtConfigSync()), JSON.stringify((await wx.getExtConfig()).extConfig));
        } })
        """
        let (on, _) = try start(["pages/index/index.js": page, "ext.json": #"{"extEnable": true, "extAppid": "wx1", "ext": {"subDomain": "shop"}}"#])
        #expect(on.console == [#"{"subDomain":"shop"} {"subDomain":"shop"}"#], "\(on.events)")
        let (off, _) = try start(["pages/index/index.js": page, "ext.json": #"{"extEnable": false, "ext": {"subDomain": "shop"}}"#])
        #expect(off.console == ["{} {}"], "\(off.events)")
        let (none, _) = try start(["pages/index/index.js": page])
        #expect(none.console == ["{} {}"], "\(none.events)")
    }

    @Test func appEventListenersRunAfterTheAppsHooksAndOffRemovesThem() throws {
        let (log, _) = try start(["app.js": """
        const show = (o) => console.log('onAppShow ' + o.path), hide = () => console.log('onAppHide');
        App({ onLaunch() { wx.onAppShow(show); wx.onAppHide(hide); wx.onAppHide(() => wx.offAppShow(show)) },
              onShow() { console.log('App.onShow') }, onHide() { console.log('App.onHide') } })
        """, "pages/index/index.js": "Page({})"], commands: [.hide, .show])
        #expect(log.console == ["App.onShow", "onAppShow pages/index/index", "App.onHide", "onAppHide", "App.onShow"], "\(log.events)")
    }

    @Test func errorAndRejectionListeners() throws {
        let (log, _) = try start(["app.js": "App({ onError(m) { console.log('App.onError ' + m.split('\\n')[0]) } })", "pages/index/index.js": """
        const mine = (m) => console.log('wx.onError ' + m.split('\\n')[0]);
        Page({ onLoad() {
          wx.onError(mine); wx.onError(() => { throw new Error('listener broke') });
          wx.onUnhandledRejection((r) => console.log('wx.onUnhandledRejection ' + r.reason.message + ' ' + (r.promise instanceof Promise)));
          setTimeout(() => { throw new Error('first') }, 1);
          setTimeout(() => { wx.offError(); throw new Error('second') }, 5);
          Promise.reject(new Error('nobody caught me'));
        } })
        """], commands: [])
        #expect(log.console == ["wx.onUnhandledRejection nobody caught me true", "App.onError Error: first", "wx.onError Error: first",
                                "App.onError Error: second"], "\(log.events)")
        let messages = log.errors.map(\.message)
        #expect(messages.contains("a wx.onError listener threw: Error: listener broke"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("Unhandled promise rejection (passed to wx.onUnhandledRejection)") }, "\(messages)")
    }

    @Test func pageNotFoundListenersGetAMissingPageTheHostOpens() throws {
        let (log, _) = try start(["pages/index/index.js": """
        const nf = (r) => console.log('wx.onPageNotFound ' + JSON.stringify(r));
        Page({ onLoad() { wx.onPageNotFound(nf) }, off() { wx.offPageNotFound(nf) },
               go() { wx.navigateTo({ url: '/pages/nope/nope', fail: (e) => console.log(e.errMsg) }) } })
        """], commands: [.navigate(url: "/pages/gone/gone?a=1"), .callPage(route: nil, method: "go", argumentJSON: nil),
                         .callPage(route: nil, method: "off", argumentJSON: nil), .navigate(url: "/pages/gone/gone")])
        #expect(log.console == [#"wx.onPageNotFound {"path":"pages/gone/gone","query":{"a":"1"},"isEntryPage":false}"#,
                                #"navigateTo:fail page "pages/nope/nope" is not found"#], "\(log.events)")
        #expect(log.hooks.filter { $0 == "app.onPageNotFound" }.count == 1)
        #expect(log.errors.map(\.message).contains { $0.contains("pages/gone/gone") }, "the last navigation fails: nobody listens")
    }

    @Test func nextTickAndTheUpdateManager() throws {
        let (log, _) = try start(["pages/index/index.js": """
        Page({ onLoad() {
          const um = wx.getUpdateManager();
          um.onCheckForUpdate((r) => console.log('check ' + JSON.stringify(r)));
          um.onUpdateReady(() => console.log('never')); um.onUpdateFailed(() => console.log('never')); um.applyUpdate();
          setTimeout(() => console.log('timer'), 0);
          wx.nextTick(() => console.log('tick'));
          console.log('sync', um === wx.getUpdateManager(), Object.isFrozen(um));
          try { wx.nextTick(1) } catch (e) { console.log(e.message) }
        } })
        """])
        #expect(log.console == ["sync true true", "nextTick needs a function", "tick", "check {\"hasUpdate\":false}", "timer"], "\(log.events)")
    }
}
