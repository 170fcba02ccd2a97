import CJavaScriptCore

/// A JavaScript exception (or a watchdog termination) turned into a Swift error.
public struct JSError: Error, CustomStringConvertible, Sendable {
    /// The error's `name` (`TypeError`, …), or nil for thrown non-errors.
    public var name: String?
    public var message: String
    /// The JavaScript stack (`e.stack`), with the virtual source URLs the code was loaded under.
    public var stack: String?
    /// True when the watchdog terminated the script (CPU limit) rather than the script throwing.
    public var isTermination: Bool

    public init(name: String? = nil, message: String, stack: String? = nil, isTermination: Bool = false) {
        self.name = name
        self.message = message
        self.stack = stack
        self.isTermination = isTermination
    }

    public static let terminated = JSError(message: "execution terminated", isTermination: true)

    /// Reads `name`, `message` and `stack` from a thrown value. For objects this reads properties
    /// (which may run getters); the runtime describes app errors with its own frozen helper first.
    public init(exception value: JSValue) {
        isTermination = false
        if let obj = value.object {
            name = (try? obj.get("name"))?.string
            let msg = (try? obj.get("message"))?.string
            stack = (try? obj.get("stack"))?.string
            if let msg {
                message = msg
            } else if let json = try? value.jsonString() {
                message = "uncaught exception: " + String(json.prefix(200))
            } else {
                message = "uncaught exception (non-error object)"
            }
        } else {
            name = nil
            stack = nil
            message = value.isSymbol ? "uncaught exception: Symbol()" : value.coercedString()
        }
    }

    public var description: String {
        if isTermination { return message }
        let head = name.map { "\($0): \(message)" } ?? message
        if let stack, !stack.isEmpty { return head + "\n" + stack }
        return head
    }
}

/// A syntax error found by ``JSContext/checkSyntax(_:sourceURL:startingLine:)``.
public struct JSSyntaxError: Error, CustomStringConvertible, @unchecked Sendable {
    /// The engine's message (`Unexpected token ';'`).
    public var message: String
    public var sourceURL: String
    /// The line of the error in the checked text (1-based, counted from the starting line); 0 if
    /// the engine gave none.
    public var line: Int
    /// The column of the error (1-based); 0 if the engine gave none.
    public var column: Int
    /// The `SyntaxError` object the engine made, to throw on into JavaScript. Like any
    /// ``JSValue`` it is valid only while the call that checked is on the stack.
    public let exception: JSValue

    init(exception: JSValue, sourceURL: String) {
        self.exception = exception
        self.sourceURL = sourceURL
        message = JSError(exception: exception).message
        let object = exception.object
        line = object.flatMap { try? $0.get("line").number }.map { Int($0) } ?? 0
        column = object.flatMap { try? $0.get("column").number }.map { Int($0) } ?? 0
    }

    public var description: String { "SyntaxError: \(message) (\(sourceURL):\(line))" }
}
