import Foundation
import Testing
@testable import MiniHostDevTest

/// The typings `minihost types` writes follow the driver's JavaScript: every public method of its
/// App, Page, Element and Prompt classes and of `minihost` is declared, and every matcher.
@Suite struct TypingsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func source(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The public members a class (or object literal) of the driver defines: lines indented by two
    /// spaces inside `class <name> {` … the closing `}` at column 0 that are methods or getters.
    static func members(of name: String, in source: String, opening: String) -> [String] {
        guard let start = source.range(of: opening) else { return [] }
        let body = source[start.upperBound...].prefix { _ in true }
        var out: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.hasPrefix("}") { break }
            guard let m = line.firstMatch(of: /^  (?:async |get )?([A-Za-z$][A-Za-z0-9$]*)\(/) else { continue }
            let member = String(m.1)
            if member != "constructor" { out.append(member) }
        }
        return out
    }

    /// The members declared in `interface <name> {` of the test typings.
    static func declared(_ name: String, in typings: String) -> String {
        guard let start = typings.range(of: "  interface \(name) {") else { return "" }
        return String(typings[start.upperBound...].prefix { _ in true }.components(separatedBy: "\n  }\n").first ?? "")
    }

    @Test func everyDriverMethodIsDeclared() throws {
        let test = try Typings.files().first { $0.name == "minihost-test.d.ts" }!.text
        let api = try Self.source("Sources/MiniHostDevTest/JS/05-driver-api.js")
        let page = try Self.source("Sources/MiniHostDevTest/JS/05-driver-page.js")
        let classes: [(String, String, String)] = [("App", api, "class App {"), ("Prompt", api, "class Prompt {"),
                                                   ("Page", page, "class Page {"), ("Element", page, "class Element {"),
                                                   ("Minihost", api, "const minihost = {")]
        for (name, source, opening) in classes {
            let members = Self.members(of: name, in: source, opening: opening)
            #expect(members.count >= 3, "\(name): \(members)")
            let declared = Self.declared(name, in: test)
            for member in members {
                #expect(declared.contains("    \(member)(") || declared.contains("    \(member)<") || declared.contains("    readonly \(member):") || declared.contains("    \(member):"),
                        "\(name).\(member) is in the driver but not in driver.d.ts: \(declared)")
            }
        }
    }

    @Test func readsTheMatchersAndWhichArgumentsAreOptional() throws {
        let matchers = Typings.matchers(in: try Self.source("Sources/MiniHostDevTest/JS/03-expect.js"))
        let byName = Dictionary(uniqueKeysWithValues: matchers.map { ($0.name, $0) })
        #expect(byName["toBe"]?.parameters.map(\.optional) == [false])
        #expect(byName["toThrow"]?.parameters.map(\.optional) == [true])
        #expect(byName["toMatchSnapshot"]?.parameters.map(\.optional) == [true])
        #expect(byName["toHaveProperty"]?.parameters.map(\.optional) == [false, true])
        #expect(byName["toBeCloseTo"]?.parameters.map(\.optional) == [false, true])
        #expect(byName["toBeNull"]?.parameters.isEmpty == true)
        let declarations = Typings.matcherDeclarations(expectSource: "    toBeEven(n) { check(actual % 2 === 0, 'x', n); },\n")
        #expect(declarations.contains("    toBeEven(n: any): R;"))
    }

    @Test func declaresEveryWeChatNameOnce() throws {
        let runtime = try Typings.files().first { $0.name == "minihost.d.ts" }!.text
        let wx = Self.declared("Wx", in: runtime)
        var seen = Set<String>()
        for line in wx.split(separator: "\n") where line.hasPrefix("    ") && !line.hasPrefix("     ") {
            guard let m = line.firstMatch(of: /^    ([A-Za-z$][A-Za-z0-9$]*)[:(]/) else { continue }
            #expect(seen.insert(String(m.1)).inserted, "\(m.1) declared twice")
        }
        #expect(seen.contains("getStorage") && seen.contains("showModal") && seen.contains("navigateTo") && seen.contains("addCard"))
        // The file system's own methods live on its manager, not on wx (as in the runtime).
        #expect(!seen.contains("readFile") && seen.contains("saveFile"))
        #expect(Self.declared("FileSystemManager", in: runtime).contains("    readFileSync(filePath: any"))
    }
}
