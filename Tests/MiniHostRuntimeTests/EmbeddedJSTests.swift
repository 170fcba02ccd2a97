import Foundation
import Testing
@testable import MiniHostRuntime

/// The runtime's `.js` files: every file in `JS/` is compiled in, in name order, and each one
/// parses on its own (an error names the file and its own line).
@Test func everyRuntimeFileIsEmbeddedInOrder() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/MiniHostRuntime/JS").standardized
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".js") }.sorted()
    #expect(BootstrapScript.files.map(\.name) == onDisk)
    for file in BootstrapScript.files {
        let text = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
        #expect(file.text == text, "\(file.name) differs from its embedded copy")
    }
}

@Test func eachRuntimeFileParsesOnItsOwn() {
    #expect(EmbeddedJS.syntaxErrors(BootstrapScript.files) == [])
}

@Test func aFileThatDoesNotParseIsNamed() {
    let broken = EmbeddedJSFile("99-broken.js", Array("function (\n".utf8))
    let errors = EmbeddedJS.syntaxErrors([broken])
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("99-broken.js: ") == true)
}
