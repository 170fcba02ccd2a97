import Testing
import MiniHostProtocol

/// The strict reader that frames and manifests share: where an error is, what it notes on the way.
@Suite struct JSONReaderTests {
    func syntaxError(_ text: String, options: JSONReader.Options = .init()) -> JSONSyntaxError? {
        do {
            _ = try JSONReader.read(text, as: JSONValue.self, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test func anErrorNamesItsLineAndColumnInCharacters() {
        let error = syntaxError("{\n  \"é\": 1,\n  \"b\" 2\n}")
        #expect(error?.description == "expected ':' after the member name at line 3, column 7")
        #expect(syntaxError("[1, 2")?.description == "unexpected end of file inside an array at line 1, column 6")
        #expect(syntaxError("{\"a\": 1 \"b\"}")?.message == "unexpected '\"', expected ',' or '}'")
    }

    @Test func loneSurrogatesAndDeepNestingAreRefused() {
        #expect(syntaxError(#"["\ud800"]"#)?.message == "unpaired surrogate in a \\u escape")
        #expect(syntaxError(#"["\udc00"]"#)?.message == "unpaired surrogate in a \\u escape")
        #expect(syntaxError(#"["\ud83d\ude00"]"#) == nil)
        #expect(syntaxError("[[1]]", options: .init(maxDepth: 1))?.message == "nesting is deeper than 1 levels")
    }

    @Test func repeatedNamesAreNotedByPathAndTheFirstIsKept() throws {
        let text = #"{"a": 1, "b": [{"c": 1, "c": 2}], "a": 3}"#
        let document = try JSONReader.read(text, as: JSONValue.self, options: .init(recordsDuplicateKeys: true))
        #expect(document.duplicateKeys == ["b[0].c", "a"])
        #expect(document.value["a"] == .number(1))
        #expect(document.value["b"] == .array([.object(["c": .number(1)])]))
    }

    @Test func rawMembersAreCheckedAndKeptAsTheirText() throws {
        let text = #"  {"v": {"x": [1, 2]}, "n": 1, "v": "again"}"#
        let document = try JSONReader.read(text, as: JSONValue.self, options: .init(rawMembers: ["v"]))
        let utf8 = Array(text.utf8)
        #expect(document.rawMembers.map { String(decoding: utf8[$0.range], as: UTF8.self) } == [#"{"x": [1, 2]}"#, #""again""#])
        #expect(document.value == .object(["n": .number(1)]))
        #expect(document.rootStart == 2)
        #expect(syntaxError(#"{"v": [1,]}"#, options: .init(rawMembers: ["v"])) != nil)
    }
}
