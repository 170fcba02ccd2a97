import MiniHostProtocol

/// The WeChat base library's API names (`JS/wechat-apis.json`, compiled in), by the shape of
/// their call. The runtime gives every name the host and the runtime do not implement a stub
/// that fails with 1008 (`JS/22-unsupported-apis.js`); its calls cross the bridge by name, so
/// they are recorded and can be mocked like any host API.
public enum WeChatAPIs {
    /// How an unsupported name is called: `async` (options, callbacks or a Promise), `sync`
    /// (throws), `listener` (`on*`/`off*`) or `object` (a factory; `className` names what it returns).
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let kind: String
        public let className: String?
    }

    /// Every name of the list, in a fixed order (the runtime's stubs name them by position).
    public static let entries: [Entry] = parsed.entries

    /// The names of ``entries`` (dotted for namespace members: `cloud.callFunction`).
    public static let names: Set<String> = Set(entries.map(\.name))

    /// The names of the list the runtime implements itself (`runtime` in the file): their calls
    /// never cross the bridge.
    public static let runtimeNames: Set<String> = parsed.runtime

    /// What the runtime's JavaScript reads: `{"table": [[name, kind, class?], ...], "classes":
    /// {Class: ["method", "method>ReturnedClass", ...]}}`.
    static let runtimeJSON: String = parsed.runtimeJSON

    private static let parsed: (entries: [Entry], runtime: Set<String>, runtimeJSON: String) = parse(PackageResources.wechat_apis_json)

    static func parse(_ bytes: [UInt8]) -> (entries: [Entry], runtime: Set<String>, runtimeJSON: String) {
        guard let root = JSONValue.parse(String(decoding: bytes, as: UTF8.self))?.objectValue else {
            preconditionFailure("JS/wechat-apis.json is not a JSON object")
        }
        func list(_ key: String) -> [String] { (root[key]?.arrayValue ?? []).compactMap(\.stringValue).sorted() }
        var entries: [Entry] = []
        for kind in ["async", "sync", "listener"] {
            entries += list(kind == "listener" ? "listeners" : kind).map { Entry(name: $0, kind: kind, className: nil) }
        }
        let objects = root["objects"]?.objectValue ?? [:]
        for name in objects.keys.sorted() {
            entries.append(Entry(name: name, kind: "object", className: objects[name]?.stringValue))
        }
        let table = entries.map { e in
            JSONValue.array([.string(e.name), .string(e.kind)] + (e.className.map { [.string($0)] } ?? []))
        }
        let json = JSONValue.object(["table": .array(table), "classes": root["classes"] ?? .object([:])]).jsonText
        return (entries, Set(list("runtime")), json)
    }
}
