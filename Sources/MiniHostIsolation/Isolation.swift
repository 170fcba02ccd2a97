import Foundation
import MiniHostCore

/// Where an app's sandbox runs (docs/spec.md).
public enum Isolation: String, Sendable, CaseIterable {
    /// A worker process per app, supervised: the default for `minihost run`.
    case process
    /// On a thread of the host: fast and dense, for trusted code.
    case inProcess = "in-process"
}

/// The supervisor's limits for one worker.
public struct WorkerLimits: Sendable, Equatable {
    /// Resident memory, in KiB, checked from inside and outside the worker.
    public var memoryKb: Int
    /// How long the app's thread may go without answering a ping before the worker is killed.
    public var responsivenessMs: Int

    public init(memoryKb: Int, responsivenessMs: Int) {
        self.memoryKb = memoryKb
        self.responsivenessMs = responsivenessMs
    }

    /// From the manifest's limits: its memory, and 2 s (or 10 × the CPU limit, if more) to answer.
    public static func from(_ limits: AppLimits) -> WorkerLimits {
        WorkerLimits(memoryKb: limits.memoryMb * 1024, responsivenessMs: max(2000, limits.cpuMs * 10))
    }
}
