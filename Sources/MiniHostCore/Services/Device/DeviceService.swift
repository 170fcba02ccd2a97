import Foundation
import MiniHostProtocol

/// The everyday device calls: the clipboard, phone calls, the scanner, vibration, analytics and
/// `setEnableDebug`. What the user would see or feel is a `ui` event; what the device gives back
/// comes from the world (its `clipboard` and `scans`).
struct DeviceService {
    let services: HostServices

    var state: DeviceState { DeviceState.of(services) }

    var apis: [HostAPI] {
        [
            HostAPI(name: "setClipboardData", validate: { a throws(BridgeError) in _ = try Self.clipboardText(a) }) { call throws(BridgeError) in
                state.clipboard = try Self.clipboardText(call.arguments)
                // WeChat confirms every copy with a toast.
                Self.report(call, "showToast", ["title": .string("内容已复制"), "icon": .string("success"), "duration": .number(1500), "mask": .bool(false)])
                return .empty
            },
            HostAPI(name: "getClipboardData", permission: .clipboardRead, mayBlock: true) { _ throws(BridgeError) in
                .value(.object(["data": .string(state.clipboard)]))
            },
            HostAPI(name: "makePhoneCall", validate: { a throws(BridgeError) in _ = try Self.phoneNumber(a) }) { call throws(BridgeError) in
                let number = try Self.phoneNumber(call.arguments)
                state.recordCall(number)
                Self.report(call, "makePhoneCall", ["phoneNumber": .string(number)])
                return .empty
            },
            HostAPI(name: "scanCode", validate: { a throws(BridgeError) in try Self.checkScan(a) }) { call throws(BridgeError) in
                guard let scan = state.nextScan() else { throw BridgeError(.cancelled, "cancel") }
                var out: [String: JSONValue] = [
                    "result": .string(scan.result), "scanType": .string(scan.scanType), "charSet": .string(scan.charSet),
                    "rawData": .string(Data(scan.result.utf8).base64EncodedString()),
                ]
                if let path = scan.path { out["path"] = .string(path) }
                return .value(.object(out))
            },
            HostAPI(name: "vibrateShort", validate: { a throws(BridgeError) in _ = try Self.vibration(a) }) { call throws(BridgeError) in
                Self.report(call, "vibrateShort", ["type": .string(try Self.vibration(call.arguments))])
                return .empty
            },
            HostAPI(name: "vibrateLong") { call throws(BridgeError) in
                Self.report(call, "vibrateLong", [:])
                return .empty
            },
            HostAPI(name: "setEnableDebug", validate: { a throws(BridgeError) in try Self.enableDebug(a) }) { _ throws(BridgeError) in .empty },
            Self.analytics("reportAnalytics", nameField: "eventName"),
            Self.analytics("reportEvent", nameField: "eventId"),
        ]
    }

    static func report(_ call: APICall, _ api: String, _ args: [String: JSONValue]) {
        call.session.report(.ui(api: api, args: JSONValue.object(args).jsonText))
    }

    static func clipboardText(_ a: APIArguments) throws(BridgeError) -> String {
        try a.string("data", nonEmpty: false, maxLength: 1_048_576)!
    }

    static func phoneNumber(_ a: APIArguments) throws(BridgeError) -> String {
        let number = try a.string("phoneNumber", maxLength: 64)!
        guard number.allSatisfy({ $0.isASCII && ($0.isNumber || "+-() #*,;".contains($0)) }), number.contains(where: \.isNumber) else {
            throw .invalid("phoneNumber must be a telephone number such as '+86 10 1234 5678' (got \(PromptText.quoted(number)))")
        }
        return number
    }

    static let scanTypes = ["barCode", "qrCode", "wxCode", "datamatrix", "pdf417"]

    static func checkScan(_ a: APIArguments) throws(BridgeError) {
        _ = try a.bool("onlyFromCamera", default: false)
        guard let types = a["scanType"], types != .null else { return }
        guard let list = types.arrayValue else { throw .invalid("scanType must be an array of 'barCode', 'qrCode', 'wxCode', 'datamatrix' or 'pdf417' (got \(types.typeName))") }
        for (i, t) in list.enumerated() where !scanTypes.contains(t.stringValue ?? "") {
            throw .invalid("scanType[\(i)] must be one of " + scanTypes.map { "'\($0)'" }.joined(separator: ", ") + " (got \(t.jsonText.prefix(40)))")
        }
    }

    static func vibration(_ a: APIArguments) throws(BridgeError) -> String {
        try a.oneOf("type", ["heavy", "medium", "light"], default: "medium")
    }

    static func enableDebug(_ a: APIArguments) throws(BridgeError) {
        guard case .bool? = a["enableDebug"] else {
            throw .invalid("enableDebug must be true or false (\(a.has("enableDebug") ? "got \(a["enableDebug"]!.typeName)" : "it is missing"))")
        }
    }

    /// `reportAnalytics(eventName, data)` / `reportEvent(eventId, data)`: synchronous, recorded as
    /// a `ui` event with the name and the data.
    static func analytics(_ api: String, nameField: String) -> HostAPI {
        let check: @Sendable (APIArguments) throws(BridgeError) -> [String: JSONValue] = { a throws(BridgeError) in
            let name = try a.string(nameField, maxLength: 128)!
            let data = a[ "data"] ?? .object([:])
            guard data == .null || data.objectValue != nil else { throw .invalid("data must be an object (got \(data.typeName))") }
            return [nameField: .string(name), "data": data == .null ? .object([:]) : data]
        }
        return HostAPI(name: api, positional: [nameField, "data"], syncOnly: true, validate: { a throws(BridgeError) in _ = try check(a) }) { call throws(BridgeError) in
            report(call, api, try check(call.arguments))
            return .empty
        }
    }
}
