import Crypto
import Foundation
import GRDB

/// A conversation as stored: its id, title and members (the user's id and contact ids).
public struct ChatConversation: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Member ids, in the order they were added.
    public var members: [String]
    /// How many messages it holds.
    public var messageCount: Int

    public init(id: String, title: String, members: [String], messageCount: Int = 0) {
        self.id = id
        self.title = title
        self.members = members
        self.messageCount = messageCount
    }
}

/// One stored message. `viaAppId`/`viaAppName` are the provenance of a message an app sent for
/// the user (taken from the host's record of the app, never from the app's arguments); nil for
/// messages the user or a contact wrote themselves.
public struct ChatMessage: Sendable, Equatable {
    /// Increasing with every message posted, in any conversation.
    public var id: Int64
    public var conversationId: String
    public var senderId: String
    /// The sender's name when the message was posted.
    public var senderName: String
    public var text: String
    public var time: Date
    public var viaAppId: String?
    public var viaAppName: String?

    public init(id: Int64, conversationId: String, senderId: String, senderName: String, text: String, time: Date,
                viaAppId: String? = nil, viaAppName: String? = nil) {
        self.id = id
        self.conversationId = conversationId
        self.senderId = senderId
        self.senderName = senderName
        self.text = text
        self.time = time
        self.viaAppId = viaAppId
        self.viaAppName = viaAppName
    }

    /// "via <app name>", or nil when no app sent it.
    public var provenance: String? { viaAppName.map { "via " + $0 } }
}

/// A chat operation that cannot be done (unknown conversation, sender not a member); the text
/// names what was wrong.
public struct ChatStoreError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// Conversations, members and messages in the host database (migration `chat.v1`, tables
/// `chat_conversation`, `chat_member`, `chat_message`, `chat_secret`). On first use it seeds the
/// world's conversations (with their history) whose ids are not stored yet, so a data directory
/// keeps its own history across runs, and several processes (a running host, `minihost chat
/// post`) share it.
public final class ChatStore: @unchecked Sendable {
    public let database: MiniHostDatabase
    /// The world the store was opened with (names of the user and contacts).
    public let world: World
    private let lock = NSLock()
    private var secretCache: Data?

    /// Opens the chat tables (creating them if needed) and seeds the world's conversations that
    /// are not stored yet. `now` dates seeded messages without a time.
    public init(database: MiniHostDatabase, world: World, now: Date = Date()) throws {
        self.database = database
        self.world = world
        try database.migrate { migrator in
            migrator.registerMigration("chat.v1") { db in
                try db.execute(sql: """
                    CREATE TABLE chat_conversation (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        created_at REAL NOT NULL
                    );
                    CREATE TABLE chat_member (
                        conversation_id TEXT NOT NULL REFERENCES chat_conversation(id) ON DELETE CASCADE,
                        member_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY(conversation_id, member_id)
                    );
                    CREATE TABLE chat_message (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        conversation_id TEXT NOT NULL REFERENCES chat_conversation(id) ON DELETE CASCADE,
                        sender_id TEXT NOT NULL,
                        sender_name TEXT NOT NULL,
                        text TEXT NOT NULL,
                        time REAL NOT NULL,
                        via_app_id TEXT,
                        via_app_name TEXT
                    );
                    CREATE INDEX chat_message_conversation ON chat_message(conversation_id, id);
                    CREATE TABLE chat_secret (
                        id INTEGER PRIMARY KEY CHECK(id = 1),
                        value BLOB NOT NULL
                    );
                    """)
            }
        }
        try seed(now: now)
    }

    /// The name of a person (the user or a contact), or their id when the world does not know them.
    public func name(of person: String) -> String {
        if person == world.user.id { return world.user.name }
        return world.contacts.first { $0.id == person }?.name ?? person
    }

    private func seed(now: Date) throws {
        let formatter = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        try database.write { db in
            for c in world.conversations {
                try db.execute(sql: "INSERT OR IGNORE INTO chat_conversation (id, title, created_at) VALUES (?, ?, ?)",
                               arguments: [c.id, c.title, now.timeIntervalSince1970])
                // Another process (or an earlier run) seeded it: keep its history as it is.
                guard db.changesCount == 1 else { continue }
                for (i, m) in c.members.enumerated() {
                    try db.execute(sql: "INSERT OR IGNORE INTO chat_member (conversation_id, member_id, position) VALUES (?, ?, ?)",
                                   arguments: [c.id, m, i])
                }
                for m in c.messages {
                    let time = m.time.flatMap { formatter.date(from: $0) ?? fractional.date(from: $0) } ?? now
                    try db.execute(sql: "INSERT INTO chat_message (conversation_id, sender_id, sender_name, text, time) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [c.id, m.from, name(of: m.from), m.text, time.timeIntervalSince1970])
                }
            }
        }
    }

    /// Every conversation, ordered by id.
    public func conversations() throws -> [ChatConversation] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.title, (SELECT count(*) FROM chat_message m WHERE m.conversation_id = c.id) AS n
                FROM chat_conversation c ORDER BY c.id
                """)
            return try rows.map { row in
                let id: String = row["id"]
                return ChatConversation(id: id, title: row["title"], members: try Self.members(db, id), messageCount: row["n"])
            }
        }
    }

    /// One conversation, or nil when there is none with that id.
    public func conversation(_ id: String) throws -> ChatConversation? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.id, c.title, (SELECT count(*) FROM chat_message m WHERE m.conversation_id = c.id) AS n
                FROM chat_conversation c WHERE c.id = ?
                """, arguments: [id]) else { return nil }
            return ChatConversation(id: id, title: row["title"], members: try Self.members(db, id), messageCount: row["n"])
        }
    }

    private static func members(_ db: Database, _ id: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT member_id FROM chat_member WHERE conversation_id = ? ORDER BY position", arguments: [id])
    }

    /// Up to `limit` messages of a conversation with ids below `before` (all when nil), the most
    /// recent ones, oldest first; `hasMore` tells whether older ones remain.
    public func messages(in conversation: String, before: Int64? = nil, limit: Int) throws -> (messages: [ChatMessage], hasMore: Bool) {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM chat_message WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?
                """, arguments: [conversation, before ?? Int64.max, limit + 1])
            let hasMore = rows.count > limit
            return (rows.prefix(limit).map(Self.message).reversed(), hasMore)
        }
    }

    /// Every message with an id above `id`, in order (what a watcher has not seen yet).
    public func messages(after id: Int64, limit: Int = 500) throws -> [ChatMessage] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM chat_message WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]).map(Self.message)
        }
    }

    /// The highest message id (0 when there is none).
    public func lastMessageId() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM chat_message") ?? 0 }
    }

    /// Appends a message. Throws ``ChatStoreError`` when the conversation does not exist or the
    /// sender is not one of its members.
    @discardableResult
    public func post(conversation: String, sender: String, text: String, time: Date, viaAppId: String? = nil, viaAppName: String? = nil) throws -> ChatMessage {
        let senderName = name(of: sender)
        return try database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM chat_conversation WHERE id = ?", arguments: [conversation]) == true else {
                throw ChatStoreError("no conversation \"\(conversation)\"")
            }
            let members = try Self.members(db, conversation)
            guard members.contains(sender) else {
                throw ChatStoreError("\"\(sender)\" is not a member of conversation \"\(conversation)\" (members: \(members.joined(separator: ", ")))")
            }
            try db.execute(sql: """
                INSERT INTO chat_message (conversation_id, sender_id, sender_name, text, time, via_app_id, via_app_name)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [conversation, sender, senderName, text, time.timeIntervalSince1970, viaAppId, viaAppName])
            return ChatMessage(id: db.lastInsertedRowID, conversationId: conversation, senderId: sender, senderName: senderName,
                               text: text, time: time, viaAppId: viaAppId, viaAppName: viaAppName)
        }
    }

    /// An opaque, stable handle for `person` as seen by `app`: the same person gets the same
    /// handle in one app across runs, different handles in different apps, and the handle does not
    /// reveal the contact's id (it is an HMAC under a random key kept in this data directory).
    public func handle(for person: String, app: String) throws -> String {
        let key = SymmetricKey(data: try secret())
        let mac = HMAC<SHA256>.authenticationCode(for: Data((app + "\u{0}" + person).utf8), using: key)
        return "u_" + mac.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    private func secret() throws -> Data {
        if let s = lock.withLock({ secretCache }) { return s }
        var fresh = Data(count: 32)
        for i in 0..<32 { fresh[i] = UInt8.random(in: 0...255) }
        let stored = try database.write { db -> Data in
            try db.execute(sql: "INSERT OR IGNORE INTO chat_secret (id, value) VALUES (1, ?)", arguments: [fresh])
            return try Data.fetchOne(db, sql: "SELECT value FROM chat_secret WHERE id = 1") ?? fresh
        }
        lock.withLock { secretCache = stored }
        return stored
    }

    private static func message(_ row: Row) -> ChatMessage {
        ChatMessage(
            id: row["id"], conversationId: row["conversation_id"], senderId: row["sender_id"], senderName: row["sender_name"],
            text: row["text"], time: Date(timeIntervalSince1970: row["time"]),
            viaAppId: row["via_app_id"], viaAppName: row["via_app_name"])
    }
}
