import Foundation
import Glibc
import MiniHostProtocol

/// libFuzzer's entry: one input, read every way the host reads a worker's bytes
/// (``WorkerBytes``), on a thread with the stack of the host's reader. A check that does not
/// hold ends the run like a crash, with the input saved by libFuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = size == 0 ? Data() : Data(bytes: data!, count: size)
    let problems = ReaderThread.shared.run(input)
    if !problems.isEmpty {
        FileHandle.standardError.write(Data(("frame-fuzzer: " + problems.joined(separator: "\nframe-fuzzer: ") + "\n").utf8))
        abort()
    }
    return 0
}

/// One thread with the host reader's stack, kept for the whole run (a thread per input would
/// cost more than most inputs do), handed each input in turn.
final class ReaderThread: @unchecked Sendable {
    static let shared = ReaderThread()

    private let ready = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var input = Data()
    private var problems: [String] = []

    private init() {
        let thread = Thread { [self] in
            while true {
                ready.wait()
                problems = WorkerBytes.problems(in: input)
                done.signal()
            }
        }
        thread.stackSize = FrameCodec.readerStackBytes
        thread.start()
    }

    func run(_ input: Data) -> [String] {
        self.input = input
        ready.signal()
        done.wait()
        self.input = Data()
        return problems
    }
}
