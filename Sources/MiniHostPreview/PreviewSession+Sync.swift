import Foundation
import MiniHostCore
import MiniHostProtocol

/// Keeping browsers in step with the app's top page: after anything that may change it (a
/// setData, a page lifecycle hook, an action of the browser), the page stack, the page's data and
/// the view's changes are asked for in one batch; at most one batch is in flight, and one more is
/// made if something happened meanwhile.
extension PreviewSession {
    func requestSync(full: Bool) {
        let start = lock.withLock { () -> Bool? in
            if full { fullWanted = true }
            // Nothing to show: no browser, no app yet, or an app that ended (its exit stays shown).
            if clients.isEmpty || app == nil || app?.exit != nil { return nil }
            if syncInFlight { syncAgain = true; return nil }
            syncInFlight = true
            let wasFull = fullWanted
            fullWanted = false
            return wasFull
        }
        guard let full = start else { return }
        driver("stack") { [weak self] reply in
            if let stack = reply["value"]?.arrayValue { self?.lock.withLock { self?.lastStack = stack } }
        }
        driver("page") { [weak self] reply in
            guard let self, let value = reply["value"] else { return }
            self.broadcast("data", ["route": value["route"] ?? .null, "data": value["data"] ?? .object([:])])
        }
        driver("view.sync", ["full": .bool(full)]) { [weak self] reply in
            guard let self else { return }
            self.sendView(reply, full: full)
            let again = self.lock.withLock { () -> Bool in
                self.syncInFlight = false
                defer { self.syncAgain = false }
                return self.syncAgain
            }
            if again { self.requestSync(full: false) }
            self.sendPanels()
        }
    }

    /// A `page` or `patch` message from the view's answer; a page without a template is shown empty.
    private func sendView(_ reply: JSONValue, full: Bool) {
        let stack = lock.withLock { lastStack }
        let routes = JSONValue.array(stack.compactMap { $0["route"] })
        guard reply["ok"]?.boolValue == true, case var .object(view)? = reply["value"] else {
            let route = stack.last?["route"]?.stringValue ?? ""
            lock.withLock { sentScopes = [] }
            broadcast("page", ["key": .null, "route": .string(route), "window": .object(window(for: route)), "stack": routes,
                               "roots": .array([]), "nodes": .object([:]), "owners": .object([:]), "styles": .array([]),
                               "note": .string(reply["error"]?.stringValue ?? "")])
            return
        }
        let route = view["route"]?.stringValue ?? ""
        let isFull = view["full"]?.boolValue == true
        if isFull { lock.withLock { sentScopes = [] } }
        var styles: [JSONValue] = []
        if isFull, let css = translatedStyles(owner: route, scope: "") { styles.append(css) }
        for (_, owner) in view["owners"]?.objectValue ?? [:] {
            guard let scope = owner["scope"]?.stringValue, !scope.isEmpty, let path = owner["path"]?.stringValue else { continue }
            let isNew = lock.withLock { sentScopes.insert(scope).inserted }
            if isNew, let css = translatedStyles(owner: path, scope: scope) { styles.append(css) }
        }
        view["styles"] = .array(styles)
        view.removeValue(forKey: "full")
        if isFull {
            view["window"] = .object(window(for: route))
            view["stack"] = routes
            broadcast("page", view)
        } else {
            broadcast("patch", view)
        }
    }

    /// The stylesheet of a page (with app.wxss) or component as browser CSS; a stylesheet that
    /// does not parse is reported and skipped.
    private func translatedStyles(owner: String, scope: String) -> JSONValue? {
        let pkg = lock.withLock { package }
        do {
            let sheet = try pkg.stylesheet(for: owner)
            return .object(["scope": .string(scope), "path": .string(owner), "css": .string(WXSSTranslator.css(sheet.text, scope: scope))])
        } catch {
            broadcast("error", ["kind": .string("wxss"), "message": .string(error.description), "stack": .null])
            return nil
        }
    }

    /// app.json's `window` with the page's own .json over it (WeChat's page configuration).
    func window(for route: String) -> [String: JSONValue] {
        let pkg = lock.withLock { package }
        var window = Self.appWindow(pkg)
        if let data = pkg.files[route + ".json"], case let .object(page)? = JSONValue.parse(data) {
            for (key, value) in page where key != "usingComponents" && key != "component" { window[key] = value }
        }
        return window
    }

    /// app.json's `window`; a package without one (a W3C manifest) is titled with its name.
    static func appWindow(_ pkg: AppPackage) -> [String: JSONValue] {
        pkg.weChatApp?["window"]?.objectValue ?? ["navigationBarTitleText": .string(pkg.manifest.name)]
    }

    /// The first message of every connection: the app, its device, the frames to pick from, its
    /// window and tab bar.
    func helloMessage() -> String {
        let pkg = lock.withLock { package }
        let device = services.world.device
        let worldDevice = PreviewDevice(name: device.model, width: device.windowWidth ?? device.screenWidth,
                                        height: device.screenHeight, pixelRatio: device.pixelRatio)
        return JSONValue.object([
            "type": .string("hello"), "appId": .string(pkg.manifest.appId), "appName": .string(pkg.manifest.name),
            "device": worldDevice.json, "devices": .array(PreviewDevice.common.map(\.json)),
            "window": .object(Self.appWindow(pkg)),
            "tabBar": pkg.weChatApp?["tabBar"] ?? .null,
        ]).jsonText
    }
}

/// A phone frame the preview can show.
struct PreviewDevice {
    var name: String
    var width: Int
    var height: Int
    var pixelRatio: Double

    var json: JSONValue {
        .object(["name": .string(name), "width": .number(Double(width)), "height": .number(Double(height)), "pixelRatio": .number(pixelRatio)])
    }

    static let common = [
        PreviewDevice(name: "iPhone SE", width: 375, height: 667, pixelRatio: 2),
        PreviewDevice(name: "iPhone 14", width: 390, height: 844, pixelRatio: 3),
        PreviewDevice(name: "iPhone 14 Pro Max", width: 430, height: 932, pixelRatio: 3),
        PreviewDevice(name: "Pixel 7", width: 412, height: 915, pixelRatio: 2.625),
        PreviewDevice(name: "iPad mini", width: 768, height: 1024, pixelRatio: 2),
    ]
}
