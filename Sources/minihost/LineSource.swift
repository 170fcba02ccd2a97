import Foundation

/// Console lines from a script, or from stdin (with a prompt at a terminal). Standard input is
/// read with read(2) and split here, not through stdio's `readLine`: a run whose console had
/// reached the end of its input was seen spinning inside stdio's stream lock.
final class LineSource {
    private var lines: [String]
    private var index = 0
    private let fromStdin: Bool
    let interactive: Bool
    private var buffer: [UInt8] = []
    private var atEOF = false

    init(lines: [String]) {
        self.lines = lines
        fromStdin = false
        interactive = false
    }

    init(interactive: Bool) {
        lines = []
        fromStdin = true
        self.interactive = interactive
    }

    func next() -> String? {
        if fromStdin {
            if interactive { FileHandle.standardError.write(Data("> ".utf8)) }
            return readStdinLine()
        }
        guard index < lines.count else { return nil }
        defer { index += 1 }
        return lines[index]
    }

    private func readStdinLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = buffer[..<newline]
                buffer.removeSubrange(...newline)
                var text = String(decoding: line, as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                return text
            }
            if atEOF {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
            } else if n < 0 && errno == EAGAIN {
                usleep(10_000)  // a non-blocking stdin: wait for input without spinning
            } else if n == 0 || errno != EINTR {
                atEOF = true
            }
        }
    }
}
