import MiniHostEngine
import MiniHostProtocol

/// The sandbox's half of the view layer: making the view context, passing JSON between it and
/// the logic context, flushing patches as tasks of the app, routing `view.*` driver requests.
extension Sandbox {
    /// A text file of the package the view may read: compiled templates (`.wxml`) and WXS.
    func viewFile(_ path: String, suffix: String) -> String? {
        guard path.hasSuffix(suffix), let data = config.files[exactly: path] else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// True when the page or component at `path` (no extension) has a template.
    func hasTemplate(_ path: String) -> Bool { config.files[exactly: path + ".wxml"] != nil }

    /// The view context, made on first use; nil (once reported) if the view runtime failed.
    func viewHost() -> ViewHost? {
        if let view { return view }
        if let made = preparedView {
            preparedView = nil
            made.bind(to: self)
            view = made
            return made
        }
        guard !viewFailed, let vm = context?.vm else { return nil }
        do {
            let made = try ViewHost(vm: vm, sandbox: self)
            view = made
            return made
        } catch {
            viewFailed = true
            emit(.error(kind: "host", message: "the view layer could not start: \(error)", stack: nil))
            return nil
        }
    }

    /// `native.view(op, json, path)` from the logic runtime: `open` (of the page at `path`)
    /// makes the view when the page has a template; the other operations go to a view that
    /// exists. Answers the view's text.
    func nativeView(_ op: String, _ json: String, path: String?) throws(JSError) -> String? {
        let host: ViewHost?
        if op == "has" { return path.map(hasTemplate) == true ? "1" : nil }
        if op == "open" {
            guard let path, hasTemplate(path) else { return nil }
            host = viewHost()
        } else {
            host = view
        }
        guard let host else { return nil }
        let answer = try callView(host, op, json)
        if op == "open" || op == "trigger" { scheduleViewFlush() }
        return answer
    }

    /// A setData patch for instance `key` (its JSON text as the app's runtime checked it).
    func viewPatch(key: Int, _ json: String) {
        guard let view else { return }
        do {
            _ = try callView(view, "patch", "{\"key\":\(key),\"data\":\(json)}")
        } catch {
            if error.isTermination { report(error) }
        }
        scheduleViewFlush()
    }

    /// Renders the queued patches in a task of its own (one for a burst of setData calls).
    func scheduleViewFlush() {
        guard let view, !view.flushQueued else { return }
        view.flushQueued = true
        enqueue { sandbox in
            guard let view = sandbox.view else { return }
            view.flushQueued = false
            sandbox.runViewTask { () throws(JSError) in _ = try sandbox.callView(view, "flush", nil) }
        }
    }

    /// A view → logic request (`native.logic`): the logic runtime's `fromView`.
    func logicFromView(_ op: String, _ json: String) throws(JSError) -> String? {
        guard let context, let obj = dispatcher?.object, let fn = try obj.get("fromView").object else { return nil }
        return try context.callNested(fn, this: obj, [context.string(op), context.string(json)]).string
    }

    /// A `view.*` driver request, as the outermost call of a task.
    func performViewDriver(_ token: Int, _ op: String, _ arg: String) {
        var arg = arg
        // A request naming no page (the console's) is about the top page.
        if !arg.contains("\"page\""), case var .object(fields)? = JSONValue.parse(arg),
           let key = callDispatcher("topViewKey")?.number {
            fields["page"] = .number(key)
            arg = JSONValue.object(fields).jsonText
        }
        let ok: Bool
        if let view = viewHost() {
            ok = runViewTask { () throws(JSError) in try view.driver(token, op, arg) }
        } else {
            ok = false
        }
        if !ok {
            let error = JSONText.quote("the view layer did not complete the \(op) request (an exception or the CPU limit; see the app's errors)")
            emit(.reply(command: "driver", data: "{\"token\":\(token),\"ok\":false,\"error\":\(error)}"))
        }
    }

    /// Runs a view call as one task's outermost call: the watchdog armed, exceptions reported.
    @discardableResult
    func runViewTask(_ body: () throws(JSError) -> Void) -> Bool {
        context?.vm.resetTermination()
        do {
            try body()
            return true
        } catch {
            report(error)
            return false
        }
    }

    /// Calls a view operation; an exception of the view runtime (not a termination) is reported
    /// as the app's error and answered with nil.
    func callView(_ host: ViewHost, _ op: String, _ json: String?) throws(JSError) -> String? {
        do {
            return try host.call(op, json)
        } catch {
            if error.isTermination { throw error }
            emit(.error(kind: "view", message: "view \(op): \(error.message)", stack: error.stack))
            return nil
        }
    }

    /// The function of a driver's `evaluate` request, compiled in the logic context from the
    /// test's source; only for an app run under a test driver (undefined otherwise).
    func evaluatedFunction(_ json: String, in context: JSContext) -> JSValue {
        guard config.callsIntercepted, case let .string(source)? = JSONValue.parse(json)?["source"] else { return context.undefined }
        do {
            return try context.evaluate("(" + source + "\n)", sourceURL: "minihost://evaluate")
        } catch {
            emit(.error(kind: "host", message: "evaluate: the function does not compile: \(error.message)", stack: nil))
            return context.undefined
        }
    }
}
