import MiniHostEngine

/// One `.js` file compiled into the binary (SwiftPM's `embedInCode` resources): its name, for
/// messages and tests, and its bytes.
public struct EmbeddedJSFile: Sendable {
    public let name: String
    public let bytes: [UInt8]

    public init(_ name: String, _ bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Scripts written as a folder of `.js` files (`JS/` next to the module): in name order the files
/// are the body of `function (native)`, and the script evaluates to that function. The Node peer
/// (`Benchmarks/node/runtime.js`) joins the runtime's files the same way.
public enum EmbeddedJS {
    /// `(function (native) {` + the files + `})`; a file ends with its newline.
    public static func functionOfNative(_ files: [EmbeddedJSFile]) -> String {
        "(function (native) {\n" + files.map(\.text).joined() + "})"
    }

    /// Each file checked on its own as a strict-mode function body: one message per file that
    /// does not parse, naming the file (its line numbers are the file's).
    public static func syntaxErrors(_ files: [EmbeddedJSFile]) -> [String] {
        let context = JSContext(vm: JSVirtualMachine())
        return files.compactMap { file in
            let source = JSContext.functionSource(parameters: ["native"], body: "'use strict';" + file.text)
            do {
                try context.checkSyntax(source, sourceURL: file.name)
                return nil
            } catch {
                return "\(file.name): \(error)"
            }
        }
    }
}
