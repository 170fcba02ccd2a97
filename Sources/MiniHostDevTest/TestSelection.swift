import Foundation

/// Which test files a run takes: `--shard i/n` (a deterministic split) and `--changed` (the files
/// git sees changed since the last commit).
public enum TestSelection {
    /// `i/n` with 1 ≤ i ≤ n.
    public static func parseShard(_ text: String) throws -> (index: Int, count: Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else {
            throw DevTestError("--shard \(text): expected i/n with 1 <= i <= n (e.g. 1/3)")
        }
        return (i, n)
    }

    /// Shard `index` of `count`: the files (sorted by path) at positions index-1, index-1+count, …
    /// Every file is in exactly one shard, whatever the machine.
    public static func shard(_ files: [TestFile], index: Int, count: Int) -> [TestFile] {
        files.sorted { $0.displayPath < $1.displayPath }.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    /// The test files changed since the last commit (modified, staged or new), or all of them
    /// when any other file of the package changed (app code, helpers, fixtures, world).
    public static func changed(_ files: [TestFile], root: URL) throws -> [TestFile] {
        let paths = try changedPaths(root: root).filter { !$0.contains("__snapshots__/") }
        if paths.contains(where: { path in !files.contains { $0.displayPath == path } }) { return files }
        return files.filter { paths.contains($0.displayPath) }
    }

    /// The package's files git sees changed since HEAD (all files, when there is no commit yet),
    /// relative to the package root.
    static func changedPaths(root: URL) throws -> Set<String> {
        guard let git = executable("git") else { throw DevTestError("--changed needs git, which is not in PATH") }
        let top = try run(git, ["-C", root.path, "rev-parse", "--show-toplevel"])
        guard top.status == 0 else { throw DevTestError("--changed: \(root.path) is not in a git repository") }
        var out: Set<String> = []
        let hasHead = try run(git, ["-C", root.path, "rev-parse", "--verify", "--quiet", "HEAD"]).status == 0
        let tracked = hasHead ? ["diff", "--name-only", "--relative", "HEAD", "--", "."] : ["ls-files", "--", "."]
        for args in [tracked, ["ls-files", "--others", "--exclude-standard", "--", "."]] {
            let r = try run(git, ["-C", root.path] + args)
            guard r.status == 0 else { throw DevTestError("--changed: git \(args.joined(separator: " ")) failed: \(r.error)") }
            for line in r.output.split(separator: "\n") where !line.isEmpty { out.insert(String(line)) }
        }
        return out
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String, error: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
