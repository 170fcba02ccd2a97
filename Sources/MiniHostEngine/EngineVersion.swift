import CJavaScriptCore

/// The JavaScriptCore library this process runs on.
public enum EngineVersion {
    /// The loaded library's own version ("2.50.6"), read at run time: the library found when the
    /// process started, not the headers it was built against.
    public static var current: String {
        "\(jsc_get_major_version()).\(jsc_get_minor_version()).\(jsc_get_micro_version())"
    }
}
