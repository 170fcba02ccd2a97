import Foundation
import MiniHostProtocol

/// UI feedback without a screen: toasts, loading, the navigation bar, the background, scrolling,
/// pull-down refresh and the tab bar. Each call is checked as WeChat checks it and reported as a
/// `ui` event (`{"type":"ui","api":"showToast","args":{…}}`) with its arguments, defaults filled.
/// No permission: WeChat asks for none.
struct UIFeedbackService {
    var apis: [HostAPI] {
        [
            Self.api("showToast") { a throws(BridgeError) in
                [
                    "title": .string(try a.string("title", nonEmpty: false, maxLength: 1024)!),
                    "icon": .string(try a.oneOf("icon", ["success", "error", "loading", "none"], default: "success")),
                    "image": try a.string("image", required: false, maxLength: 1024).map(JSONValue.string) ?? .null,
                    "duration": .number(try a.number("duration", required: false, range: 0...86_400_000) ?? 1500),
                    "mask": .bool(try a.bool("mask", default: false)),
                ]
            },
            Self.api("hideToast") { _ throws(BridgeError) in [:] },
            Self.api("showLoading") { a throws(BridgeError) in
                ["title": .string(try a.string("title", nonEmpty: false, maxLength: 1024)!), "mask": .bool(try a.bool("mask", default: false))]
            },
            Self.api("hideLoading") { _ throws(BridgeError) in [:] },
            Self.api("setNavigationBarTitle") { a throws(BridgeError) in
                ["title": .string(try a.string("title", nonEmpty: false, maxLength: 1024)!)]
            },
            Self.api("setNavigationBarColor") { a throws(BridgeError) in
                [
                    "frontColor": .string(try a.oneOf("frontColor", ["#ffffff", "#000000"])),
                    "backgroundColor": .string(try Self.color(a, "backgroundColor", required: true)!),
                    "animation": try Self.object(a, "animation"),
                ]
            },
            Self.api("showNavigationBarLoading") { _ throws(BridgeError) in [:] },
            Self.api("hideNavigationBarLoading") { _ throws(BridgeError) in [:] },
            Self.api("setBackgroundColor") { a throws(BridgeError) in
                var out: [String: JSONValue] = [:]
                for field in ["backgroundColor", "backgroundColorTop", "backgroundColorBottom"] {
                    if let c = try Self.color(a, field, required: false) { out[field] = .string(c) }
                }
                return out
            },
            Self.api("setBackgroundTextStyle") { a throws(BridgeError) in
                ["textStyle": .string(try a.oneOf("textStyle", ["dark", "light"]))]
            },
            Self.api("pageScrollTo") { a throws(BridgeError) in
                let top = try a.number("scrollTop", required: false, range: 0...1e9)
                let selector = try a.string("selector", required: false, maxLength: 1024)
                guard top != nil || selector != nil else { throw .invalid("scrollTop or selector is required (neither was given)") }
                return [
                    "scrollTop": top.map(JSONValue.number) ?? .null, "selector": selector.map(JSONValue.string) ?? .null,
                    "offsetTop": .number(try a.number("offsetTop", required: false, range: -1e9...1e9) ?? 0),
                    "duration": .number(try a.number("duration", required: false, range: 0...86_400_000) ?? 300),
                ]
            },
            Self.api("startPullDownRefresh") { _ throws(BridgeError) in [:] },
            Self.api("stopPullDownRefresh") { _ throws(BridgeError) in [:] },
        ] + TabBarCalls.apis
    }

    /// A UI API: `check` validates the arguments (as WeChat does) and gives the event's `args`.
    static func api(_ name: String, check: @escaping @Sendable (APIArguments) throws(BridgeError) -> [String: JSONValue]) -> HostAPI {
        HostAPI(name: name, validate: { a throws(BridgeError) in _ = try check(a) }) { call throws(BridgeError) in
            let args = try check(call.arguments).filter { $0.value != .null }
            call.session.report(.ui(api: name, args: JSONValue.object(args).jsonText))
            return .empty
        }
    }

    /// A CSS hex color (`#rgb`, `#rrggbb`, `#rrggbbaa`).
    static func color(_ a: APIArguments, _ field: String, required: Bool) throws(BridgeError) -> String? {
        guard let s = try a.string(field, required: required, maxLength: 9) else { return nil }
        let hex = s.dropFirst()
        guard s.first == "#", [3, 6, 8].contains(hex.count), hex.allSatisfy(\.isHexDigit) else {
            throw .invalid("\(field) must be a hex color such as '#ff0000' (got '\(s)')")
        }
        return s
    }

    /// An optional object field (null when absent).
    static func object(_ a: APIArguments, _ field: String) throws(BridgeError) -> JSONValue {
        guard let v = a[field], v != .null else { return .null }
        guard v.objectValue != nil else { throw .invalid("\(field) must be an object (got \(v.typeName))") }
        return v
    }
}

/// The tab bar calls: each names a tab by its `index` in app.json's `tabBar.list`.
enum TabBarCalls {
    static var apis: [HostAPI] {
        [
            tab("setTabBarBadge") { a throws(BridgeError) in ["text": .string(try a.string("text", nonEmpty: false, maxLength: 64)!)] },
            tab("removeTabBarBadge") { _ throws(BridgeError) in [:] },
            tab("showTabBarRedDot") { _ throws(BridgeError) in [:] },
            tab("hideTabBarRedDot") { _ throws(BridgeError) in [:] },
            tab("setTabBarItem") { a throws(BridgeError) in
                var out: [String: JSONValue] = [:]
                for field in ["text", "iconPath", "selectedIconPath", "pagePath"] {
                    if let s = try a.string(field, required: false, nonEmpty: false, maxLength: 1024) { out[field] = .string(s) }
                }
                return out
            },
            bar("showTabBar") { a throws(BridgeError) in ["animation": .bool(try a.bool("animation", default: false))] },
            bar("hideTabBar") { a throws(BridgeError) in ["animation": .bool(try a.bool("animation", default: false))] },
            bar("setTabBarStyle") { a throws(BridgeError) in
                var out: [String: JSONValue] = [:]
                for field in ["color", "selectedColor", "backgroundColor"] {
                    if let c = try UIFeedbackService.color(a, field, required: false) { out[field] = .string(c) }
                }
                if a.has("borderStyle") { out["borderStyle"] = .string(try a.oneOf("borderStyle", ["black", "white"])) }
                return out
            },
        ]
    }

    /// A call about the whole tab bar: the app must have one.
    static func bar(_ name: String, check: @escaping @Sendable (APIArguments) throws(BridgeError) -> [String: JSONValue]) -> HostAPI {
        HostAPI(name: name, validate: { a throws(BridgeError) in _ = try check(a) }) { call throws(BridgeError) in
            try requireTabBar(call.app)
            let args = try check(call.arguments)
            call.session.report(.ui(api: name, args: JSONValue.object(args).jsonText))
            return .empty
        }
    }

    /// A call about one tab: `index` must name an item of the app's tab bar.
    static func tab(_ name: String, check: @escaping @Sendable (APIArguments) throws(BridgeError) -> [String: JSONValue]) -> HostAPI {
        let full: @Sendable (APIArguments) throws(BridgeError) -> [String: JSONValue] = { a throws(BridgeError) in
            var args = try check(a)
            args["index"] = .number(try a.number("index", integer: true, range: 0...4)!)
            return args
        }
        return HostAPI(name: name, validate: { a throws(BridgeError) in _ = try full(a) }) { call throws(BridgeError) in
            let args = try full(call.arguments)
            let count = try requireTabBar(call.app)
            if let index = args["index"]?.numberValue.map({ Int($0) }), index >= count {
                throw .invalid("index must name a tab from 0 to \(count - 1) (tabBar.list has \(count) item\(count == 1 ? "" : "s"); got \(index))")
            }
            call.session.report(.ui(api: name, args: JSONValue.object(args).jsonText))
            return .empty
        }
    }

    /// The number of tabs; an app without a tab bar fails as WeChat's does.
    @discardableResult
    static func requireTabBar(_ app: AppIdentity) throws(BridgeError) -> Int {
        guard !app.tabBarPages.isEmpty else {
            throw BridgeError(.serviceUnavailable, "not TabBar page: the app has no tab bar (app.json tabBar.list is empty)")
        }
        return app.tabBarPages.count
    }
}
