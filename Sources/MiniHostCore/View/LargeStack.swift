import Foundation

/// Runs work on a thread of its own with a large stack and waits for it: the template compiler
/// recurses once per nesting level (bounded), and a caller's thread may have a small stack.
enum LargeStack {
    static let bytes = 16 << 20

    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, ViewCompileError>?
    }

    static func run<T>(_ body: @escaping () throws(ViewCompileError) -> T) throws(ViewCompileError) -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        let work = UncheckedWork {
            outcome.result = Result { () throws(ViewCompileError) -> T in try body() }
            done.signal()
        }
        let thread = Thread { work.body() }
        thread.stackSize = bytes
        thread.start()
        done.wait()
        return try outcome.result!.get()
    }

    /// The closure handed to the thread; the caller waits for it, so nothing runs concurrently.
    private struct UncheckedWork: @unchecked Sendable {
        let body: () -> Void
    }
}
