import Foundation
import MiniHostRuntime
import XCTest
@testable import MiniHostDevTest

/// The driver's `.js` files: all of `JS/` compiled in, in name order, each parsing on its own.
final class DriverScriptTests: XCTestCase {
    func testEveryDriverFileIsEmbeddedInOrderAndParses() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/MiniHostDevTest/JS").standardized
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".js") }.sorted()
        XCTAssertEqual(DriverScript.files.map(\.name), onDisk)
        XCTAssertEqual(EmbeddedJS.syntaxErrors(DriverScript.files), [])
    }
}
