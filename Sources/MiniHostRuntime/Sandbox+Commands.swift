import MiniHostEngine
import MiniHostProtocol

/// Host commands a sandbox performs as tasks of the app: navigation, page and API calls from
/// the console, data queries and the test driver's requests.
extension Sandbox {
    func performNow(_ command: HostCommand) {
        guard let context else { return }
        switch command {
        case .hide: callDispatcher("hide")
        case .show: callDispatcher("show")
        case .back: reportFailure("back", callDispatcher("back"))
        case let .navigate(url): reportFailure("navigate", callDispatcher("navigate", [context.string(url)]))
        case let .callPage(route, method, arg):
            if let arg, context.parseJSON(arg) == nil {
                emit(.error(kind: "host", message: "call \(method): the argument is not valid JSON: \(arg)", stack: nil))
                return
            }
            reportFailure("call", callDispatcher("callPage", [route.map { context.string($0) } ?? context.null, context.string(method), arg.map { context.string($0) } ?? context.null]))
        case let .callAPI(name, arg):
            if let arg, context.parseJSON(arg) == nil {
                emit(.error(kind: "host", message: "api \(name): the argument is not valid JSON: \(arg)", stack: nil))
                return
            }
            reportFailure("api", callDispatcher("callAPI", [context.string(name), arg.map { context.string($0) } ?? context.null]))
        case let .driver(token, op, arg):
            performDriver(token, op, arg, in: context)
        case let .pageData(route):
            let result = callDispatcher("pageData", [route.map { context.string($0) } ?? context.null])
            if let text = result?.string {
                emit(.reply(command: "data", data: text))
            } else {
                emit(.error(kind: "host", message: "data: no page \(route.map { "\"\($0)\" " } ?? "")in the page stack", stack: nil))
            }
        }
    }

    /// A driver request: the runtime answers through ``nativeLifecycle`` (target `driver`); when
    /// the call itself failed (an exception in the runtime, a CPU-limit termination) the answer
    /// is a failure made here, so the driver never waits for a reply that cannot come.
    func performDriver(_ token: Int, _ op: String, _ arg: String, in context: JSContext) {
        if op.hasPrefix("view.") { return performViewDriver(token, op, arg) }
        if op == "clock.tick" { return performClockTick(token, arg) }
        var args = [context.number(Double(token)), context.string(op), context.string(arg)]
        if op == "evaluate" { args.append(evaluatedFunction(arg, in: context)) }
        let result = callDispatcher("driver", args)
        if result?.bool != true {
            let error = JSONText.quote("the app's runtime did not complete the \(op) request (an exception or the CPU limit; see the app's errors)")
            emit(.reply(command: "driver", data: "{\"token\":\(token),\"ok\":false,\"error\":\(error)}"))
        }
    }

    func reportFailure(_ command: String, _ result: JSValue?) {
        if let message = result?.string {
            emit(.error(kind: "host", message: "\(command): \(message)", stack: nil))
        }
    }
}
