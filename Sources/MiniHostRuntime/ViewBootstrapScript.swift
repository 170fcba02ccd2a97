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

    /// The files in name order; the freeze walk comes from the logic runtime's `JS/`, before the
    /// lockdown that uses it.
    static let files: [EmbeddedJSFile] = [
        EmbeddedJSFile("01-view-intrinsics.js", PackageResources._1_view_intrinsics_js),
        EmbeddedJSFile("02-report.js", PackageResources._2_report_js),
        EmbeddedJSFile("03-data-paths.js", PackageResources._3_data_paths_js),
        EmbeddedJSFile("04-expressions.js", PackageResources._4_expressions_js),
        EmbeddedJSFile("05-templates.js", PackageResources._5_templates_js),
        EmbeddedJSFile("06-wxs.js", PackageResources._6_wxs_js),
        EmbeddedJSFile("10-nodes.js", PackageResources._0_nodes_js),
        EmbeddedJSFile("11-render.js", PackageResources._1_render_js),
        EmbeddedJSFile("12-render-for.js", PackageResources._2_render_for_js),
        EmbeddedJSFile("13-components.js", PackageResources._3_components_js),
        EmbeddedJSFile("14-instances.js", PackageResources._4_instances_js),
        EmbeddedJSFile("23-freeze.js", PackageResources._3_freeze_js),
        EmbeddedJSFile("48-lockdown.js", PackageResources._8_lockdown_js),
        EmbeddedJSFile("50-ui-intrinsics.js", PackageResources._0_ui_intrinsics_js),
        EmbeddedJSFile("55-events.js", PackageResources._5_events_js),
        EmbeddedJSFile("60-builtin-state.js", PackageResources._0_builtin_state_js),
        EmbeddedJSFile("62-builtin-actions.js", PackageResources._2_builtin_actions_js),
        EmbeddedJSFile("65-selector-parse.js", PackageResources._5_selector_parse_js),
        EmbeddedJSFile("66-selector-match.js", PackageResources._6_selector_match_js),
        EmbeddedJSFile("70-queries.js", PackageResources._0_queries_js),
        EmbeddedJSFile("75-wxml.js", PackageResources._5_wxml_js),
        EmbeddedJSFile("78-preview.js", PackageResources._8_preview_js),
        EmbeddedJSFile("80-driver.js", PackageResources._0_driver_js),
        EmbeddedJSFile("90-dispatcher.js", PackageResources._0_dispatcher_js),

    ]

    static var text: String { EmbeddedJS.functionOfNative(files) }
}
