import Dispatch
import Foundation
import Synchronization

/// The temporary directories a test run made and has not removed yet: its worlds and the
/// database template they copy. Whatever ends the process removes them: a normal exit, or an
/// interrupt once ``removeOnInterrupt()`` was called (`minihost test` does, so a Ctrl-C in the
/// middle of a run leaves nothing behind in the temporary directory).
public enum ScratchDirectories {
    private static let live = Mutex<Set<String>>([])
    private static let exitHook: Void = { atexit { ScratchDirectories.removeAll() } }()

    /// Records a directory the run made.
    static func add(_ url: URL) {
        _ = exitHook
        _ = live.withLock { $0.insert(url.path) }
    }

    /// Removes a directory the run made, and forgets it.
    static func remove(_ url: URL) {
        _ = live.withLock { $0.remove(url.path) }
        try? FileManager.default.removeItem(at: url)
    }

    /// Removes every directory recorded.
    public static func removeAll() {
        let paths = live.withLock { paths in defer { paths = [] }; return paths }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    private static let handlers = Mutex<[any DispatchSourceSignal]>([])

    /// On SIGINT, SIGTERM or SIGHUP: removes every directory recorded, then ends the process as
    /// that signal would have (exit status 128 + its number, for the shell).
    public static func removeOnInterrupt() {
        handlers.withLock { handlers in
            guard handlers.isEmpty else { return }
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                // Dispatch takes the signal through a signalfd, with the signal blocked: to end
                // the process by it, the handler restores its default action and unblocks it.
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler {
                    removeAll()
                    signal(sig, SIG_DFL)
                    var set = sigset_t()
                    sigemptyset(&set)
                    sigaddset(&set, sig)
                    pthread_sigmask(SIG_UNBLOCK, &set, nil)
                    raise(sig)
                    _exit(128 + sig)  // not reached
                }
                source.resume()
                handlers.append(source)
            }
        }
    }
}
