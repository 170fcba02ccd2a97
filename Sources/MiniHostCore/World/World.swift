import Foundation
import MiniHostProtocol

/// The simulated world a host runs apps in (`minihost run … --world world.json`): the user, their
/// wallet, the merchants, where the user is, their contacts and conversations, peers who answer,
/// a consent policy, and the state of the user's device (location services on or off, a full
/// disk). Documented by `docs/world.schema.json`; ``World/default`` is used when no
/// file is named. Field names in the file are snake_case.
public struct World: Sendable, Equatable, Codable {
    public var user: WorldUser
    public var wallet: WorldWallet
    public var merchants: [WorldMerchant]
    public var location: WorldLocation
    /// Places the user can pick in `chooseLocation`.
    public var places: [WorldPlace]
    public var contacts: [WorldContact]
    public var conversations: [WorldConversation]
    public var peers: [WorldPeer]
    /// A consent policy, same names and values as a `--policy` file (`"location": "allow"`).
    public var policy: [String: PolicyRule]
    /// The user's device: faults a developer can try their app against (location services off,
    /// a full disk).
    public var device: WorldDevice
    /// The device's clipboard at the start (`getClipboardData`); `setClipboardData` changes it.
    public var clipboard: String
    /// Codes the camera sees, one per `scanCode`, in order (none left: the user cancels).
    public var scans: [WorldScan]
    /// The album `chooseImage`/`chooseMedia` pick from, in order.
    public var media: [WorldMedia]
    /// What the network answers when the run does not go live (`--network live`).
    public var network: WorldNetwork
    /// The file system's quota per app.
    public var files: WorldFiles

    public init(user: WorldUser = WorldUser(), wallet: WorldWallet = WorldWallet(), merchants: [WorldMerchant] = [],
                location: WorldLocation = WorldLocation(), places: [WorldPlace] = [], contacts: [WorldContact] = [],
                conversations: [WorldConversation] = [], peers: [WorldPeer] = [], policy: [String: PolicyRule] = [:],
                device: WorldDevice = WorldDevice(), clipboard: String = "", scans: [WorldScan] = [], media: [WorldMedia] = [],
                network: WorldNetwork = WorldNetwork(), files: WorldFiles = WorldFiles()) {
        self.user = user
        self.wallet = wallet
        self.merchants = merchants
        self.location = location
        self.places = places
        self.contacts = contacts
        self.conversations = conversations
        self.peers = peers
        self.policy = policy
        self.device = device
        self.clipboard = clipboard
        self.scans = scans
        self.media = media
        self.network = network
        self.files = files
    }

    enum CodingKeys: String, WorldMembers {
        case user, wallet, merchants, location, places, contacts, conversations, peers, policy, device, network
        case clipboard, scans, media, files
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = World.default
        user = try c.decodeIfPresent(WorldUser.self, forKey: .user) ?? d.user
        wallet = try c.decodeIfPresent(WorldWallet.self, forKey: .wallet) ?? d.wallet
        merchants = try c.decodeIfPresent([WorldMerchant].self, forKey: .merchants) ?? d.merchants
        location = try c.decodeIfPresent(WorldLocation.self, forKey: .location) ?? d.location
        places = try c.decodeIfPresent([WorldPlace].self, forKey: .places) ?? d.places
        contacts = try c.decodeIfPresent([WorldContact].self, forKey: .contacts) ?? d.contacts
        conversations = try c.decodeIfPresent([WorldConversation].self, forKey: .conversations) ?? d.conversations
        peers = try c.decodeIfPresent([WorldPeer].self, forKey: .peers) ?? d.peers
        policy = try c.decodeIfPresent([String: PolicyRule].self, forKey: .policy) ?? [:]
        device = try c.decodeIfPresent(WorldDevice.self, forKey: .device) ?? d.device
        clipboard = try c.decodeIfPresent(String.self, forKey: .clipboard) ?? d.clipboard
        scans = try c.decodeIfPresent([WorldScan].self, forKey: .scans) ?? d.scans
        media = try c.decodeIfPresent([WorldMedia].self, forKey: .media) ?? d.media
        network = try c.decodeIfPresent(WorldNetwork.self, forKey: .network) ?? d.network
        files = try c.decodeIfPresent(WorldFiles.self, forKey: .files) ?? d.files
    }

    /// A usable world: a user in Beijing with 1000.00 CNY, two contacts, one conversation.
    public static let `default` = World(
        user: WorldUser(),
        wallet: WorldWallet(),
        merchants: [],
        location: WorldLocation(),
        places: [
            WorldPlace(name: "Tiananmen Square", address: "Dongcheng, Beijing", latitude: 39.9055, longitude: 116.3976),
            WorldPlace(name: "Beijing Capital Airport T3", address: "Shunyi, Beijing", latitude: 40.0522, longitude: 116.6129),
        ],
        contacts: [
            WorldContact(id: "lin", name: "Lin"),
            WorldContact(id: "sam", name: "Sam"),
        ],
        conversations: [
            WorldConversation(id: "friends", title: "Friends", members: ["me", "lin", "sam"], messages: [
                WorldMessage(from: "lin", text: "Dinner at seven?", time: nil),
            ]),
        ],
        peers: [],
        policy: [:],
        device: WorldDevice()
    )

    /// Reads and checks a world file; every problem is named with the file and the field.
    public static func load(_ url: URL) throws(WorldError) -> World {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WorldError("cannot read the world file \(url.path): \(error.localizedDescription)")
        }
        var world = try parse(data, file: url.path)
        try world.resolveMedia(relativeTo: url.deletingLastPathComponent(), file: url.path)
        // A route's file is named relative to the world file.
        let base = url.deletingLastPathComponent()
        for i in world.network.routes.indices {
            if let file = world.network.routes[i].file, !file.hasPrefix("/") {
                world.network.routes[i].file = base.appendingPathComponent(file).path
            }
        }
        return world
    }

    /// Parses and checks world JSON; `file` names it in errors.
    public static func parse(_ data: Data, file: String) throws(WorldError) -> World {
        if let object = try? JSONReader.read(Array(data), as: JSONValue.self, options: .init(skipsByteOrderMark: true)).value {
            if let unknown = unknownKeys(object, at: "").first {
                throw WorldError("\(file): \(unknown) is not a world field (see docs/world.schema.json)")
            }
            // JSONDecoder reports a number an integer field cannot hold as a corrupt file, naming no field.
            if let (path, value) = firstBadInteger(object, at: "") {
                throw WorldError("\(file): \(path) must be a whole number (got \(value))")
            }
        }
        let world: World
        do {
            world = try JSONDecoder().decode(World.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            // A value of the right JSON kind that the field cannot hold (1.5 or 1e30 for an amount).
            throw WorldError("\(file): \(describe(context.codingPath)) is out of range or not a whole number (\(context.debugDescription))")
        } catch let DecodingError.dataCorrupted(context) {
            throw WorldError("\(file): \(describe(context.codingPath)) is not valid JSON\(context.underlyingError.map { " (\($0.localizedDescription))" } ?? "")")
        } catch let DecodingError.keyNotFound(key, context) {
            throw WorldError("\(file): \(describe(context.codingPath + [key])) is missing")
        } catch let DecodingError.typeMismatch(type, context) {
            throw WorldError("\(file): \(describe(context.codingPath)) must be \(describeType(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw WorldError("\(file): \(describe(context.codingPath)) must be \(describeType(type)), not null")
        } catch let error as WorldError {
            throw WorldError("\(file): \(error.message)")
        } catch {
            throw WorldError("\(file): \(error)")
        }
        let problems = world.problems()
        if !problems.isEmpty {
            throw WorldError("\(file): " + problems.joined(separator: "; "))
        }
        return world
    }

    /// What is inconsistent (unknown members, duplicate ids, limits below zero, …).
    public func problems() -> [String] {
        var out: [String] = []
        let maxAmount: Int64 = 1_000_000_000_000_000  // minor units: ten trillion in a two-decimal currency
        if wallet.balance < 0 || wallet.balance > maxAmount { out.append("wallet.balance must be from 0 to \(maxAmount) (got \(wallet.balance))") }
        if wallet.perPaymentLimit <= 0 || wallet.perPaymentLimit > maxAmount { out.append("wallet.per_payment_limit must be from 1 to \(maxAmount) (got \(wallet.perPaymentLimit))") }
        if wallet.dailyLimit <= 0 || wallet.dailyLimit > maxAmount { out.append("wallet.daily_limit must be from 1 to \(maxAmount) (got \(wallet.dailyLimit))") }
        for (i, p) in peers.enumerated() {
            for (j, r) in p.rules.enumerated() where !(0...600_000).contains(r.delayMs) {
                out.append("peers[\(i)].rules[\(j)].delay_ms must be from 0 to 600000 (ten minutes; got \(r.delayMs))")
            }
        }
        out += device.problems()
        out += inputProblems()
        out += network.problems()
        out += files.problems()
        if !WorldWallet.isCurrency(wallet.currency) { out.append("wallet.currency must be an ISO 4217 code such as \"CNY\"") }
        let people = Set([user.id] + contacts.map(\.id))
        if people.count != contacts.count + 1 { out.append("contacts: ids must be unique and differ from user.id") }
        var conversationIds = Set<String>()
        for (i, c) in conversations.enumerated() {
            if c.id.isEmpty || !conversationIds.insert(c.id).inserted { out.append("conversations[\(i)].id must be non-empty and unique") }
            for m in c.members where !people.contains(m) { out.append("conversations[\(i)].members: \"\(m)\" is neither user.id nor a contact") }
            for (j, msg) in c.messages.enumerated() where !people.contains(msg.from) {
                out.append("conversations[\(i)].messages[\(j)].from: \"\(msg.from)\" is neither user.id nor a contact")
            }
        }
        for (i, p) in peers.enumerated() where !people.contains(p.id) {
            out.append("peers[\(i)].id: \"\(p.id)\" is not a contact")
        }
        for (i, p) in peers.enumerated() {
            for (j, r) in p.rules.enumerated() where r.match == .regex {
                if (try? NSRegularExpression(pattern: r.text ?? "")) == nil {
                    out.append("peers[\(i)].rules[\(j)].text is not a valid regular expression")
                }
            }
        }
        var merchantIds = Set<String>()
        for (i, m) in merchants.enumerated() where m.id.isEmpty || !merchantIds.insert(m.id).inserted {
            out.append("merchants[\(i)].id must be non-empty and unique")
        }
        out += location.problems()
        for name in policy.keys where Permission(name: name) == nil && !PolicyPrompter.specialNames.contains(name) {
            out.append("policy: \(PromptText.quoted(name, maxLength: 64)) is not a permission")
        }
        return out
    }

    /// The members each object of a world file may have (keys: JSON paths, `[]` for array items),
    /// from each type's coding keys; a test checks it against `docs/world.schema.json`.
    static let memberNames: [String: Set<String>] = [
        "": World.CodingKeys.names,
        "user": WorldUser.CodingKeys.names,
        "wallet": WorldWallet.CodingKeys.names,
        "merchants[]": WorldMerchant.CodingKeys.names,
        "location": WorldLocation.CodingKeys.names,
        "location.points[]": WorldRoutePoint.CodingKeys.names,
        "places[]": WorldPlace.CodingKeys.names,
        "contacts[]": WorldContact.CodingKeys.names,
        "conversations[]": WorldConversation.CodingKeys.names,
        "conversations[].messages[]": WorldMessage.CodingKeys.names,
        "peers[]": WorldPeer.CodingKeys.names,
        "peers[].rules[]": WorldPeerRule.CodingKeys.names,
        "device": WorldDevice.CodingKeys.names,
        "device.safe_area": WorldInsets.CodingKeys.names,
        "device.changes[]": WorldDeviceChange.CodingKeys.names,
        "scans[]": WorldScan.CodingKeys.names,
        "media[]": WorldMedia.CodingKeys.names,
        "network": WorldNetwork.CodingKeys.names,
        "network.routes[]": WorldRoute.CodingKeys.names,
        "network.sockets[]": WorldSocket.CodingKeys.names,
        "network.sockets[].rules[]": WorldSocketRule.CodingKeys.names,
        "files": WorldFiles.CodingKeys.names,
    ]

    /// Paths of members no coding key names (`peers[0].rule`), by name within each object, each
    /// quoted for a message.
    private static func unknownKeys(_ value: JSONValue, at path: String, shown: String = "") -> [String] {
        if case let .array(items) = value {
            return items.enumerated().flatMap { i, item in unknownKeys(item, at: path + "[]", shown: shown + "[\(i)]") }
        }
        guard case let .object(members) = value, let known = memberNames[path] else { return [] }
        var out: [String] = []
        for key in members.keys.sorted() {
            let childPath = path.isEmpty ? key : path + "." + key
            let childShown = shown.isEmpty ? key : shown + "." + key
            if !known.contains(key) {
                out.append(PromptText.quoted(childShown, maxLength: 80))
            } else {
                out += unknownKeys(members[key]!, at: childPath, shown: childShown)
            }
        }
        return out
    }

    public func merchant(_ id: String) -> WorldMerchant? { merchants.first { $0.id == id } }
    public func contact(_ id: String) -> WorldContact? { contacts.first { $0.id == id } }
    /// The display name of a person in the world (the user or a contact).
    public func name(of id: String) -> String { id == user.id ? user.name : contact(id)?.name ?? id }

    /// The world's integer members, by their JSON name.
    static let integerMembers: Set<String> = [
        "balance", "per_payment_limit", "daily_limit", "delay_ms", "screen_width", "screen_height", "status_bar_height",
        "window_width", "window_height", "top", "right", "bottom", "left", "battery_level", "after_ms", "memory_warning", "status",
        "gender", "width", "height",
    ]

    /// The first integer member whose number is fractional or outside Int64, with its path.
    static func firstBadInteger(_ value: JSONValue, at path: String) -> (String, String)? {
        switch value {
        case let .object(members):
            for key in members.keys.sorted() {
                let child = path.isEmpty ? key : path + "." + key
                if integerMembers.contains(key), case let .number(n)? = members[key], Int64(exactly: n) == nil {
                    return (child, JSONValue.number(n).jsonText)
                }
                if key == "body" && path.hasPrefix("network") { continue }  // a route's body is the app's data
                if let found = firstBadInteger(members[key]!, at: child) { return found }
            }
        case let .array(items):
            for (i, item) in items.enumerated() {
                if let found = firstBadInteger(item, at: path + "[\(i)]") { return found }
            }
        default: break
        }
        return nil
    }

    static func describe(_ path: [CodingKey]) -> String {
        if path.isEmpty { return "the file" }
        var s = ""
        for key in path {
            if let i = key.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + key.stringValue }
        }
        return s
    }

    static func describeType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
    }
}

/// A world file that cannot be used.
public struct WorldError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}
