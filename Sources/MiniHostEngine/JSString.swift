import CJavaScriptCore
#if canImport(Glibc)
import Glibc
#endif

/// An owned `JSStringRef` (JavaScriptCore's immutable UTF-16 string), released when it goes out
/// of scope. Noncopyable, so it costs no allocation and no reference counting.
@usableFromInline
struct JSString: ~Copyable {
    @usableFromInline let ref: JSStringRef

    @usableFromInline
    init(_ string: String) { ref = Self.create(string) }

    /// A new `JSStringRef` for `string`, owned by the caller.
    @usableFromInline
    static func create(_ string: String) -> JSStringRef {
        // JavaScriptCore reads UTF-8 itself, keeping ASCII as 8-bit characters; copying the UTF-16
        // view in Swift first cost more than the rest of a bridge call. A string holding U+0000
        // cannot pass as a C string, so it goes the UTF-16 way.
        // (`strlen` stops at the first U+0000: equal lengths mean there is none.)
        let byteCount = string.utf8.count
        if let made = string.withCString({ strlen($0) == byteCount ? JSStringCreateWithUTF8CString($0) : nil }) {
            return made
        }
        let utf16 = Array(string.utf16)
        return utf16.withUnsafeBufferPointer { JSStringCreateWithCharacters($0.baseAddress, $0.count) }
    }

    /// Takes ownership of a string returned by a `Copy`/`Create` function.
    @inlinable
    init(adopting ref: JSStringRef) { self.ref = ref }

    @inlinable deinit { JSStringRelease(ref) }

    /// Runs `body` with a temporary `JSStringRef` for `string`.
    @inlinable
    static func with<R>(_ string: String, _ body: (JSStringRef) throws -> R) rethrows -> R {
        let ref = create(string)
        defer { JSStringRelease(ref) }
        return try body(ref)
    }

    /// The string's contents as a Swift string.
    @usableFromInline
    var string: String { Self.swiftString(ref) }

    /// Runs `body` with JavaScriptCore's own UTF-8 conversion of a borrowed `JSStringRef`
    /// (without the terminating zero). A lone surrogate stops the conversion early: the bytes
    /// then end before it.
    @usableFromInline
    static func withUTF8<R>(_ ref: JSStringRef, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
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
    @usableFromInline
    static func swiftString(_ ref: JSStringRef) -> String {
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

/// A `JSStringRef` made once and never released, for property names read on hot paths.
@usableFromInline
struct JSStaticString: @unchecked Sendable {
    @usableFromInline let ref: JSStringRef

    init(_ string: String) { ref = JSStringCreateWithUTF8CString(string) }

    @usableFromInline static let length = JSStaticString("length")
}
