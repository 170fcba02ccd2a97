import MiniHostEngine
import MiniHostProtocol

/// The runtime's JavaScript half, evaluated in every app VM before any app code. Its code is
/// `JS/*.js`, compiled into the module (`embedInCode`); nothing is read from disk at run time.
///
/// It is a function `(native) => dispatcher`: `native` holds the host functions and settings
/// (never reachable from app code); the returned dispatcher is how the host drives the app
/// (launch, timers, navigation, page calls). It installs the global API (`App`, `Page`, `getApp`,
/// `getCurrentPages`, `Component`, `Behavior`, `console`, timers, `queueMicrotask`, `mp`/`wx`),
/// removes every global outside the allowlist and freezes the intrinsics.
enum BootstrapScript {
    static let sourceURL = "miniapp://minihost/runtime.js"

    /// The script as evaluated: `text` without indentation and comment lines (line numbers stay,
    /// so stack traces still point at `text`'s lines), which makes it quicker to parse. It must
    /// stay ASCII: it is evaluated as ``shared``, which JavaScriptCore allows only for ASCII text.
    static let source: String = compact(text)

    /// `source`, kept once for the process and referenced by every VM (a script evaluated from
    /// a string would leave a copy in each VM: about 70 KB per app).
    static let shared: SharedScript = SharedScript(source, sourceURL: sourceURL)!

    /// The runtime's files (`JS/`), in name order: the body of `function (native)`, with the shared
    /// esbuild helpers (``EsbuildHelpers``) before the modules. SwiftPM names each file's bytes
    /// after the file, a leading digit replaced by `_`.
    static let files: [EmbeddedJSFile] = [
        EmbeddedJSFile("01-intrinsics.js", PackageResources._1_intrinsics_js),
        EmbeddedJSFile("02-errors.js", PackageResources._2_errors_js),
        EmbeddedJSFile("03-console.js", PackageResources._3_console_js),
        EmbeddedJSFile("04-timers.js", PackageResources._4_timers_js),
        EmbeddedJSFile("05-error-routing.js", PackageResources._5_error_routing_js),
        EmbeddedJSFile("esbuild-helpers.js", EsbuildHelpers.bytes),
        EmbeddedJSFile("06-modules.js", PackageResources._6_modules_js),
        EmbeddedJSFile("07-call-convention.js", PackageResources._7_call_convention_js),
        EmbeddedJSFile("08-argument-copy.js", PackageResources._8_argument_copy_js),
        EmbeddedJSFile("09-api-stubs.js", PackageResources._9_api_stubs_js),
        EmbeddedJSFile("10-lifecycle.js", PackageResources._0_lifecycle_js),
        EmbeddedJSFile("11-set-data.js", PackageResources._1_set_data_js),
        EmbeddedJSFile("12-navigation.js", PackageResources._2_navigation_js),
        EmbeddedJSFile("13-property-types.js", PackageResources._3_property_types_js),
        EmbeddedJSFile("14-behaviors.js", PackageResources._4_behaviors_js),
        EmbeddedJSFile("15-component-registry.js", PackageResources._5_component_registry_js),
        EmbeddedJSFile("16-component-instances.js", PackageResources._6_component_instances_js),
        EmbeddedJSFile("17-component-data.js", PackageResources._7_component_data_js),
        EmbeddedJSFile("18-component-pages.js", PackageResources._8_component_pages_js),
        EmbeddedJSFile("19-component-driver.js", PackageResources._9_component_driver_js),
        EmbeddedJSFile("19-view-bridge.js", PackageResources._9_view_bridge_js),
        EmbeddedJSFile("20-api-namespace.js", PackageResources._0_api_namespace_js),
        EmbeddedJSFile("20-log-managers.js", PackageResources._0_log_managers_js),
        EmbeddedJSFile("20-network.js", PackageResources._0_network_js),
        EmbeddedJSFile("21-app-members.js", PackageResources._1_app_members_js),
        EmbeddedJSFile("21-file-system.js", PackageResources._1_file_system_js),
        EmbeddedJSFile("21-selector-query.js", PackageResources._1_selector_query_js),
        EmbeddedJSFile("22-unsupported-apis.js", PackageResources._2_unsupported_apis_js),
        EmbeddedJSFile("23-freeze.js", PackageResources._3_freeze_js),
        EmbeddedJSFile("23-lockdown.js", PackageResources._3_lockdown_js),
        EmbeddedJSFile("24-host-handle.js", PackageResources._4_host_handle_js),
    ]

    /// The script as written: the files joined inside `(function (native) { ... })`. Read once,
    /// to make ``source``.
    static var text: String { EmbeddedJS.functionOfNative(files) }

    static func compact(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let code = line.drop(while: { $0 == " " })
            return code.hasPrefix("//") ? "" : code
        }.joined(separator: "\n")
    }
}
