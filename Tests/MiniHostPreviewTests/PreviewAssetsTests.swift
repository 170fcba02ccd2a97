import Foundation
@testable import MiniHostPreview
import Testing

@Suite("Preview client files")
struct PreviewAssetsTests {
    @Test("every client-*.js of Web/ is served, in name order, and nothing else")
    func clientScriptsListed() throws {
        let web = PreviewFixture.packageRoot.appendingPathComponent("Sources/MiniHostPreview/Web")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: web.path)
            .filter { $0.hasPrefix("client-") && $0.hasSuffix(".js") }.sorted()
        #expect(PreviewAssets.clientScripts.map(\.name) == onDisk)
        for (name, bytes) in PreviewAssets.clientScripts {
            #expect(bytes == Array(try Data(contentsOf: web.appendingPathComponent(name))), "\(name) is served as it is on disk")
        }
    }
}
