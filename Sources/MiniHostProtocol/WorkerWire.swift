import Foundation

/// How the values of ``ControlMessage`` travel in `control` frames between a host and its
/// worker process. Decoding never trusts the other side: a missing or mistyped member is an
/// error naming it, and a number that must be an integer is one exactly (no rounding, no trap).
public enum WorkerWire {
    public static func encode(_ config: SandboxConfig) -> JSONValue {
        var files: [String: JSONValue] = [:]
        for (path, data) in config.files { files[path] = .string(data.base64EncodedString()) }
        return .object([
            "appId": .string(config.appId), "appName": .string(config.appName),
            "pages": .array(config.pages.map { .string($0) }), "cpuLimitMs": .number(Double(config.cpuLimitMs)),
            "files": .object(files), "resolveAlias": .object(config.resolveAlias.mapValues { .string($0) }),
            "tabBarPages": .array(config.tabBarPages.map { .string($0) }),
            "independentRoots": .array(config.independentRoots.map { .string($0) }),
            "appVersion": .string(config.appVersion), "callsIntercepted": .bool(config.callsIntercepted),
        ])
    }

    public static func config(_ v: JSONValue) throws(FrameError) -> SandboxConfig {
        guard let o = v.objectValue, let appId = o["appId"]?.stringValue, let appName = o["appName"]?.stringValue,
              let pages = o["pages"]?.arrayValue?.compactMap(\.stringValue), let cpu = o["cpuLimitMs"]?.intValue,
              let files = o["files"]?.objectValue else { throw FrameError("start: the app's configuration is incomplete") }
        var decoded: [String: Data] = [:]
        for (path, value) in files {
            guard let text = value.stringValue, let data = Data(base64Encoded: text) else { throw FrameError("start: file \(path) is not base64") }
            decoded[path] = data
        }
        var alias: [String: String] = [:]
        for (key, value) in o["resolveAlias"]?.objectValue ?? [:] {
            guard let target = value.stringValue else { throw FrameError("start: resolveAlias \(key) is not a string") }
            alias[key] = target
        }
        func strings(_ key: String) throws(FrameError) -> [String] {
            var result: [String] = []
            for value in o[key]?.arrayValue ?? [] {
                guard let text = value.stringValue else { throw FrameError("start: \(key) holds a value that is not a string") }
                result.append(text)
            }
            return result
        }
        var version = ""
        if let v = o["appVersion"] {
            guard let text = v.stringValue else { throw FrameError("start: appVersion is not a string") }
            version = text
        }
        var intercepted = false
        if let v = o["callsIntercepted"] {
            guard let flag = v.boolValue else { throw FrameError("start: callsIntercepted is not a boolean") }
            intercepted = flag
        }
        return SandboxConfig(appId: appId, appName: appName, files: decoded, pages: pages, cpuLimitMs: cpu, resolveAlias: alias,
                             tabBarPages: try strings("tabBarPages"), independentRoots: try strings("independentRoots"),
                             appVersion: version, callsIntercepted: intercepted)
    }

    public static func encode(_ options: LaunchOptions) -> JSONValue {
        .object(["query": .object(options.query.mapValues { .string($0) }), "extra": options.extraJSON.map { .string($0) } ?? .null])
    }

    public static func launchOptions(_ v: JSONValue) -> LaunchOptions {
        var query: [String: String] = [:]
        for (k, value) in v["query"]?.objectValue ?? [:] { if let s = value.stringValue { query[k] = s } }
        return LaunchOptions(query: query, extraJSON: v["extra"]?.stringValue)
    }

    public static func encode(_ apis: [APIDescriptor]) -> JSONValue {
        .array(apis.map { .array([.string($0.name), .string($0.kind.rawValue)]) })
    }

    public static func apis(_ v: JSONValue) throws(FrameError) -> [APIDescriptor] {
        guard let list = v.arrayValue else { throw FrameError("prepare: apis must be an array") }
        var out: [APIDescriptor] = []
        for item in list {
            guard let pair = item.arrayValue, pair.count == 2, let name = pair[0].stringValue,
                  let kind = pair[1].stringValue.flatMap(APIKind.init(rawValue:)) else { throw FrameError("prepare: bad API descriptor") }
            out.append(APIDescriptor(name: name, kind: kind))
        }
        return out
    }

    public static func encode(_ command: HostCommand) -> JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        switch command {
        case .hide: return .object(["op": .string("hide")])
        case .show: return .object(["op": .string("show")])
        case .back: return .object(["op": .string("back")])
        case let .navigate(url): return .object(["op": .string("navigate"), "url": .string(url)])
        case let .callPage(route, method, arg):
            return .object(["op": .string("call"), "route": opt(route), "method": .string(method), "arg": opt(arg)])
        case let .pageData(route): return .object(["op": .string("data"), "route": opt(route)])
        case let .callAPI(name, arg): return .object(["op": .string("api"), "name": .string(name), "arg": opt(arg)])
        case let .driver(token, op, arg):
            return .object(["op": .string("driver"), "token": .number(Double(token)), "driverOp": .string(op), "arg": .string(arg)])
        }
    }

    public static func command(_ v: JSONValue) throws(FrameError) -> HostCommand {
        switch v["op"]?.stringValue {
        case "hide": return .hide
        case "show": return .show
        case "back": return .back
        case "navigate":
            guard let url = v["url"]?.stringValue else { throw FrameError("command navigate: url missing") }
            return .navigate(url: url)
        case "call":
            guard let method = v["method"]?.stringValue else { throw FrameError("command call: method missing") }
            return .callPage(route: v["route"]?.stringValue, method: method, argumentJSON: v["arg"]?.stringValue)
        case "data": return .pageData(route: v["route"]?.stringValue)
        case "api":
            guard let name = v["name"]?.stringValue else { throw FrameError("command api: name missing") }
            return .callAPI(name: name, argumentJSON: v["arg"]?.stringValue)
        case "driver":
            guard let token = v["token"]?.intValue, let op = v["driverOp"]?.stringValue, let arg = v["arg"]?.stringValue else {
                throw FrameError("command driver: token, driverOp or arg missing")
            }
            return .driver(token: token, op: op, argumentJSON: arg)
        default: throw FrameError("unknown command")
        }
    }
}

extension JSONValue {
    /// The number as an `Int` when it is one exactly; nil for fractions, huge values and non-numbers.
    var intValue: Int? { numberValue.flatMap { Int(exactly: $0) } }
}
