import Foundation
import MiniHostCore
import MiniHostIsolation
import MiniHostProtocol

extension PreviewSession {
    /// `--watch`: the package changed. It is loaded again; if it compiles, the app is relaunched
    /// on the page it showed (the same query); if not, browsers show the error with its file and
    /// line instead of the app, until a change fixes it.
    public func reload(_ load: () throws -> AppPackage) {
        let top = lock.withLock { lastStack.last }
        let package: AppPackage
        do {
            package = try load()
        } catch {
            let message = CompileErrorMessage(error).json
            lock.withLock { lastCompileError = message }
            broadcast(message)
            return
        }
        let old = lock.withLock { () -> RunningApp? in
            lastCompileError = nil
            self.package = package
            sentScopes = []
            return app
        }
        if let old, old.exit == nil { host.stop(old) }
        do {
            try launch()
        } catch {
            broadcast("error", ["kind": .string("launch"), "message": .string("could not start the app: \(error)"), "stack": .null])
            return
        }
        if let route = top?["route"]?.stringValue, route != package.manifest.pages.first {
            let query = (top?["query"]?.objectValue ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\(($0.value.stringValue ?? $0.value.jsonText).addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")" }
            act("navigate", ["url": .string("/" + route + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))), "kind": .string("reLaunch")])
        }
        broadcast("reloaded", [:])
    }
}

/// `--watch`: how often the package's files are looked at (a change is seen within this).
public enum PreviewWatch {
    public static let pollInterval: TimeInterval = 0.1
}

/// A package that does not load, as the `compileError` message: the text, and the file, line
/// and column it names (ViewCompileError carries them; other errors are read for `file:line:col`).
struct CompileErrorMessage {
    var message: String
    var file: String?
    var line: Int?
    var column: Int?

    init(_ error: Error) {
        message = String(describing: error)
        if let view = error as? ViewCompileError {
            file = view.file
            line = view.line
            column = view.column
            return
        }
        let pattern = #/([A-Za-z0-9_@./\-]+\.(?:wxml|wxss|wxs|js|ts|mjs|cjs|json)):(\d+)(?::(\d+))?/#
        if let match = message.firstMatch(of: pattern) {
            file = String(match.1)
            line = Int(match.2)
            column = match.3.flatMap { Int($0) }
        }
    }

    var json: String {
        JSONValue.object([
            "type": .string("compileError"), "message": .string(message),
            "file": file.map { .string($0) } ?? .null, "line": line.map { .number(Double($0)) } ?? .null,
            "column": column.map { .number(Double($0)) } ?? .null,
        ]).jsonText
    }
}
