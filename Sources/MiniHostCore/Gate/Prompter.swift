import Foundation

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
    /// `showActionSheet`: one of the app's items (app text).
    case actionSheet
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
    /// How the user closed a modal dialog (`showModal`).
    func modal(_ request: ModalRequest) -> ModalAnswer
}

extension Prompter {
    /// By default nothing is picked (the picker is cancelled).
    public func choose(_ request: ChoiceRequest) -> Int? { nil }
    /// By default a modal is cancelled (as a deny).
    public func modal(_ request: ModalRequest) -> ModalAnswer { .cancel }
}

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

    private var modalAnswers: [ModalAnswer] = []
    private var modals: [ModalRequest] = []

    /// Adds answers for ``modal(_:)``; with none queued a modal is cancelled.
    public func enqueueModals(_ values: ModalAnswer...) {
        lock.withLock { modalAnswers.append(contentsOf: values) }
    }

    /// Every modal shown so far, in order.
    public var modalRequests: [ModalRequest] { lock.withLock { modals } }

    public func modal(_ request: ModalRequest) -> ModalAnswer {
        lock.withLock {
            modals.append(request)
            return modalAnswers.isEmpty ? .cancel : modalAnswers.removeFirst()
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
