import MiniHostCore
import MiniHostProtocol
import MiniHostRuntime

/// The `wx`/`mp` part of `minihost.d.ts`: every member the runtime makes, typed as far as its
/// description goes. A host API's options name the fields its `*Sync` form takes; a name from
/// `wechat-apis.json` has its call shape (async, sync, listener, factory and the class it returns).
/// The file system's host APIs are the FileSystemManager's methods, and most leave `wx`, as the
/// runtime arranges them (``FileSystemNames``).
struct WxDeclarations {
    let hostAPIs: [HostAPI]
    let events: [String]

    private func onManager(_ api: HostAPI) -> Bool { FileSystemNames.methods.contains(api.name) }
    private func onManagerOnly(_ api: HostAPI) -> Bool { onManager(api) && !FileSystemNames.topLevel.contains(api.name) }

    var text: String {
        var out = "declare namespace MiniHost {\n"
        out += errorCodes
        out += genericShapes
        out += "  /** `wx` and `mp`: the host's APIs, the runtime's members and WeChat's other names (they fail with 1008). */\n"
        out += "  interface Wx {\n"
        out += members().map { "    " + $0 + "\n" }.joined()
        out += "  }\n\n"
        out += classes
        out += "}\n\n"
        out += "declare const wx: MiniHost.Wx;\ndeclare const mp: MiniHost.Wx;\n"
        return out
    }

    private var errorCodes: String {
        var out = "  /** The `errCode` of each class of failure (docs/api.md). */\n  interface ErrorCodes {\n"
        for code in BridgeErrorCode.allCases {
            out += "    /** \(code.summary) */\n    \(code): \(code.rawValue);\n"
        }
        return out + "  }\n  type ErrorCode = ErrorCodes[keyof ErrorCodes];\n\n"
    }

    private var genericShapes: String {
        """
          /** What a call's `success` (or its Promise) gets: `errMsg` is `"<api>:ok"`. */
          interface GeneralCallbackResult { errMsg: string; [key: string]: any }
          /** What a call's `fail` (or its rejected Promise) gets: `errMsg` is `"<api>:fail <reason>"`. */
          interface APIError { errMsg: string; errCode: ErrorCode; [key: string]: any }
          /** Fields the description does not name are accepted as they are. */
          interface OpenOptions { [key: string]: unknown }
          interface Callbacks<R> { success?(res: R): void; fail?(err: APIError): void; complete?(res: R | APIError): void }
          type WithCallback<R> = { success(res: R): void } | { fail(err: APIError): void } | { complete(res: R | APIError): void };
          /** Options without callbacks: the call returns a Promise. */
          interface NoCallbacks { success?: undefined; fail?: undefined; complete?: undefined }
          /** An async API: without a callback it returns a Promise, with one nothing. */
          interface AsyncAPI<O = {}, R = GeneralCallbackResult> {
            (options?: O & OpenOptions & NoCallbacks): Promise<R>;
            (options: O & OpenOptions & Callbacks<R> & WithCallback<R>): void;
          }
          /** An async API that returns its task object (`request`, `downloadFile`, …) when called with callbacks. */
          interface AsyncTaskAPI<T, O = {}, R = GeneralCallbackResult> {
            (options?: O & OpenOptions & NoCallbacks): Promise<R>;
            (options: O & OpenOptions & Callbacks<R> & WithCallback<R>): T;
          }


        """
    }

    /// One declaration per member, sorted by name; namespaces (`cloud.*`) as nested objects.
    func members() -> [String] {
        var top: [String: String] = [:]
        var nested: [String: [String: String]] = [:]
        func add(_ name: String, _ declaration: (String) -> String) {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                if nested[parts[0], default: [:]][parts[1]] == nil { nested[parts[0], default: [:]][parts[1]] = declaration(parts[1]) }
            } else if top[name] == nil {
                top[name] = declaration(name)
            }
        }
        let factories = Dictionary(WeChatAPIs.entries.filter { $0.kind == "object" }.compactMap { e in e.className.map { (e.name, $0) } },
                                   uniquingKeysWith: { a, _ in a })
        for api in hostAPIs where !onManagerOnly(api) {
            if api.syncOnly {
                add(api.name) { "\($0)(options?: Record<string, any>): any;" }
                continue
            }
            add(api.name) { name in
                factories[name].map { "\(name): AsyncTaskAPI<\($0), \(Self.options(api))>;" } ?? "\(name): AsyncAPI<\(Self.options(api))>;"
            }
            if let sync = api.syncName, !onManager(api) { add(sync) { "\($0)(\(Self.parameters(api))): any;" } }
        }
        for event in events {
            add("on" + event) { "\($0)(listener: (res: any) => void): void;" }
            add("off" + event) { "\($0)(listener?: (res: any) => void): void;" }
        }
        for entry in WeChatAPIs.entries {
            switch entry.kind {
            case "async":
                add(entry.name) { name in factories[entry.name].map { "\(name): AsyncTaskAPI<\($0)>;" } ?? "\(name): AsyncAPI;" }
            case "sync": add(entry.name) { "\($0)(...args: any[]): any;" }
            case "listener": add(entry.name) { "\($0)(listener?: (...args: any[]) => void): void;" }
            default: add(entry.name) { "\($0)(...args: any[]): \(entry.className ?? "any");" }
            }
        }
        for (space, members) in nested where top[space] == nil {
            top[space] = "\(space): {\n" + members.keys.sorted().map { "      " + members[$0]! + "\n" }.joined() + "    };"
        }
        return top.keys.sorted().map { top[$0]! }
    }

    /// The classes factories return, with their methods (`select>NodesRef`: returns a NodesRef).
    private var classes: String {
        var names = Set(WeChatAPIs.entries.compactMap(\.className))
        var queue = Array(names)
        while let name = queue.popLast() {
            for method in WeChatAPIs.methods(of: name) ?? [] {
                guard let returned = method.split(separator: ">").dropFirst().first.map(String.init),
                      returned != "Promise", !names.contains(returned) else { continue }
                names.insert(returned)
                queue.append(returned)
            }
        }
        var out = ""
        for name in names.sorted() {
            out += "  interface \(name) {\n"
            for method in WeChatAPIs.methods(of: name) ?? [] {
                let parts = method.split(separator: ">", maxSplits: 1).map(String.init)
                let returns = parts.count == 2 ? (parts[1] == "Promise" ? "Promise<any>" : parts[1]) : "any"
                out += "    \(Self.identifier(parts[0]))(...args: any[]): \(returns);\n"
            }
            if name == "FileSystemManager" {
                for api in hostAPIs where onManager(api) {
                    out += "    \(api.name): AsyncAPI<\(Self.options(api))>;\n"
                    if let sync = api.syncName { out += "    \(sync)(\(Self.parameters(api))): any;\n" }
                }
            }
            if WeChatAPIs.methods(of: name) == nil { out += "    [member: string]: any;\n" }
            out += "  }\n"
        }
        return out
    }

    /// A host API's options: the fields its `*Sync` form fills, each optional.
    static func options(_ api: HostAPI) -> String {
        api.positional.isEmpty ? "{}" : "{ " + api.positional.map { "\(identifier($0))?: any; " }.joined() + "}"
    }

    /// A `*Sync` form's parameters, named after the fields they fill; all but the first optional.
    static func parameters(_ api: HostAPI) -> String {
        api.positional.enumerated().map { "\(identifier($1))\($0 > 0 ? "?" : ""): any" }.joined(separator: ", ")
    }

    /// A name as a property key: quoted unless it is a plain identifier.
    static func identifier(_ name: String) -> String {
        let plain = name.first.map { $0.isLetter || $0 == "_" || $0 == "$" } == true
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
        return plain ? name : "\"\(name)\""
    }
}
