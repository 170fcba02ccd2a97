import Foundation

/// The error classes of the bridge (docs/spec.md), each with its own numeric `errCode`.
public enum BridgeErrorCode: Int, Sendable, CaseIterable, Codable {
    case invalidArgument = 1001
    case permissionNotDeclared = 1002
    case authDenied = 1003
    case cancelled = 1004
    case limitExceeded = 1005
    case insufficientFunds = 1006
    case notFound = 1007
    case serviceUnavailable = 1008
    case hostError = 1009
    case overLimit = 1010
    case invalidOrder = 1011
    case badSignature = 1012

    /// A short description for the API reference.
    public var summary: String {
        switch self {
        case .invalidArgument: "invalid argument: the reason names the field and what was expected"
        case .permissionNotDeclared: "permission not declared: the manifest does not list the permission (no prompt is shown)"
        case .authDenied: "auth deny: the user denied the permission (no prompt again until it is reset)"
        case .cancelled: "cancel: the user dismissed a prompt or a picker"
        case .limitExceeded: "quota or rate limit exceeded (storage quota, calls per minute)"
        case .insufficientFunds: "insufficient funds in the wallet"
        case .notFound: "not found (a storage key, a page, a conversation)"
        case .serviceUnavailable: "service unavailable (the host has no such service right now)"
        case .hostError: "host error (a bug or an I/O failure on the host side)"
        case .overLimit: "over a payment limit (per payment or per day)"
        case .invalidOrder: "invalid order (bad amount, currency or order id)"
        case .badSignature: "bad signature on a signed order"
        }
    }
}

/// A failed bridge call: its class and a reason a developer can act on. The app sees
/// `errMsg: "<api>:fail <reason>"` and `errCode`.
public struct BridgeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: BridgeErrorCode
    public var reason: String

    public init(_ code: BridgeErrorCode, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public static func invalid(_ reason: String) -> BridgeError { BridgeError(.invalidArgument, "invalid argument: " + reason) }
    public static let notDeclared = BridgeError(.permissionNotDeclared, "permission not declared")
    public static let authDeny = BridgeError(.authDenied, "auth deny")
    public static let cancel = BridgeError(.cancelled, "cancel")

    public var description: String { "\(reason) (errCode \(code.rawValue))" }
}

/// What a successful call returns: a JSON value, or JSON text passed through as it is (stored
/// data, so it is not parsed and re-encoded on the way).
public enum BridgeValue: Sendable, Equatable {
    case value(JSONValue)
    case jsonText(String)

    public static let empty = BridgeValue.value(.object([:]))

    /// Equal when they hold the same JSON data, whichever form each is in.
    public static func == (lhs: BridgeValue, rhs: BridgeValue) -> Bool {
        switch (lhs, rhs) {
        case let (.value(a), .value(b)): a == b
        case let (.jsonText(a), .jsonText(b)): a == b || JSONValue.parse(a) == JSONValue.parse(b)
        case let (.value(v), .jsonText(t)), let (.jsonText(t), .value(v)): JSONValue.parse(t) == v
        }
    }

    public var jsonText: String {
        switch self {
        case let .value(v): v.jsonText
        case let .jsonText(t): t
        }
    }
}

/// One call from an app: the API, its arguments (already copied once and capped on the sandbox
/// side), and an id that pairs it with its reply. The app is not named: the host knows which app
/// owns the channel a call arrives on.
public struct BridgeCall: Sendable, Equatable {
    public var id: UInt64
    public var api: String
    private var value: JSONValue?
    /// The arguments as JSON text, when the call was made from text (a worker forwards the
    /// runtime's `JSON.stringify` text as it is; the host reads and checks it from the frame).
    public private(set) var argumentsText: String?

    public init(id: UInt64, api: String, arguments: JSONValue) {
        self.id = id
        self.api = api
        self.value = arguments
    }

    /// A call whose arguments are `text`, which must be strict JSON (see ``JSONText/isStrict(_:)``).
    public init(id: UInt64, api: String, argumentsText text: String) {
        self.id = id
        self.api = api
        self.argumentsText = text
    }

    public var arguments: JSONValue {
        get { value ?? argumentsText.flatMap(JSONValue.parse) ?? .null }
        set { value = newValue; argumentsText = nil }
    }

    /// The arguments as JSON text (the text the call was made from, if any).
    public var argumentsJSONText: String { argumentsText ?? arguments.jsonText }

    public static func == (lhs: BridgeCall, rhs: BridgeCall) -> Bool {
        lhs.id == rhs.id && lhs.api == rhs.api && lhs.arguments == rhs.arguments
    }
}

/// The reply to a call.
public struct BridgeReply: Sendable, Equatable {
    public var id: UInt64
    public var result: Result<BridgeValue, BridgeError>

    public init(id: UInt64, result: Result<BridgeValue, BridgeError>) {
        self.id = id
        self.result = result
    }
}

/// An event from the host to an app (`onLocationChange`, `onMessage`, …).
public struct BridgeEvent: Sendable, Equatable {
    public var name: String
    public var payload: BridgeValue

    public init(name: String, payload: BridgeValue) {
        self.name = name
        self.payload = payload
    }
}

/// How an API is called from JavaScript.
public enum APIKind: String, Sendable, Codable {
    /// Takes one object; callbacks (`success`/`fail`/`complete`) or a Promise.
    case async
    /// Positional arguments; returns the result or throws.
    case sync
    /// A host event: the descriptor's name is the event (`LocationChange`), and the sandbox makes
    /// `mp.on<Name>(listener)` and `mp.off<Name>(listener?)` for it.
    case event
}

/// What the sandbox needs to know about one host API to make its stub.
public struct APIDescriptor: Sendable, Equatable {
    public var name: String
    public var kind: APIKind

    public init(name: String, kind: APIKind) {
        self.name = name
        self.kind = kind
    }
}

/// The host side of an app's channel, as the sandbox sees it. The host binds one endpoint to
/// each app when it starts it; the app's identity comes from that binding, never from a call.
public protocol BridgeEndpoint: Sendable {
    /// The APIs this host offers (the sandbox makes a stub for each).
    var apis: [APIDescriptor] { get }
    /// True when calls are sent on as JSON text (default false).
    var forwardsArgumentText: Bool { get }
    /// A `*Sync` call: answered on the caller's thread.
    func callSync(_ call: BridgeCall) -> BridgeReply
    /// An async call: `reply` is called once, on any thread.
    func callAsync(_ call: BridgeCall, reply: @escaping @Sendable (BridgeReply) -> Void)
    /// True when calls of `api` never block (no prompt can be involved), so the sandbox may ask
    /// with ``callSync(_:)`` and settle the async call without a trip through another thread.
    func answersAtOnce(_ api: String) -> Bool
    /// The reply to an async call when `answersAtOnce` is true for its API, else nil (the call
    /// then goes through ``callAsync(_:reply:)``).
    func callIfAtOnce(_ call: BridgeCall) -> BridgeReply?
    /// Called once when the app starts, with the channel the host sends its events on.
    func connect(_ channel: any AppEventChannel)
    /// Called once when the app stops: the host drops what it was going to deliver.
    func disconnect()
}

extension BridgeEndpoint {
    /// True when the endpoint sends calls on as text (a worker's): the sandbox then makes calls
    /// from the runtime's JSON text instead of parsing it.
    public var forwardsArgumentText: Bool { false }
    public func answersAtOnce(_ api: String) -> Bool { false }
    public func callIfAtOnce(_ call: BridgeCall) -> BridgeReply? { answersAtOnce(call.api) ? callSync(call) : nil }
    public func connect(_ channel: any AppEventChannel) {}
    public func disconnect() {}
}

/// The sandbox's side of host-to-app traffic that is not a reply: events, and holds that keep
/// the app from counting as idle while the host still has something to deliver (a route being
/// played, a peer about to answer).
public protocol AppEventChannel: Sendable {
    /// Queues `event` as a task of the app (listeners registered with `mp.on<Name>` run then).
    func send(_ event: BridgeEvent)
    /// The host will deliver more: the app is not idle until the matching ``release()``.
    func hold()
    func release()
}
