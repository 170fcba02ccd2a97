import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore

/// The file system on the host side: paths confined to the app's own directory (`..`, symbolic
/// links planted in it, absolute host paths), the quota, the encodings, and each method's errors
/// as WeChat words them.
@Suite struct FileSystemTests {
    final class Fixture {
        let services: HostServices
        let bridge: AppBridge
        let directory: URL

        init(quotaMb: Int = 200, appId: String = "org.test.files") throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-fs-\(UUID().uuidString)")
            services = try HostServices(dataDirectory: directory, prompter: DenyAllPrompter(), world: World(files: WorldFiles(quotaMb: quotaMb)))
            let manifest = try Manifest.parse(Data(#"{"app_id": "\#(appId)", "name": "F", "pages": ["p"]}"#.utf8), file: "t")
            bridge = AppBridge(app: AppIdentity(manifest: manifest), registry: .standard(services: services), services: services)
        }
        deinit { try? FileManager.default.removeItem(at: directory) }

        var usr: URL { directory.appendingPathComponent("files/org.test.files/usr") }

        func call(_ api: String, _ args: [String: JSONValue]) -> Result<JSONValue, BridgeError> {
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var out: Result<BridgeValue, BridgeError>?
            bridge.callAsync(BridgeCall(id: 1, api: api, arguments: .object(args))) { reply in out = reply.result; done.signal() }
            done.wait()
            return out!.map { v in JSONValue.parse(v.jsonText)! }
        }

        func sync(_ api: String, _ args: [JSONValue]) -> Result<JSONValue, BridgeError> {
            bridge.callSync(BridgeCall(id: 2, api: api, arguments: .array(args))).result.map { v in JSONValue.parse(v.jsonText)! }
        }

        /// The failure's `[errCode, reason]`, or nil when the call succeeded.
        func failure(_ api: String, _ args: [String: JSONValue]) -> (Int, String)? {
            if case let .failure(e) = call(api, args) { return (e.code.rawValue, e.reason) }
            return nil
        }

        func write(_ path: String, _ text: String, encoding: String = "utf8") throws {
            _ = try call("writeFile", ["filePath": .string(path), "data": .string(text), "encoding": .string(encoding)]).get()
        }
    }

    @Test func writeReadAppendAndTheFileIsTheAppsOwn() throws {
        let f = try Fixture()
        try f.write("wxfile://usr/a.txt", "hello")
        _ = try f.call("appendFile", ["filePath": .string("wxfile://usr/a.txt"), "data": .string(" world")]).get()
        #expect(try f.call("readFile", ["filePath": .string("wxfile://usr/a.txt"), "encoding": .string("utf8")]).get()["data"] == .string("hello world"))
        #expect(try String(contentsOf: f.usr.appendingPathComponent("a.txt"), encoding: .utf8) == "hello world")
        // Without an encoding the bytes come back as base64 for the runtime's ArrayBuffer.
        let raw = try f.call("readFile", ["filePath": .string("wxfile://usr/./a.txt"), "position": .number(6), "length": .number(5)]).get()
        #expect(raw == .object(["data": .string(Data("world".utf8).base64EncodedString()), "dataEncoding": .string("base64")]))
        #expect(try f.sync("readFileSync", [.string("wxfile://usr/a.txt"), .string("hex")]).get()["data"] == .string("68656c6c6f20776f726c64"))
        #expect(f.failure("readFile", ["filePath": .string("wxfile://usr/a.txt"), "position": .number(20)])?.0 == 1001)
    }

    @Test func encodingsFollowWeChatsList() throws {
        let bytes = Data([0x68, 0xe9, 0x00, 0xff])
        #expect(FileEncoding.hex.string(bytes) == "68e900ff")
        #expect(FileEncoding.base64.string(bytes) == "aOkA/w==")
        #expect(FileEncoding.latin1.string(bytes) == "h\u{e9}\u{0}\u{ff}")
        #expect(FileEncoding.binary.bytes("h\u{e9}\u{0}\u{ff}") == bytes)
        #expect(FileEncoding.ascii.string(bytes) == "hi\u{0}\u{7f}")
        #expect(FileEncoding.ucs2.bytes("h\u{e9}") == Data([0x68, 0, 0xe9, 0]))
        #expect(FileEncoding(name: "utf-16le")!.string(Data([0x68, 0, 0xe9, 0])) == "h\u{e9}")
        #expect(FileEncoding(name: "UTF-8") == .utf8 && FileEncoding(name: "ucs-2") == .ucs2)
        #expect(FileEncoding.base64.bytes("aOkA/w") == bytes && FileEncoding.hex.bytes("68E900FFzz") == bytes)
        let f = try Fixture()
        for name in FileEncoding.names {
            try f.write("wxfile://usr/e", "abc", encoding: name)
            _ = try f.call("readFile", ["filePath": .string("wxfile://usr/e"), "encoding": .string(name)]).get()
        }
        let bad = try #require(f.failure("writeFile", ["filePath": .string("wxfile://usr/e"), "data": .string("x"), "encoding": .string("utf32")]))
        #expect(bad.0 == 1001 && bad.1.contains("encoding must be one of"))
        #expect(f.failure("writeFile", ["filePath": .string("wxfile://usr/e"), "data": .number(1)])?.0 == 1001)
    }

    @Test func escapesAreRefused() throws {
        let f = try Fixture()
        try f.write("wxfile://usr/a.txt", "mine")
        let refused = [
            "wxfile://usr/../../minihost.sqlite", "wxfile://usr/x/../../a", "/etc/passwd", "wxfile://other/a",
            "wxfile://usrx", "http://usr/a", "wxfile://store_../../a", "wxfile://tmp_../x",
        ]
        for path in refused {
            let r = try #require(f.failure("readFile", ["filePath": .string(path)]), "\(path)")
            #expect(r.0 == 1003 || r.0 == 1007, "\(path): \(r)")
            let w = try #require(f.failure("writeFile", ["filePath": .string(path), "data": .string("x")]), "\(path)")
            #expect(w == (1003, "permission denied, open \(path)"), "\(path)")
        }
        #expect(f.failure("readFile", ["filePath": .string("wxfile://usr/../a.txt")])! == (1003, "permission denied, open wxfile://usr/../a.txt"))
        #expect(!FileManager.default.fileExists(atPath: f.directory.appendingPathComponent("files/a").path))
    }

    @Test func symbolicLinksPlantedInTheAppsDirectoryAreRefused() throws {
        let f = try Fixture()
        try f.write("wxfile://usr/a.txt", "mine")
        let secret = f.directory.appendingPathComponent("secret.txt")
        try Data("host".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: f.usr.appendingPathComponent("link"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: f.usr.appendingPathComponent("dir"), withDestinationURL: f.directory)
        for (api, args) in [("readFile", ["filePath": "wxfile://usr/link"]), ("readFile", ["filePath": "wxfile://usr/dir/secret.txt"]),
                            ("writeFile", ["filePath": "wxfile://usr/link", "data": "x"]), ("stat", ["path": "wxfile://usr/dir"]),
                            ("unlink", ["filePath": "wxfile://usr/link"]), ("readdir", ["dirPath": "wxfile://usr/dir"]),
                            ("rename", ["oldPath": "wxfile://usr/a.txt", "newPath": "wxfile://usr/dir/stolen"])] {
            let r = try #require(f.failure(api, args.mapValues(JSONValue.string)), "\(api) \(args)")
            #expect(r.0 == 1003 && r.1.hasPrefix("permission denied"), "\(api) \(args): \(r)")
        }
        #expect(try String(contentsOf: secret, encoding: .utf8) == "host")
        // A recursive stat lists a link without following it.
        let listed = (try f.call("stat", ["path": .string("wxfile://usr"), "recursive": .bool(true)]).get()["stats"]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue }
        #expect(listed == ["/", "/a.txt", "/dir", "/link"])
        // The user area itself replaced by a link: refused too.
        try FileManager.default.removeItem(at: f.usr)
        try FileManager.default.createSymbolicLink(at: f.usr, withDestinationURL: f.directory)
        #expect(f.failure("readFile", ["filePath": .string("wxfile://usr/secret.txt")])?.0 == 1003)
    }

    @Test func theQuotaCountsUserAndSavedFiles() throws {
        let f = try Fixture(quotaMb: 1)
        let half = String(repeating: "x", count: 600 * 1024)
        try f.write("wxfile://usr/a", half)
        let over = try #require(f.failure("appendFile", ["filePath": .string("wxfile://usr/a"), "data": .string(half)]))
        #expect(over == (1005, "the maximum size of the file storage limit is exceeded"))
        // Replacing a file counts its new size only.
        try f.write("wxfile://usr/a", half)
        #expect(f.failure("copyFile", ["srcPath": .string("wxfile://usr/a"), "destPath": .string("wxfile://usr/b")])?.0 == 1005)
        #expect(f.failure("saveFile", ["tempFilePath": .string("wxfile://usr/a")])?.0 == 1005)
        #expect(try f.call("getSavedFileList", [:]).get() == .object(["fileList": .array([])]))
        #expect(FileManager.default.fileExists(atPath: f.usr.appendingPathComponent("a").path))
        #expect(!FileManager.default.fileExists(atPath: f.usr.appendingPathComponent("b").path))
    }

    @Test func directoriesAndTheirErrors() throws {
        let f = try Fixture()
        func fails(_ api: String, _ args: [String: JSONValue]) -> (Int, String)? { f.failure(api, args) }
        #expect(fails("mkdir", ["dirPath": .string("wxfile://usr/a/b")])! == (1007, "no such file or directory, mkdir wxfile://usr/a/b"))
        _ = try f.call("mkdir", ["dirPath": .string("wxfile://usr/a/b"), "recursive": .bool(true)]).get()
        #expect(fails("mkdir", ["dirPath": .string("wxfile://usr/a")])! == (1001, "file already exists, mkdir wxfile://usr/a"))
        try f.write("wxfile://usr/a/b/c.txt", "c")
        #expect(fails("rmdir", ["dirPath": .string("wxfile://usr/a")])! == (1001, "directory not empty, rmdir wxfile://usr/a"))
        #expect(fails("rmdir", ["dirPath": .string("wxfile://usr/a/b/c.txt")])! == (1001, "not a directory, rmdir wxfile://usr/a/b/c.txt"))
        #expect(fails("rmdir", ["dirPath": .string("wxfile://usr"), "recursive": .bool(true)])?.0 == 1003)
        #expect(fails("readFile", ["filePath": .string("wxfile://usr/a")])! == (1001, "illegal operation on a directory, open wxfile://usr/a"))
        #expect(fails("unlink", ["filePath": .string("wxfile://usr/a")])?.0 == 1001)
        #expect(fails("unlink", ["filePath": .string("wxfile://usr/none")])! == (1007, "no such file or directory, unlink wxfile://usr/none"))
        #expect(fails("readdir", ["dirPath": .string("wxfile://usr/none")])! == (1007, "no such file or directory, scandir wxfile://usr/none"))
        #expect(fails("access", ["path": .string("wxfile://usr/none")])! == (1007, "no such file or directory, access wxfile://usr/none"))
        #expect(fails("writeFile", ["filePath": .string("wxfile://usr/none/x"), "data": .string("x")])?.0 == 1007)
        #expect(fails("appendFile", ["filePath": .string("wxfile://usr/new"), "data": .string("x")])?.0 == 1007)
        #expect(fails("rename", ["oldPath": .string("wxfile://usr/a"), "newPath": .string("wxfile://usr/a/b/x")])?.0 == 1001)
        _ = try f.call("rename", ["oldPath": .string("wxfile://usr/a/b/c.txt"), "newPath": .string("wxfile://usr/c.txt")]).get()
        #expect(try f.sync("readdirSync", [.string("wxfile://usr")]).get() == .object(["files": .array([.string("a"), .string("c.txt")])]))
        let stats = try f.sync("statSync", [.string("wxfile://usr"), .bool(true)]).get()["stats"]?.arrayValue ?? []
        #expect(stats.compactMap { $0["path"]?.stringValue } == ["/", "/a", "/a/b", "/c.txt"])
        #expect(stats.map { $0["stats"]?["isDirectory"] } == [.bool(true), .bool(true), .bool(true), .bool(false)])
        _ = try f.call("rmdir", ["dirPath": .string("wxfile://usr/a"), "recursive": .bool(true)]).get()
        #expect(fails("access", ["path": .string("wxfile://usr/a")])?.0 == 1007)
    }

    @Test func savedFilesAndFileInfo() throws {
        let f = try Fixture()
        try f.write("wxfile://usr/photo.png", "png!")
        let saved = try f.call("saveFile", ["tempFilePath": .string("wxfile://usr/photo.png")]).get()["savedFilePath"]?.stringValue ?? ""
        #expect(saved.hasPrefix("wxfile://store_") && saved.hasSuffix(".png"))
        #expect(try f.call("readFile", ["filePath": .string(saved), "encoding": .string("utf8")]).get()["data"] == .string("png!"))
        #expect(f.failure("writeFile", ["filePath": .string(saved), "data": .string("x")])?.0 == 1003)
        let info = try f.call("getFileInfo", ["filePath": .string(saved), "digestAlgorithm": .string("sha1")]).get()
        #expect(info["size"] == .number(4) && info["digest"]?.stringValue?.count == 40)
        let list = try f.call("getSavedFileList", [:]).get()["fileList"]?.arrayValue ?? []
        #expect(list.count == 1 && list.first?["filePath"] == .string(saved) && list.first?["size"] == .number(4))
        _ = try f.call("removeSavedFile", ["filePath": .string(saved)]).get()
        #expect(f.failure("removeSavedFile", ["filePath": .string(saved)])?.0 == 1007)
        #expect(f.failure("removeSavedFile", ["filePath": .string("wxfile://usr/photo.png")])?.0 == 1003)
        #expect(f.failure("getFileInfo", ["filePath": .string("wxfile://tmp_nothing")])?.0 == 1007)
        // saveFile with filePath copies into the user files.
        _ = try f.call("saveFile", ["tempFilePath": .string("wxfile://usr/photo.png"), "filePath": .string("wxfile://usr/copy.png")]).get()
        #expect(FileManager.default.fileExists(atPath: f.usr.appendingPathComponent("copy.png").path))
    }

    @Test func aPickersTempFileIsReadableAndCanBeSaved() throws {
        let f = try Fixture()
        let temp = PickedFiles.of(f.services).register(appId: "org.test.files", media: WorldMedia(dataBase64: Data("pic".utf8).base64EncodedString()))
        #expect(try f.call("readFile", ["filePath": .string(temp), "encoding": .string("utf8")]).get()["data"] == .string("pic"))
        #expect(try f.call("stat", ["path": .string(temp)]).get()["stats"]?["size"] == .number(3))
        #expect(f.failure("writeFile", ["filePath": .string(temp), "data": .string("x")])?.0 == 1003)
        let saved = try f.call("saveFile", ["tempFilePath": .string(temp)]).get()["savedFilePath"]?.stringValue ?? ""
        #expect(try f.call("getFileInfo", ["filePath": .string(saved)]).get()["size"] == .number(3))
        // Another app's pick is not this app's.
        let other = PickedFiles.of(f.services).register(appId: "org.test.other", media: WorldMedia(dataBase64: "AA=="))
        #expect(f.failure("readFile", ["filePath": .string(other)])?.0 == 1007)
    }

    @Test func appsDoNotShareFiles() throws {
        let a = try Fixture()
        try a.write("wxfile://usr/a.txt", "a's")
        let manifest = try Manifest.parse(Data(#"{"app_id": "org.test.other", "name": "O", "pages": ["p"]}"#.utf8), file: "t")
        let other = AppBridge(app: AppIdentity(manifest: manifest), registry: .standard(services: a.services), services: a.services)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var out: Result<BridgeValue, BridgeError>?
        other.callAsync(BridgeCall(id: 1, api: "readFile", arguments: .object(["filePath": .string("wxfile://usr/a.txt")]))) { out = $0.result; done.signal() }
        done.wait()
        guard case let .failure(e)? = out else { Issue.record("read another app's file"); return }
        #expect(e.code.rawValue == 1007)
    }
}
