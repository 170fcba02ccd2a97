import Foundation

/// The snapshots of one test file (`tests/__snapshots__/<file>.snap`), in Jest's layout:
/// ``exports[`<test name> <n>`] = `<text>`;`` entries. A missing snapshot is written; a
/// different one fails unless `--update-snapshots` rewrites it. Saved when the file's tests end.
final class SnapshotStore: @unchecked Sendable {
    enum Outcome: Equatable {
        case matched, written
        case mismatch(expected: String)
    }

    let url: URL
    private let update: Bool
    private var entries: [String: String]?
    private var changed = false
    private let lock = NSLock()

    /// `testFile`: the test file; its snapshots live next to it in `__snapshots__/`.
    init(testFile: URL, update: Bool) {
        url = testFile.deletingLastPathComponent().appendingPathComponent("__snapshots__")
            .appendingPathComponent(testFile.lastPathComponent + ".snap")
        self.update = update
    }

    func check(_ name: String, _ text: String) throws -> Outcome {
        try lock.withLock {
            var all = try loaded()
            if let expected = all[name], expected != text, !update { return .mismatch(expected: expected) }
            if all[name] == text { return .matched }
            all[name] = text
            entries = all
            changed = true
            return .written
        }
    }

    /// Writes the file if a snapshot was added or updated.
    func save() throws {
        try lock.withLock {
            guard changed, let entries else { return }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var out = "// MiniHost snapshot v1 (minihost test --update-snapshots rewrites it)\n"
            for name in entries.keys.sorted() {
                out += "\nexports[`\(Self.escape(name))`] = `\(Self.escape(entries[name]!))`;\n"
            }
            try Data(out.utf8).write(to: url, options: .atomic)
            changed = false
        }
    }

    private func loaded() throws -> [String: String] {
        if let entries { return entries }
        var parsed: [String: String] = [:]
        if let data = FileManager.default.contents(atPath: url.path) {
            guard let text = String(data: data, encoding: .utf8) else { throw DevTestError("\(url.path): not UTF-8 text") }
            parsed = try Self.parse(text, file: url.path)
        }
        entries = parsed
        return parsed
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "`", with: "\\`").replacingOccurrences(of: "${", with: "\\${")
    }

    /// Reads the entries back; a file that is not in this layout is an error naming its line.
    static func parse(_ text: String, file: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let chars = Array(text)
        var i = 0, line = 1
        func fail(_ what: String) -> DevTestError { DevTestError("\(file):\(line): \(what)") }
        func literal() throws -> String {
            guard i < chars.count, chars[i] == "`" else { throw fail("expected a ` string") }
            i += 1
            var out = ""
            while i < chars.count, chars[i] != "`" {
                if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                if chars[i] == "\n" { line += 1 }
                out.append(chars[i])
                i += 1
            }
            guard i < chars.count else { throw fail("unterminated ` string") }
            i += 1
            return out
        }
        func expect(_ word: String) throws {
            let w = Array(word)
            guard i + w.count <= chars.count, Array(chars[i..<i + w.count]) == w else { throw fail("expected \(word)") }
            i += w.count
        }
        while i < chars.count {
            if chars[i] == "\n" { line += 1; i += 1; continue }
            if chars[i] == " " || chars[i] == "\t" || chars[i] == "\r" { i += 1; continue }
            if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            try expect("exports[")
            let name = try literal()
            try expect("] = ")
            let value = try literal()
            try expect(";")
            result[name] = value
        }
        return result
    }
}
