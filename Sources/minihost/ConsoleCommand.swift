import Foundation
import MiniHostProtocol

/// One line of the run console (typed at a terminal or read from `--script`).
public enum ConsoleCommand: Equatable, Sendable {
    case host(HostCommand)
    case wait(milliseconds: Int)
    case quit

    /// The commands, for `help` and error messages.
    public static let usage = """
    call <route> <method> [json]   call a page method (how a tap reaches a page)
    api <name> [json]              call wx.<name> as the app would (json: its options,
                                   or an array of positional arguments)
    navigate <url>                 open a page, as navigateTo does
    back                           go back one page
    hide | show                    send the app to the background / bring it back
    data [route]                   print a page's data (the top page by default)
    tap <selector>                 tap the first element of the top page that matches
    input <selector> <text>        type text into an input or textarea of the top page
    wxml [selector]                print the top page's WXML, or one element's
    wait <ms>                      let the app run for a while
    quit                           end the run
    """

    /// Parses a line; nil for blank lines and `#` comments. Errors say what was wrong.
    public static func parse(_ line: String) throws(ConsoleCommandError) -> ConsoleCommand? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
        let (word, rest) = splitWord(trimmed)
        switch word {
        case "call":
            let (route, afterRoute) = splitWord(rest)
            let (method, json) = splitWord(afterRoute)
            guard !route.isEmpty, !method.isEmpty else { throw ConsoleCommandError("call needs a route and a method: call <route> <method> [json]") }
            if !json.isEmpty, (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) == nil {
                throw ConsoleCommandError("call: the argument is not valid JSON: \(json)")
            }
            let r = route == "-" ? nil : route.hasPrefix("/") ? String(route.dropFirst()) : route
            return .host(.callPage(route: r, method: method, argumentJSON: json.isEmpty ? nil : json))
        case "api":
            let (name, json) = splitWord(rest)
            guard !name.isEmpty else { throw ConsoleCommandError("api needs the name of an API: api <name> [json]") }
            if !json.isEmpty, (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) == nil {
                throw ConsoleCommandError("api: the argument is not valid JSON: \(json)")
            }
            return .host(.callAPI(name: name, argumentJSON: json.isEmpty ? nil : json))
        case "navigate":
            guard !rest.isEmpty, !rest.contains(" ") else { throw ConsoleCommandError("navigate needs one url: navigate <url>") }
            return .host(.navigate(url: rest))
        case "back":
            guard rest.isEmpty else { throw ConsoleCommandError("back takes no argument") }
            return .host(.back)
        case "hide":
            guard rest.isEmpty else { throw ConsoleCommandError("hide takes no argument") }
            return .host(.hide)
        case "show":
            guard rest.isEmpty else { throw ConsoleCommandError("show takes no argument") }
            return .host(.show)
        case "data":
            guard !rest.contains(" ") else { throw ConsoleCommandError("data takes at most one route") }
            let route = rest.hasPrefix("/") ? String(rest.dropFirst()) : rest
            return .host(.pageData(route: route.isEmpty ? nil : route))
        case "tap":
            guard !rest.isEmpty else { throw ConsoleCommandError("tap needs a selector: tap <selector>") }
            return view("view.tap", ["selector": .string(rest)])
        case "input":
            let (selector, text) = splitWord(rest)
            guard !selector.isEmpty else { throw ConsoleCommandError("input needs a selector and text: input <selector> <text>") }
            return view("view.input", ["selector": .string(selector), "value": .string(text)])
        case "wxml":
            return rest.isEmpty ? view("view.page", [:]) : view("view.wxml", ["selector": .string(rest), "outer": .bool(true)])
        case "wait":
            guard let ms = Int(rest), ms >= 0, ms <= 3_600_000 else { throw ConsoleCommandError("wait needs a number of milliseconds from 0 to 3600000") }
            return .wait(milliseconds: ms)
        case "quit", "exit":
            return .quit
        default:
            throw ConsoleCommandError("unknown command \"\(word)\"; the commands are:\n\(usage)")
        }
    }

    /// A view request on the top page; its answer prints as a reply.
    private static func view(_ op: String, _ arg: [String: JSONValue]) -> ConsoleCommand {
        .host(.driver(token: 0, op: op, argumentJSON: JSONValue.object(arg).jsonText))
    }

    private static func splitWord(_ s: String) -> (String, String) {
        guard let space = s.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (s, "") }
        return (String(s[..<space]), s[space...].trimmingCharacters(in: .whitespaces))
    }
}

/// A console line that could not be understood.
public struct ConsoleCommandError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
