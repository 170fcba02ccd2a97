import Foundation
import Testing
import MiniHostProtocol

/// The frame fuzzer's corpus (`Fuzz/corpus`) replayed through every reading the fuzzer makes of
/// a worker's bytes (``WorkerBytes``, the fuzzer's own file), on a thread with the stack of the
/// host's reader: nothing traps and every check holds, without building the fuzzer.
@Suite struct WorkerBytesCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    @Test func everyCorpusInputIsReadWithoutATrapAndHoldsTogether() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.corpus, includingPropertiesForKeys: nil)
        #expect(files.count >= 90)
        let inputs = try files.map { ($0.lastPathComponent, try Data(contentsOf: $0)) }
        let results = Results()
        WorkerBytes.onReaderStack {
            for (name, input) in inputs { results.add(name, WorkerBytes.problems(in: input)) }
        }
        #expect(results.count == inputs.count)
        for (name, problems) in results.failures { Issue.record("\(name): \(problems.joined(separator: "; "))") }
    }

    /// The deepest nesting the codec takes, in each frame that carries JSON, read on a thread
    /// of the reader's stack in this (debug) build: 256 KiB, the host reader's stack before,
    /// overflowed at about half that depth.
    @Test func theDeepestFramesFitTheReadersStack() throws {
        let arrays = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
        let objects = String(repeating: #"{"a":"#, count: 511) + "1" + String(repeating: "}", count: 511)
        let bodies = [
            #"{"type":"call","id":1,"api":"x","args":\#(arrays)}"#, #"{"type":"call","id":1,"api":"x","args":\#(objects)}"#,
            #"{"type":"result","id":1,"value":\#(objects)}"#, #"{"type":"event","name":"e","payload":\#(objects)}"#,
            #"{"type":"runtime","event":{"type":"setData","route":"r","data":\#(objects.dropFirst(10).dropLast(2))}}"#,
            #"{"type":"control","op":"probed","body":\#(objects)}"#,
        ]
        let results = Results()
        WorkerBytes.onReaderStack {
            for body in bodies {
                var framed = withUnsafeBytes(of: UInt32(body.utf8.count).bigEndian) { Data($0) } + Data(body.utf8)
                let read = (try? WorkerBytes.codec.decode(&framed))?.count == 1 ? [] : ["not read as one frame"]
                results.add(String(body.prefix(40)), read + WorkerBytes.problems(in: Data(body.utf8)))
            }
        }
        #expect(results.count == bodies.count)
        for (name, problems) in results.failures { Issue.record("\(name): \(problems.joined(separator: "; "))") }
    }

    /// What the reader's thread found, input by input.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [(String, [String])] = []
        func add(_ name: String, _ problems: [String]) { lock.withLock { all.append((name, problems)) } }
        var count: Int { lock.withLock { all.count } }
        var failures: [(String, [String])] { lock.withLock { all.filter { !$0.1.isEmpty } } }
    }
}
