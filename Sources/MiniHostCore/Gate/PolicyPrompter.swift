import Foundation
import MiniHostProtocol

/// What a policy says about one kind of request.
public enum PolicyRule: String, Sendable, Codable, Equatable, CaseIterable {
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
    /// Modal dialogs and action sheets (`"modal"`): `allow` (or `confirm`) confirms a modal and
    /// taps an action sheet's first item, `deny` (or `cancel`) cancels.
    public var modal: PolicyRule?
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
        switch request.kind == .actionSheet ? modal : choose {
        case .allow: return request.options.isEmpty ? nil : 0
        case .deny: return nil
        case .ask, nil: return fallback?.choose(request)
        }
    }

    public func modal(_ request: ModalRequest) -> ModalAnswer {
        switch modal {
        case .allow: return .confirm(content: request.editable ? request.content : nil)
        case .deny: return ModalAnswer.cancel.respecting(request)
        case .ask, nil: return (fallback?.modal(request) ?? .cancel).respecting(request)
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
    public static let specialNames = ["payment", "chat.message", "settings", "choose", "modal"]

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
        case "modal":
            modal = rule
        default:
            guard let p = Permission(name: name) else { return false }
            permissions[p] = rule
        }
        return true
    }

    private static var knownNames: String {
        (Permission.allCases.map(\.rawValue) + ["chat.message", "settings", "choose", "modal"]).joined(separator: ", ")
    }

    /// The modal's own words for its rules.
    private static let modalRules: [String: PolicyRule] = ["confirm": .allow, "cancel": .deny]

    /// Builds a policy from a policy file (a JSON object `{"location": "allow", "payment":
    /// "deny", "chat.send": "ask"}`), then `--grant` names (allow) and `--deny` names. Flags win
    /// over the file; a name both granted and denied is an error. Names are permission names or
    /// aliases, `payment` (the permission and each payment), `chat.message` (each message) and
    /// `settings`.
    public static func parse(grant: [String], deny: [String], policyFile: URL?, world: [String: PolicyRule] = [:], fallback: (any Prompter)? = nil) throws(PolicyError) -> PolicyPrompter {
        var policy = PolicyPrompter(fallback: fallback)
        // The world's policy first: a policy file and flags override it.
        for name in world.keys.sorted() where !policy.apply(name, world[name]!) {
            throw PolicyError("the world's policy: \(PromptText.quoted(name, maxLength: 64)) is not a permission (known: \(knownNames))")
        }
        if let policyFile {
            let path = policyFile.path
            let data: Data
            do {
                data = try Data(contentsOf: policyFile)
            } catch {
                throw PolicyError("cannot read the policy file \(path): \(error.localizedDescription)")
            }
            guard let object = JSONValue.parse(data) else {
                throw PolicyError("the policy file \(path) is not valid JSON; write an object such as {\"location\": \"allow\", \"payment\": \"deny\"}")
            }
            guard case let .object(dict) = object else {
                throw PolicyError("the policy file \(path) must hold a JSON object such as {\"location\": \"allow\", \"payment\": \"deny\"}")
            }
            for name in dict.keys.sorted() {
                let shown = PromptText.quoted(name, maxLength: 64)
                guard let text = dict[name]?.stringValue, let rule = PolicyRule(rawValue: text) ?? (name == "modal" ? modalRules[text] : nil) else {
                    let modalWords = name == "modal" ? " (or \"confirm\", \"cancel\")" : ""
                    throw PolicyError("the policy file \(path): the value of \(shown) must be \"allow\", \"deny\" or \"ask\"\(modalWords)")
                }
                guard policy.apply(name, rule) else {
                    throw PolicyError("the policy file \(path): \(shown) is not a permission (known: \(knownNames))")
                }
            }
        }
        for name in grant where deny.contains(name) {
            throw PolicyError("\(PromptText.quoted(name, maxLength: 64)) is both in --grant and in --deny")
        }
        for (flag, names, rule) in [("--grant", grant, PolicyRule.allow), ("--deny", deny, PolicyRule.deny)] {
            for name in names where !policy.apply(name, rule) {
                throw PolicyError("\(flag) \(PromptText.quoted(name, maxLength: 64)): not a permission (known: \(knownNames))")
            }
        }
        return policy
    }
}
