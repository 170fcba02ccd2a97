import Crypto
import MiniHostProtocol
import Foundation

/// The package digest (`sha256:<hex>` over the package's files) and writing it back into a manifest.
public enum PackageDigest {
    /// "sha256:<hex>" over the package files: for every file sorted by path (bytewise):
    /// `"<path>\0<sha256 hex of content>\n"`, then sha256 of that whole text.
    public static func compute(files: [String: Data]) -> String {
        let paths = files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var text = Data()
        for path in paths {
            text.append(contentsOf: Array(path.utf8))
            text.append(0)
            text.append(contentsOf: Array(hex(SHA256.hash(data: files[path] ?? Data())).utf8))
            text.append(0x0A)
        }
        return ManifestRules.digestPrefix + hex(SHA256.hash(data: text))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Rewrites the manifest file's `"digest"` value in place, keeping the rest of the text as it is:
    /// an existing top-level `"digest"` member gets its value replaced; otherwise
    /// `"digest": "<value>",` is inserted as the first member after the opening `{`, matching the
    /// file's indentation and line endings. The result is checked to parse before it is written.
    ///
    /// Throws ``PackageError`` if the file cannot be read or written, is not a JSON object, or
    /// `digest` is not of the form `sha256:<64 lowercase hex>`.
    public static func write(_ digest: String, toManifestAt url: URL) throws {
        let shown = displayPath(url)
        guard ManifestRules.isWellFormedDigest(digest) else {
            throw PackageError(path: shown, message: "refusing to write \(PromptText.quoted(digest)) into \(shown): a digest must look like sha256:<64 lowercase hex digits>")
        }
        let original = try AppPackage.readManifestData(url)
        let updated: [UInt8]
        do {
            updated = try rewrite(Array(original), digest: digest)
        } catch let error as JSONSyntaxError {
            throw PackageError(path: shown, message: "cannot write the digest into \(shown): it is not valid JSON: \(error.description)")
        } catch {
            throw PackageError(path: shown, message: "cannot write the digest into \(shown): \(error)")
        }
        do {
            // Write through a symbolic link rather than replacing it with a file.
            try Data(updated).write(to: url.resolvingSymlinksInPath(), options: .atomic)
        } catch {
            throw PackageError(path: shown, message: "cannot write \(shown): \(error.localizedDescription)")
        }
    }

    struct RewriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of `bytes` with its top-level `digest` set to `digest` (see ``write(_:toManifestAt:)``).
    static func rewrite(_ bytes: [UInt8], digest: String) throws -> [UInt8] {
        let document = try ManifestJSON.read(bytes, rawMembers: ["digest"])
        guard case let .object(members) = document.value else {
            throw RewriteError(description: "the file must contain a JSON object, not \(document.value.typeName)")
        }
        let brace = document.rootStart
        let literal = Array("\"\(digest)\"".utf8)
        var out = bytes
        if !document.rawMembers.isEmpty {
            // Replace from the end so earlier ranges stay valid.
            for member in document.rawMembers.reversed() {
                out.replaceSubrange(member.range, with: literal)
            }
        } else {
            out.insert(contentsOf: insertion(into: bytes, after: brace, literal: literal, isEmpty: members.isEmpty),
                       at: brace + 1)
        }
        // The result must still be a JSON object whose digest is the new value.
        let check = try ManifestJSON.read(out, rawMembers: ["digest"])
        guard let first = check.rawMembers.first, Array(out[first.range]) == literal else {
            throw RewriteError(description: "the rewritten text did not carry the new digest")
        }
        return out
    }

    /// The text to put right after the root `{` to make `"digest": …` its first member.
    private static func insertion(into bytes: [UInt8], after brace: Int, literal: [UInt8], isEmpty: Bool) -> [UInt8] {
        let member = Array("\"digest\": ".utf8) + literal
        let newline: [UInt8] = bytes.contains(0x0D) && containsCRLF(bytes) ? [0x0D, 0x0A] : [0x0A]
        // Look at what follows the brace: a line break means one member per line.
        var i = brace + 1
        var sawNewline = false
        var indent: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x0A {
                sawNewline = true
                indent = []
            } else if c == 0x20 || c == 0x09 {
                if sawNewline { indent.append(c) }
            } else if c == 0x0D {
                // part of CRLF
            } else {
                break
            }
            i += 1
        }
        if isEmpty {
            // `{}` or `{ \n }`: the closing brace's own indentation is the object's; indent one more level.
            if sawNewline {
                let inner = indent + Array("  ".utf8)
                return newline + inner + member
            }
            return member
        }
        if sawNewline {
            return newline + indent + member + Array(",".utf8)
        }
        // Compact style: `{"a": 1}` or `{ "a": 1 }`.
        let spaced = brace + 1 < bytes.count && bytes[brace + 1] == 0x20
        return (spaced ? [0x20] : []) + member + Array(",".utf8)
    }

    private static func containsCRLF(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0D && bytes[i + 1] == 0x0A { return true }
            i += 1
        }
        return false
    }
}
