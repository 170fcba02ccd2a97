import Foundation
import Testing
@testable import MiniHostRuntime

/// The runtime's `.js` files: every file in `JS/` is compiled in, in name order (with the
/// protocol's shared esbuild helpers before the modules), and each one parses on its own (an
/// error names the file and its own line).
@Test func everyRuntimeFileIsEmbeddedInOrder() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
    let folder = sources.appendingPathComponent("MiniHostRuntime/JS")
    var onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".js") }.sorted()
    onDisk.insert("esbuild-helpers.js", at: try #require(onDisk.firstIndex(of: "06-modules.js")))
    #expect(BootstrapScript.files.map(\.name) == onDisk)
    for file in BootstrapScript.files {
        let path = file.name == "esbuild-helpers.js" ? sources.appendingPathComponent("MiniHostProtocol/JS/esbuild-helpers.js") : folder.appendingPathComponent(file.name)
        let text = try String(contentsOf: path, encoding: .utf8)
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
