/// What a running app reports to its host: lifecycle steps, console output, `setData`, errors and
/// its exit. `--json` prints one of these per line.
public enum RuntimeEvent: Sendable, Equatable {
    /// A lifecycle hook was reached: `target` is "app", "page" or "component" (a component's
    /// lifetime or `triggerEvent`); `route` is set for pages and components. `detail` is JSON text
    /// (launch options, page query, the component instance or event) or nil.
    case lifecycle(target: String, hook: String, route: String?, detail: String?)
    /// A console line, already formatted. `level`: log, info, warn, error, debug. `source`: where
    /// the app called console from (`miniapp://<app>/<path>:<line>:<column>`), when it did.
    case console(level: String, message: String, source: String? = nil)
    /// A page's `setData`: `data` is the JSON text of the object passed to it.
    case setData(route: String, data: String)
    /// An error the app did not handle, or one the host stopped (`kind`: exception, cpu_limit,
    /// unhandled_rejection, module, launch, host).
    case error(kind: String, message: String, stack: String?)
    /// The app ended. `status`: ok, timeout, crashed, killed, error.
    case exit(status: String, reason: String?)
    /// A reply to a host query such as `data`, or to an `api` call from the console (JSON text).
    case reply(command: String, data: String)
    /// What a screen would show: a UI call of the app (`showToast`, `setNavigationBarTitle`,
    /// `switchTab`, …) and its arguments (JSON object text).
    case ui(api: String, args: String)

    /// The event's `type` field.
    public var type: String {
        switch self {
        case .lifecycle: "lifecycle"
        case .console: "console"
        case .setData: "setData"
        case .error: "error"
        case .exit: "exit"
        case .reply: "reply"
        case .ui: "ui"
        }
    }

    /// One JSON object, no newline. `app` is the app id the event belongs to. Its JSON parts
    /// (`setData`'s data, a reply, hook options) are the runtime's text as it is, except that a
    /// string cut inside a surrogate pair there gets the replacement character (strict readers,
    /// the worker's frames among them, refuse a lone surrogate), and U+2028/U+2029 are escaped so
    /// a reader that splits on Unicode line breaks still sees one line per event.
    public func jsonLine(app: String) -> String {
        var m: [(String, String)] = [("type", JSONText.quote(type)), ("app", JSONText.quote(app))]
        switch self {
        case let .lifecycle(target, hook, route, detail):
            m.append(("target", JSONText.quote(target)))
            m.append(("hook", JSONText.quote(hook)))
            if let route { m.append(("route", JSONText.quote(route))) }
            if let detail {
                m.append((target == "page" ? "query" : "options", detail))
            }
        case let .console(level, message, source):
            m.append(("level", JSONText.quote(level)))
            m.append(("message", JSONText.quote(message)))
            if let source { m.append(("source", JSONText.quote(source))) }
        case let .setData(route, data):
            m.append(("route", JSONText.quote(route)))
            m.append(("data", data))
        case let .error(kind, message, stack):
            m.append(("kind", JSONText.quote(kind)))
            m.append(("message", JSONText.quote(message)))
            if let stack { m.append(("stack", JSONText.quote(stack))) }
        case let .exit(status, reason):
            m.append(("status", JSONText.quote(status)))
            if let reason { m.append(("reason", JSONText.quote(reason))) }
        case let .reply(command, data):
            m.append(("command", JSONText.quote(command)))
            m.append(("data", data))
        case let .ui(api, args):
            m.append(("api", JSONText.quote(api)))
            m.append(("args", args))
        }
        return JSONText.escapingLineSeparators(JSONText.replacingLoneSurrogates(JSONText.object(m)))
    }
}
