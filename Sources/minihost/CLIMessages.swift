import ArgumentParser
import Foundation
import MiniHostProtocol

/// The CLI's own messages (not an app's), on stderr: `minihost: <message>` lines, or under
/// `--json` one JSON object a line, `{"type":"error","kind":…,"message":…}`, so that a tool
/// reading a `--json` run never has to parse plain text.
enum CLIMessages {
    /// What a message is about.
    enum Kind: String {
        /// The command line itself: an unknown flag, a missing argument, a value out of range.
        case usage
        /// A target, manifest, package or input file (world, policy, script) that cannot be used.
        case input
        /// A line of the console script.
        case script
        /// Anything else the command could not do.
        case failure
    }

    /// Whether the command line asks for JSON: `--json` before any `--`. Read from the raw
    /// arguments, so that a command line that does not parse is answered in JSON too.
    static let json = asksForJSON(Array(CommandLine.arguments.dropFirst()))

    static func asksForJSON(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }

    /// The line for `message`, without its newline.
    static func line(_ message: String, kind: Kind, type: String = "error", json: Bool = json) -> String {
        guard json else { return "minihost: " + message }
        let members = [("type", JSONText.quote(type)), ("kind", JSONText.quote(kind.rawValue)), ("message", JSONText.quote(message))]
        return JSONText.escapingLineSeparators(JSONText.object(members))
    }

    /// Writes `message` to stderr.
    static func report(_ message: String, kind: Kind) {
        FileHandle.standardError.write(Data((line(message, kind: kind) + "\n").utf8))
    }

    /// Ends the process for an error that reached the top: under `--json` a failure is one JSON
    /// line (help, `--version` and completion scripts print as usual).
    static func exit(for error: Error) -> Never {
        if json, !(error is ExitCode) {
            let code = MiniHostCommand.exitCode(for: error)
            if code != .success {
                let kind: Kind = code == .validationFailure ? .usage : .failure
                report(MiniHostCommand.message(for: error), kind: kind)
                Foundation.exit(code.rawValue)
            }
        }
        MiniHostCommand.exit(withError: error)
    }
}

/// Prints an error the way every command does and returns the exit code for a bad target.
func reportBadTarget(_ error: Error) -> ExitCode {
    CLIMessages.report(String(describing: error), kind: .input)
    return ExitCode(2)
}
