import Foundation
import MiniHostCore
import MiniHostProtocol
import Testing

/// The compiled JSON of a template written in a test.
func compiled(_ text: String, path: String = "pages/index/index.wxml") throws -> JSONValue {
    try WXMLCompiler.compile(path: path, text: text).json
}

/// The `body` of a compiled template.
func body(_ text: String) throws -> JSONValue {
    try #require(compiled(text)["body"])
}

/// JSON written in a test, parsed.
func json(_ text: String) -> JSONValue {
    guard let value = JSONValue.parse(text) else { fatalError("bad JSON in a test: \(text)") }
    return value
}

/// The error message compiling `text` throws, or nil when it compiles.
func compileError(_ text: String, path: String = "pages/index/index.wxml") -> String? {
    do {
        _ = try WXMLCompiler.compile(path: path, text: text)
        return nil
    } catch {
        return error.description
    }
}

/// Files of a package written in a test.
func files(_ entries: [String: String]) -> [String: Data] {
    entries.mapValues { Data($0.utf8) }
}

extension JSONValue {
    /// The element at `index` of an array, nil otherwise.
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}
