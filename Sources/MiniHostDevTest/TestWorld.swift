import Dispatch
import Foundation
import MiniHostCore
import MiniHostProtocol

/// One test's world: its own temporary data directory, or a database in memory (grants, storage,
/// wallet, chat), the host services over it and the driver's prompter. Made at the test's first
/// launch and ended after the test's apps have stopped; its directory goes when the world does.
final class TestWorld: @unchecked Sendable {
    /// The world's data directory; nil for a world kept in memory.
    let directory: URL?
    let services: HostServices
    let prompter: DriverPrompter
    let switcher: SwitchingPrompter
    let model: World

    init(model: World, policy: (grant: [String], deny: [String]), maxPromptWait: Double, inMemory: Bool, network: NetworkMode = .world) throws {
        self.model = model
        prompter = DriverPrompter(maxWait: maxPromptWait)
        switcher = SwitchingPrompter(try Self.policy(model, policy, fallback: prompter))
        if inMemory {
            directory = nil
            services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: switcher, world: model, network: network)
        } else {
            let (directory, database) = try Self.openDatabase()
            self.directory = directory
            services = try HostServices(database: database, prompter: switcher, world: model, network: network)
        }
    }

    /// A data directory and its database, a copy of the template: the directory and connection an
    /// earlier world left (``WorldDirectories``), the template copied in over the connection, or
    /// a new directory with the template's file. The directory outlives this object until its
    /// database has gone: whatever still holds the world (a late world operation of the driver's)
    /// may still use it.
    private static func openDatabase() throws -> (URL, MiniHostDatabase) {
        @Sendable func release(_ directory: URL) -> @Sendable (ScratchConnection) -> Void {
            { connection in WorldDirectories.shared.release(directory, connection: connection) }
        }
        if let kept = WorldDirectories.shared.take() {
            if let template = try? DatabaseTemplate.shared.database(),
               let database = try? MiniHostDatabase.scratch(reusing: kept.connection, template: template, whenReleased: release(kept.directory)) {
                return (kept.directory, database)
            }
            // Never use what an earlier test left in it (its connection closes as it goes).
            try? FileManager.default.removeItem(at: kept.directory)
        }
        let directory = try ScratchDirectories.make("world")
        do {
            // Without the copy the database is created and migrated when it opens.
            try? DatabaseTemplate.shared.write(into: directory)
            return (directory, try MiniHostDatabase.scratch(directory: directory, whenReleased: release(directory)))
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    static func policy(_ model: World, _ p: (grant: [String], deny: [String]), fallback: DriverPrompter) throws -> PolicyPrompter {
        try PolicyPrompter.parse(grant: p.grant, deny: p.deny, policyFile: nil, world: model.policy, fallback: fallback)
    }

    /// Applies a later launch's `grant`/`deny` to this world.
    func setPolicy(_ p: (grant: [String], deny: [String])) throws {
        switcher.set(try Self.policy(model, p, fallback: prompter))
    }

    /// Ends the world: its audit entries are written. Its directory goes when its database does
    /// (the last reference to the world dropped): kept for a later world (``WorldDirectories``)
    /// or removed.
    func remove() {
        services.flush()
    }

    // MARK: What the driver reads and changes (`app.world`)

    private var wallet: WalletStore {
        get throws { try services.walletStore() }
    }
    private var chat: ChatStore {
        get throws { try services.chatStore() }
    }

    /// Performs a world operation; returns JSON text. Throws a message for the test.
    func perform(_ op: String, _ arg: [String: Any]) throws -> String {
        switch op {
        case "wallet.balance":
            return String(try wallet.wallet().balance)
        case "wallet.statement":
            let entries = try wallet.entries().map(\.statementJSON)
            return try Self.json(entries)
        case "chat.conversations":
            return try Self.json(try chat.conversations().map { ["id": $0.id, "title": $0.title, "members": $0.members] as [String: Any] })
        case "chat.messages":
            guard let conversation = arg["conversation"] as? String else { throw DriverError("world.chat.messages(conversation): conversation must be a string") }
            guard try chat.conversation(conversation) != nil else { throw DriverError("world.chat.messages: no conversation \"\(conversation)\" in the world") }
            let list = try chat.messages(in: conversation, limit: 10_000).messages
            return try Self.json(list.map(Self.message))
        case "chat.post":
            guard let conversation = arg["conversation"] as? String, let text = arg["text"] as? String else {
                throw DriverError("world.chat.post(conversation, text, {as}): conversation and text must be strings")
            }
            let sender = (arg["as"] as? String) ?? model.user.id
            let m = try chat.post(conversation: conversation, sender: sender, text: text, time: services.clock())
            return try Self.json(Self.message(m))
        case "location.current":
            let fix = LocationService.provider(services).current()
            return try Self.json(["latitude": fix.latitude, "longitude": fix.longitude, "altitude": fix.altitude, "speed": fix.speed, "accuracy": fix.accuracy])
        case "location.moveTo":
            guard let lat = arg["latitude"] as? Double, let lon = arg["longitude"] as? Double else {
                throw DriverError("world.location.moveTo(latitude, longitude): both must be numbers")
            }
            try LocationService.provider(services).moveTo(latitude: lat, longitude: lon, altitude: arg["altitude"] as? Double)
            return "null"
        case "location.setRoute":
            guard let raw = arg["points"] as? [[String: Any]] else {
                throw DriverError("world.location.setRoute(points, {speed, loop}): points must be an array of {t, latitude, longitude}")
            }
            var points: [WorldRoutePoint] = []
            for (i, p) in raw.enumerated() {
                guard let t = p["t"] as? Double, let lat = p["latitude"] as? Double, let lon = p["longitude"] as? Double else {
                    throw DriverError("world.location.setRoute: points[\(i)] needs numbers t, latitude and longitude")
                }
                points.append(WorldRoutePoint(t: t, latitude: lat, longitude: lon, altitude: p["altitude"] as? Double))
            }
            try LocationService.provider(services).setRoute(points, speed: (arg["speed"] as? Double) ?? 1, loop: (arg["loop"] as? Bool) ?? false)
            return "null"
        case "account.code2Session":
            guard let code = arg["code"] as? String else { throw DriverError("world.account.code2Session(code): code must be a string") }
            return LoginSessions.of(services).exchange(code: code, appId: arg["appId"] as? String).jsonText
        case "device.clipboard":
            return JSONValue.string(DeviceState.of(services).clipboard).jsonText
        case "device.phoneCalls":
            return JSONValue.array(DeviceState.of(services).phoneCalls.map(JSONValue.string)).jsonText
        default:
            throw DriverError("unknown world operation \(op)")
        }
    }

    static func message(_ m: ChatMessage) -> [String: Any] {
        ["id": m.id, "conversation": m.conversationId, "from": m.senderId, "name": m.senderName, "text": m.text,
         "via": m.viaAppName ?? NSNull()]
    }

    static func json(_ v: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

/// A driver API misuse or a failed driver operation, shown to the test as an Error.
struct DriverError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// An empty database with the core schema, made once per run: each test's world starts from a
/// copy of it instead of creating and migrating a database (the migrations' commits dominate a
/// small test's cost).
final class DatabaseTemplate: @unchecked Sendable {
    static let shared = DatabaseTemplate()
    private let lock = NSLock()
    private var made: Result<(database: MiniHostDatabase, bytes: Data), Error>?

    private func template() throws -> (database: MiniHostDatabase, bytes: Data) {
        try lock.withLock {
            if let made { return try made.get() }
            let result = Result { () throws -> (database: MiniHostDatabase, bytes: Data) in
                let dir = try ScratchDirectories.make("template")  // removed when the process ends
                // A scratch database: no WAL, so its file is the whole database.
                let database = try MiniHostDatabase.scratch(directory: dir)
                return (database, try Data(contentsOf: URL(fileURLWithPath: database.path)))
            }
            made = result
            return try result.get()
        }
    }

    /// The template, open (never written: the source of a world's copy over a kept connection).
    func database() throws -> MiniHostDatabase { try template().database }

    /// Makes `<directory>/minihost.sqlite` a copy of the template (a new world's directory).
    func write(into directory: URL) throws {
        try template().bytes.write(to: directory.appendingPathComponent(MiniHostDatabase.fileName))
    }
}

/// The data directories of worlds that have gone, with their database connections still open,
/// kept for the next worlds (the template is copied in over the connection). Making and removing
/// a directory and a database file for every test, and opening the database, cost more than the
/// test: on a file system such as ext4, allocating an inode searches past every recently deleted
/// one.
final class WorldDirectories: @unchecked Sendable {
    static let shared = WorldDirectories()
    /// At most this many are kept; the others are removed.
    static let limit = 8
    private let lock = NSLock()
    private var spare: [(directory: URL, connection: ScratchConnection)] = []

    /// A kept directory and its connection, or nil.
    func take() -> (directory: URL, connection: ScratchConnection)? { lock.withLock { spare.popLast() } }

    /// The world of `directory` has gone, leaving its database's `connection`: keeps both for a
    /// later world, or removes the directory (the connection closes as it goes).
    func release(_ directory: URL, connection: ScratchConnection) {
        let kept = lock.withLock {
            guard spare.count < Self.limit else { return false }
            spare.append((directory, connection))
            return true
        }
        if !kept { try? FileManager.default.removeItem(at: directory) }
    }

    /// Removes the kept directories (a run that ends: ``RunConfig/close()``).
    func removeKept() {
        let kept = lock.withLock { defer { spare = [] }; return spare }
        for k in kept { try? FileManager.default.removeItem(at: k.directory) }
    }
}

/// Worlds of the run's default world made ahead of time on a background queue (a temporary
/// directory and an open database each), so that a test's first launch does not wait for them.
/// Each world is handed out once; the pool refills itself up to `size`.
final class WorldPool: @unchecked Sendable {
    let size: Int
    private let make: @Sendable () throws -> TestWorld
    private let lock = NSLock()
    private var ready: [TestWorld] = []
    private var filling = false
    private var closed = false
    private let queue = DispatchQueue(label: "minihost.devtest.worlds", qos: .utility)

    init(size: Int, make: @escaping @Sendable () throws -> TestWorld) {
        self.size = size
        self.make = make
        refill()
    }

    /// A ready world, or nil (the caller makes one).
    func take() -> TestWorld? {
        let w: TestWorld? = lock.withLock { ready.isEmpty ? nil : ready.removeFirst() }
        refill()
        return w
    }

    /// The directories of the worlds made ahead and not yet taken.
    var readyDirectories: [URL] { lock.withLock { ready.compactMap(\.directory) } }

    /// Removes the worlds nobody took.
    func close() {
        let left: [TestWorld] = lock.withLock { closed = true; defer { ready = [] }; return ready }
        for w in left { w.remove() }
    }

    private func refill() {
        let start: Bool = lock.withLock {
            guard !filling, !closed, ready.count < size else { return false }
            filling = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            while lock.withLock({ !closed && ready.count < size }), let w = try? make() {
                let keep = lock.withLock { () -> Bool in if closed { return false }; ready.append(w); return true }
                if !keep { w.remove() }
            }
            lock.withLock { filling = false }
        }
    }
}
