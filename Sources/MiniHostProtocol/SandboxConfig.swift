import Foundation

/// What the runtime needs to run one app: its identity, code and limits. Built by the host from a
/// validated manifest; the runtime never reads host files itself.
public struct SandboxConfig: Sendable, Equatable {
    public var appId: String
    public var appName: String
    /// Package-relative path → file contents (`app.js`, `pages/index/index.js`, `utils/x.js`, `data.json`).
    public var files: [String: Data]
    /// Page routes, entry page first (`pages/index/index`).
    public var pages: [String]
    /// CPU time one task may use before it is terminated.
    public var cpuLimitMs: Int
    /// WeChat's `resolveAlias` (`{"@utils/*": "utils/*"}`): module specs rewritten before lookup.
    public var resolveAlias: [String: String]
    /// The tab bar's page routes (app.json's `tabBar.list[].pagePath`), empty without a tab bar.
    public var tabBarPages: [String]
    /// The roots of WeChat's independent subpackages (`moduleB`): launched into one of their
    /// pages, the app runs without the main package until a page outside them opens.
    public var independentRoots: [String]
    /// The manifest's version name (`1.0.0`), what `getAccountInfoSync` reports ("" if none).
    public var appVersion: String
    /// True when a test driver records and mocks the app's calls: the runtime then asks the host
    /// about the APIs it implements itself too (see `JS/22-unsupported-apis.js`).
    public var callsIntercepted: Bool

    public init(appId: String, appName: String, files: [String: Data], pages: [String], cpuLimitMs: Int = 200,
                resolveAlias: [String: String] = [:], tabBarPages: [String] = [], independentRoots: [String] = [],
                appVersion: String = "", callsIntercepted: Bool = false) {
        self.appId = appId
        self.appName = appName
        self.files = files
        self.pages = pages
        self.cpuLimitMs = cpuLimitMs
        self.resolveAlias = resolveAlias
        self.tabBarPages = tabBarPages
        self.independentRoots = independentRoots
        self.appVersion = appVersion
        self.callsIntercepted = callsIntercepted
    }
}

/// How an app is launched: the entry page's query and extra launch options (JSON object text
/// merged into the options `onLaunch` receives, e.g. `{"scene":"chat","conversationId":"c1"}`).
public struct LaunchOptions: Sendable, Equatable {
    public var query: [String: String]
    public var extraJSON: String?

    public init(query: [String: String] = [:], extraJSON: String? = nil) {
        self.query = query
        self.extraJSON = extraJSON
    }
}

/// A command from the host to a running app (the CLI's line console maps onto these).
public enum HostCommand: Sendable, Equatable {
    case navigate(url: String)
    case back
    case hide
    case show
    /// Calls a page method, as a tap would: `route` nil means the top page; `argumentJSON` is JSON text.
    case callPage(route: String?, method: String, argumentJSON: String?)
    /// Calls `mp.<name>` as the app would (through the same bridge and gate): an array argument
    /// (or a `*Sync` name) is its positional arguments, anything else its options. Replies with a
    /// `.reply(command: "api", …)` event holding `{api, ok, result}` or `{api, ok: false, error}`.
    case callAPI(name: String, argumentJSON: String?)
    /// Replies with a `.reply(command: "data", …)` event holding `{route, data}`.
    case pageData(route: String?)
    /// A test driver's request (`minihost test`): `op` is `stack`, `page` (`{route}`), `setData`
    /// (`{route, data}`), `call` (`{route, method, arg}`), `navigate` (`{url}`), `back`, `hide` or
    /// `show`, or `component.<op>` (component instances, docs/api.md); `argumentJSON` is its JSON
    /// argument. Answered by one `.reply(command: "driver", …)` event
    /// holding `{token, ok, value}` or `{token, ok: false, error}` (for `call`, once the page
    /// method's returned promise settles).
    case driver(token: Int, op: String, argumentJSON: String)
}
