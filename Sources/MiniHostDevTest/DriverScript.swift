import MiniHostRuntime

/// The JavaScript half of the test driver, evaluated in each test file's own driver VM (never an
/// app's VM) before the file: `describe`/`it`/`test`, hooks, `expect`, and `minihost` (the driver
/// API). It is a function `(native) => runner`; the runner object is how Swift drives it. Its code
/// is `JS/*.js`, compiled into the module (`embedInCode`).
enum DriverScript {
    static let sourceURL = "minihost://driver.js"

    /// The driver's files (`JS/`), in name order: the body of `function (native)`. SwiftPM names
    /// each file's bytes after the file, a leading digit replaced by `_`.
    static let files: [EmbeddedJSFile] = [
        EmbeddedJSFile("01-timers.js", PackageResources._1_timers_js),
        EmbeddedJSFile("02-format.js", PackageResources._2_format_js),
        EmbeddedJSFile("03-expect.js", PackageResources._3_expect_js),
        EmbeddedJSFile("04-suites.js", PackageResources._4_suites_js),
        EmbeddedJSFile("05-driver-api.js", PackageResources._5_driver_api_js),
        EmbeddedJSFile("05-driver-page.js", PackageResources._5_driver_page_js),
        EmbeddedJSFile("05-modules.js", PackageResources._5_modules_js),
        EmbeddedJSFile("06-runner.js", PackageResources._6_runner_js),
    ]

    /// The script as evaluated, made once for the process.
    static let source: String = EmbeddedJS.functionOfNative(files)
}
