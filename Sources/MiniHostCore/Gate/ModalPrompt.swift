/// A dialog an app shows with `showModal`: the user confirms or cancels (and, when it is
/// `editable`, types the text it confirms). Every text may come from the app (hostile):
/// prompters show it through ``PromptText/sanitize(_:maxLength:)``.
public struct ModalRequest: Sendable, Equatable {
    public var appId: String
    public var appName: String
    public var title: String
    public var content: String
    public var showCancel: Bool
    public var confirmText: String
    public var cancelText: String
    public var editable: Bool
    public var placeholderText: String

    public init(appId: String, appName: String, title: String, content: String, showCancel: Bool = true,
                confirmText: String = "确定", cancelText: String = "取消", editable: Bool = false, placeholderText: String = "") {
        self.appId = appId
        self.appName = appName
        self.title = title
        self.content = content
        self.showCancel = showCancel
        self.confirmText = confirmText
        self.cancelText = cancelText
        self.editable = editable
        self.placeholderText = placeholderText
    }
}

/// How the user closed a modal: confirmed (with the text typed, for an editable one) or cancelled.
public enum ModalAnswer: Sendable, Equatable {
    case confirm(content: String?)
    case cancel

    /// The answer when the modal offers no cancel button: cancelling is confirming.
    func respecting(_ request: ModalRequest) -> ModalAnswer {
        if case .cancel = self, !request.showCancel { return .confirm(content: request.editable ? request.content : nil) }
        return self
    }
}
