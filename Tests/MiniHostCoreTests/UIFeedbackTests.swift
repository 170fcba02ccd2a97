import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore

/// The UI feedback APIs on the host side: each call is checked as WeChat checks it and reported
/// as a `ui` event; `showModal` and `showActionSheet` are answered by the prompter.
@Suite struct UIFeedbackTests {
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [RuntimeEvent] = []
        func add(_ e: RuntimeEvent) { lock.withLock { events.append(e) } }
        var all: [RuntimeEvent] { lock.withLock { events } }
    }

    func bridge(_ prompter: Prompter, tabs: [String] = [], reports: Reports) throws -> AppBridge {
        let services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: prompter)
        let manifest = try Manifest.parse(Data(#"{"app_id": "org.test.ui", "name": "UI", "pages": ["p/a", "p/b"]}"#.utf8), file: "t")
        return AppBridge(app: AppIdentity(manifest: manifest, tabBarPages: tabs), registry: .standard(services: services), services: services,
                         reporter: { reports.add($0) })
    }

    func call(_ b: AppBridge, _ api: String, _ args: [String: JSONValue]) -> Result<BridgeValue, BridgeError> {
        b.handle(BridgeCall(id: 1, api: api, arguments: .object(args)))
    }

    func reason(_ r: Result<BridgeValue, BridgeError>) -> String? {
        if case let .failure(e) = r { return "\(e.code.rawValue) \(e.reason)" }
        return nil
    }

    @Test func aToastIsReportedWithItsDefaults() throws {
        let reports = Reports()
        let b = try bridge(ScriptedPrompter(), reports: reports)
        #expect(try call(b, "showToast", ["title": .string("Saved")]).get() == .empty)
        #expect(try call(b, "hideToast", [:]).get() == .empty)
        guard case let .ui(api, args)? = reports.all.first else { Issue.record("no ui event: \(reports.all)"); return }
        #expect(api == "showToast")
        #expect(JSONValue.parse(Data(args.utf8)) == .object(["title": .string("Saved"), "icon": .string("success"), "duration": .number(1500), "mask": .bool(false)]))
        #expect(reports.all.last == .ui(api: "hideToast", args: "{}"))
        #expect(RuntimeEvent.ui(api: "hideToast", args: "{}").jsonLine(app: "a") == #"{"type":"ui","app":"a","api":"hideToast","args":{}}"#)
    }

    @Test func badArgumentsFailWith1001NamingTheFieldAndReportNothing() throws {
        let reports = Reports()
        let b = try bridge(ScriptedPrompter(), reports: reports)
        #expect(reason(call(b, "showToast", [:]))?.hasPrefix("1001 invalid argument: title must be a string") == true)
        #expect(reason(call(b, "showToast", ["title": .string("t"), "icon": .string("warn")]))?.contains("icon must be one of") == true)
        #expect(reason(call(b, "setNavigationBarColor", ["frontColor": .string("#000000"), "backgroundColor": .string("red")]))?.contains("backgroundColor must be a hex color") == true)
        #expect(reason(call(b, "pageScrollTo", [:]))?.contains("scrollTop or selector is required") == true)
        let seven = JSONValue.array((1...7).map { .string("item \($0)") })
        #expect(reason(call(b, "showActionSheet", ["itemList": seven])) == "1001 invalid argument: itemList must hold 1 to 6 items (got 7)")
        #expect(reason(call(b, "showActionSheet", ["itemList": .array([.string("a"), .number(2)])])) == "1001 invalid argument: itemList[1] must be a string (got a number)")
        #expect(reason(call(b, "showModal", ["cancelText": .string("not this")]))?.contains("cancelText must be a string of at most 4 characters") == true)
        #expect(reports.all.isEmpty)
    }

    @Test func aModalIsAnsweredByThePrompter() throws {
        let prompter = ScriptedPrompter()
        prompter.enqueueModals(.confirm(content: nil), .cancel, .confirm(content: "typed"))
        let reports = Reports()
        let b = try bridge(prompter, reports: reports)
        #expect(try call(b, "showModal", ["title": .string("Delete?"), "content": .string("The item goes")]).get() == .value(.object(["confirm": .bool(true), "cancel": .bool(false)])))
        #expect(try call(b, "showModal", ["title": .string("Delete?")]).get() == .value(.object(["confirm": .bool(false), "cancel": .bool(true)])))
        let edited = try call(b, "showModal", ["title": .string("Name"), "editable": .bool(true)]).get()
        #expect(edited == .value(.object(["confirm": .bool(true), "cancel": .bool(false), "content": .string("typed")])))
        #expect(prompter.modalRequests.map(\.title) == ["Delete?", "Delete?", "Name"])
        #expect(prompter.modalRequests.first?.content == "The item goes")
        #expect(prompter.modalRequests.first?.confirmText == "确定")
        #expect(reports.all.count == 3)
    }

    @Test func anActionSheetGivesTheTappedIndexOrFailsWithCancel() throws {
        let prompter = ScriptedPrompter()
        prompter.enqueuePicks(1, nil)
        let b = try bridge(prompter, reports: Reports())
        let items: [String: JSONValue] = ["itemList": .array([.string("Share"), .string("Delete")]), "alertText": .string("Item")]
        #expect(try call(b, "showActionSheet", items).get() == .value(.object(["tapIndex": .number(1)])))
        #expect(reason(call(b, "showActionSheet", items)) == "1004 cancel")
        #expect(prompter.choiceRequests.first?.kind == .actionSheet)
        #expect(prompter.choiceRequests.first?.options == ["Share", "Delete"])
    }

    @Test func thePolicysModalRuleConfirmsOrCancels() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-policy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"modal": "confirm"}"#.utf8).write(to: file)
        let confirm = try PolicyPrompter.parse(grant: [], deny: [], policyFile: file)
        let request = ModalRequest(appId: "a", appName: "A", title: "t", content: "draft", editable: true)
        #expect(confirm.modal(request) == .confirm(content: "draft"))
        #expect(confirm.choose(ChoiceRequest(kind: .actionSheet, appId: "a", appName: "A", title: "t", options: ["x", "y"])) == 0)
        let cancel = try PolicyPrompter.parse(grant: [], deny: ["modal"], policyFile: nil)
        #expect(cancel.modal(request) == .cancel)
        #expect(cancel.choose(ChoiceRequest(kind: .actionSheet, appId: "a", appName: "A", title: "t", options: ["x"])) == nil)
        // A modal without a cancel button cannot be cancelled.
        var noCancel = request
        noCancel.showCancel = false
        #expect(cancel.modal(noCancel) == .confirm(content: "draft"))
        // No policy and no terminal: cancelled, as a consent prompt is denied.
        #expect(PolicyPrompter().modal(request) == .cancel)
        try Data(#"{"modal": "maybe"}"#.utf8).write(to: file)
        #expect(throws: PolicyError.self) { _ = try PolicyPrompter.parse(grant: [], deny: [], policyFile: file) }
    }

    @Test func tabBarCallsNeedATabBarAndATabOfIt() throws {
        let reports = Reports()
        let none = try bridge(ScriptedPrompter(), reports: reports)
        #expect(reason(call(none, "setTabBarBadge", ["index": .number(0), "text": .string("1")]))?.hasPrefix("1008 not TabBar page") == true)
        #expect(reason(call(none, "hideTabBar", [:]))?.hasPrefix("1008 not TabBar page") == true)
        let b = try bridge(ScriptedPrompter(), tabs: ["p/a", "p/b"], reports: reports)
        #expect(try call(b, "setTabBarBadge", ["index": .number(1), "text": .string("3")]).get() == .empty)
        #expect(reason(call(b, "setTabBarBadge", ["index": .number(2), "text": .string("3")])) == "1001 invalid argument: index must name a tab from 0 to 1 (tabBar.list has 2 items; got 2)")
        #expect(reason(call(b, "showTabBarRedDot", ["index": .number(0.5)]))?.contains("index must be an integer") == true)
        #expect(reason(call(b, "setTabBarStyle", ["borderStyle": .string("grey")]))?.contains("borderStyle must be one of 'black', 'white'") == true)
        #expect(reports.all.map(\.type) == ["ui"])
    }
}
