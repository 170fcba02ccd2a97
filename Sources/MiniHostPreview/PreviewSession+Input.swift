import Foundation
import MiniHostProtocol

/// What a browser sends: taps, text, scrolling and changes on elements of the page (as the view
/// layer's driver requests, so WeChat's events follow), navigation, dialog answers and the world.
extension PreviewSession {
    func receive(_ text: String) {
        guard case let .object(m)? = JSONValue.parse(text), let type = m["type"]?.stringValue else { return }
        let id = m["id"]?.numberValue.map { JSONValue.number($0.rounded()) }
        switch type {
        case "tap", "longpress":
            if let id { act("view.\(type)", ["id": id]) }
        case "input":
            if let id { act("view.input", ["id": id, "value": .string(m["value"]?.stringValue ?? "")]) }
        case "confirm":
            if let id { act("view.trigger", ["id": id, "type": .string("confirm"), "detail": .object(["value": m["value"] ?? .string("")])]) }
        case "trigger":
            if let id, let event = m["event"]?.stringValue, !event.isEmpty {
                act("view.trigger", ["id": id, "type": .string(event), "detail": m["detail"] ?? .object([:])])
            }
        case "pageScroll":
            // WeChat calls the hooks only when the page defines them: a page without one answers
            // the driver's call with an error, which is no news to the person scrolling.
            if let top = m["scrollTop"]?.numberValue { driver("call", ["method": .string("onPageScroll"), "arg": .object(["scrollTop": .number(top)])]) }
        case "reachBottom":
            driver("call", ["method": .string("onReachBottom")])
        case "back":
            act("back")
        case "switchTab":
            if let url = m["url"]?.stringValue { act("navigate", ["url": .string(url), "kind": .string("switchTab")]) }
        case "answer":
            if let id = m["id"]?.numberValue {
                prompter.answer(id: Int(id), answer: m["answer"]?.stringValue ?? "deny",
                                pick: m["pick"]?.numberValue.map { Int($0) }, content: m["content"]?.stringValue)
            }
        case "location":
            if let lat = m["latitude"]?.numberValue, let lon = m["longitude"]?.numberValue { moveUser(latitude: lat, longitude: lon) }
        case "refresh":
            requestSync(full: true)
        default:
            break
        }
    }
}
