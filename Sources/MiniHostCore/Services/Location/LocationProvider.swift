import Foundation

/// Where the simulated user is, for every app of a host: a fixed point, or a route of timestamped
/// points played over time (from the world's `location`). Positions are WGS-84.
///
/// A route starts playing when ``start()`` is first called — the location service does that when
/// an app first starts location updates — and until then the user stands at its first point.
/// Route time is real time since the start × `speed`; the position at route time `t` is the linear
/// interpolation between the two points around `t` (before the first point's `t`: the first
/// point; after the last: the last point, or, with `loop`, `t` modulo the last point's `t`). The
/// speed reported is the current segment's length over its duration (world metres per world
/// second), 0 when standing still.
///
/// The host (a driver, a test) can move the user at any time with ``moveTo(latitude:longitude:altitude:)``
/// or ``setRoute(_:speed:loop:)``, and turn the device's location services off and on
/// (``servicesEnabled``, from the world's `device.location_services`). Thread-safe.
public final class LocationProvider: @unchecked Sendable {
    /// One reading.
    public struct Fix: Sendable, Equatable {
        public var latitude: Double
        public var longitude: Double
        /// Metres above sea level.
        public var altitude: Double
        /// Horizontal accuracy, metres.
        public var accuracy: Double
        /// Metres per second.
        public var speed: Double
        /// True when nothing will change any more on its own: a fixed point, or a route (not
        /// looping) at or past its last point.
        public var isFinal: Bool

        public init(latitude: Double, longitude: Double, altitude: Double, accuracy: Double, speed: Double, isFinal: Bool) {
            self.latitude = latitude
            self.longitude = longitude
            self.altitude = altitude
            self.accuracy = accuracy
            self.speed = speed
            self.isFinal = isFinal
        }
    }

    private enum Mode {
        case fixed(latitude: Double, longitude: Double, altitude: Double)
        case route(points: [WorldRoutePoint], speed: Double, loop: Bool)
    }

    private let lock = NSLock()
    private let clock: @Sendable () -> Date
    private var mode: Mode
    private var accuracy: Double
    /// The altitude for route points that have none.
    private var baseAltitude: Double
    private var startedAt: Date?
    private var enabled: Bool

    /// A provider for the world's location. `servicesEnabled`: the device's location services
    /// are on (the world's `device.location_services`). `clock` gives real time (tests pass their own).
    public init(_ location: WorldLocation, servicesEnabled: Bool = true, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
        enabled = servicesEnabled
        accuracy = location.accuracy
        baseAltitude = location.altitude
        if location.provider == .route, !location.points.isEmpty {
            mode = .route(points: location.points, speed: location.speed > 0 ? location.speed : 1, loop: location.loop)
        } else {
            mode = .fixed(latitude: location.latitude, longitude: location.longitude, altitude: location.altitude)
        }
    }

    /// The provider's kind now.
    public var provider: WorldLocation.Provider {
        lock.withLock {
            if case .route = mode { return .route }
            return .fixed
        }
    }

    /// Whether the device's location services are on. While they are off the provider still
    /// knows where the user is (a route keeps playing), but the location service gives no
    /// position to apps: their calls fail with 1008 and no `LocationChange` events are sent.
    public var servicesEnabled: Bool {
        get { lock.withLock { enabled } }
        set { lock.withLock { enabled = newValue } }
    }

    /// Whether a route has started playing.
    public var isPlaying: Bool { lock.withLock { startedAt != nil } }

    /// Starts playing the route (no effect when it already plays, or for a fixed point).
    public func start() {
        lock.withLock {
            if case .route = mode, startedAt == nil { startedAt = clock() }
        }
    }

    /// Where the user is now.
    public func current() -> Fix {
        lock.withLock {
            switch mode {
            case let .fixed(lat, lon, alt):
                return Fix(latitude: lat, longitude: lon, altitude: alt, accuracy: accuracy, speed: 0, isFinal: true)
            case let .route(points, speed, loop):
                guard let startedAt else {
                    let p = points[0]
                    return Fix(latitude: p.latitude, longitude: p.longitude, altitude: p.altitude ?? baseAltitude,
                               accuracy: accuracy, speed: 0, isFinal: false)
                }
                let elapsed = max(0, clock().timeIntervalSince(startedAt))
                return Self.position(points, at: elapsed * speed, loop: loop, altitude: baseAltitude, accuracy: accuracy)
            }
        }
    }

    /// The user stands at this point from now on (the route, if any, is dropped).
    public func moveTo(latitude: Double, longitude: Double, altitude: Double? = nil) throws(WorldError) {
        guard latitude >= -90, latitude <= 90 else { throw WorldError("latitude must be within -90…90 (got \(latitude))") }
        guard longitude >= -180, longitude <= 180 else { throw WorldError("longitude must be within -180…180 (got \(longitude))") }
        lock.withLock {
            mode = .fixed(latitude: latitude, longitude: longitude, altitude: altitude ?? baseAltitude)
            startedAt = nil
        }
    }

    /// Plays a new route from its first point, starting now.
    public func setRoute(_ points: [WorldRoutePoint], speed: Double = 1, loop: Bool = false) throws(WorldError) {
        let check = WorldLocation(provider: .route, points: points, speed: speed, loop: loop)
        let problems = check.problems()
        if !problems.isEmpty { throw WorldError(problems.joined(separator: "; ")) }
        lock.withLock {
            mode = .route(points: points, speed: speed, loop: loop)
            startedAt = clock()
        }
    }

    /// The position at route time `t` (seconds since the route started, in world time).
    public static func position(_ points: [WorldRoutePoint], at t: Double, loop: Bool, altitude: Double = 0, accuracy: Double = 10) -> Fix {
        guard let first = points.first, let last = points.last else {
            return Fix(latitude: 0, longitude: 0, altitude: altitude, accuracy: accuracy, speed: 0, isFinal: true)
        }
        var time = t.isFinite ? max(0, t) : 0
        let duration = last.t
        if loop, duration > 0, time >= duration { time = time.truncatingRemainder(dividingBy: duration) }
        let isFinal = !loop && time >= duration
        func fix(_ p: WorldRoutePoint) -> Fix {
            Fix(latitude: p.latitude, longitude: p.longitude, altitude: p.altitude ?? altitude, accuracy: accuracy, speed: 0, isFinal: isFinal)
        }
        if time >= duration { return fix(last) }
        if time < first.t { return fix(first) }
        // The last point whose time is at or before `time` (binary search: points are sorted by
        // t). It is not the last point (time < duration), and the next one is strictly later.
        var lo = 0, hi = points.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if points[mid].t <= time { lo = mid } else { hi = mid - 1 }
        }
        return segment(points, lo, time, altitude, accuracy)
    }

    /// The position between points `i` and `i + 1` at `time`.
    private static func segment(_ points: [WorldRoutePoint], _ i: Int, _ time: Double, _ altitude: Double, _ accuracy: Double) -> Fix {
        let a = points[i], b = points[i + 1]
        let dt = b.t - a.t
        let f = dt > 0 ? min(1, max(0, (time - a.t) / dt)) : 1
        // Across the antimeridian the short way round.
        var dLon = b.longitude - a.longitude
        if dLon > 180 { dLon -= 360 } else if dLon < -180 { dLon += 360 }
        var lon = a.longitude + dLon * f
        if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
        let lat = a.latitude + (b.latitude - a.latitude) * f
        let altA = a.altitude ?? altitude, altB = b.altitude ?? altitude
        let speed = dt > 0 ? Geo.distance(a.latitude, a.longitude, b.latitude, b.longitude) / dt : 0
        return Fix(latitude: lat, longitude: lon, altitude: altA + (altB - altA) * f, accuracy: accuracy, speed: speed, isFinal: false)
    }
}
