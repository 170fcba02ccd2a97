import Foundation
import MiniHostProtocol

/// Everything the host side keeps for all apps: the database and its stores, the audit log, the
/// rate limiter and the prompter that asks the user. One per host process.
public final class HostServices: @unchecked Sendable {
    public let database: MiniHostDatabase
    public let grants: GrantStore
    public let audit: AuditLog
    public let storage: StorageStore
    public let rateLimiter: RateLimiter
    public let prompter: Prompter

    /// Opens (or creates) the database in `dataDirectory`.
    public convenience init(dataDirectory: URL, prompter: Prompter) throws {
        try self.init(database: MiniHostDatabase(directory: dataDirectory), prompter: prompter)
    }

    public init(database: MiniHostDatabase, prompter: Prompter) throws {
        self.database = database
        self.grants = GrantStore(database: database)
        self.audit = AuditLog(database: database)
        self.storage = StorageStore(database: database)
        self.rateLimiter = RateLimiter()
        self.prompter = prompter
    }

    /// Writes what is still buffered (the audit log); call before the process exits.
    public func flush() { audit.flush() }
}
