import Foundation
import MiniHostProtocol

/// `showModal` and `showActionSheet`: reported as `ui` events, then answered by the user through
/// the host's prompter (a policy's `modal` rule, the terminal, or a test's `app.nextPrompt()`).
/// With no one to answer, a modal is cancelled, as a consent prompt is denied.
struct ModalService {
    let services: HostServices

    var apis: [HostAPI] {
        [
            HostAPI(name: "showModal", mayBlock: true, validate: { a throws(BridgeError) in _ = try Self.modal(a) }) { [services] call throws(BridgeError) in
                let (args, _) = try Self.modal(call.arguments)
                call.session.report(.ui(api: "showModal", args: JSONValue.object(args).jsonText))
                let request = try Self.modalRequest(call)
                switch services.prompter.modal(request) {
                case let .confirm(content):
                    var out: [String: JSONValue] = ["confirm": .bool(true), "cancel": .bool(false)]
                    if request.editable { out["content"] = .string(content ?? "") }
                    return .value(.object(out))
                case .cancel:
                    var out: [String: JSONValue] = ["confirm": .bool(false), "cancel": .bool(true)]
                    if request.editable { out["content"] = .string("") }
                    return .value(.object(out))
                }
            },
            HostAPI(name: "showActionSheet", mayBlock: true, validate: { a throws(BridgeError) in _ = try Self.actionSheet(a) }) { [services] call throws(BridgeError) in
                let args = try Self.actionSheet(call.arguments)
                call.session.report(.ui(api: "showActionSheet", args: JSONValue.object(args).jsonText))
                let items = (args["itemList"]?.arrayValue ?? []).compactMap(\.stringValue)
                let alert = args["alertText"]?.stringValue
                let pick = services.prompter.choose(ChoiceRequest(
                    kind: .actionSheet, appId: call.app.appId, appName: call.app.manifest.name,
                    title: alert.map { "choose: " + $0 } ?? "choose an action", options: items))
                guard let pick, items.indices.contains(pick) else { throw BridgeError(.cancelled, "cancel") }
                return .value(.object(["tapIndex": .number(Double(pick))]))
            },
        ]
    }

    /// `showModal`'s arguments checked, defaults filled (and whether it is editable).
    static func modal(_ a: APIArguments) throws(BridgeError) -> ([String: JSONValue], Bool) {
        var out: [String: JSONValue] = [
            "title": .string(try a.string("title", required: false, nonEmpty: false, maxLength: 1024) ?? ""),
            "content": .string(try a.string("content", required: false, nonEmpty: false, maxLength: 4096) ?? ""),
            "showCancel": .bool(try a.bool("showCancel", default: true)),
            "cancelText": .string(try a.string("cancelText", required: false, nonEmpty: false, maxLength: 4) ?? "取消"),
            "cancelColor": .string(try UIFeedbackService.color(a, "cancelColor", required: false) ?? "#000000"),
            "confirmText": .string(try a.string("confirmText", required: false, nonEmpty: false, maxLength: 4) ?? "确定"),
            "confirmColor": .string(try UIFeedbackService.color(a, "confirmColor", required: false) ?? "#576B95"),
        ]
        let editable = try a.bool("editable", default: false)
        out["editable"] = .bool(editable)
        if let placeholder = try a.string("placeholderText", required: false, nonEmpty: false, maxLength: 1024) { out["placeholderText"] = .string(placeholder) }
        return (out, editable)
    }

    static func modalRequest(_ call: APICall) throws(BridgeError) -> ModalRequest {
        let (args, editable) = try modal(call.arguments)
        func text(_ key: String) -> String { args[key]?.stringValue ?? "" }
        return ModalRequest(
            appId: call.app.appId, appName: call.app.manifest.name, title: text("title"), content: text("content"),
            showCancel: args["showCancel"]?.boolValue ?? true, confirmText: text("confirmText"), cancelText: text("cancelText"),
            editable: editable, placeholderText: text("placeholderText"))
    }

    /// `showActionSheet`'s arguments checked (1 to 6 items, as WeChat allows), defaults filled.
    static func actionSheet(_ a: APIArguments) throws(BridgeError) -> [String: JSONValue] {
        guard let list = a["itemList"], list != .null else { throw .invalid("itemList must be an array of 1 to 6 strings (it is missing)") }
        guard let items = list.arrayValue else { throw .invalid("itemList must be an array of 1 to 6 strings (got \(list.typeName))") }
        guard (1...6).contains(items.count) else { throw .invalid("itemList must hold 1 to 6 items (got \(items.count))") }
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue else { throw .invalid("itemList[\(i)] must be a string (got \(item.typeName))") }
            if s.count > 1024 { throw .invalid("itemList[\(i)] must be a string of at most 1024 characters (got \(s.count))") }
        }
        var out: [String: JSONValue] = [
            "itemList": list,
            "itemColor": .string(try UIFeedbackService.color(a, "itemColor", required: false) ?? "#000000"),
        ]
        if let alert = try a.string("alertText", required: false, nonEmpty: false, maxLength: 1024) { out["alertText"] = .string(alert) }
        return out
    }
}
