import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore

/// `docs/world.schema.json` against the World model: the same members at every object level,
/// the same enumerations, and every member the model knows read back from a file.
@Suite struct WorldSchemaTests {
    static func schema() throws -> JSONValue {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/world.schema.json")
        return try #require(JSONValue.parse(try Data(contentsOf: url)))
    }

    /// The properties each closed object of the schema names, by path (`[]` for array items), and
    /// the `enum` of each value that has one.
    static func tables(_ node: JSONValue, at path: String = "", into out: inout (members: [String: Set<String>], enums: [String: [String]])) {
        if let values = node["enum"]?.arrayValue { out.enums[path] = values.compactMap(\.stringValue) }
        if let items = node["items"] { tables(items, at: path + "[]", into: &out) }
        if let map = node["additionalProperties"], map.objectValue != nil { tables(map, at: path + "{}", into: &out) }
        guard let properties = node["properties"]?.objectValue else { return }
        #expect(node["additionalProperties"] == .bool(false), "\(path.isEmpty ? "the root" : path) must not allow other members")
        out.members[path] = Set(properties.keys)
        for (name, child) in properties { tables(child, at: path.isEmpty ? name : path + "." + name, into: &out) }
    }

    @Test func theSchemaNamesTheMembersTheModelDecodes() throws {
        var found: (members: [String: Set<String>], enums: [String: [String]]) = ([:], [:])
        Self.tables(try Self.schema(), into: &found)
        #expect(Set(found.members.keys) == Set(World.memberNames.keys))
        for (path, names) in World.memberNames {
            let documented = found.members[path] ?? []
            #expect(documented.subtracting(names).isEmpty, "\(path): the schema names \(documented.subtracting(names).sorted()), which the model does not decode")
            #expect(names.subtracting(documented).isEmpty, "\(path): the model decodes \(names.subtracting(documented).sorted()), which the schema does not name")
        }
        #expect(found.enums == [
            "location.provider": WorldLocation.Provider.allCases.map(\.rawValue),
            "peers[].rules[].match": WorldPeerRule.Match.allCases.map(\.rawValue),
            "policy{}": PolicyRule.allCases.map(\.rawValue),
            "device.network_type": WorldDevice.NetworkType.allCases.map(\.rawValue),
            "device.changes[].network_type": WorldDevice.NetworkType.allCases.map(\.rawValue),
            "media[].type": WorldMedia.Kind.allCases.map(\.rawValue),
            "network.sockets[].rules[].match": WorldPeerRule.Match.allCases.map(\.rawValue),
        ])
    }

    /// A world in which every member differs from the default.
    static let everyMember = World(
        user: WorldUser(id: "u", name: "Una", avatarUrl: "a.png", gender: 1, language: "en", country: "C", province: "P", city: "T", openid: "o1"),
        wallet: WorldWallet(currency: "USD", balance: 5, perPaymentLimit: 6, dailyLimit: 7),
        merchants: [WorldMerchant(id: "m", name: "Shop", key: "k")],
        location: WorldLocation(provider: .route, latitude: 1, longitude: 2, altitude: 3, accuracy: 4,
                                points: [WorldRoutePoint(t: 1, latitude: 5, longitude: 6, altitude: 7)], speed: 2, loop: true),
        places: [WorldPlace(name: "P", address: "A", latitude: 8, longitude: 9)],
        contacts: [WorldContact(id: "c", name: "Cy", phone: "123")],
        conversations: [WorldConversation(id: "x", title: "X", members: ["u", "c"],
                                          messages: [WorldMessage(from: "c", text: "hi", time: "2024-01-01T00:00:00Z")])],
        peers: [WorldPeer(id: "c", rules: [WorldPeerRule(match: .contains, text: "hi", reply: "yo", delayMs: 5)])],
        policy: ["payment": .allow],
        device: WorldDevice(locationServices: false, storageFull: true, windowWidth: 300, windowHeight: 600,
                            safeArea: WorldInsets(top: 1, right: 2, bottom: 3, left: 4), networkType: .none,
                            changes: [WorldDeviceChange(afterMs: 5, networkType: ._4g, theme: "dark", memoryWarning: 10)]),
        clipboard: "clip", scans: [WorldScan(result: "r", scanType: "EAN_13", charSet: "gbk", path: "p/a")],
        media: [WorldMedia(type: .video, path: "v.mp4", width: 2, height: 3, duration: 4), WorldMedia(dataBase64: "AA==")],
        network: WorldNetwork(
            routes: [WorldRoute(method: "POST", url: "https://a.example/*", status: 201, headers: ["X": "y"], body: .object(["k": .number(1)]), delayMs: 3),
                     WorldRoute(url: "https://a.example/f", file: "/dev/null")],
            sockets: [WorldSocket(url: "wss://a.example/s", onOpen: ["hi"],
                                  rules: [WorldSocketRule(match: .equals, text: "ping", reply: "pong", close: true, delayMs: 4)])]),
        files: WorldFiles(quotaMb: 7))

    /// The member names of each object of `value` whose path the model has a table for.
    static func names(_ value: JSONValue, at path: String = "", into out: inout [String: Set<String>]) {
        if let items = value.arrayValue {
            for item in items { names(item, at: path + "[]", into: &out) }
        }
        guard let members = value.objectValue, World.memberNames[path] != nil else { return }
        out[path, default: []].formUnion(members.keys)
        for (name, child) in members { names(child, at: path.isEmpty ? name : path + "." + name, into: &out) }
    }

    @Test func everyMemberTheModelKnowsIsWrittenAndReadBack() throws {
        let data = try JSONEncoder().encode(Self.everyMember)
        #expect(try World.parse(data, file: "w.json") == Self.everyMember)
        var written: [String: Set<String>] = [:]
        Self.names(try #require(JSONValue.parse(data)), into: &written)
        #expect(written == World.memberNames)
    }
}
