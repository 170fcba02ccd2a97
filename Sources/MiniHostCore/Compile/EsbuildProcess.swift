import Foundation

/// Runs the esbuild command and reads its messages.
enum EsbuildProcess {
    struct Result {
        var status: Int32
        var stderr: String
    }

    static func run(_ tool: String, arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw PackageError(path: tool, message: "cannot run esbuild (\(tool)): \(error.localizedDescription)")
        }
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stderr: String(decoding: text, as: UTF8.self))
    }

    /// esbuild's errors as `file:line:column: message` lines (the scratch folder's `src/` prefix
    /// removed, so the file is the package's own path; the column 1-based, as in stack traces,
    /// where esbuild counts from 0).
    static func errors(_ stderr: String) -> String {
        var out: [String] = []
        var message: String?
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let range = trimmed.range(of: "[ERROR] ") {
                if let message { out.append(message) }
                message = String(trimmed[range.upperBound...])
            } else if let pending = message, trimmed.hasPrefix("src/"), trimmed.hasSuffix(":") {
                out.append(oneBasedColumn(String(trimmed.dropFirst(4).dropLast())) + ": " + pending)
                message = nil
            }
        }
        if let message { out.append(message) }
        return out.isEmpty ? stderr.trimmingCharacters(in: .whitespacesAndNewlines) : out.joined(separator: "; ")
    }

    /// `file:line:column` with the column counted from 1 (unchanged when it has no column).
    static func oneBasedColumn(_ location: String) -> String {
        guard let colon = location.lastIndex(of: ":"), let column = Int(location[location.index(after: colon)...]),
              location[..<colon].contains(":") else { return location }
        return location[..<colon] + ":\(column + 1)"
    }

    /// The compiled code without its `//# sourceMappingURL=` line (the map is kept beside it).
    static func withoutMapComment(_ code: String) -> String {
        guard let range = code.range(of: "\n//# sourceMappingURL=", options: .backwards) else { return code }
        return String(code[..<range.lowerBound]) + "\n"
    }
}
