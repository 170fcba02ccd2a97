import Foundation
import MiniHostCore
import MiniHostIsolation

/// The console of a `minihost run`: reads lines, sends each command to its app, and says how the
/// console ended. A line for an app that has ended (it failed to launch, crashed or was killed) is
/// skipped with a note; the other apps go on.
final class ConsoleRun {
    enum Outcome: Equatable {
        /// The lines ran out.
        case ended
        case quit
        case timedOut
        /// A line is not a command, or names no app of the run.
        case scriptFailed
        /// Every app has ended.
        case appsEnded
    }

    let apps: [RunningApp]
    /// Every app id the command line named, in order (some may not have started).
    let named: [String]
    let script: String?
    let printer: EventPrinter
    let broker: PromptBroker
    let deadline: Date?
    private var lineNumber = 0

    init(apps: [RunningApp], named: [String], script: String?, printer: EventPrinter, broker: PromptBroker, deadline: Date?) {
        self.apps = apps
        self.named = named
        self.script = script
        self.printer = printer
        self.broker = broker
        self.deadline = deadline
    }

    func drive(_ lines: LineSource) -> Outcome {
        while true {
            if apps.allSatisfy({ $0.exit != nil }) { return .appsEnded }
            let next = lines.next()
            // While a consent prompt is open, the typed line answers it.
            if lines.interactive, broker.offer(next) { continue }
            guard let line = next else { return .ended }
            lineNumber += 1
            if let deadline, deadline.timeIntervalSinceNow <= 0 { return .timedOut }
            var appId = named[0]
            var text = line
            if line.hasPrefix("@") {
                let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
                appId = parts.first ?? ""
                text = parts.count > 1 ? parts[1] : ""
                guard named.contains(appId) else {
                    if failLine("no running app \"\(appId)\"") { return .scriptFailed }
                    continue
                }
            }
            let command: ConsoleCommand?
            do {
                command = try ConsoleCommand.parse(text)
            } catch {
                if failLine("\(error)") { return .scriptFailed }
                continue
            }
            switch command {
            case nil: continue
            case .quit: return .quit
            case let .wait(ms):
                let seconds = Double(ms) / 1000
                if let deadline, deadline.timeIntervalSinceNow < seconds {
                    Thread.sleep(forTimeInterval: max(0, deadline.timeIntervalSinceNow))
                    return .timedOut
                }
                Thread.sleep(forTimeInterval: seconds)
            case let .host(hostCommand):
                guard let target = apps.first(where: { $0.appId == appId }), target.exit == nil else {
                    let status = apps.first { $0.appId == appId }?.exit?.status ?? "crashed"
                    printer.note("\(location)\(appId) has ended (\(status)); the line is skipped", kind: .script, type: "note")
                    continue
                }
                target.perform(hostCommand)
                if !waitForCommand(target, broker: lines.interactive ? broker : nil) { return .timedOut }
            }
        }
    }

    /// `script:12: ` in a script, nothing at a console.
    private var location: String { script.map { "\($0):\(lineNumber): " } ?? "" }

    /// Reports a bad line; true when it ends the run (in a script).
    private func failLine(_ message: String) -> Bool {
        printer.note(location + message, kind: .script)
        return script != nil
    }

    /// Waits until the command's tasks have run. At an interactive console it stops waiting when a
    /// consent prompt opens, so that the next typed line can answer it. False once the deadline passed.
    private func waitForCommand(_ app: RunningApp, broker: PromptBroker?) -> Bool {
        while true {
            let slice = deadline.map { min(0.05, max(0, $0.timeIntervalSinceNow)) } ?? 0.05
            if app.waitUntilDrained(timeout: slice) { return true }
            if let broker, broker.isWaiting { return true }
            if let deadline, deadline.timeIntervalSinceNow <= 0 { return false }
        }
    }
}
