import MiniHostEngine
import MiniHostProtocol

/// The view layer's JavaScript (`ViewJS/*.js`, with the shared freeze walk), evaluated in each
/// app's view context: a function `(native) => dispatcher`, as ``BootstrapScript`` is for the
/// logic context. ASCII only, shared by every VM of the process.
enum ViewBootstrapScript {
    static let sourceURL = "miniapp://minihost/view.js"
    static let source: String = BootstrapScript.compact(text)
    static let shared: SharedScript = SharedScript(source, sourceURL: sourceURL)!

    /// The parameters a `.wxs` module's code is compiled with.
    static let wxsParameters = ["require", "module", "exports", "getDate", "getRegExp"]

    /// The globals WXS code sees (WeChat's WXS has no `Date` or `RegExp` constructors: it makes
    /// them with `getDate` and `getRegExp`); the view runtime captured everything else it uses.
    static let allowedGlobals = [
        "Infinity", "NaN", "undefined", "isFinite", "isNaN", "parseFloat", "parseInt",
        "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent",
        "Array", "Boolean", "Number", "String", "Object", "Math", "JSON",
        "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError",
    ]

    /// The files in name order; the freeze walk comes from the logic runtime's `JS/`.
    static let files: [EmbeddedJSFile] = [
        EmbeddedJSFile("v01-intrinsics.js", PackageResources.v01_intrinsics_js),
        EmbeddedJSFile("23-freeze.js", PackageResources._3_freeze_js),
        EmbeddedJSFile("v89-lockdown.js", PackageResources.v89_lockdown_js),
        EmbeddedJSFile("v90-dispatcher.js", PackageResources.v90_dispatcher_js),
    ]

    static var text: String { EmbeddedJS.functionOfNative(files) }
}
