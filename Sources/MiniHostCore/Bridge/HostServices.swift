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
    /// The simulated world (the wallet's start, merchants, location, conversations, peers).
    public let world: World
    /// The host's clock (tests move it).
    public let clock: @Sendable () -> Date
    /// Where apps' network calls go: the world's answers, or the real network (`--network live`).
    public let networkMode: NetworkMode

    private let lock = NSLock()
    private var components: [ObjectIdentifier: AnyObject] = [:]

    /// Opens (or creates) the database in `dataDirectory`.
    public convenience init(dataDirectory: URL, prompter: Prompter, world: World = .default, network: NetworkMode = .world) throws {
        try self.init(database: MiniHostDatabase(directory: dataDirectory), prompter: prompter, world: world, network: network)
    }

    public init(database: MiniHostDatabase, prompter: Prompter, world: World = .default, network: NetworkMode = .world,
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.world = world
        self.networkMode = network
        self.clock = clock
        self.database = database
        self.grants = GrantStore(database: database)
        self.audit = AuditLog(database: database)
        self.storage = StorageStore(database: database)
        self.rateLimiter = RateLimiter()
        self.prompter = prompter
        if world.device.storageFull { try applyFullDisk() }
    }

    /// The world's `device.storage_full`: the host sets up what it keeps for itself (the wallet
    /// and the chat store, seeded from the world, as their services would on first use), then the
    /// disk fills up (``MiniHostDatabase/simulateFullDisk()``): from now on a write that needs a
    /// new page fails with `SQLITE_FULL`. What that does:
    /// - storage: `setStorage` of a value that needs new pages fails with 1009 and stores nothing;
    ///   what was stored stays readable;
    /// - the audit log: a batch that cannot be written is dropped and reported by
    ///   ``AuditLog/takeWriteError()``; the location APIs check it before they give a position
    ///   and fail with 1009 (a call that cannot be audited is not performed);
    /// - grants: a decision that cannot be remembered is not (the user is asked again next
    ///   time); `authorize` then fails with 1009;
    /// - payments: the charge and its audit entries share one transaction, so a payment that
    ///   cannot be recorded fails with 1009 and charges nothing.
    private func applyFullDisk() throws {
        _ = try walletStore()
        _ = try chatStore()
        try database.simulateFullDisk()
    }

    /// The host's wallet store, made on first use (from the world's wallet when the database has none).
    public func walletStore() throws -> WalletStore {
        try component(WalletStore.self) { try WalletStore(database: database, seed: world.wallet, clock: clock) }
    }

    /// The host's chat store, made and seeded from the world on first use.
    public func chatStore() throws -> ChatStore {
        try component(ChatStore.self) { try ChatStore(database: database, world: world, now: clock()) }
    }

    /// A host-wide service object (a store, a provider), made on first use, one per type.
    public func component<T: AnyObject & Sendable>(_ type: T.Type, make: () throws -> T) rethrows -> T {
        try lock.withLock {
            if let c = components[ObjectIdentifier(type)] as? T { return c }
            let c = try make()
            components[ObjectIdentifier(type)] = c
            return c
        }
    }

    private var startObservers: [String: @Sendable (AppSession) -> Void] = [:]

    /// Calls `body` for every app that starts from now on (one observer per `key`: a later one
    /// with the same key replaces it). Services use it to know apps before their first call.
    public func onAppStart(key: String, _ body: @escaping @Sendable (AppSession) -> Void) {
        lock.withLock { startObservers[key] = body }
    }

    /// An app started (its session is connected).
    func appStarted(_ session: AppSession) {
        let observers = lock.withLock { Array(startObservers.values) }
        for o in observers { o(session) }
    }

    /// Writes what is still buffered (the audit log); call before the process exits.
    public func flush() { audit.flush() }
}
