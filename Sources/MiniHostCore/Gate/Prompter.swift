import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a consent prompt is about.
public enum PromptKind: Sendable, Equatable {
    /// A lasting permission (`location`, `chat.send`, …).
    case permission(Permission)
    /// One payment (per use, never lasting).
    case payment
    /// One chat message the app wants to send ("always" = allow this app in this conversation).
    case chatMessage
    /// A change of the app's settings (`mp.openSetting`).
    case settings
}

/// One labelled line of a prompt ("amount" → "12.00 CNY").
public struct PromptDetail: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A question for the user. `appName`, `reason` and detail values may come from the app (hostile
/// text): prompters show them through ``PromptText/sanitize(_:maxLength:)``.
public struct PromptRequest: Sendable, Equatable {
    public var kind: PromptKind
    public var appId: String
    public var appName: String
    /// What the app asks, as a verb phrase: "use your precise location".
    public var title: String
    /// The manifest's reason, if any.
    public var reason: String?
    public var details: [PromptDetail]

    public init(kind: PromptKind, appId: String, appName: String, title: String, reason: String? = nil, details: [PromptDetail] = []) {
        self.kind = kind
        self.appId = appId
        self.appName = appName
        self.title = title
        self.reason = reason
        self.details = details
    }
}

/// The user's answer. For per-use prompts (payments) `allowAlways` is never offered.
public enum PromptAnswer: String, Sendable, Equatable {
    case allowOnce = "once"
    case allowAlways = "always"
    case deny
}

/// What a powerbox picker offers (`chooseLocation`, `chooseContact`, `chooseConversation`).
public enum ChoiceKind: String, Sendable, Equatable {
    case location, contact, conversation
}

/// A pick the user makes for an app: the app receives only the option picked.
public struct ChoiceRequest: Sendable, Equatable {
    public var kind: ChoiceKind
    public var appId: String
    public var appName: String
    /// What the app asks the user to pick: "pick a place".
    public var title: String
    /// The options, as shown (host text: names of places, contacts, conversations).
    public var options: [String]

    public init(kind: ChoiceKind, appId: String, appName: String, title: String, options: [String]) {
        self.kind = kind
        self.appId = appId
        self.appName = appName
        self.title = title
        self.options = options
    }
}

/// Asks the user for consent. `ask` blocks until answered; it is never called on an app's JS
/// thread. Implementations must be safe to call from several threads.
public protocol Prompter: Sendable {
    func ask(_ request: PromptRequest) -> PromptAnswer
    /// The index of the option the user picked, or nil when they cancelled.
    func choose(_ request: ChoiceRequest) -> Int?
}

extension Prompter {
    /// By default nothing is picked (the picker is cancelled).
    public func choose(_ request: ChoiceRequest) -> Int? { nil }
}

// MARK: - Text

/// Makes untrusted text safe to show on a terminal.
public enum PromptText {
    /// Returns `s` as one visible line: C0/C1 controls, DEL, and Unicode format, bidi and
    /// separator characters (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+061C, U+FEFF,
    /// U+2028/U+2029, every other category Cf/Cc/Zl/Zp character) are shown escaped — `\n`,
    /// `\r`, `\t`, else `\u{1B}` — so an escape sequence prints as text and cannot move the
    /// cursor, clear the screen or reorder what follows. The result has at most `maxLength`
    /// characters; when cut it ends with "…" (an escape is never cut in half).
    public static func sanitize(_ s: String, maxLength: Int = 200) -> String {
        guard maxLength > 0 else { return "" }
        var tokens: [String] = []
        var length = 0
        // Stop reading once we know the text will be cut: huge input costs O(maxLength).
        outer: for character in s {
            if character.unicodeScalars.contains(where: needsEscape) {
                for scalar in character.unicodeScalars {
                    let token = needsEscape(scalar) ? escape(scalar) : String(scalar)
                    tokens.append(token)
                    length += token.count
                    if length > maxLength { break outer }
                }
            } else {
                tokens.append(String(character))
                length += 1
                if length > maxLength { break outer }
            }
        }
        if length <= maxLength { return tokens.joined() }
        var out = ""
        var used = 0
        for token in tokens {
            let n = token.count
            if used + n > maxLength - 1 { break }
            out += token
            used += n
        }
        return out + "…"
    }

    /// Whether `scalar` is shown escaped by ``sanitize(_:maxLength:)``.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
            return true
        default:
            return false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}

// MARK: - Terminal

/// Asks at a terminal: a framed prompt with the app's name and id, what it asks, the manifest's
/// reason (labelled as the app's words), details, then `[o]nce / [a]lways / [d]eny` (payments:
/// `[o]nce / [d]eny`). Anything but o/once or a/always (where offered) is deny; end of input is
/// deny. Concurrent prompts wait for each other.
public final class TerminalPrompter: Prompter, @unchecked Sendable {
    /// Reads one line (without its newline); nil at end of input.
    public typealias ReadLine = @Sendable () -> String?
    /// Writes text as is.
    public typealias Write = @Sendable (String) -> Void

    private let readLine: ReadLine
    private let write: Write
    private let lock = NSLock()

    public init(readLine: @escaping ReadLine, write: @escaping Write) {
        self.readLine = readLine
        self.write = write
    }

    /// A prompter on the controlling terminal (`/dev/tty`, read and written directly, so it
    /// works with stdin and stdout redirected), or nil when the process has none.
    public static func openTTY(path: String = "/dev/tty") -> TerminalPrompter? {
        guard let tty = TTY(path: path) else { return nil }
        return TerminalPrompter(readLine: { tty.readLine() }, write: { tty.writeText($0) })
    }

    public func ask(_ request: PromptRequest) -> PromptAnswer {
        lock.withLock {
            write(Self.render(request))
            return Self.parseAnswer(readLine(), kind: request.kind)
        }
    }

    public func choose(_ request: ChoiceRequest) -> Int? {
        lock.withLock {
            write(Self.render(request))
            return Self.parseChoice(readLine(), count: request.options.count)
        }
    }

    /// The picker's text: numbered options, then the question.
    public static func render(_ request: ChoiceRequest) -> String {
        var text = "\n┌─ minihost: \(PromptText.sanitize(request.appName, maxLength: 64)) (\(PromptText.sanitize(request.appId, maxLength: 128))) asks you to \(PromptText.sanitize(request.title))\n"
        for (i, option) in request.options.enumerated() {
            text += "│ \(i + 1). \(PromptText.sanitize(option))\n"
        }
        text += "└─ pick 1-\(request.options.count), or [c]ancel: "
        return text
    }

    /// The 0-based index a line picks; anything else (and end of input) cancels.
    public static func parseChoice(_ line: String?, count: Int) -> Int? {
        guard let line, let n = Int(line.trimmingCharacters(in: .whitespaces)), n >= 1, n <= count else { return nil }
        return n - 1
    }

    /// Whether "always" is offered for `kind` (not for payments, which are per use).
    public static func offersAlways(_ kind: PromptKind) -> Bool {
        kind != .payment
    }

    /// The answer a line means; anything unrecognised, and nil (end of input), is `.deny`.
    public static func parseAnswer(_ line: String?, kind: PromptKind) -> PromptAnswer {
        guard let line else { return .deny }
        switch line.trimmingCharacters(in: .whitespaces).lowercased() {
        case "o", "once": return .allowOnce
        case "a", "always": return offersAlways(kind) ? .allowAlways : .deny
        default: return .deny
        }
    }

    /// The prompt's text, ending with the question (no newline after it).
    public static func render(_ request: PromptRequest) -> String {
        let heading: String
        switch request.kind {
        case .permission: heading = "permission request"
        case .payment: heading = "payment request"
        case .chatMessage: heading = "message to send"
        case .settings: heading = "settings"
        }
        var rows: [(String, String)] = [
            ("app", "\(PromptText.sanitize(request.appName, maxLength: 64)) (\(PromptText.sanitize(request.appId, maxLength: 128)))"),
            ("asks to", PromptText.sanitize(request.title)),
        ]
        for d in request.details {
            rows.append((PromptText.sanitize(d.label, maxLength: 24), PromptText.sanitize(d.value)))
        }
        let width = rows.map { $0.0.count }.max() ?? 0
        var text = "\n┌─ minihost: \(heading)\n"
        for (label, value) in rows {
            text += "│ " + label + String(repeating: " ", count: width - label.count) + "  " + value + "\n"
        }
        if let reason = request.reason, !reason.isEmpty {
            text += "│ the app says: \"" + PromptText.sanitize(reason) + "\"\n"
        }
        let choices = offersAlways(request.kind) ? "[o]nce / [a]lways / [d]eny" : "[o]nce / [d]eny"
        text += "└─ allow? \(choices): "
        return text
    }
}

/// An open terminal device, read byte by byte (no buffering past the answer's newline).
private final class TTY: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()

    init?(path: String) {
        let fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }

    func writeText(_ text: String) {
        lock.withLock {
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    func readLine() -> String? {
        lock.withLock {
            var bytes: [UInt8] = []
            var byte: UInt8 = 0
            while true {
                let n = read(fd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
                if byte == UInt8(ascii: "\n") { break }
                if bytes.count < 4096 { bytes.append(byte) }
            }
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

// MARK: - Policy

/// What a policy says about one kind of request.
public enum PolicyRule: String, Sendable, Codable, Equatable {
    case allow, deny, ask
}

/// A policy file or flag that cannot be used; the text names the file (or flag) and the entry.
public struct PolicyError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
    public var errorDescription: String? { description }
}

/// Answers from a policy (flags such as `--grant location --deny payment`, or a policy file):
/// `allow` answers ``PromptAnswer/allowOnce`` (a policy never creates lasting grants), `deny`
/// answers deny, and `ask` — or no rule — goes to `fallback` (e.g. a terminal), else deny.
public struct PolicyPrompter: Prompter {
    public var permissions: [Permission: PolicyRule]
    /// Each payment (`"payment"` in flags and files, which also sets the `payment` permission).
    public var payment: PolicyRule?
    /// Each chat message (`"chat.message"`).
    public var chatMessage: PolicyRule?
    /// Settings changes (`"settings"`).
    public var settings: PolicyRule?
    /// Powerbox pickers (`"choose"`): `allow` picks the first option, `deny` cancels.
    public var choose: PolicyRule?
    public var fallback: (any Prompter)?

    public init(
        permissions: [Permission: PolicyRule] = [:],
        payment: PolicyRule? = nil,
        chatMessage: PolicyRule? = nil,
        settings: PolicyRule? = nil,
        fallback: (any Prompter)? = nil
    ) {
        self.permissions = permissions
        self.payment = payment
        self.chatMessage = chatMessage
        self.settings = settings
        self.fallback = fallback
    }

    /// The rule for a kind of request (nil when the policy says nothing).
    public func rule(for kind: PromptKind) -> PolicyRule? {
        switch kind {
        case let .permission(p):
            // Precise location includes coarse location (as the gate's declarations do).
            if p == .locationCoarse, permissions[p] == nil { return permissions[.location] }
            return permissions[p]
        case .payment: return payment
        case .chatMessage: return chatMessage
        case .settings: return settings
        }
    }

    public func choose(_ request: ChoiceRequest) -> Int? {
        switch choose {
        case .allow: return request.options.isEmpty ? nil : 0
        case .deny: return nil
        case .ask, nil: return fallback?.choose(request)
        }
    }

    public func ask(_ request: PromptRequest) -> PromptAnswer {
        switch rule(for: request.kind) {
        // A standing "grant" for a permission is remembered like "always"; per-use consent
        // (a payment, a message, settings) is never persisted anyway.
        case .allow:
            if case .permission = request.kind { return .allowAlways }
            return .allowOnce
        case .deny: return .deny
        case .ask, nil: return fallback?.ask(request) ?? .deny
        }
    }

    /// The names a policy accepts besides permission names (and their aliases).
    public static let specialNames = ["payment", "chat.message", "settings", "choose"]

    /// Applies `rule` to what `name` stands for; false when the name is unknown.
    private mutating func apply(_ name: String, _ rule: PolicyRule) -> Bool {
        switch name {
        case "payment":
            permissions[.payment] = rule
            payment = rule
        case "chat.message":
            chatMessage = rule
        case "settings":
            settings = rule
        case "choose":
            choose = rule
        default:
            guard let p = Permission(name: name) else { return false }
            permissions[p] = rule
        }
        return true
    }

    private static var knownNames: String {
        (Permission.allCases.map(\.rawValue) + ["chat.message", "settings", "choose"]).joined(separator: ", ")
    }

    /// Builds a policy from a policy file (a JSON object `{"location": "allow", "payment":
    /// "deny", "chat.send": "ask"}`), then `--grant` names (allow) and `--deny` names. Flags win
    /// over the file; a name both granted and denied is an error. Names are permission names or
    /// aliases, `payment` (the permission and each payment), `chat.message` (each message) and
    /// `settings`.
    public static func parse(grant: [String], deny: [String], policyFile: URL?, world: [String: PolicyRule] = [:], fallback: (any Prompter)? = nil) throws(PolicyError) -> PolicyPrompter {
        var policy = PolicyPrompter(fallback: fallback)
        // The world's policy first: a policy file and flags override it.
        for name in world.keys.sorted() where !policy.apply(name, world[name]!) {
            throw PolicyError("the world's policy: \"\(PromptText.sanitize(name, maxLength: 64))\" is not a permission (known: \(knownNames))")
        }
        if let policyFile {
            let path = policyFile.path
            let data: Data
            do {
                data = try Data(contentsOf: policyFile)
            } catch {
                throw PolicyError("cannot read the policy file \(path): \(error.localizedDescription)")
            }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: data)
            } catch {
                throw PolicyError("the policy file \(path) is not valid JSON; write an object such as {\"location\": \"allow\", \"payment\": \"deny\"}")
            }
            guard let dict = object as? [String: Any] else {
                throw PolicyError("the policy file \(path) must hold a JSON object such as {\"location\": \"allow\", \"payment\": \"deny\"}")
            }
            for name in dict.keys.sorted() {
                let shown = PromptText.sanitize(name, maxLength: 64)
                guard let text = dict[name] as? String, let rule = PolicyRule(rawValue: text) else {
                    throw PolicyError("the policy file \(path): the value of \"\(shown)\" must be \"allow\", \"deny\" or \"ask\"")
                }
                guard policy.apply(name, rule) else {
                    throw PolicyError("the policy file \(path): \"\(shown)\" is not a permission (known: \(knownNames))")
                }
            }
        }
        for name in grant where deny.contains(name) {
            throw PolicyError("\"\(PromptText.sanitize(name, maxLength: 64))\" is both in --grant and in --deny")
        }
        for (flag, names, rule) in [("--grant", grant, PolicyRule.allow), ("--deny", deny, PolicyRule.deny)] {
            for name in names where !policy.apply(name, rule) {
                throw PolicyError("\(flag) \"\(PromptText.sanitize(name, maxLength: 64))\": not a permission (known: \(knownNames))")
            }
        }
        return policy
    }
}

// MARK: - Scripted and deny-all

/// For tests: answers from a queue (then from `answer`, if given, then deny) and records every
/// request. Thread-safe.
public final class ScriptedPrompter: Prompter, @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [PromptAnswer]
    private var asked: [PromptRequest] = []
    private let answer: (@Sendable (PromptRequest) -> PromptAnswer)?

    public init(_ answers: [PromptAnswer] = [], answer: (@Sendable (PromptRequest) -> PromptAnswer)? = nil) {
        queue = answers
        self.answer = answer
    }

    /// Adds answers to the end of the queue.
    public func enqueue(_ answers: PromptAnswer...) {
        lock.withLock { queue.append(contentsOf: answers) }
    }

    /// Every request asked so far, in order.
    public var requests: [PromptRequest] {
        lock.withLock { asked }
    }

    private var picks: [Int?] = []
    private var choices: [ChoiceRequest] = []

    /// Adds picks (an index, or nil to cancel) for ``choose(_:)``; with none queued it cancels.
    public func enqueuePicks(_ values: Int?...) {
        lock.withLock { picks.append(contentsOf: values) }
    }

    /// Every picker shown so far, in order.
    public var choiceRequests: [ChoiceRequest] { lock.withLock { choices } }

    public func choose(_ request: ChoiceRequest) -> Int? {
        lock.withLock {
            choices.append(request)
            return picks.isEmpty ? nil : picks.removeFirst()
        }
    }

    public func ask(_ request: PromptRequest) -> PromptAnswer {
        let queued = lock.withLock { () -> PromptAnswer? in
            asked.append(request)
            return queue.isEmpty ? nil : queue.removeFirst()
        }
        if let queued { return queued }
        return answer?(request) ?? .deny
    }
}

/// Denies everything: what a host with no terminal and no policy does.
public struct DenyAllPrompter: Prompter {
    public init() {}

    public func ask(_ request: PromptRequest) -> PromptAnswer { .deny }
}
