import Foundation
import MiniHostProtocol

/// The storage API (`setStorage`, `getStorage`, `removeStorage`, `clearStorage`,
/// `getStorageInfo` and their `*Sync` forms): JSON data per app, 1 MB per key, the app's quota
/// (10 MB, or less from the manifest's `limits.storage_mb`), kept in SQLite and cached in memory.
public final class StorageService: @unchecked Sendable {
    public static let maxKeyLength = 128
    public static let maxValueBytes = 1_048_576

    private let store: StorageStore
    private let lock = NSLock()
    private var cache: [String: [ExactString: String]] = [:]
    /// The async form's last answer: `{"data":<json>}` for the cached `json` string it was made
    /// from (a later get of the same, unchanged value returns the very same text, which the
    /// sandbox then finds without hashing it; a changed value is a different string).
    private var lastWrapped: (json: String, text: String)?

    public init(store: StorageStore) { self.store = store }

    /// The APIs, for the host's registry.
    public var apis: [HostAPI] {
        [
            HostAPI(name: "setStorage", syncName: "setStorageSync", positional: ["key", "data"]) { [self] call throws(BridgeError) in
                try set(call)
            },
            HostAPI(name: "getStorage", syncName: "getStorageSync", positional: ["key"]) { [self] call throws(BridgeError) in
                try get(call)
            },
            HostAPI(name: "removeStorage", syncName: "removeStorageSync", positional: ["key"]) { [self] call throws(BridgeError) in
                try remove(call)
            },
            HostAPI(name: "clearStorage", syncName: "clearStorageSync") { [self] call throws(BridgeError) in
                try clear(call)
            },
            HostAPI(name: "getStorageInfo", syncName: "getStorageInfoSync") { [self] call throws(BridgeError) in
                try info(call)
            },
        ]
    }

    private func key(_ call: APICall) throws(BridgeError) -> String {
        try call.arguments.string("key", maxLength: Self.maxKeyLength)!
    }

    /// The app's entries, loaded from the database on first use.
    private func entries(_ appId: String) throws(BridgeError) -> [ExactString: String] {
        if let cached = lock.withLock({ cache[appId] }) { return cached }
        do {
            let loaded = try store.load(app: appId)
            lock.withLock { cache[appId] = loaded }
            return loaded
        } catch {
            throw BridgeError(.hostError, "host error: cannot read storage (\(error))")
        }
    }

    func set(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let key = try key(call)
        let data = try call.arguments.data("data")
        let json = data.jsonText
        let bytes = json.utf8.count
        if bytes > Self.maxValueBytes {
            throw BridgeError(.limitExceeded, "data for key \"\(key)\" is \(bytes) bytes; at most 1 MB may be stored per key")
        }
        _ = try entries(call.app.appId)
        let quota = call.app.manifest.limits.storageMb * 1_048_576
        do {
            try store.set(app: call.app.appId, key: key, json: json, quotaBytes: quota)
        } catch let error as StorageQuotaError {
            throw BridgeError(.limitExceeded, String(describing: error))
        } catch {
            throw BridgeError(.hostError, "host error: cannot write storage (\(error))")
        }
        lock.withLock { cache[call.app.appId, default: [:]][ExactString(key)] = json }
        return .empty
    }

    func get(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let key = try key(call)
        let appId = call.app.appId
        // One locked lookup when the app's entries are loaded (the common case).
        let cached: String?? = lock.withLock { cache[appId].map { $0[ExactString(key)] } }
        let found: String?
        if let cached { found = cached } else { found = try entries(appId)[ExactString(key)] }
        guard let json = found else {
            // As in WeChat: the sync form returns an empty string for a missing key.
            if call.isSync { return .value(.string("")) }
            throw BridgeError(.notFound, "data not found for key \"\(key)\"")
        }
        if call.isSync { return .jsonText(json) }
        return .jsonText(lock.withLock {
            if let last = lastWrapped, json.sharesStorage(with: last.json) { return last.text }
            let text = "{\"data\":" + json + "}"
            lastWrapped = (json, text)
            return text
        })
    }

    func remove(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let key = try key(call)
        do { try store.remove(app: call.app.appId, key: key) } catch {
            throw BridgeError(.hostError, "host error: cannot write storage (\(error))")
        }
        lock.withLock { _ = cache[call.app.appId]?.removeValue(forKey: ExactString(key)) }
        return .empty
    }

    func clear(_ call: APICall) throws(BridgeError) -> BridgeValue {
        do { try store.clear(app: call.app.appId) } catch {
            throw BridgeError(.hostError, "host error: cannot write storage (\(error))")
        }
        lock.withLock { cache[call.app.appId] = [:] }
        return .empty
    }

    func info(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let all = try entries(call.app.appId)
        let bytes = all.reduce(0) { $0 + $1.key.value.utf8.count + $1.value.utf8.count }
        let kb = { (b: Int) in Double((b + 1023) / 1024) }
        return .value(.object([
            "keys": .array(all.keys.map(\.value).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { .string($0) }),
            "currentSize": .number(kb(bytes)),
            "limitSize": .number(Double(call.app.manifest.limits.storageMb * 1024)),
        ]))
    }
}
