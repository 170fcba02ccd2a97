import Foundation
import MiniHostCore
import MiniHostTerminal

/// Routes the answers to consent prompts through the interactive console: while a prompt is
/// open, the next line typed at the terminal answers it instead of being read as a command.
/// (The console thread is the only reader of the terminal, so no keystroke is lost to a race.)
final class PromptBroker: @unchecked Sendable {
    private let lock = NSCondition()
    private var waiting = false
    private var answer: String??

    /// Called by the prompter (on a host thread): blocks until the console hands over a line.
    func awaitLine() -> String? {
        lock.lock()
        defer { lock.unlock() }
        waiting = true
        answer = nil
        while answer == nil { lock.wait() }
        waiting = false
        let line = answer!
        answer = nil
        return line
    }

    /// Called by the console with each line it reads: true when a prompt took it.
    func offer(_ line: String?) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard waiting else { return false }
        answer = .some(line)
        lock.broadcast()
        return true
    }

    var isWaiting: Bool { lock.lock(); defer { lock.unlock() }; return waiting }
}

/// Options that decide how consent is asked.
struct ConsentOptions {
    var grant: [String]
    var deny: [String]
    var policy: String?
    /// The world file's `policy` (flags and a policy file override it).
    var world: [String: PolicyRule] = [:]

    /// The prompter for a run: the policy first; what it leaves open goes to the terminal (through
    /// the console when it is interactive); with no terminal, deny.
    func makePrompter(interactiveConsole: Bool, broker: PromptBroker) throws -> Prompter {
        let terminal: Prompter?
        if interactiveConsole {
            terminal = TerminalPrompter(
                readLine: { broker.awaitLine() },
                write: { FileHandle.standardError.write(Data($0.utf8)) })
        } else {
            terminal = TerminalPrompter.openTTY()
        }
        return try makePrompter(fallback: terminal ?? DenyAllPrompter())
    }

    /// The policy first; what it leaves open goes to `fallback` (the browser, for a preview).
    func makePrompter(fallback: Prompter) throws -> Prompter {
        var prompter = try PolicyPrompter.parse(grant: grant, deny: deny, policyFile: policy.map { URL(fileURLWithPath: $0) }, world: world)
        prompter.fallback = fallback
        return prompter
    }
}
