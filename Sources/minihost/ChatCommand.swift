import ArgumentParser
import Foundation
import MiniHostCore

/// `minihost chat`: read the conversations of a data directory and post into them as a person
/// (a contact, or the user), also while apps run in another process.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "List and show conversations, and post into them as a contact (running apps get the message as onMessage).",
        discussion: "The conversations live in the data directory; a fresh one is seeded from --world (default: the built-in world). Give the same --world as `minihost run` so names and peers match.\n\n" + exitStatus,
        subcommands: [List.self, Show.self, Post.self],
        defaultSubcommand: List.self
    )

    static let exitStatus = ExitStatus.list([(0, "done"), (2, "an unknown conversation or member, or the world file, the data directory or its database cannot be used")])

    /// `--data-dir` and `--world`.
    struct Options: ParsableArguments {
        @Option(help: "The data directory (default: $XDG_DATA_HOME/minihost).")
        var dataDir: String?

        @Option(help: "The world file: its conversations seed a fresh data directory; its contacts and peers are used when posting.")
        var world: String?

        /// Opens the chat store, seeding the world's conversations that are not stored yet.
        func open() throws -> ChatStore {
            let model = try world.map { try World.load(URL(fileURLWithPath: $0)) } ?? .default
            let dir = DataDirectory.resolve(dataDir)
            return try ChatStore(database: MiniHostDatabase(directory: dir), world: model)
        }
    }

    /// `chat list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the conversations: id, title, members, message count.",
                                                        discussion: ChatCommand.exitStatus)

        @Flag(help: "Print a JSON array of {id, title, members, messages}.")
        var json = false

        @OptionGroup var options: Options

        func run() throws {
            let list: [ChatConversation]
            do { list = try options.open().conversations() } catch { throw reportBadTarget(error) }
            if json {
                let items: [[String: Any]] = list.map { ["id": $0.id, "title": $0.title, "members": $0.members, "messages": $0.messageCount] }
                try printJSON(items)
                return
            }
            if list.isEmpty {
                print("no conversations")
                return
            }
            let rows = [["ID", "TITLE", "MESSAGES", "MEMBERS"]] + list.map { c in
                [PromptText.sanitize(c.id, maxLength: 64), PromptText.sanitize(c.title, maxLength: 64), String(c.messageCount),
                 PromptText.sanitize(c.members.joined(separator: ", "), maxLength: 200)]
            }
            printColumns(rows)
        }
    }

    /// `chat show <conversation> [--limit N] [--json]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a conversation's messages, oldest first, with their provenance (\"via <app name>\").",
                                                        discussion: ChatCommand.exitStatus)

        @Argument(help: "The conversation id.")
        var conversation: String

        @Option(help: "Only the most recent N messages (default 50).")
        var limit: Int = 50

        @Flag(help: "Print a JSON array of {id, conversation_id, from, from_name, text, time, via_app_id, via_app_name}.")
        var json = false

        @OptionGroup var options: Options

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            let messages: [ChatMessage]
            do {
                let store = try options.open()
                try requireConversation(conversation, in: store)
                messages = try store.messages(in: conversation, limit: limit).messages
            } catch { throw reportBadTarget(error) }
            if json {
                try printJSON(messages.map(messageObject))
                return
            }
            if messages.isEmpty {
                print("no messages in \(PromptText.sanitize(conversation, maxLength: 64))")
                return
            }
            for m in messages { print(messageLine(m)) }
        }
    }

    /// `chat post <conversation> <text> --as <id> [--no-replies] [--json]`.
    struct Post: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "post",
            abstract: "Post a message as a member of a conversation (a contact, or the user); the world's peers answer it.",
            discussion: "Running apps that may see the conversation receive the message (and the replies) as onMessage. Peers' replies are posted by this command, after their delay, unless --no-replies.\n\n" + ChatCommand.exitStatus
        )

        @Argument(help: "The conversation id.")
        var conversation: String

        @Argument(help: "The text (at most 2000 characters).")
        var text: String

        @Option(name: .customLong("as"), help: ArgumentHelp("Who posts: a member's id (a contact id, or the user's id).", valueName: "member-id"))
        var sender: String

        @Flag(help: "Do not wait for the peers' replies.")
        var noReplies = false

        @Flag(help: "Print a JSON object {message, replies}.")
        var json = false

        @OptionGroup var options: Options

        func validate() throws {
            if text.isEmpty { throw ValidationError("The text must not be empty.") }
            if text.count > ChatService.maxTextLength { throw ValidationError("The text must be at most \(ChatService.maxTextLength) characters (it has \(text.count)).") }
        }

        func run() throws {
            let store: ChatStore
            let message: ChatMessage
            do {
                store = try options.open()
                try requireConversation(conversation, in: store)
                message = try store.post(conversation: conversation, sender: sender, text: text, time: Date())
            } catch { throw reportBadTarget(error) }
            if !json { print(messageLine(message)) }
            var replies: [ChatMessage] = []
            if !noReplies {
                let members = (try? store.conversation(conversation)?.members) ?? []
                let start = Date()
                for reply in ChatPeers.replies(to: message, members: members, world: store.world) {
                    let due = start.addingTimeInterval(Double(reply.delayMs) / 1000)
                    if due > Date() { Thread.sleep(until: due) }
                    do {
                        let m = try store.post(conversation: conversation, sender: reply.peer, text: reply.text, time: Date())
                        replies.append(m)
                        if !json { print(messageLine(m)) }
                    } catch { throw reportBadTarget(error) }
                }
            }
            if json {
                try printJSON(["message": messageObject(message), "replies": replies.map(messageObject)] as [String: Any])
            }
        }
    }
}

/// Fails with the conversations there are when `id` is not one of them.
private func requireConversation(_ id: String, in store: ChatStore) throws {
    guard try store.conversation(id) == nil else { return }
    let ids = try store.conversations().map(\.id)
    throw ChatStoreError("no conversation \(PromptText.quoted(id, maxLength: 64)) (there \(ids.count == 1 ? "is" : "are"): \(ids.isEmpty ? "none" : ids.joined(separator: ", ")))")
}

/// `#12 2026-11-26T17:52:03Z Alex via Team Check-in: text` (app-supplied text escaped).
private func messageLine(_ m: ChatMessage) -> String {
    let via = m.viaAppName.map { " via " + PromptText.sanitize($0, maxLength: 64) } ?? ""
    return "#\(m.id) \(AuditEntry.formatTime(m.time)) \(PromptText.sanitize(m.senderName, maxLength: 64))\(via): \(PromptText.sanitize(m.text, maxLength: 4000))"
}

private func messageObject(_ m: ChatMessage) -> [String: Any] {
    [
        "id": m.id, "conversation_id": m.conversationId, "from": m.senderId, "from_name": m.senderName, "text": m.text,
        "time": AuditEntry.formatTime(m.time), "via_app_id": m.viaAppId ?? NSNull(), "via_app_name": m.viaAppName ?? NSNull(),
    ]
}

private func printJSON(_ object: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    print(String(decoding: data, as: UTF8.self))
}
