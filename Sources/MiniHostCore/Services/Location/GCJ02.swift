import Foundation

/// The GCJ-02 ("Mars") datum used by maps in mainland China, from WGS-84, by the widely published
/// transform (the formula of eviltransform and its many ports: the Krasovsky 1940 ellipsoid with
/// a = 6378245.0 and ee = 0.00669342162296594323, offsets centred on 105° E, 35° N).
///
/// Which points count as "in China" (and are shifted): the published region rectangles of
/// Aimeast (cnblogs, 2012; also used by wgs2mars.js and many ports) — six rectangles covering the
/// mainland, Hainan, Hong Kong and Macau, minus six excluded rectangles (Taiwan, parts of Vietnam
/// and Laos, Mongolia and the Russian Far East). Everywhere else a point is returned unchanged.
/// This is tighter than the single bounding rectangle 72.004–137.8347° E, 0.8293–55.8271° N
/// (``isInBoundingRectangle(latitude:longitude:)``), which also shifts Seoul, Pyongyang,
/// Taipei and Hanoi.
public enum GCJ02 {
    /// Krasovsky 1940 semi-major axis, metres.
    public static let a = 6378245.0
    /// Krasovsky 1940 eccentricity squared.
    public static let ee = 0.00669342162296594323

    /// A rectangle in degrees.
    struct Rect: Sendable {
        var west, south, east, north: Double
        init(_ lon1: Double, _ lat1: Double, _ lon2: Double, _ lat2: Double) {
            west = min(lon1, lon2); east = max(lon1, lon2)
            south = min(lat1, lat2); north = max(lat1, lat2)
        }
        func contains(_ lat: Double, _ lon: Double) -> Bool {
            lon >= west && lon <= east && lat >= south && lat <= north
        }
    }

    static let regions: [Rect] = [
        Rect(79.446200, 49.220400, 96.330000, 42.889900),
        Rect(109.687200, 54.141500, 135.000200, 39.374200),
        Rect(73.124600, 42.889900, 124.143255, 29.529700),
        Rect(82.968400, 29.529700, 97.035200, 26.718600),
        Rect(97.025300, 29.529700, 124.367395, 20.414096),
        Rect(107.975793, 20.414096, 111.744104, 17.871542),
    ]

    static let excludes: [Rect] = [
        Rect(119.921265, 25.398623, 122.497559, 21.785006),
        Rect(101.865200, 22.284000, 106.665000, 20.098800),
        Rect(106.452500, 21.542200, 108.051000, 20.487800),
        Rect(109.032300, 55.817500, 119.127000, 50.325700),
        Rect(127.456800, 55.817500, 137.022700, 49.557400),
        Rect(131.266200, 44.892200, 137.022700, 42.569200),
    ]

    /// Whether GCJ-02 applies at this WGS-84 point (the region rectangles above).
    public static func isInChina(latitude: Double, longitude: Double) -> Bool {
        guard latitude.isFinite, longitude.isFinite else { return false }
        return regions.contains { $0.contains(latitude, longitude) } && !excludes.contains { $0.contains(latitude, longitude) }
    }

    /// The coarse check many implementations use instead (72.004–137.8347° E, 0.8293–55.8271° N).
    public static func isInBoundingRectangle(latitude: Double, longitude: Double) -> Bool {
        longitude >= 72.004 && longitude <= 137.8347 && latitude >= 0.8293 && latitude <= 55.8271
    }

    /// WGS-84 → GCJ-02; unchanged outside China.
    public static func fromWGS84(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        guard isInChina(latitude: latitude, longitude: longitude) else { return (latitude, longitude) }
        let d = delta(latitude: latitude, longitude: longitude)
        return (latitude + d.latitude, longitude + d.longitude)
    }

    /// GCJ-02 → WGS-84 by fixed-point iteration (to well under a centimetre); unchanged outside
    /// China.
    public static func toWGS84(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        guard isInChina(latitude: latitude, longitude: longitude) else { return (latitude, longitude) }
        var lat = latitude, lon = longitude
        for _ in 0..<10 {
            let d = delta(latitude: lat, longitude: lon)
            let nextLat = latitude - d.latitude, nextLon = longitude - d.longitude
            let done = abs(nextLat - lat) < 1e-10 && abs(nextLon - lon) < 1e-10
            lat = nextLat; lon = nextLon
            if done { break }
        }
        return (lat, lon)
    }

    /// The shift at a WGS-84 point, in degrees.
    static func delta(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        let x = longitude - 105.0, y = latitude - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        dLat += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLon += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        dLon += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        let radLat = latitude / 180.0 * .pi
        let magic = 1 - ee * sin(radLat) * sin(radLat)
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (a / sqrtMagic * cos(radLat) * .pi)
        return (dLat, dLon)
    }
}

/// Distances on the sphere.
public enum Geo {
    /// Mean Earth radius, metres.
    public static let earthRadius = 6_371_008.8

    /// The great-circle distance in metres between two points (haversine).
    public static func distance(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let p1 = lat1 * .pi / 180, p2 = lat2 * .pi / 180
        let dp = p2 - p1, dl = (lon2 - lon1) * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * earthRadius * asin(min(1, h.squareRoot()))
    }
}
