import MiniHostProtocol

/// The WeChat base library's API names (`JS/wechat-apis.json`, compiled in), by the shape of
/// their call. The runtime gives every name the host and the runtime do not implement a stub
/// that fails with 1008 (`JS/22-unsupported-apis.js`); its calls cross the bridge by name, so
/// they are recorded and can be mocked like any host API. The list is read once per process;
/// each VM asks for what it needs (``runtimeTable``, ``methods(of:)``).
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

    /// ``entries`` as the runtime's JavaScript reads them: one line each, the kind's first letter
    /// (`a`, `s`, `l`, `o`), the name, and for a factory ` Class`.
    static let runtimeTable: String = entries.map { e in
        String(e.kind.prefix(1)) + e.name + (e.className.map { " " + $0 } ?? "")
    }.joined(separator: "\n")

    /// The methods of a class a factory returns (`"select>NodesRef"`: the method returns a
    /// NodesRef), or nil for a class the list does not describe.
    public static func methods(of className: String) -> [String]? { parsed.classes[className] }

    private static let parsed = parse(PackageResources.wechat_apis_json)

    static func parse(_ bytes: [UInt8]) -> (entries: [Entry], runtime: Set<String>, classes: [String: [String]]) {
        guard let root = JSONValue.parse(String(decoding: bytes, as: UTF8.self))?.objectValue else {
            preconditionFailure("JS/wechat-apis.json is not a JSON object")
        }
        func strings(_ v: JSONValue?) -> [String] { (v?.arrayValue ?? []).compactMap(\.stringValue) }
        var entries: [Entry] = []
        for (kind, key) in [("async", "async"), ("sync", "sync"), ("listener", "listeners")] {
            entries += strings(root[key]).sorted().map { Entry(name: $0, kind: kind, className: nil) }
        }
        let objects = root["objects"]?.objectValue ?? [:]
        for name in objects.keys.sorted() {
            entries.append(Entry(name: name, kind: "object", className: objects[name]?.stringValue))
        }
        let classes = (root["classes"]?.objectValue ?? [:]).mapValues(strings)
        return (entries, Set(strings(root["runtime"])), classes)
    }
}

/// The names `JS/21-file-system.js` moves: `methods` (`FS_METHODS`) become the FileSystemManager's
/// (with their `*Sync` forms) and leave `wx`, except `topLevel` (`FS_TOP_LEVEL`), which stay on it too.
public enum FileSystemNames {
    public static let methods: [String] = strings(after: "const FS_METHODS = [")
    public static let topLevel: Set<String> = Set(strings(after: "const FS_TOP_LEVEL = new SetCtor(["))

    /// The quoted names of the array literal that follows `marker` in the file.
    static func strings(after marker: String) -> [String] {
        let text = String(decoding: PackageResources._1_file_system_js, as: UTF8.self)
        guard let start = text.range(of: marker), let end = text[start.upperBound...].range(of: "]") else {
            preconditionFailure("JS/21-file-system.js has no \(marker)")
        }
        return text[start.upperBound..<end.lowerBound].split(separator: ",").compactMap { item in
            let name = item.trimmingCharacters(in: .whitespacesAndNewlines)
            return name.count > 2 && name.hasPrefix("'") && name.hasSuffix("'") ? String(name.dropFirst().dropLast()) : nil
        }
    }
}
