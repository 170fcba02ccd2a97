import CJavaScriptCore
#if canImport(Glibc)
import Glibc
#endif

/// An owned `JSStringRef`: JavaScriptCore's immutable UTF-16 string, released when this goes away.
public final class JSStringHandle {
    public let ref: JSStringRef

    public init(_ string: String) {
        // JavaScriptCore reads UTF-8 itself, keeping ASCII as 8-bit characters; copying the UTF-16
        // view in Swift first cost more than the rest of a bridge call. A string holding U+0000
        // cannot pass as a C string, so it goes the UTF-16 way.
        // (`strlen` stops at the first U+0000: equal lengths mean there is none.)
        let byteCount = string.utf8.count
        if let made = string.withCString({ strlen($0) == byteCount ? JSStringCreateWithUTF8CString($0) : nil }) {
            ref = made
        } else {
            let utf16 = Array(string.utf16)
            ref = utf16.withUnsafeBufferPointer { JSStringCreateWithCharacters($0.baseAddress, $0.count) }
        }
    }

    /// Takes ownership of a string returned by a `Copy`/`Create` function.
    public init(adopting ref: JSStringRef) {
        self.ref = ref
    }

    deinit { JSStringRelease(ref) }

    /// Runs `body` with a temporary `JSStringRef` for `string`, kept alive for the whole call
    /// (Swift may otherwise release an object right after its last use, before the C call runs).
    public static func with<R>(_ string: String, _ body: (JSStringRef) throws -> R) rethrows -> R {
        let handle = JSStringHandle(string)
        return try withExtendedLifetime(handle) { try body(handle.ref) }
    }

    /// The string's contents as a Swift string.
    public var string: String { Self.swiftString(ref) }

    /// Runs `body` with JavaScriptCore's own UTF-8 conversion of a borrowed `JSStringRef`
    /// (without the terminating zero). A lone surrogate stops the conversion early: the bytes
    /// then end before it.
    public static func withUTF8<R>(_ ref: JSStringRef, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let capacity = JSStringGetMaximumUTF8CStringSize(ref)
        if capacity <= 1024 {
            return try withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buf in
                let written = JSStringGetUTF8CString(ref, buf.baseAddress, capacity)
                return try body(UnsafeRawBufferPointer(start: buf.baseAddress, count: max(0, written - 1)))
            }
        }
        let buf = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        defer { buf.deallocate() }
        let written = JSStringGetUTF8CString(ref, buf, capacity)
        return try body(UnsafeRawBufferPointer(start: buf, count: max(0, written - 1)))
    }

    /// Converts a borrowed `JSStringRef` to a Swift string without taking ownership.
    public static func swiftString(_ ref: JSStringRef) -> String {
        let count = JSStringGetLength(ref)
        guard count > 0 else { return "" }
        // JavaScriptCore converts to UTF-8 itself (its strings are mostly 8-bit inside); this is
        // several times faster than transcoding the UTF-16 characters in Swift.
        let utf8 = withUTF8(ref) { String(decoding: $0, as: UTF8.self) }
        // A lone surrogate stops JavaScriptCore's UTF-8 conversion early: decode the UTF-16
        // instead (it becomes U+FFFD) so that no string is ever cut short.
        if utf8.utf16.count == count { return utf8 }
        guard let chars = JSStringGetCharactersPtr(ref) else { return utf8 }
        return String(decoding: UnsafeBufferPointer(start: chars, count: count), as: UTF16.self)
    }
}
