import Foundation
import Testing

@testable import MiniHostCore

/// A valid manifest as a JSON object; tests change members and serialise it.
private func baseManifest() -> [String: Any] {
    [
        "app_id": "org.example.hello",
        "name": "Hello",
        "pages": ["pages/index/index", "pages/about/about"],
    ]
}

/// `baseManifest()` with `changes` applied (NSNull() in `changes` removes the member).
private func json(_ changes: [String: Any] = [:]) -> Data {
    var object = baseManifest()
    for (key, value) in changes {
        if value is NSNull { object[key] = nil } else { object[key] = value }
    }
    return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

private func parse(_ data: Data) throws(ManifestError) -> Manifest {
    try Manifest.parse(data, file: "manifests/org.example.hello.json")
}

private func parse(_ text: String) throws(ManifestError) -> Manifest {
    try parse(Data(text.utf8))
}

/// The problems `data` produces; records a test failure if it parses.
private func problems(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> [ManifestProblem] {
    do {
        let m = try parse(data)
        Issue.record("expected problems, but the manifest parsed: \(m)", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.problems
    }
}

private func problems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ManifestProblem] {
    problems(Data(text.utf8), sourceLocation: sourceLocation)
}

private func problems(_ changes: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) -> [ManifestProblem] {
    problems(json(changes), sourceLocation: sourceLocation)
}

/// The single problem for `changes`, checked to be on `field`.
private func expectProblem(
    _ changes: [String: Any], field: String?, contains text: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let found = problems(changes, sourceLocation: sourceLocation)
    #expect(found.count == 1, "problems: \(found)", sourceLocation: sourceLocation)
    #expect(found.first?.field == field, "problems: \(found)", sourceLocation: sourceLocation)
    #expect(found.first?.file == "manifests/org.example.hello.json", sourceLocation: sourceLocation)
    if let text {
        #expect(found.first?.message.contains(text) == true, "message: \(found.first?.message ?? "-")", sourceLocation: sourceLocation)
    }
}

@Suite struct ManifestParsingTests {
    @Test func fullManifestParsesWithItsValues() throws {
        let text = """
            {
              "app_id": "org.example.hello",
              "name": "Hello World",
              "version": {"code": 3, "name": "1.2.0"},
              "pages": ["pages/index/index", "pages/map/map"],
              "platform_version": {"min_code": 1, "target_code": 2, "release_type": "Beta1"},
              "req_permissions": [
                {"name": "scope.userFuzzyLocation", "reason": "To show nearby shops"},
                {"name": "payment"}
              ],
              "opt_permissions": [{"name": "chat.send", "reason": "Share a shop"}],
              "window": {"navigation_bar_title_text": "Hello", "fullscreen": false, "design_width": 750},
              "package": "../miniprograms/hello",
              "digest": "sha256:\(String(repeating: "ab", count: 32))",
              "merchant": {"id": "m-42", "name": "Corner Coffee"},
              "limits": {"cpu_ms": 500, "memory_mb": 128},
              "icons": [{"src": "icon.png"}]
            }
            """
        let m = try parse(text)
        #expect(m.appId == "org.example.hello")
        #expect(m.name == "Hello World")
        #expect(m.version == ManifestVersion(code: 3, name: "1.2.0"))
        #expect(m.pages == ["pages/index/index", "pages/map/map"])
        #expect(m.entryPage == "pages/index/index")
        #expect(m.platformVersion == ["min_code": 1, "target_code": 2])
        #expect(m.reqPermissions == [
            PermissionRequest(permission: .locationCoarse, reason: "To show nearby shops"),
            PermissionRequest(permission: .payment, reason: nil),
        ])
        #expect(m.optPermissions == [PermissionRequest(permission: .chatSend, reason: "Share a shop")])
        #expect(m.declaredPermissions == [.locationCoarse, .payment, .chatSend, .storage])
        #expect(m.reason(for: .locationCoarse) == "To show nearby shops")
        #expect(m.reason(for: .chatSend) == "Share a shop")
        #expect(m.reason(for: .payment) == nil)
        #expect(m.reason(for: .contacts) == nil)
        #expect(m.window == ["navigation_bar_title_text": "Hello"])
        #expect(m.packagePath == "../miniprograms/hello")
        #expect(m.digest == "sha256:" + String(repeating: "ab", count: 32))
        #expect(m.merchant == Merchant(id: "m-42", name: "Corner Coffee"))
        #expect(m.limits == AppLimits(cpuMs: 500, memoryMb: 128, storageMb: 10))
    }

    @Test func minimalManifestGetsDefaults() throws {
        let m = try parse(json())
        #expect(m.version == nil)
        #expect(m.platformVersion == nil)
        #expect(m.reqPermissions.isEmpty)
        #expect(m.optPermissions.isEmpty)
        #expect(m.window == nil)
        #expect(m.packagePath == nil)
        #expect(m.digest == nil)
        #expect(m.merchant == nil)
        #expect(m.limits == .default)
        #expect(AppLimits.default == AppLimits(cpuMs: 200, memoryMb: 256, storageMb: 10))
        #expect(m.declaredPermissions == [.storage])
        #expect(m.entryPage == "pages/index/index")
    }

    @Test func limitBoundariesAreAccepted() throws {
        let low = try parse(json(["limits": ["cpu_ms": 1, "memory_mb": 16, "storage_mb": 1]]))
        #expect(low.limits == AppLimits(cpuMs: 1, memoryMb: 16, storageMb: 1))
        let high = try parse(json(["limits": ["cpu_ms": 10_000, "memory_mb": 4096, "storage_mb": 10]]))
        #expect(high.limits == AppLimits(cpuMs: 10_000, memoryMb: 4096, storageMb: 10))
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + json()
        #expect(try parse(data).appId == "org.example.hello")
    }
}

@Suite struct PermissionNameTests {
    @Test func canonicalNames() {
        for p in Permission.allCases {
            #expect(Permission(name: p.rawValue) == p)
        }
        #expect(Permission(name: "location.coarse") == .locationCoarse)
        #expect(Permission(name: "chat.read") == .chatRead)
    }

    @Test func aliases() {
        #expect(Permission(name: "scope.userLocation") == .location)
        #expect(Permission(name: "scope.userFuzzyLocation") == .locationCoarse)
        #expect(Permission(name: "scope.userLocationBackground") == .locationBackground)
        #expect(Permission(name: "system.permission.LOCATION") == .location)
    }

    @Test func unknownNames() {
        #expect(Permission(name: "camera") == nil)
        #expect(Permission(name: "scope.camera") == nil)
        #expect(Permission(name: "Location") == nil)
        #expect(Permission(name: "") == nil)
        #expect(Permission(name: "locationCoarse") == nil)
    }
}

@Suite struct ManifestProblemTests {
    @Test func problemDescriptions() {
        let p = ManifestProblem(file: "manifests/org.x.json", field: "app_id", message: "is missing")
        #expect(p.description == "manifests/org.x.json: app_id: is missing")
        let q = ManifestProblem(file: "manifests/org.x.json", field: nil, message: "is not valid JSON")
        #expect(q.description == "manifests/org.x.json: is not valid JSON")
        let e = ManifestError(problems: [p, q])
        #expect(e.description == "manifests/org.x.json: app_id: is missing\nmanifests/org.x.json: is not valid JSON")
    }

    @Test func notJSONGivesPosition() {
        let found = problems("{\n  \"app_id\": \"org.example.hello\",\n  \"name\": ,\n}")
        #expect(found.count == 1)
        #expect(found.first?.field == nil)
        let message = found.first?.message ?? ""
        #expect(message.contains("is not valid JSON"))
        #expect(message.contains("line 3, column 11"), "\(message)")
    }

    @Test(arguments: ["", "   ", "{", "{\"a\": 1,}", "{\"a\" 1}", "[1, 2", "{\"a\": tru}", "{\"a\": 01}", "{} {}", "{\"a\": \"\u{01}\"}"])
    func malformedJSONIsRejected(text: String) {
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.field == nil)
        #expect(found.first?.message.contains("is not valid JSON") == true, "\(found)")
    }

    @Test(arguments: ["[1, 2]", "\"org.example.app\"", "42", "null", "true"])
    func nonObjectIsRejected(text: String) {
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.field == nil)
        #expect(found.first?.message.contains("must contain a JSON object") == true, "\(found)")
    }

    @Test func appIdProblems() {
        expectProblem(["app_id": NSNull()], field: "app_id", contains: "is missing")
        expectProblem(["app_id": 42], field: "app_id", contains: "must be a string")
        expectProblem(["app_id": ""], field: "app_id", contains: "must not be empty")
        expectProblem(["app_id": "hello"], field: "app_id", contains: "must be a reverse-domain id like org.example.app or a WeChat appid like wx0123456789abcdef (got \"hello\")")
        for bad in ["1org.example", "org..example", "org.example.", ".org.example", "org.-x", "org.ex ample", "org/example.x", "örg.example"] {
            expectProblem(["app_id": bad], field: "app_id", contains: "reverse-domain")
        }
        let long = "org." + String(repeating: "a", count: 130)
        expectProblem(["app_id": long], field: "app_id", contains: "at most 128")
    }

    @Test func validAppIds() throws {
        for id in ["org.example.app", "com.a-b.c_d", "a.b", "Org.Example.App9", "com.example.0day", "cn.example._x"] {
            #expect(try parse(json(["app_id": id])).appId == id)
        }
    }

    @Test func nameProblems() {
        expectProblem(["name": NSNull()], field: "name", contains: "is missing")
        expectProblem(["name": ""], field: "name", contains: "must not be empty")
        expectProblem(["name": "  "], field: "name", contains: "must not be empty")
        expectProblem(["name": ["x"]], field: "name", contains: "must be a string (got an array)")
        expectProblem(["name": String(repeating: "n", count: 65)], field: "name", contains: "at most 64")
    }

    @Test func nameOf64CharactersIsAccepted() throws {
        let name = String(repeating: "名", count: 64)
        #expect(try parse(json(["name": name])).name == name)
    }

    @Test func versionProblems() {
        expectProblem(["version": "1.0"], field: "version", contains: "must be an object")
        expectProblem(["version": ["code": -1, "name": "1.0"]], field: "version.code", contains: "0 or more")
        expectProblem(["version": ["code": "1", "name": "1.0"]], field: "version.code", contains: "must be an integer")
        expectProblem(["version": ["code": 1]], field: "version.name", contains: "is missing")
    }

    @Test func pagesProblems() {
        expectProblem(["pages": NSNull()], field: "pages", contains: "is missing")
        expectProblem(["pages": "pages/index/index"], field: "pages", contains: "must be an array")
        expectProblem(["pages": [String]()], field: "pages", contains: "at least one page")
        expectProblem(["pages": ["pages/index/index", 7]], field: "pages[1]", contains: "must be a string")
        expectProblem(["pages": ["pages/a/a", "pages/b/b", "pages/a/a"]], field: "pages[2]", contains: "duplicates pages[0]")
        expectProblem(["pages": ["/pages/index/index"]], field: "pages[0]", contains: "relative")
        expectProblem(["pages": ["pages/../../etc/passwd"]], field: "pages[0]", contains: "..")
        expectProblem(["pages": ["pages/index/index", ".."]], field: "pages[1]", contains: "..")
        expectProblem(["pages": ["pages\\index\\index"]], field: "pages[0]", contains: "'/'")
        expectProblem(["pages": ["pages/index/index.js"]], field: "pages[0]", contains: ".js")
        expectProblem(["pages": [""]], field: "pages[0]", contains: "empty")
        expectProblem(["pages": ["pages//index"]], field: "pages[0]", contains: "segments")
        expectProblem(["pages": ["./pages/index"]], field: "pages[0]", contains: "segments")
        expectProblem(["pages": ["pages/index/"]], field: "pages[0]", contains: "segments")
    }

    @Test func unknownPermissionListsKnownNamesAndAliases() {
        let found = problems(["req_permissions": [["name": "location"], ["name": "camera"]]])
        #expect(found.count == 1)
        #expect(found.first?.field == "req_permissions[1].name")
        let message = found.first?.message ?? ""
        #expect(message.hasPrefix("unknown permission \"camera\"; known: location, location.coarse, location.background, payment, chat.read, chat.send, contacts, storage, userInfo, clipboard.read"), "\(message)")
        #expect(message.contains("scope.userLocation"))
        #expect(message.contains("system.permission.LOCATION"))
    }

    @Test func permissionEntryShapes() {
        expectProblem(["req_permissions": "location"], field: "req_permissions", contains: "must be an array")
        expectProblem(["req_permissions": ["location"]], field: "req_permissions[0]", contains: "must be an object")
        expectProblem(["opt_permissions": [["reason": "x"]]], field: "opt_permissions[0].name", contains: "is missing")
        expectProblem(["opt_permissions": [["name": 3]]], field: "opt_permissions[0].name", contains: "must be a string")
    }

    @Test func duplicatePermissions() {
        // The alias and the canonical name are the same permission.
        expectProblem(
            ["req_permissions": [["name": "location"], ["name": "scope.userLocation"]]],
            field: "req_permissions[1].name", contains: "duplicates req_permissions[0]")
        expectProblem(
            ["opt_permissions": [["name": "payment"], ["name": "contacts"], ["name": "payment"]]],
            field: "opt_permissions[2].name", contains: "duplicates opt_permissions[0]")
    }

    @Test func permissionInBothLists() {
        expectProblem(
            ["req_permissions": [["name": "contacts"], ["name": "payment"]], "opt_permissions": [["name": "payment"]]],
            field: "opt_permissions[0].name", contains: "also in req_permissions[1]")
    }

    @Test func reasonProblems() {
        expectProblem(["req_permissions": [["name": "location", "reason": 5]]], field: "req_permissions[0].reason", contains: "must be a string")
        expectProblem(
            ["opt_permissions": [["name": "location", "reason": String(repeating: "r", count: 501)]]],
            field: "opt_permissions[0].reason", contains: "at most 500")
    }

    @Test func reasonOf500CharactersIsAccepted() throws {
        let reason = String(repeating: "r", count: 500)
        let m = try parse(json(["req_permissions": [["name": "location", "reason": reason]]]))
        #expect(m.reason(for: .location) == reason)
    }

    @Test func limitsProblems() {
        expectProblem(["limits": 5], field: "limits", contains: "must be an object")
        expectProblem(["limits": ["cpu_ms": "100"]], field: "limits.cpu_ms", contains: "must be an integer between 1 and 10000 (got a string)")
        expectProblem(["limits": ["cpu_ms": 0]], field: "limits.cpu_ms", contains: "between 1 and 10000 (got 0)")
        expectProblem(["limits": ["cpu_ms": 10_001]], field: "limits.cpu_ms", contains: "between 1 and 10000")
        expectProblem(["limits": ["memory_mb": 8]], field: "limits.memory_mb", contains: "between 16 and 4096 (got 8)")
        expectProblem(["limits": ["memory_mb": 5000]], field: "limits.memory_mb", contains: "between 16 and 4096")
        expectProblem(["limits": ["storage_mb": 11]], field: "limits.storage_mb", contains: "between 1 and 10 (got 11)")
        expectProblem(["limits": ["storage_mb": 1.5]], field: "limits.storage_mb", contains: "must be an integer")
        expectProblem(["limits": ["storage_mb": true]], field: "limits.storage_mb", contains: "must be an integer")
        expectProblem(["limits": ["cpu": 100]], field: "limits.cpu", contains: "not a known limit")
    }

    @Test func hugeIntegerLimitIsAProblemNotACrash() {
        let found = problems("{\"app_id\": \"org.example.hello\", \"name\": \"x\", \"pages\": [\"p/i\"], \"limits\": {\"cpu_ms\": 99999999999999999999999}}")
        #expect(found.map(\.field) == ["limits.cpu_ms"])
    }

    @Test func digestProblems() {
        let hex = String(repeating: "0f", count: 32)
        expectProblem(["digest": "abc"], field: "digest", contains: "sha256:<64 lowercase hex digits>")
        expectProblem(["digest": "sha256:" + hex.uppercased()], field: "digest", contains: "lowercase")
        expectProblem(["digest": "sha256:" + hex.dropLast()], field: "digest")
        expectProblem(["digest": "sha256:" + hex + "0"], field: "digest")
        expectProblem(["digest": "md5:" + hex], field: "digest")
        expectProblem(["digest": 12], field: "digest", contains: "must be a string")
    }

    @Test func merchantProblems() {
        expectProblem(["merchant": "shop"], field: "merchant", contains: "must be an object")
        let found = problems(["merchant": [String: String]()])
        #expect(found.map(\.field) == ["merchant.id", "merchant.name"])
        expectProblem(["merchant": ["id": "m1", "name": ""]], field: "merchant.name", contains: "must not be empty")
    }

    @Test func packageProblems() {
        expectProblem(["package": 42], field: "package", contains: "must be a string")
        expectProblem(["package": ""], field: "package", contains: "must not be empty")
        expectProblem(["package": "/usr/lib"], field: "package", contains: "relative")
    }

    @Test func otherObjectMembersMustBeObjects() {
        expectProblem(["window": "dark"], field: "window", contains: "must be an object")
        expectProblem(["platform_version": 2], field: "platform_version", contains: "must be an object")
    }

    @Test func allProblemsAreReportedTogether() {
        let found = problems([
            "app_id": NSNull(),
            "name": 3,
            "pages": [String](),
            "req_permissions": [["name": "camera"]],
            "limits": ["cpu_ms": 0, "storage_mb": 99],
            "digest": "nope",
        ])
        let fields = Set(found.compactMap(\.field))
        #expect(fields == ["app_id", "name", "pages", "req_permissions[0].name", "limits.cpu_ms", "limits.storage_mb", "digest"], "\(found)")
        #expect(found.allSatisfy { $0.file == "manifests/org.example.hello.json" })
        // The error's text has one line per problem.
        do {
            _ = try parse(json(["app_id": NSNull(), "name": 3]))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.split(separator: "\n").count == 2)
        }
    }

    @Test func duplicateKeysAreReported() {
        let found = problems("{\"app_id\": \"org.example.hello\", \"name\": \"A\", \"name\": \"B\", \"pages\": [\"p/i\"]}")
        #expect(found.map(\.field) == ["name"])
        #expect(found.first?.message.contains("more than once") == true)
    }

    @Test func oversizedManifestIsRejected() {
        var text = "{\"app_id\": \"org.example.hello\", \"name\": \"A\", \"pages\": [\"p/i\"], \"x\": \""
        text += String(repeating: "a", count: 1 << 20)
        text += "\"}"
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("1 MiB") == true)
    }

    @Test func hostileJSONDoesNotCrash() {
        let deep = String(repeating: "[", count: 200_000)
        #expect(problems(deep).first?.message.contains("nesting") == true)
        let deepObject = "{\"a\":" + String(repeating: "{\"a\":", count: 100_000)
        #expect(problems(deepObject).count == 1)
        #expect(problems(Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])).count == 1)  // {"\xff\xfe":1}
        #expect(problems("{\"a\": \"\\ud800\"}").first?.message.contains("surrogate") == true)
        #expect(problems("{\"a\": 1e999}").first?.message.contains("out of range") == true)
        #expect(problems("{\"a\": \"\\x\"}").count == 1)
        #expect(problems("{\"a\": -}").count == 1)
        #expect(problems(Data([0x00, 0x00])).count == 1)
    }

    @Test func messagesEscapeControlCharacters() {
        let found = problems(["app_id": "evil\u{1B}[2J.\nx"])
        let message = found.first?.message ?? ""
        #expect(!message.contains("\u{1B}"))
        #expect(!message.contains("\n"))
    }
}
