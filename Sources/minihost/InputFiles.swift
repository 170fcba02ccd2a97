import Foundation
import MiniHostCore

/// The files a command line names (a script, a world, a policy), checked before anything starts so
/// that a missing one is reported by name before an app launches or a test runs.
enum InputFiles {
    /// Throws an error naming `path` and what it is for (`the script`, `the world file`) when it does
    /// not exist, is a folder or cannot be read.
    static func check(_ path: String, as what: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PackageError(path: path, message: "\(what) \(path) does not exist")
        }
        if isDirectory.boolValue { throw PackageError(path: path, message: "\(what) \(path) is a folder, not a file") }
        if !FileManager.default.isReadableFile(atPath: path) { throw PackageError(path: path, message: "\(what) \(path) cannot be read (permission denied)") }
    }

    /// The file's text (UTF-8).
    static func read(_ path: String, as what: String) throws -> String {
        try check(path, as: what)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PackageError(path: path, message: "\(what) \(path) cannot be read as UTF-8 text")
        }
        return text
    }
}
