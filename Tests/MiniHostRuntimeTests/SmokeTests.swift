import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostRuntime

@Test func smoke() throws {
    let log = try runApp([
        "app.js": "App({onLaunch(o){ console.log('launch', o.path, {a:[1,2,{b:'x'}]}) }, onShow(){ console.log('show') }})",
        "pages/index/index.js": "const u = require('../../utils/u'); Page({data:{n:1}, onLoad(q){ console.log('load', JSON.stringify(q), u.twice(2)); setTimeout(()=>{ this.setData({'n': 5, 'list[1].x': 'y'}); console.log(this.data) }, 5) }, onReady(){ console.log('ready') }})",
        "utils/u.js": "exports.twice = x => x*2",
    ], query: ["a": "1"])
    print(log.events.map { $0.jsonLine(app: "t") }.joined(separator: "\n"))
    #expect(log.hooks == ["app.onLaunch", "app.onShow", "pages/index/index.onLoad", "pages/index/index.onShow", "pages/index/index.onReady"])
}

/// The runtime script every VM parses: ASCII only (so every VM can reference one shared copy,
/// `BootstrapScript.shared`), and compacting it keeps every line where it was (stack
/// traces into `miniapp://minihost/runtime.js` name the lines of the written script).
@Test func runtimeScriptIsCompactASCII() {
    let ascii = BootstrapScript.text.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii)
    #expect(BootstrapScript.shared.sourceURL == BootstrapScript.sourceURL)
    #expect(BootstrapScript.source.count < BootstrapScript.text.count * 9 / 10)
    let written = BootstrapScript.text.split(separator: "\n", omittingEmptySubsequences: false)
    let compacted = BootstrapScript.source.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(written.count == compacted.count)
    for (w, c) in zip(written, compacted) where !c.isEmpty {
        #expect(w.hasSuffix(c))
    }
    #expect(BootstrapScript.compact("  a();\n  // note\n    b(); // kept\n") == "a();\n\nb(); // kept\n")
}
