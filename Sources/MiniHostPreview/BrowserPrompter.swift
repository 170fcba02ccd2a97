import Dispatch
import Foundation
import MiniHostCore
import MiniHostProtocol

/// Asks the person at the browser: every consent prompt, payment, picker, modal and action sheet
/// the policy leaves open becomes a dialog in the preview page. The bridge thread that asked
/// waits for the answer (a dialog stays open while no browser is connected; it is shown to the
/// next one). After `maxWait` seconds unanswered it is denied (a picker cancelled).
public final class BrowserPrompter: Prompter, @unchecked Sendable {
    private final class Pending: @unchecked Sendable {
        let id: Int
        let json: String
        let done = DispatchSemaphore(value: 0)
        var answer: String = "deny"
        var pick: Int?
        var content: String?
        init(id: Int, json: String) { self.id = id; self.json = json }
    }

    private let lock = NSLock()
    private var nextId = 1
    private var open: [Int: Pending] = [:]
    private var closed = false
    /// Sends one message to every connected browser (set by the session).
    var broadcast: @Sendable (String) -> Void = { _ in }
    public let maxWait: Double

    public init(maxWait: Double = 600) { self.maxWait = maxWait }

    public func ask(_ request: PromptRequest) -> PromptAnswer {
        guard let p = wait(request.json) else { return .deny }
        return PromptAnswer(rawValue: p.answer) ?? .deny
    }

    public func modal(_ request: ModalRequest) -> ModalAnswer {
        guard let p = wait(request.json), p.answer == "confirm" else { return .cancel }
        return .confirm(content: request.editable ? (p.content ?? request.content) : nil)
    }

    public func choose(_ request: ChoiceRequest) -> Int? {
        guard let p = wait(request.json), p.answer != "deny", p.answer != "cancel", let pick = p.pick,
              request.options.indices.contains(pick) else { return nil }
        return pick
    }

    /// Shows a dialog and blocks until it is answered, timed out or the preview ends.
    private func wait(_ json: String) -> Pending? {
        let p: Pending? = lock.withLock {
            if closed { return nil }
            let p = Pending(id: nextId, json: json)
            nextId += 1
            open[p.id] = p
            return p
        }
        guard let p else { return nil }
        broadcast(Self.message(p))
        let answered = p.done.wait(timeout: .now() + maxWait) == .success
        lock.withLock { _ = open.removeValue(forKey: p.id) }
        if !answered { broadcast(JSONText.object([("type", JSONText.quote("promptClosed")), ("id", String(p.id))])) }
        return answered ? p : nil
    }

    private static func message(_ p: Pending) -> String {
        JSONText.object([("type", JSONText.quote("prompt")), ("id", String(p.id)), ("prompt", p.json)])
    }

    /// The dialogs still open, as `prompt` messages (for a browser that connects now).
    var openPrompts: [String] {
        lock.withLock { open.values.sorted { $0.id < $1.id }.map(Self.message) }
    }

    /// A browser's answer to dialog `id`: `once`/`always`/`deny` for consent, `confirm`/`cancel`
    /// for a modal (with the edited `content`), a `pick` index for a picker or action sheet.
    /// False when no such dialog is open.
    @discardableResult
    func answer(id: Int, answer: String, pick: Int?, content: String?) -> Bool {
        guard let p = lock.withLock({ open.removeValue(forKey: id) }) else { return false }
        p.answer = answer
        p.pick = pick
        p.content = content
        p.done.signal()
        broadcast(JSONText.object([("type", JSONText.quote("promptClosed")), ("id", String(id))]))
        return true
    }

    /// The preview ends: every open dialog is denied, and so is anything asked later.
    public func close() {
        let all = lock.withLock { () -> [Pending] in
            closed = true
            let all = Array(open.values)
            open.removeAll()
            return all
        }
        for p in all { p.done.signal() }
    }
}
