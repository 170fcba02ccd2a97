/// How ``JSONReader`` makes values: the frames build ``JSONValue``, manifests an ordered value
/// that keeps integers apart, and ``JSONReader/Validation`` builds nothing (a check only).
public protocol JSONBuilder {
    associatedtype Value
    /// An object being built.
    associatedtype Members
    /// An array being built.
    associatedtype Items

    static var null: Value { get }
    static func bool(_ value: Bool) -> Value
    /// A number: its value, and its text when it is an integer (no fraction, no exponent).
    static func number(_ value: Double, integerText: UnsafeBufferPointer<UInt8>?) -> Value
    static func string(_ value: String) -> Value
    static func makeObject() -> Members
    /// Adds a member; false (and the object unchanged) when the object already has one so named.
    static func add(_ key: String, _ value: Value, to object: inout Members) -> Bool
    static func value(of object: Members) -> Value
    static func makeArray() -> Items
    static func append(_ value: Value, to array: inout Items)
    static func value(of array: Items) -> Value
}

/// Why the text is not JSON, with a 1-based line and column (in characters).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(message) at line \(line), column \(column)" }
}

/// A JSON text read by ``JSONReader``, with what the reader noted on the way.
public struct JSONDocument<Value> {
    public var value: Value
    /// JSON paths (`a.b`, `list[2].c`) of members whose object already had one of that name (the
    /// first is kept); recorded with ``JSONReader/Options/recordsDuplicateKeys``.
    public var duplicateKeys: [String]
    /// The root object's members named in ``JSONReader/Options/rawMembers``, each occurrence in
    /// text order: its name and the byte range of its value (checked, not built).
    public var rawMembers: [(key: String, range: Range<Int>)]
    /// The byte offset of the root value's first byte.
    public var rootStart: Int
}

/// The strict RFC 8259 reader over UTF-8 bytes that frames and manifests share. It never trusts
/// its input: bad syntax, invalid UTF-8, lone surrogates (escaped or not), numbers out of range
/// and nesting deeper than ``Options/maxDepth`` are errors with a line and column. Numbers are
/// read by the standard library's correctly rounded conversion, so every double survives exactly.
public enum JSONReader {
    public struct Options: Sendable {
        /// How deeply arrays and objects may nest (the root container is level 1).
        public var maxDepth: Int
        /// Skips a UTF-8 byte order mark at the start (files written by some editors).
        public var skipsByteOrderMark: Bool
        /// Notes the path of every repeated member name (see ``JSONDocument/duplicateKeys``).
        public var recordsDuplicateKeys: Bool
        /// Members of the root object kept as their text (see ``JSONDocument/rawMembers``); they
        /// are not in the built root object.
        public var rawMembers: Set<String>

        public init(maxDepth: Int = 512, skipsByteOrderMark: Bool = false, recordsDuplicateKeys: Bool = false, rawMembers: Set<String> = []) {
            self.maxDepth = maxDepth
            self.skipsByteOrderMark = skipsByteOrderMark
            self.recordsDuplicateKeys = recordsDuplicateKeys
            self.rawMembers = rawMembers
        }
    }

    /// Builds nothing: any valid value reads as `()`.
    public enum Validation: JSONBuilder {
        public typealias Value = Void
        public typealias Members = Void
        public typealias Items = Void
        public static var null: Void { () }
        public static func bool(_ value: Bool) {}
        public static func number(_ value: Double, integerText: UnsafeBufferPointer<UInt8>?) {}
        public static func string(_ value: String) {}
        public static func makeObject() {}
        public static func add(_ key: String, _ value: Void, to object: inout Void) -> Bool { true }
        /// Ends an object or an array.
        public static func value(of container: Void) {}
        public static func makeArray() {}
        public static func append(_ value: Void, to array: inout Void) {}
    }

    /// Reads one JSON value filling all of `bytes` (space around it allowed).
    public static func read<B: JSONBuilder>(_ bytes: UnsafeRawBufferPointer, as builder: B.Type, options: Options = Options()) throws(JSONSyntaxError) -> JSONDocument<B.Value> {
        var cursor = Cursor(bytes: bytes.bindMemory(to: UInt8.self), options: options)
        return try cursor.document(B.self)
    }

    public static func read<B: JSONBuilder>(_ bytes: [UInt8], as builder: B.Type, options: Options = Options()) throws(JSONSyntaxError) -> JSONDocument<B.Value> {
        let result = bytes.withUnsafeBytes { raw -> Result<JSONDocument<B.Value>, JSONSyntaxError> in
            do throws(JSONSyntaxError) { return .success(try read(raw, as: B.self, options: options)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func read<B: JSONBuilder>(_ text: String, as builder: B.Type, options: Options = Options()) throws(JSONSyntaxError) -> JSONDocument<B.Value> {
        var copy = text
        let result = copy.withUTF8 { utf8 -> Result<JSONDocument<B.Value>, JSONSyntaxError> in
            do throws(JSONSyntaxError) { return .success(try read(UnsafeRawBufferPointer(utf8), as: B.self, options: options)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The value of a hexadecimal digit (`0`–`9`, `a`–`f`, `A`–`F`); nil for any other byte.
    static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The byte a one-letter escape stands for (`"` `\` `/` `b` `f` `n` `r` `t` after the
    /// backslash); nil for `u` (four hex digits follow) and for anything that is not an escape.
    static func escapedByte(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let options: Options
        var at = 0
        var duplicateKeys: [String] = []
        var rawMembers: [(key: String, range: Range<Int>)] = []

        init(bytes: UnsafeBufferPointer<UInt8>, options: Options) {
            self.bytes = bytes
            self.options = options
            if options.skipsByteOrderMark, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { at = 3 }
        }

        mutating func document<B: JSONBuilder>(_: B.Type) throws(JSONSyntaxError) -> JSONDocument<B.Value> {
            skipSpace()
            if at >= bytes.count { throw error("the file is empty") }
            let start = at
            let value = try value(B.self, depth: 0, path: options.recordsDuplicateKeys ? "" : nil)
            skipSpace()
            if at < bytes.count { throw error("unexpected text after the JSON value") }
            return JSONDocument(value: value, duplicateKeys: duplicateKeys, rawMembers: rawMembers, rootStart: start)
        }

        func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
            let end = min(offset ?? at, bytes.count)
            var line = 1, lineStart = 0
            for i in 0..<end where bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self).count + 1
            return JSONSyntaxError(message: message, line: line, column: column)
        }

        func describe(_ b: UInt8) -> String {
            if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return "byte 0x\(String(b, radix: 16))"
        }

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at += 1
                default: return
                }
            }
        }

        /// Consumes `byte` after any space; false when something else (or nothing) is there.
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        /// One value at `at` (after any space). `path` is the value's JSON path when duplicate
        /// keys are recorded, else nil.
        mutating func value<B: JSONBuilder>(_: B.Type, depth: Int, path: String?) throws(JSONSyntaxError) -> B.Value {
            skipSpace()
            guard at < bytes.count else { throw error("unexpected end of file, expected a value") }
            switch bytes[at] {
            case UInt8(ascii: "{"): return try object(B.self, depth: depth, path: path)
            case UInt8(ascii: "["): return try array(B.self, depth: depth, path: path)
            case UInt8(ascii: "\""): return B.string(try string())
            case UInt8(ascii: "t"): try literal("true"); return B.bool(true)
            case UInt8(ascii: "f"): try literal("false"); return B.bool(false)
            case UInt8(ascii: "n"): try literal("null"); return B.null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(B.self)
            default: throw error("unexpected \(describe(bytes[at])), expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
            let n = word.utf8CodeUnitCount
            guard bytes.count - at >= n, (0..<n).allSatisfy({ bytes[at + $0] == word.utf8Start[$0] }) else {
                throw error("invalid literal, expected \(word)")
            }
            at += n
        }

        mutating func object<B: JSONBuilder>(_: B.Type, depth: Int, path: String?) throws(JSONSyntaxError) -> B.Value {
            if depth >= options.maxDepth { throw error("nesting is deeper than \(options.maxDepth) levels") }
            at += 1
            var object = B.makeObject()
            if take(UInt8(ascii: "}")) { return B.value(of: object) }
            let keepsRaw = depth == 0 && !options.rawMembers.isEmpty
            repeat {
                skipSpace()
                guard at < bytes.count else { throw error("unexpected end of file inside an object") }
                guard bytes[at] == UInt8(ascii: "\"") else {
                    throw error("unexpected \(describe(bytes[at])), expected a member name in double quotes")
                }
                let key = try string()
                guard take(UInt8(ascii: ":")) else { throw error("expected ':' after the member name") }
                var childPath: String?
                if let path { childPath = path.isEmpty ? key : path + "." + key }
                if keepsRaw && options.rawMembers.contains(key) {
                    skipSpace()
                    let start = at
                    _ = try value(Validation.self, depth: depth + 1, path: nil)
                    rawMembers.append((key, start..<at))
                } else {
                    let member = try value(B.self, depth: depth + 1, path: childPath)
                    if !B.add(key, member, to: &object), let childPath { duplicateKeys.append(childPath) }
                }
            } while try another(before: UInt8(ascii: "}"))
            return B.value(of: object)
        }

        mutating func array<B: JSONBuilder>(_: B.Type, depth: Int, path: String?) throws(JSONSyntaxError) -> B.Value {
            if depth >= options.maxDepth { throw error("nesting is deeper than \(options.maxDepth) levels") }
            at += 1
            var array = B.makeArray()
            if take(UInt8(ascii: "]")) { return B.value(of: array) }
            var count = 0
            repeat {
                var itemPath: String?
                if let path { itemPath = path + "[\(count)]" }
                B.append(try value(B.self, depth: depth + 1, path: itemPath), to: &array)
                count += 1
            } while try another(before: UInt8(ascii: "]"))
            return B.value(of: array)
        }

        /// After a member or an item: true at `,` (another follows), false at `close` (the end).
        @inline(__always)
        mutating func another(before close: UInt8) throws(JSONSyntaxError) -> Bool {
            skipSpace()
            guard at < bytes.count else { throw error("unexpected end of file inside \(close == UInt8(ascii: "}") ? "an object" : "an array")") }
            switch bytes[at] {
            case UInt8(ascii: ","): at += 1; return true
            case close: at += 1; return false
            default: throw error("unexpected \(describe(bytes[at])), expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        }

        /// How many digits follow `at` (consumed).
        mutating func digits() -> Int {
            let start = at
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            return at - start
        }

        /// JSON's number grammar, then the standard library's exact conversion.
        mutating func number<B: JSONBuilder>(_: B.Type) throws(JSONSyntaxError) -> B.Value {
            let start = at
            if bytes[at] == UInt8(ascii: "-") { at += 1 }
            let intStart = at
            if at < bytes.count, bytes[at] == UInt8(ascii: "0") {
                at += 1
                if at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { throw error("invalid number (leading zero)", at: start) }
            } else if digits() == 0 {
                throw error("invalid number")
            }
            let intEnd = at
            var isInteger = true
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
                isInteger = false
                at += 1
                guard digits() > 0 else { throw error("invalid number (digit expected after '.')") }
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
                isInteger = false
                at += 1
                if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
                guard digits() > 0 else { throw error("invalid number (digit expected in exponent)") }
            }
            let text = UnsafeBufferPointer(rebasing: bytes[start..<at])
            // An integer of up to 15 digits is exact as a double: no text conversion needed.
            if isInteger, intEnd - intStart <= 15 {
                var v: Int64 = 0
                for k in intStart..<intEnd { v = v * 10 + Int64(bytes[k] - UInt8(ascii: "0")) }
                return B.number(intStart > start ? -Double(v) : Double(v), integerText: text)
            }
            let string = String(decoding: text, as: UTF8.self)
            guard let n = Double(string), n.isFinite else { throw error("number \(string) is out of range", at: start) }
            return B.number(n, integerText: isInteger ? text : nil)
        }

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard bytes.count - at >= 4 else { throw error("unexpected end of file in a \\u escape") }
            var v: UInt32 = 0
            for k in 0..<4 {
                guard let d = JSONReader.hexDigit(bytes[at + k]) else { at += k; throw error("invalid \\u escape") }
                v = v << 4 | d
            }
            at += 4
            return v
        }

        /// A string at `at` (its opening quote).
        mutating func string() throws(JSONSyntaxError) -> String {
            let quote = at
            at += 1
            let start = at
            // The common case: no escapes.
            while at < bytes.count {
                let b = bytes[at]
                if b == UInt8(ascii: "\"") {
                    at += 1
                    return try validated(UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)]), quote: quote)
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw error("control character in a string (escape it)") }
                at += 1
            }
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<at]))
            while at < bytes.count {
                let b = bytes[at]
                at += 1
                switch b {
                case UInt8(ascii: "\""):
                    return try out.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try validated(buffer, quote: quote) }
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { break }
                    let e = bytes[at]
                    at += 1
                    if let byte = JSONReader.escapedByte(e) {
                        out.append(byte)
                        continue
                    }
                    guard e == UInt8(ascii: "u") else { throw error("invalid escape '\\\(describe(e))' in a string") }
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard bytes.count - at >= 2, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in a \\u escape")
                        }
                        at += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in a \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("unpaired surrogate in a \\u escape") }
                    out.append(contentsOf: UTF8.encode(u)!)
                default:
                    if b < 0x20 { at -= 1; throw error("control character in a string (escape it)") }
                    out.append(b)
                }
            }
            throw error("unterminated string", at: quote)
        }

        func validated(_ utf8: UnsafeBufferPointer<UInt8>, quote: Int) throws(JSONSyntaxError) -> String {
            guard let s = String(validating: utf8, as: UTF8.self) else { throw error("a string is not valid UTF-8", at: quote) }
            return s
        }
    }
}

extension JSONValue: JSONBuilder {
    public typealias Value = JSONValue
    public typealias Members = [String: JSONValue]
    public typealias Items = [JSONValue]

    public static func number(_ value: Double, integerText: UnsafeBufferPointer<UInt8>?) -> JSONValue { .number(value) }
    public static func makeObject() -> [String: JSONValue] { [:] }

    /// A repeated key keeps its first value, as Codable's reading does (one lookup in `object`).
    public static func add(_ key: String, _ value: JSONValue, to object: inout [String: JSONValue]) -> Bool {
        var added = false
        func keepFirst(_ slot: inout JSONValue?) {
            if slot == nil {
                slot = value
                added = true
            }
        }
        keepFirst(&object[key])
        return added
    }

    public static func value(of object: [String: JSONValue]) -> JSONValue { .object(object) }
    public static func makeArray() -> [JSONValue] { [] }
    public static func append(_ value: JSONValue, to array: inout [JSONValue]) { array.append(value) }
    public static func value(of array: [JSONValue]) -> JSONValue { .array(array) }
}
