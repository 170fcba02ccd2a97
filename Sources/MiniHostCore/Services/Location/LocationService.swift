import Dispatch
import Foundation
import MiniHostProtocol

/// The location APIs (docs/spec.md): `getLocation`, `getFuzzyLocation`, `startLocationUpdate`,
/// `stopLocationUpdate`, `chooseLocation` and the `LocationChange` event
/// (`mp.onLocationChange`/`mp.offLocationChange`). Positions come from the host's
/// ``LocationProvider`` (the world's fixed point or route); coordinates are WGS-84 or, on request,
/// GCJ-02 (``GCJ02``). The exact shapes are in docs/api.md.
///
/// When the device's location services are off (the world's `device.location_services: false`,
/// ``LocationProvider/servicesEnabled``), every API that needs the user's position fails with
/// ``servicesOff`` (1008) after its consent check (an undeclared or denied permission still gets
/// 1002/1003); `chooseLocation` needs no position and still works.
///
/// A position is given to an app only once the gate's decision for the call is in the audit log:
/// the log is flushed and, when it could not be written (a full disk), the call fails with 1009
/// and no position leaves the host.
public struct LocationService: Sendable {
    public let services: HostServices

    public init(services: HostServices) { self.services = services }

    /// The host events this service sends (`mp.on<Name>`).
    public static let events: [String] = ["LocationChange"]

    /// `getLocation` and `getFuzzyLocation`: a burst of 10, then one call a second, per app.
    public static let rateLimit = RateLimiter.Rule(capacity: 10, refillPerSecond: 1)
    /// The side of a `getFuzzyLocation` cell, in degrees of latitude (about 1.1 km).
    public static let fuzzyCell = 0.01
    /// The accuracy `getFuzzyLocation` reports, metres.
    public static let fuzzyAccuracy = 1000.0
    /// `startLocationUpdate`'s default and allowed `interval` (real milliseconds between events).
    public static let defaultInterval = 1000
    public static let intervalRange = 100...60_000
    /// The failure of a call that needs the user's position while location services are off.
    public static let servicesOff = BridgeError(.serviceUnavailable, "service unavailable: location services are off")

    /// The host's provider (one per host, made from the world on first use): the driver moves the
    /// user through it.
    public var provider: LocationProvider { Self.provider(services) }

    public static func provider(_ services: HostServices) -> LocationProvider {
        services.component(LocationProvider.self) {
            LocationProvider(services.world.location, servicesEnabled: services.world.device.locationServices, clock: services.clock)
        }
    }

    /// Throws ``servicesOff`` unless the device's location services are on.
    func requireServices() throws(BridgeError) {
        guard provider.servicesEnabled else { throw Self.servicesOff }
    }

    /// Writes the audit entries appended so far (this call's gate decision among them); throws
    /// 1009 when they could not be written, so a call that cannot be audited is not performed.
    /// (The bridge keeps the data directory's path out of every 1009 reason; see `AppBridge`.)
    func requireAudited() throws(BridgeError) {
        services.audit.flush()
        if let error = services.audit.takeWriteError() {
            throw BridgeError(.hostError, "host error: cannot record the call in the audit log (\(error.message))")
        }
    }

    public var apis: [HostAPI] {
        [
            HostAPI(name: "getLocation", permission: .location, rateLimit: Self.rateLimit,
                    validate: { args throws(BridgeError) in _ = try Self.getLocationOptions(args) }) { [self] call throws(BridgeError) in
                let options = try Self.getLocationOptions(call.arguments)
                try requireServices()
                try requireAudited()
                return .value(Self.reading(provider.current(), type: options.type, withAltitude: options.altitude))
            },
            // The consent is asked in `perform` (hence `mayBlock`): a grant of precise location
            // also allows the coarse one; otherwise the gate decides on `location.coarse`.
            HostAPI(name: "getFuzzyLocation", rateLimit: Self.rateLimit, mayBlock: true,
                    validate: { args throws(BridgeError) in _ = try Self.coordinateType(args, default: "wgs84") }) { [self] call throws(BridgeError) in
                let type = try Self.coordinateType(call.arguments, default: "wgs84")
                try coarseConsent(call)
                try requireServices()
                try requireAudited()
                let fix = provider.current()
                let precise = Self.coordinates(fix, type: type)
                let fuzzy = Self.fuzzy(latitude: precise.latitude, longitude: precise.longitude)
                return .value(.object([
                    "latitude": .number(fuzzy.latitude),
                    "longitude": .number(fuzzy.longitude),
                    "accuracy": .number(Self.fuzzyAccuracy),
                ]))
            },
            HostAPI(name: "startLocationUpdate", permission: .location,
                    validate: { args throws(BridgeError) in _ = try Self.updateOptions(args) }) { [self] call throws(BridgeError) in
                let options = try Self.updateOptions(call.arguments)
                try requireServices()
                try requireAudited()
                let provider = self.provider
                provider.start()
                Self.updates(call.session).start(session: call.session, provider: provider, type: options.type, intervalMs: options.interval)
                return .empty
            },
            HostAPI(name: "stopLocationUpdate") { call throws(BridgeError) in
                Self.updates(call.session).stop()
                return .empty
            },
            HostAPI(name: "chooseLocation", mayBlock: true, validate: { args throws(BridgeError) in try Self.chooseOptions(args) }) { [self] call throws(BridgeError) in
                try choose(call)
            },
        ]
    }

    // MARK: Options

    struct GetLocationOptions {
        var type: String
        var altitude: Bool
        var isHighAccuracy: Bool
    }

    static func coordinateType(_ args: APIArguments, default def: String) throws(BridgeError) -> String {
        try args.oneOf("type", ["wgs84", "gcj02"], default: def)
    }

    static func getLocationOptions(_ args: APIArguments) throws(BridgeError) -> GetLocationOptions {
        let type = try coordinateType(args, default: "wgs84")
        let altitude = try args.bool("altitude", default: false)
        let high = try args.bool("isHighAccuracy", default: false)
        _ = try args.number("highAccuracyExpireTime", required: false, integer: true, range: 0...600_000)
        return GetLocationOptions(type: type, altitude: altitude, isHighAccuracy: high)
    }

    static func updateOptions(_ args: APIArguments) throws(BridgeError) -> (type: String, interval: Int) {
        let type = try coordinateType(args, default: "gcj02")
        let range = Double(intervalRange.lowerBound)...Double(intervalRange.upperBound)
        let interval = try args.number("interval", required: false, integer: true, range: range).map { Int($0) } ?? defaultInterval
        return (type, interval)
    }

    static func chooseOptions(_ args: APIArguments) throws(BridgeError) {
        // WeChat's map centre; there is no map here, but a wrong value is still an error.
        _ = try args.number("latitude", required: false, range: -90...90)
        _ = try args.number("longitude", required: false, range: -180...180)
    }

    // MARK: Results

    /// A fix in the requested datum (`wgs84` as is; `gcj02` shifted inside China).
    static func coordinates(_ fix: LocationProvider.Fix, type: String) -> (latitude: Double, longitude: Double) {
        type == "gcj02" ? GCJ02.fromWGS84(latitude: fix.latitude, longitude: fix.longitude) : (fix.latitude, fix.longitude)
    }

    /// `getLocation`'s result and `LocationChange`'s payload. As in WeChat, `altitude` and
    /// `verticalAccuracy` are 0 unless the altitude was asked for.
    public static func reading(_ fix: LocationProvider.Fix, type: String, withAltitude: Bool) -> JSONValue {
        let c = coordinates(fix, type: type)
        return .object([
            "latitude": .number(c.latitude),
            "longitude": .number(c.longitude),
            "speed": .number(fix.speed),
            "accuracy": .number(fix.accuracy),
            "altitude": .number(withAltitude ? fix.altitude : 0),
            "verticalAccuracy": .number(withAltitude ? fix.accuracy : 0),
            "horizontalAccuracy": .number(fix.accuracy),
        ])
    }

    /// The centre of the ~1 km grid cell holding the point: rows of ``fuzzyCell`` degrees of
    /// latitude; in each row, cells of ``fuzzyCell`` / cos(the row's central latitude) degrees of
    /// longitude (at most 1°), counted from 180° W. The same cell always gives the same answer.
    /// When the point lies within about a metre of its cell's centre, the answer is moved a
    /// quarter cell north (still in the cell), so it is never the precise point.
    public static func fuzzy(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        let cell = fuzzyCell
        let rows = Int((180 / cell).rounded())
        let row = min(max(Int(((latitude + 90) / cell).rounded(.down)), 0), rows - 1)
        let centreLat = -90 + (Double(row) + 0.5) * cell
        let step = min(1, cell / max(cos(centreLat * .pi / 180), cell))
        let cols = Int((360 / step).rounded(.up))
        let col = min(max(Int(((longitude + 180) / step).rounded(.down)), 0), cols - 1)
        let west = -180 + Double(col) * step
        let east = min(180, west + step)
        var out = (latitude: centreLat, longitude: (west + east) / 2)
        if abs(out.latitude - latitude) < 1e-5 && abs(out.longitude - longitude) < 1e-5 {
            out.latitude += cell / 4
        }
        return out
    }

    /// `getFuzzyLocation`'s consent: allowed outright when the app holds a grant of precise
    /// `location` (which includes coarse), else the gate's full check of `location.coarse`
    /// (declared? granted? ask).
    func coarseConsent(_ call: APICall) throws(BridgeError) {
        let gate = CapabilityGate(services: services)
        if CapabilityGate.isDeclared(.location, in: call.app.manifest),
           (try? services.grants.state(app: call.app.appId, permission: .location, scope: "")) == .granted {
            gate.record(call.app, call.api, .locationCoarse, "allow", "covered by the precise location grant")
            return
        }
        try gate.consent(call.app, api: call.api, permission: .locationCoarse)
    }

    // MARK: chooseLocation

    /// The powerbox picker: the user picks one of the world's places; the app gets only that one
    /// (GCJ-02 coordinates, as WeChat gives). The pick is the consent: no permission is needed.
    func choose(_ call: APICall) throws(BridgeError) -> BridgeValue {
        let places = services.world.places
        let gate = CapabilityGate(services: services)
        guard !places.isEmpty else {
            gate.record(call.app, call.api, nil, "deny", "the world has no places to choose from")
            throw BridgeError(.notFound, "there are no places to choose from (the world file lists none under \"places\")")
        }
        let request = ChoiceRequest(kind: .location, appId: call.app.appId, appName: call.app.manifest.name,
                                    title: "pick a place", options: places.map { "\($0.name) — \($0.address)" })
        guard let index = services.prompter.choose(request), places.indices.contains(index) else {
            gate.record(call.app, call.api, nil, "cancel", "the user cancelled the place picker")
            throw BridgeError.cancel
        }
        let place = places[index]
        gate.record(call.app, call.api, nil, "allow", "the user picked a place")
        try requireAudited()
        let c = GCJ02.fromWGS84(latitude: place.latitude, longitude: place.longitude)
        return .value(.object([
            "name": .string(place.name),
            "address": .string(place.address),
            "latitude": .number(c.latitude),
            "longitude": .number(c.longitude),
        ]))
    }

    // MARK: Updates

    static func updates(_ session: AppSession) -> LocationUpdates {
        var made = false
        let updates = session.component(LocationUpdates.self) {
            made = true
            return LocationUpdates()
        }
        if made { session.onStop { [weak updates] in updates?.stop() } }
        return updates
    }
}

/// One app's location updates: a timer that sends `LocationChange` every interval while updates
/// are on. While the provider still has somewhere to go (a route not yet at its end, or a looping
/// one) it holds the session, so `minihost run` waits for the events; a fixed point (or a route
/// at its end) never holds, or the run could never end.
final class LocationUpdates: @unchecked Sendable {
    private let queue = DispatchQueue(label: "minihost.location.updates")
    // The state below is only touched on `queue`.
    private var timer: DispatchSourceTimer?
    private weak var session: AppSession?
    private var holding = false
    private var type = "gcj02"
    private var intervalMs = 0

    var isRunning: Bool { queue.sync { timer != nil } }

    /// Starts (or keeps) the timer; a second start changes the datum (and the interval).
    func start(session: AppSession, provider: LocationProvider, type: String, intervalMs: Int) {
        queue.sync {
            self.session = session
            self.type = type
            if timer != nil && self.intervalMs == intervalMs { return }
            timer?.cancel()
            self.intervalMs = intervalMs
            // Held until the first event is out (and longer while the route moves on).
            if !holding {
                session.hold()
                holding = true
            }
            let t = DispatchSource.makeTimerSource(queue: queue)
            t.schedule(deadline: .now(), repeating: .milliseconds(intervalMs), leeway: .milliseconds(5))
            t.setEventHandler { [weak self, provider] in self?.tick(provider) }
            timer = t
            t.resume()
        }
    }

    func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            if holding {
                session?.release()
                holding = false
            }
        }
    }

    /// On `queue`: one event, then hold or release.
    private func tick(_ provider: LocationProvider) {
        guard timer != nil, let session else { return }
        // Location services turned off while updates run: no position leaves the host, and
        // nothing is held (events resume, and hold again, when they are turned back on).
        guard provider.servicesEnabled else {
            if holding {
                session.release()
                holding = false
            }
            return
        }
        let fix = provider.current()
        session.send("LocationChange", LocationService.reading(fix, type: type, withAltitude: true))
        if fix.isFinal, holding {
            session.release()
            holding = false
        } else if !fix.isFinal, !holding {
            session.hold()
            holding = true
        }
    }
}
