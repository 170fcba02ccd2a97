import Foundation

/// Where MiniHost keeps its data: `--data-dir`, else `$XDG_DATA_HOME/minihost`, else
/// `~/.local/share/minihost`.
public enum DataDirectory {
    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option, isDirectory: true) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("minihost", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share/minihost", isDirectory: true)
    }

    /// Creates the directory (and parents) if needed, with a clear error naming it.
    public static func ensure(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PackageError(path: url.path, message: "cannot create the data directory \(url.path): \(error.localizedDescription)")
        }
    }
}
