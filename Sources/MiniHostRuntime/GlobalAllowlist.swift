/// The globals an app may see (docs/spec.md): the ECMAScript built-ins plus the runtime's own.
public enum GlobalAllowlist {
    /// ECMAScript built-ins that stay on the global object.
    public static let builtins: [String] = [
        "globalThis", "Infinity", "NaN", "undefined", "eval", "isFinite", "isNaN", "parseFloat", "parseInt",
        "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "unescape",
        "AggregateError", "Array", "ArrayBuffer", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean",
        "DataView", "Date", "Error", "EvalError", "FinalizationRegistry", "Float16Array", "Float32Array", "Float64Array",
        "Function", "Int8Array", "Int16Array", "Int32Array", "Iterator", "Map", "Number", "Object", "Promise",
        "Proxy", "RangeError", "ReferenceError", "RegExp", "Set", "String", "Symbol", "SyntaxError", "TypeError",
        "Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array", "URIError", "WeakMap", "WeakRef",
        "WeakSet", "Atomics", "JSON", "Math", "Reflect", "Intl", "SuppressedError", "DisposableStack",
        "AsyncDisposableStack",
    ]
    /// Globals the runtime installs.
    public static let runtime: [String] = [
        "console", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask",
        "App", "Page", "getApp", "getCurrentPages", "Component", "Behavior", "mp", "wx", "global",
    ]
}
