import Foundation

/// Notices a change in a package's files by polling (`minihost test --watch`): a file added,
/// removed, or with another size or modification time. Hidden folders (`.git`) and written
/// snapshots (`__snapshots__`) do not count.
public final class PackageWatcher {
    public let root: URL
    private var last: [String: String]
    /// How often the tree is read.
    public var interval: TimeInterval = 0.3

    public init(root: URL) {
        self.root = root
        last = Self.state(root)
    }

    /// Blocks until the package differs from when it was last seen.
    public func waitForChange() {
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = Self.state(root)
            if now != last { last = now; return }
        }
    }

    static func state(_ root: URL) -> [String: String] {
        var out: [String: String] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { return out }
        for case let url as URL in walker {
            if url.lastPathComponent == "__snapshots__" || url.lastPathComponent == "node_modules" { walker.skipDescendants(); continue }
            guard let v = try? url.resourceValues(forKeys: Set(keys)), v.isRegularFile == true else { continue }
            out[url.path] = "\(v.fileSize ?? 0) \(v.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }
        return out
    }
}
