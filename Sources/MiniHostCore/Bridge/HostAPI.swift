import MiniHostProtocol

/// One API the host offers apps: its names, what it needs, and what it does.
public struct HostAPI: Sendable {
    /// The async name (`getStorage`); the call takes one options object.
    public var name: String
    /// The `*Sync` name, if the API has one, and the fields its positional arguments fill.
    public var syncName: String?
    public var positional: [String]
    /// The permission a call needs (nil: none, e.g. storage, which every app has).
    public var permission: Permission?
    /// A rate-limit rule, applied per app (nil: unlimited).
    public var rateLimit: RateLimiter.Rule?
    /// Checks the arguments before any consent is asked (so a malformed call never prompts).
    public var validate: (@Sendable (APIArguments) throws(BridgeError) -> Void)?
    /// True when `name` is a synchronous function with no async form (WeChat's `getWindowInfo`):
    /// it returns its result or throws, and takes the options object as its one argument.
    public var syncOnly: Bool
    /// True when the work itself may wait for the user (a picker, the settings page), so async
    /// calls must not run on the app's thread.
    public var mayBlock: Bool
    /// Does the work once the gate allowed the call.
    public var perform: @Sendable (APICall) throws(BridgeError) -> BridgeValue
    /// Set for work that finishes later (a network exchange): used instead of `perform` for async
    /// calls; it calls `reply` once, on any thread, and the app's other calls do not wait for it.
    public var performLater: (@Sendable (APICall, _ reply: @escaping @Sendable (Result<BridgeValue, BridgeError>) -> Void) -> Void)?

    public init(name: String, syncName: String? = nil, positional: [String] = [], permission: Permission? = nil,
                rateLimit: RateLimiter.Rule? = nil, mayBlock: Bool = false, syncOnly: Bool = false,
                validate: (@Sendable (APIArguments) throws(BridgeError) -> Void)? = nil,
                perform: @escaping @Sendable (APICall) throws(BridgeError) -> BridgeValue) {
        self.name = name
        self.syncName = syncName
        self.positional = positional
        self.permission = permission
        self.rateLimit = rateLimit
        self.mayBlock = mayBlock
        self.syncOnly = syncOnly
        self.validate = validate
        self.perform = perform
    }
}

extension HostAPI {
    /// A `*Sync` call's positional arguments (a JSON array) as the named options of the async
    /// form: the i-th argument fills `positional[i]`.
    func namedArguments(_ arguments: JSONValue) -> [String: JSONValue] {
        APIArguments(api: name, names: positional, values: arguments.arrayValue ?? []).value
    }
}

/// What a service sees of one call: which app (from the host's own record), the arguments, and
/// whether it came in the `*Sync` form.
public struct APICall: Sendable {
    public var app: AppIdentity
    /// The host's state for the running app (its events, what services keep for it).
    public var session: AppSession
    public var api: String
    public var arguments: APIArguments
    public var isSync: Bool
}

/// The host's record of a running app: who it is and what its manifest declares. Built by the
/// host when it starts the app; nothing the app sends can change it.
/// A class, so that passing it along with every call copies one reference, not a manifest.
public final class AppIdentity: Sendable {
    public let appId: String
    public let manifest: Manifest
    /// The tab bar's page routes (app.json's `tabBar.list[].pagePath`), empty without a tab bar.
    public let tabBarPages: [String]

    public init(manifest: Manifest, tabBarPages: [String] = []) {
        self.appId = manifest.appId
        self.manifest = manifest
        self.tabBarPages = tabBarPages
    }
}
