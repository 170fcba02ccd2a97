import Crypto
import Foundation
import MiniHostProtocol

/// Saved files (`saveFile`, `getSavedFileList`, `removeSavedFile`) and `getFileInfo`.
extension FileSystemService {
    func saveFile(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let temp = try path(call, "tempFilePath")
        let data = try readable(call, temp, op: "open")
        let saved: String
        if call.arguments.has("filePath") {
            saved = try path(call, "filePath")
            try writeNew(call, data, to: try userURL(call, saved, op: "open"), path: saved, op: "open")
        } else {
            var name = "store_" + LoginSessions.randomHex(bytes: 16)
            let ext = (temp as NSString).pathExtension
            if !ext.isEmpty, ext.count <= 8, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { name += "." + ext.lowercased() }
            do throws(FileError) {
                let url = try FilePath.resolve(try store.storeRoot(call.app.appId), [name])
                try store.locked { () throws(FileError) in
                    try store.checkQuota(call.app.appId, adding: data.count)
                    do { try data.write(to: url) } catch { throw FileError.io("cannot write the file") }
                }
            } catch {
                throw error.bridgeError(op: "open", path: temp)
            }
            saved = "wxfile://" + name
        }
        // As in WeChat, the temp file is moved: its path no longer names it.
        call.session.component(NetworkFiles.self) { NetworkFiles(session: call.session) }.remove(temp)
        return .value(.object(["savedFilePath": .string(saved)]))
    }

    func getFileInfo(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "filePath")
        let algorithm = try call.arguments.oneOf("digestAlgorithm", ["md5", "sha1"], default: "md5")
        let data = try readable(call, path, op: "open")
        let digest = algorithm == "md5" ? Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
            : Insecure.SHA1.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return .value(.object(["size": .number(Double(data.count)), "digest": .string(digest)]))
    }

    func getSavedFileList(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let dir: URL
        do throws(FileError) { dir = try store.storeRoot(call.app.appId) } catch { throw error.bridgeError(op: "open", path: "wxfile://store") }
        var list: [(Double, String, Int)] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasPrefix("store_") {
            var st = Foundation.stat()
            guard lstat(dir.appendingPathComponent(name).path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            list.append((Double(st.st_mtim.tv_sec), name, Int(st.st_size)))
        }
        list.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return .value(.object(["fileList": .array(list.map { created, name, size in
            .object(["filePath": .string("wxfile://" + name), "size": .number(Double(size)), "createTime": .number(created)])
        })]))
    }

    func removeSavedFile(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let path = try path(call, "filePath")
        do throws(FileError) {
            guard case let .saved(name) = try FilePath.kind(path) else { throw FileError.denied }
            let url = try FilePath.resolve(try store.storeRoot(call.app.appId), [name])
            guard FilePath.isDirectory(url) == false else { throw FileError.notFound }
            guard Foundation.unlink(url.path) == 0 else { throw FileError.io("cannot remove the file") }
        } catch {
            throw error.bridgeError(op: "unlink", path: path)
        }
        return .empty
    }
}
