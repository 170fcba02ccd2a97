import Foundation
import Testing
import MiniHostEngine

@Test func compileFunctionWorksWithEvalDisabled() throws {
    let ctx = JSContext(vm: JSVirtualMachine())
    ctx.setEvalEnabled(false, message: "no eval")
    let fn = try ctx.compileFunction(parameters: ["a"], body: "return a * 2", sourceURL: "miniapp://x/m.js")
    let r = try ctx.call(fn, [ctx.number(21)])
    #expect(r.number == 42)
    let e1 = #expect(throws: JSError.self) { try ctx.evaluate("eval('1')", sourceURL: "x") }
    #expect(e1?.name == "EvalError")
    #expect(throws: JSError.self) { try ctx.evaluate("new Function('return 1')", sourceURL: "x") }
    #expect(throws: JSError.self) { try ctx.evaluate("(async function(){}).constructor('return 1')", sourceURL: "x") }
    #expect(throws: JSError.self) { try ctx.evaluate("(function*(){}).constructor('yield 1')", sourceURL: "x") }
}

@Test func exceptionsCarryMessageAndVirtualStack() throws {
    let ctx = JSContext(vm: JSVirtualMachine())
    let fn = try ctx.compileFunction(parameters: [], body: "\nfunction inner() { throw new TypeError('bad thing') }\ninner()", sourceURL: "miniapp://org.x/a.js")
    let error = #expect(throws: JSError.self) { try ctx.call(fn) }
    #expect(error?.name == "TypeError")
    #expect(error?.message == "bad thing")
    #expect(error?.stack?.contains("miniapp://org.x/a.js:2") == true)
}

@Test func nativeFunctionsReceiveArgumentsAndThrow() throws {
    let ctx = JSContext(vm: JSVirtualMachine())
    let add = ctx.makeNativeFunction(name: "add") { [unowned ctx] args in
        guard let a = args[0].number, let b = args[1].number else { throw JSError(message: "numbers please") }
        return ctx.number(a + b)
    }
    try ctx.globalObject.set("add", add.value)
    #expect(try ctx.evaluate("add(2, 3)", sourceURL: "t").number == 5)
    #expect(try ctx.evaluate("try { add('x') } catch (e) { e.message }", sourceURL: "t").string == "numbers please")
}

@Test func jsonRoundTrip() throws {
    let ctx = JSContext(vm: JSVirtualMachine())
    let v = try #require(ctx.parseJSON(#"{"a":[1,"two",null],"b":{"c":true}}"#))
    #expect(try v.jsonString() == #"{"a":[1,"two",null],"b":{"c":true}}"#)
    #expect(ctx.parseJSON("{bad") == nil)
    #expect(ctx.string("héllo ✓").string == "héllo ✓")
}

@Test func watchdogTerminatesRunawayScriptAndRearms() throws {
    let vm = JSVirtualMachine()
    let ctx = JSContext(vm: vm)
    vm.setExecutionTimeLimit(seconds: 0.05)
    for _ in 0..<3 {
        let start = Date()
        let error = #expect(throws: JSError.self) { try ctx.evaluate("while (true) {}", sourceURL: "loop.js") }
        #expect(error?.isTermination == true)
        #expect(Date().timeIntervalSince(start) < 2)
        // The context stays usable after a termination.
        #expect(try ctx.evaluate("1 + 1", sourceURL: "ok.js").number == 2)
    }
}

@Test func stringsSurviveTheRoundTrip() throws {
    let ctx = JSContext(vm: JSVirtualMachine())
    for s in ["", "a", "héllo ✓ 你好 🎉", String(repeating: "x", count: 5000), "nul\u{0}inside"] {
        #expect(ctx.string(s).string == s)
    }
    // A lone surrogate is not cut short: it becomes U+FFFD and the rest survives.
    let lone = try ctx.evaluate("'a\\uD800b'", sourceURL: "t").string
    #expect(lone == "a\u{FFFD}b")
}

@Test func theEngineHasPollingTrapsWithoutTouchingTheEnvironment() {
    // Set in the engine's memory before the first VM, not with setenv (which races threads that
    // read the environment): the watchdog relies on polling traps.
    _ = JSVirtualMachine()
    #expect(JSVirtualMachine.engineOption("usePollingTraps") == true)
    // The environment still holds what the process started with (/proc/self/environ).
    let initial = (try? String(contentsOfFile: "/proc/self/environ", encoding: .utf8))?
        .split(separator: "\0").first { $0.hasPrefix("JSC_usePollingTraps=") }.map { String($0.dropFirst(20)) }
    #expect(getenv("JSC_usePollingTraps").map { String(cString: $0) } == initial)
    #expect(JSVirtualMachine.engineOption("noSuchOption") == nil)
}

@Test func engineTuningIsRefusedOnceAVMExists() {
    // The engine seals its options when the process's first VM is made: tuning after that must
    // say so and change nothing (setting an option then would crash).
    _ = JSVirtualMachine()
    let before = JSVirtualMachine.engineIntOption("thresholdForOptimizeSoon")
    #expect(before != nil)
    for name in JSVirtualMachine.shortLivedThresholds {  // names the engine knows
        #expect(JSVirtualMachine.engineIntOption(name) != nil, "\(name)")
    }
    #expect(JSVirtualMachine.tuneForShortLivedApps() == false)
    #expect(JSVirtualMachine.engineIntOption("thresholdForOptimizeSoon") == before)
}

@Test func aSharedScriptRunsInEveryVMWithItsURLInStacks() throws {
    let script = try #require(SharedScript("(function (n) {\n  if (n < 0) throw new RangeError('negative');\n  return n * 2;\n})", sourceURL: "miniapp://minihost/shared.js"))
    for _ in 0..<3 {  // a VM of its own each time: the text is referenced, never consumed
        let ctx = JSContext(vm: JSVirtualMachine())
        let fn = try #require(try ctx.evaluate(script).object)
        #expect(try ctx.call(fn, [ctx.number(21)]).number == 42)
        let error = #expect(throws: JSError.self) { try ctx.call(fn, [ctx.number(-1)]) }
        #expect(error?.name == "RangeError")
        #expect(error?.stack?.contains("miniapp://minihost/shared.js:2") == true)
    }
    // Contexts made one after another in one VM (a recycled group) share the VM's parse of it.
    let vm = JSVirtualMachine()
    for n in 1...3 {
        let ctx = JSContext(vm: vm)
        let fn = try #require(try ctx.evaluate(script).object)
        #expect(try ctx.call(fn, [ctx.number(Double(n))]).number == Double(2 * n))
    }
    let other = try #require(SharedScript("(function () { return 'other' })", sourceURL: "miniapp://minihost/other.js"))
    let ctx = JSContext(vm: vm)
    #expect(try ctx.call(#require(try ctx.evaluate(other).object), []).string == "other")
    // A syntax error names itself and its line; a text JavaScriptCore cannot reference is refused.
    let broken = try #require(SharedScript("1 +\n+ )", sourceURL: "miniapp://minihost/broken.js"))
    let error = #expect(throws: JSError.self) { try JSContext(vm: JSVirtualMachine()).evaluate(broken) }
    #expect(error?.name == "SyntaxError")
    #expect(error?.stack?.contains("miniapp://minihost/broken.js:2") == true)
    #expect(SharedScript("'caf\u{E9}'", sourceURL: "x") == nil)
}
