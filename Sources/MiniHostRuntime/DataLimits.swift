import MiniHostProtocol

/// What an app may send out in one piece, the same in both isolation modes (a worker's frames
/// must stay well inside the host's frame limits: 16 MB and 512 levels of nesting).
enum DataLimits {
    /// One `setData` patch, as JSON text (WeChat's limit is 1024 kB).
    static let maxSetDataBytes = 1 << 20
    /// Nesting of arrays and objects in a `setData` patch.
    static let maxDataDepth = 100
    /// One console line or error message; longer text is cut with a note saying how long it was.
    static let maxTextCharacters = 1 << 20
    /// A console line's call site (a URL with a line and column).
    static let maxSourceLength = 1024

    /// Why a `setData` patch is refused, or nil when it is within the limits.
    static func setDataProblem(_ json: String) -> String? {
        let bytes = json.utf8.count
        if bytes > maxSetDataBytes {
            return "invalid argument: the data is \(bytes) bytes as JSON; at most \(maxSetDataBytes / 1024) kB may be set at once"
        }
        if JSONText.nestingDepth(json) > maxDataDepth {
            return "invalid argument: the data is nested deeper than \(maxDataDepth) levels"
        }
        return nil
    }

    /// `text` cut to ``maxTextCharacters`` with a note of its length.
    static func bounded(_ text: String) -> String {
        guard text.utf16.count > maxTextCharacters else { return text }
        let kept = String(text.unicodeScalars.prefix(maxTextCharacters))
        return kept + "… [cut: \(text.utf16.count) characters]"
    }
}
