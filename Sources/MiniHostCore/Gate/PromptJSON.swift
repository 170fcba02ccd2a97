import MiniHostProtocol

/// Prompts as JSON objects, the shape a test's `app.nextPrompt()` and the browser preview's
/// dialogs get: `type` (`permission`, `payment`, `chat`, `settings`, `modal`, `actionSheet`,
/// `picker`), the app, the title and what the prompt offers.
extension PromptRequest {
    public var json: String {
        var fields: [(String, String)] = []
        switch kind {
        case let .permission(p):
            fields.append(("type", JSONText.quote("permission")))
            fields.append(("permission", JSONText.quote(p.rawValue)))
        case .payment: fields.append(("type", JSONText.quote("payment")))
        case .chatMessage: fields.append(("type", JSONText.quote("chat")))
        case .settings: fields.append(("type", JSONText.quote("settings")))
        }
        fields.append(("appId", JSONText.quote(appId)))
        fields.append(("appName", JSONText.quote(appName)))
        fields.append(("title", JSONText.quote(title)))
        fields.append(("reason", reason.map { JSONText.quote($0) } ?? "null"))
        fields.append(("details", JSONText.object(details.map { ($0.label, JSONText.quote($0.value)) })))
        return JSONText.object(fields)
    }
}

extension ModalRequest {
    public var json: String {
        JSONText.object([
            ("type", JSONText.quote("modal")), ("appId", JSONText.quote(appId)), ("appName", JSONText.quote(appName)),
            ("title", JSONText.quote(title)), ("content", JSONText.quote(content)),
            ("showCancel", showCancel ? "true" : "false"), ("editable", editable ? "true" : "false"),
            ("confirmText", JSONText.quote(confirmText)), ("cancelText", JSONText.quote(cancelText)),
        ])
    }
}

extension ChoiceRequest {
    public var json: String {
        JSONText.object([
            ("type", JSONText.quote(kind == .actionSheet ? "actionSheet" : "picker")), ("kind", JSONText.quote(kind.rawValue)),
            ("appId", JSONText.quote(appId)), ("appName", JSONText.quote(appName)),
            ("title", JSONText.quote(title)),
            ("options", "[" + options.map { JSONText.quote($0) }.joined(separator: ",") + "]"),
        ])
    }
}
