import Dispatch
import Foundation

/// Runs async work from synchronous code (the CLI's commands and benches are synchronous):
/// blocks the calling thread, never one of the concurrency pool's, until the work ends.
public enum BlockingTask {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, Error> {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return box.result!
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
