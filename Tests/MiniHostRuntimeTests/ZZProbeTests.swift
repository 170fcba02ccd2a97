import Foundation
import Testing
import MiniHostProtocol
import MiniHostEngine
@testable import MiniHostRuntime

@Test func probe() throws {
    let vm = try PreparedVM.make()
    let r = try vm.context.evaluate("""
    (() => { const out = [];
    for (const n of Object.getOwnPropertyNames(globalThis)) { const v = globalThis[n]; if (v && (typeof v === 'object' || typeof v === 'function')) { if (!Object.isFrozen(v)) out.push(n); if (v.prototype && !Object.isFrozen(v.prototype)) out.push(n + '.prototype'); } }
    return out.join(' '); })()
    """, sourceURL: "x")
    print("NOTFROZEN", r.string ?? "")
}
