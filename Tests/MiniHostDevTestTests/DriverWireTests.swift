import Foundation
import MiniHostProtocol
import MiniHostRuntime
import XCTest

/// The driver's host command crosses to a worker process and back unchanged; a malformed one is
/// refused with a message naming what is missing.
final class DriverWireTests: XCTestCase {
    func testDriverCommandRoundTrips() throws {
        let command = HostCommand.driver(token: 42, op: "call", argumentJSON: #"{"route":null,"method":"go","arg":{"a":[1,"\n"]}}"#)
        XCTAssertEqual(try WorkerWire.command(WorkerWire.encode(command)), command)
    }

    func testMalformedDriverCommandIsRefused() {
        XCTAssertThrowsError(try WorkerWire.command(.object(["op": .string("driver"), "token": .number(1)]))) {
            XCTAssertTrue("\($0)".contains("command driver"), "\($0)")
        }
    }
}
