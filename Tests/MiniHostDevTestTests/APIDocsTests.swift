import Foundation
import Testing
import MiniHostCore
import MiniHostProtocol
import MiniHostRuntime

/// docs/api.md lists every API an app can call with its status: each host API of the standard
/// registry and each runtime member of `JS/wechat-apis.json` is named in a section that says
/// `Status:` (implemented, simulated by the world, or not supported), so the docs cannot drift.
@Suite struct APIDocsTests {
    /// docs/api.md cut at its `## ` headings: (heading, text) of each section.
    static func sections() throws -> [(String, String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/api.md"), encoding: .utf8)
        return text.components(separatedBy: "\n## ").dropFirst().map { part in
            (String(part.prefix { $0 != "\n" }), part)
        }
    }

    /// Whether `text` names `api` in code: `` `api` ``, `` `api(…` `` or `` `mp.api…` ``.
    static func names(_ text: String, _ api: String) -> Bool {
        for prefix in ["`", "`mp.", "`wx."] {
            var rest = Substring(text)
            while let r = rest.range(of: prefix + api) {
                let next = rest[r.upperBound...].first
                if next.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
                rest = rest[r.upperBound...]
            }
        }
        return false
    }

    /// The names missing from every section of docs/api.md that states a status.
    static func undocumented(_ apis: [String]) throws -> [String] {
        let withStatus = try sections().filter { $0.1.contains("Status:") }
        return apis.filter { api in !withStatus.contains { names($0.1, api) } }
    }

    @Test func everyHostAPIIsListedWithAStatus() throws {
        let services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: DenyAllPrompter())
        let callable = HostAPIRegistry.standard(services: services).descriptors.filter { $0.kind != .event }.map(\.name)
        #expect(callable.count > 50)
        #expect(try Self.undocumented(callable) == [])
    }

    @Test func everyRuntimeMemberIsListedWithAStatus() throws {
        let runtime = WeChatAPIs.runtimeNames.sorted()
        #expect(runtime.contains("switchTab"))
        #expect(try Self.undocumented(runtime) == [])
    }

    @Test func theCheckFindsAMissingName() throws {
        #expect(try Self.undocumented(["showToast", "notAnAPIOfMiniHost", "showToastX"]) == ["notAnAPIOfMiniHost", "showToastX"])
        #expect(Self.names("a `mp.getStorage({key})` b", "getStorage"))
        #expect(!Self.names("a `getStorageSync` b", "getStorage"))
    }
}
