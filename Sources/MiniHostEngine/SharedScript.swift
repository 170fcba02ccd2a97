import CJavaScriptCore

/// An ASCII script whose text is kept once for the whole process and referenced, not copied, by
/// every VM that evaluates it (`JSScriptCreateReferencingImmortalASCIIText`).
///
/// `JSEvaluateScript` copies its source into each VM, and the VM keeps that copy for as long as
/// any function of the script lives: for a script every app runs (MiniHost's runtime) that is one
/// copy per app. The text here is allocated once and never freed, so make these only for a fixed
/// set of scripts (a `static let`), never per app. Each VM keeps the script it parsed
/// (``JSVirtualMachine``): only such immortal scripts may be evaluated this way.
public final class SharedScript: Sendable {
    public let sourceURL: String
    public let startingLine: Int
    /// The text's bytes, never freed (JavaScriptCore may reference them until the process ends).
    nonisolated(unsafe) private let bytes: UnsafeMutableBufferPointer<CChar>
    private let length: Int

    /// Nil when `source` is not ASCII (JavaScriptCore references only 8-bit ASCII text).
    public init?(_ source: String, sourceURL: String, startingLine: Int = 1) {
        guard source.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let utf8 = Array(source.utf8)
        bytes = .allocate(capacity: max(1, utf8.count))
        for (i, b) in utf8.enumerated() { bytes[i] = CChar(bitPattern: b) }
        length = utf8.count
        self.sourceURL = sourceURL
        self.startingLine = startingLine
    }

    /// The script parsed for `vm`: parsed once per VM, then kept until the VM goes (a syntax
    /// error is thrown with its line).
    fileprivate func parsed(for vm: JSVirtualMachine) throws(JSError) -> JSScriptRef {
        // Its text's address: never freed, so never another script's (an object's could be).
        let key = UInt(bitPattern: bytes.baseAddress)
        if let script = vm.parsedScripts.withLock({ $0[key] }) { return script.ref }
        let script = try make(for: vm)
        // One per VM even if two threads parsed it at once (a VM is one thread's at a time).
        let made = ParsedScript(ref: script)
        let kept = vm.parsedScripts.withLock { scripts -> ParsedScript in
            if let earlier = scripts[key] { return earlier }
            scripts[key] = made
            return made
        }
        if kept.ref != script { JSScriptRelease(script) }
        return kept.ref
    }

    /// Parses the script for `vm` (a syntax error is thrown with its line).
    private func make(for vm: JSVirtualMachine) throws(JSError) -> JSScriptRef {
        var message: JSStringRef?
        var line: Int32 = 0
        let script = JSString.with(sourceURL) { url in
            JSScriptCreateReferencingImmortalASCIIText(vm.group, url, Int32(clamping: startingLine),
                                                       bytes.baseAddress, length, &message, &line)
        }
        if let script { return script }
        guard let message else { throw JSError(message: "\(sourceURL): not ASCII text") }
        let text = JSString(adopting: message).string
        throw JSError(name: "SyntaxError", message: text, stack: "@\(sourceURL):\(line)")
    }
}

extension JSContext {
    /// Evaluates a ``SharedScript`` (the same as ``evaluate(_:sourceURL:startingLine:)``, without
    /// a copy of its source in this VM).
    @discardableResult
    public func evaluate(_ script: SharedScript) throws(JSError) -> JSValue {
        let made = try script.parsed(for: vm)
        vm.resetTermination()
        var exception: JSValueRef?
        let result = JSScriptEvaluate(ref, made, nil, &exception)
        return try finish(result, exception)
    }
}
