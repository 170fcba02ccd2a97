import Foundation
import Synchronization

/// Where a command keeps its temporary directories (`minihost test`'s worlds and the database
/// template they copy, `minihost conformance`'s data directory per case): one directory of the
/// process's own, `minihost-scratch-<uuid>` in the temporary directory, made on first use.
/// Whatever ends the process removes it: a normal exit, or an interrupt once
/// ``removeOnInterrupt()`` was called (both commands do, so a Ctrl-C in the middle of a run
/// leaves nothing behind).
public enum ScratchDirectories {
    /// The run's directory once made; `closed` once it was removed (nothing is made after).
    private static let state = Mutex<(root: URL?, closed: Bool)>((nil, false))

    /// A new directory inside the run's directory, named `<prefix>-<uuid>`.
    public static func make(_ prefix: String) throws -> URL {
        // Under the lock, so that a removal never races a directory being made inside.
        try state.withLock { state -> URL in
            guard !state.closed else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "the run's temporary directory was removed"]) }
            let parent: URL
            if let root = state.root {
                parent = root
            } else {
                parent = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-scratch-\(UUID().uuidString)", isDirectory: true)
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
                atexit { ScratchDirectories.removeAll() }
                state.root = parent
            }
            let url = parent.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            return url
        }
    }

    /// Removes the run's directory and everything in it; nothing is made in it afterwards.
    public static func removeAll() {
        state.withLock { state in
            state.closed = true
            guard let root = state.root else { return }
            // A file still being written into a world (its database) can make one pass fail.
            for _ in 0..<3 where FileManager.default.fileExists(atPath: root.path) {
                try? FileManager.default.removeItem(at: root)
            }
        }
    }

    /// On an interrupt (``Interrupts``): removes the run's directory before the process ends.
    public static func removeOnInterrupt() {
        Interrupts.onInterrupt { _ in removeAll() }
    }
}
