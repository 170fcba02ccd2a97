import Foundation
import Testing
import MiniHostProtocol
@testable import MiniHostCore

/// GCJ-02 against reference values, the fuzzy grid, route playback and the location APIs (through
/// the bridge's host side, without a VM).
@Suite struct LocationTests {
    // MARK: GCJ-02

    /// Published test vectors of eviltransform (googollee/eviltransform, go/transform_test.go):
    /// WGS-84 → GCJ-02.
    static let published: [(name: String, lat: Double, lon: Double, gcjLat: Double, gcjLon: Double)] = [
        ("Shanghai", 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
        ("Shenzhen", 22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
        ("Beijing", 39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
    ]

    /// Computed independently with python3 from the published formula (which also reproduces the
    /// three vectors above to the last digit):
    ///
    ///     A, EE = 6378245.0, 0.00669342162296594323
    ///     def tlat(x, y):
    ///         r = -100.0 + 2.0*x + 3.0*y + 0.2*y*y + 0.1*x*y + 0.2*math.sqrt(abs(x))
    ///         r += (20.0*math.sin(6.0*x*math.pi) + 20.0*math.sin(2.0*x*math.pi)) * 2.0/3.0
    ///         r += (20.0*math.sin(y*math.pi) + 40.0*math.sin(y/3.0*math.pi)) * 2.0/3.0
    ///         r += (160.0*math.sin(y/12.0*math.pi) + 320.0*math.sin(y*math.pi/30.0)) * 2.0/3.0
    ///         return r
    ///     def tlon(x, y):
    ///         r = 300.0 + x + 2.0*y + 0.1*x*x + 0.1*x*y + 0.1*math.sqrt(abs(x))
    ///         r += (20.0*math.sin(6.0*x*math.pi) + 20.0*math.sin(2.0*x*math.pi)) * 2.0/3.0
    ///         r += (20.0*math.sin(x*math.pi) + 40.0*math.sin(x/3.0*math.pi)) * 2.0/3.0
    ///         r += (150.0*math.sin(x/12.0*math.pi) + 300.0*math.sin(x/30.0*math.pi)) * 2.0/3.0
    ///         return r
    ///     def wgs2gcj(lat, lon):
    ///         dlat, dlon = tlat(lon-105.0, lat-35.0), tlon(lon-105.0, lat-35.0)
    ///         rad = lat/180.0*math.pi; m = 1 - EE*math.sin(rad)**2; s = math.sqrt(m)
    ///         return (lat + dlat*180.0/((A*(1-EE))/(m*s)*math.pi),
    ///                 lon + dlon*180.0/(A/s*math.cos(rad)*math.pi))
    static let reference: [(name: String, lat: Double, lon: Double, gcjLat: Double, gcjLon: Double)] = [
        ("Beijing", 39.9087, 116.3975, 39.91010349934476, 116.40374357265176),
        ("Shanghai", 31.2304, 121.4737, 31.22845773757727, 121.47822305927693),
        ("Guangzhou", 23.1291, 113.2644, 23.126423339922844, 113.26972959210308),
        ("Shenzhen", 22.5431, 114.0579, 22.54038281422246, 114.06301399856547),
        ("Chengdu", 30.5728, 104.0668, 30.570346141080414, 104.06930547724922),
        ("Chongqing", 29.563, 106.5516, 29.560151273667472, 106.55531764979986),
        ("Wuhan", 30.5928, 114.3055, 30.590390564305725, 114.31094488843175),
        ("Xi'an", 34.3416, 108.9398, 34.340044495655384, 108.94445563427456),
        ("Lhasa", 29.65, 91.1, 29.647300329055074, 91.10156828347536),
        ("Urumqi", 43.8256, 87.6168, 43.82680539311119, 87.61964994946926),
        ("Kashgar", 39.4704, 75.9898, 39.470627026037526, 75.99275499023025),
        ("Harbin", 45.8038, 126.535, 45.80578152514843, 126.54104035015793),
        ("Mohe", 52.9723, 122.5386, 52.97381292473719, 122.54562861859297),
        ("Sanya", 18.2528, 109.5119, 18.25109479173564, 109.51598429482667),
        ("Haikou", 20.044, 110.1999, 20.041885974611123, 110.20419239478825),
        ("Kunming", 25.0389, 102.7183, 25.035934505742244, 102.7197523947017),
        ("Nanning", 22.817, 108.3665, 22.814313762305037, 108.37057151953582),
        ("Fuzhou", 26.0745, 119.2965, 26.071397978355115, 119.30129978235846),
        ("Xiamen", 24.4798, 118.0894, 24.47715323195335, 118.09437708358345),
        ("Hangzhou", 30.2741, 120.1551, 30.271771223200254, 120.15979447929637),
        ("Nanjing", 32.0603, 118.7969, 32.058224298311096, 118.80208355739369),
        ("Shenyang", 41.8057, 123.4315, 41.80812804290693, 123.43763569772108),
        ("Hohhot", 40.8424, 111.749, 40.84384706852284, 111.75591799594723),
        ("Lanzhou", 36.0611, 103.8343, 36.060772717206014, 103.83670310913949),
        ("Xining", 36.6171, 101.7782, 36.61701833896173, 101.78013246635895),
        ("Yinchuan", 38.4872, 106.2309, 38.487659531585734, 106.23529891275521),
        ("Guiyang", 26.647, 106.6302, 26.64333068494703, 106.63376876191442),
        ("Changsha", 28.2282, 112.9388, 28.224692417302222, 112.94424977544385),
        ("Zhengzhou", 34.7466, 113.6254, 34.74541745147574, 113.6314466644585),
        ("Qingdao", 36.0671, 120.3826, 36.06737622755961, 120.38773308004247),
        ("Dalian", 38.914, 121.6147, 38.91477726578321, 121.61964328890618),
        ("Hulunbuir", 49.2116, 119.7658, 49.21354088056141, 119.77314201246188),
        ("Altay", 47.8445, 88.1396, 47.84580545099145, 88.14295692147074),
    ]

    @Test func gcj02MatchesThePublishedVectorsAndTheReferenceAcrossChina() {
        let all = Self.published + Self.reference
        #expect(all.count >= 20)
        for p in all {
            #expect(GCJ02.isInChina(latitude: p.lat, longitude: p.lon), "\(p.name) should be in China")
            let g = GCJ02.fromWGS84(latitude: p.lat, longitude: p.lon)
            let error = Geo.distance(g.latitude, g.longitude, p.gcjLat, p.gcjLon)
            #expect(error < 0.5, "\(p.name): \(error) m from the reference")
            // The shift itself is real (a few hundred metres): an identity transform cannot pass.
            let shift = Geo.distance(p.lat, p.lon, p.gcjLat, p.gcjLon)
            #expect(shift > 50 && shift < 1000, "\(p.name): reference shift \(shift) m")
        }
    }

    @Test func gcj02LeavesPointsOutsideChinaUnchanged() {
        let outside: [(String, Double, Double)] = [
            ("Tokyo", 35.6762, 139.6503), ("Seoul", 37.5665, 126.9780), ("Pyongyang", 39.0392, 125.7625),
            ("Taipei", 25.0330, 121.5654), ("Kaohsiung", 22.6273, 120.3014), ("Hanoi", 21.0278, 105.8342),
            ("Ulaanbaatar", 47.8864, 106.9057), ("Vladivostok", 43.1198, 131.8869), ("Singapore", 1.3521, 103.8198),
            ("Bangkok", 13.7563, 100.5018), ("Manila", 14.5995, 120.9842), ("New Delhi", 28.6139, 77.2090),
            ("Islamabad", 33.6844, 73.0479), ("Almaty", 43.2220, 76.8512), ("Yangon", 16.8409, 96.1735),
            ("Moscow", 55.7558, 37.6173), ("London", 51.5074, -0.1278), ("New York", 40.7128, -74.0060),
            ("Sydney", -33.8688, 151.2093), ("Null Island", 0, 0), ("South Pole", -90, 0), ("Antimeridian", 10, 180),
        ]
        for (name, lat, lon) in outside {
            #expect(!GCJ02.isInChina(latitude: lat, longitude: lon), "\(name) should be outside China")
            let g = GCJ02.fromWGS84(latitude: lat, longitude: lon)
            #expect(g.latitude == lat && g.longitude == lon, "\(name) moved")
            let w = GCJ02.toWGS84(latitude: lat, longitude: lon)
            #expect(w.latitude == lat && w.longitude == lon, "\(name) moved back")
        }
        // The single bounding rectangle would have shifted these; the region rectangles do not.
        #expect(GCJ02.isInBoundingRectangle(latitude: 37.5665, longitude: 126.9780))
        #expect(GCJ02.isInBoundingRectangle(latitude: 25.0330, longitude: 121.5654))
        #expect(!GCJ02.isInChina(latitude: .nan, longitude: 116))
    }

    @Test func gcj02InverseRoundTripsWithinACentimetre() {
        for p in Self.reference {
            let w = GCJ02.toWGS84(latitude: p.gcjLat, longitude: p.gcjLon)
            #expect(Geo.distance(w.latitude, w.longitude, p.lat, p.lon) < 0.01, "\(p.name)")
        }
    }

    @Test func haversineMatchesKnownDistances() {
        // One degree of latitude on the mean sphere: 111.195 km.
        #expect(abs(Geo.distance(0, 0, 1, 0) - 111_195.08) < 1)
        #expect(Geo.distance(39.9, 116.4, 39.9, 116.4) == 0)
        // Beijing – Shanghai, about 1068 km.
        #expect(abs(Geo.distance(39.9042, 116.4074, 31.2304, 121.4737) - 1_067_000) < 3_000)
    }

    // MARK: The fuzzy grid

    /// A deterministic generator, so failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    @Test func fuzzyLocationIsACellCentreStableAndNeverThePrecisePoint() {
        var rng = SplitMix(state: 42)
        for _ in 0..<5000 {
            let lat = -89.99 + rng.next() * 179.98, lon = -180 + rng.next() * 360
            let f = LocationService.fuzzy(latitude: lat, longitude: lon)
            #expect(f.latitude != lat || f.longitude != lon)
            let d = Geo.distance(lat, lon, f.latitude, f.longitude)
            // Within the ~1.1 km cell (half its diagonal is under 800 m; poleward cells are capped).
            if abs(lat) < 80 { #expect(d < 800, "\(lat), \(lon) → \(f) is \(d) m away") }
            // The same place always gives the same answer, and so does any point of its cell.
            #expect(LocationService.fuzzy(latitude: lat, longitude: lon) == f)
            #expect(LocationService.fuzzy(latitude: f.latitude + 0.003, longitude: f.longitude) == f)
            #expect(LocationService.fuzzy(latitude: f.latitude - 0.003, longitude: f.longitude) == f)
        }
        // Around Beijing: cells are 0.01° high and about 1.1 km wide.
        let a = LocationService.fuzzy(latitude: 39.9087, longitude: 116.3975)
        let b = LocationService.fuzzy(latitude: 39.9051, longitude: 116.3932)
        #expect(a == b)
        #expect(abs(a.latitude - 39.905) < 1e-9)
        let c = LocationService.fuzzy(latitude: 39.9101, longitude: 116.3975)
        #expect(c != a && abs(c.latitude - 39.915) < 1e-9)
        // The exact centre of a cell is still not returned as is.
        let centre = LocationService.fuzzy(latitude: 39.9087, longitude: 116.3975)
        let again = LocationService.fuzzy(latitude: centre.latitude, longitude: centre.longitude)
        #expect(again.latitude != centre.latitude || again.longitude != centre.longitude)
        #expect(Geo.distance(again.latitude, again.longitude, centre.latitude, centre.longitude) < 600)
        // Edges of the globe do not crash and stay in range.
        for (lat, lon) in [(90.0, 180.0), (-90.0, -180.0), (89.999, 0.0), (0.0, 179.9999)] {
            let e = LocationService.fuzzy(latitude: lat, longitude: lon)
            #expect(e.latitude >= -90 && e.latitude <= 90 && e.longitude >= -180 && e.longitude <= 180)
        }
    }

    // MARK: Route playback

    static let route = [
        WorldRoutePoint(t: 0, latitude: 39.90, longitude: 116.40),
        WorldRoutePoint(t: 10, latitude: 39.91, longitude: 116.40, altitude: 50),
        WorldRoutePoint(t: 30, latitude: 39.91, longitude: 116.42, altitude: 70),
    ]

    @Test func routePositionsInterpolateLinearlyWithSegmentSpeed() {
        let r = Self.route
        let start = LocationProvider.position(r, at: 0, loop: false, altitude: 40)
        #expect(start.latitude == 39.90 && start.longitude == 116.40 && !start.isFinal)
        #expect(abs(start.speed - Geo.distance(39.90, 116.40, 39.91, 116.40) / 10) < 1e-9)
        let mid = LocationProvider.position(r, at: 5, loop: false, altitude: 40)
        #expect(abs(mid.latitude - 39.905) < 1e-12 && mid.longitude == 116.40)
        #expect(abs(mid.altitude - 45) < 1e-9)  // 40 (default) → 50
        #expect(abs(mid.speed - 111.195) < 0.01)  // 1111.95 m in 10 s
        let later = LocationProvider.position(r, at: 20, loop: false)
        #expect(abs(later.longitude - 116.41) < 1e-12 && later.latitude == 39.91 && abs(later.altitude - 60) < 1e-9)
        #expect(abs(later.speed - Geo.distance(39.91, 116.40, 39.91, 116.42) / 20) < 1e-9)
        let end = LocationProvider.position(r, at: 31, loop: false)
        #expect(end.latitude == 39.91 && end.longitude == 116.42 && end.speed == 0 && end.isFinal)
        #expect(LocationProvider.position(r, at: 30, loop: false).isFinal)
        // Looping: t modulo the route's duration, never final.
        let looped = LocationProvider.position(r, at: 35, loop: true)
        #expect(abs(looped.latitude - 39.905) < 1e-12 && !looped.isFinal)
        // A route that starts later: the first point until then.
        let late = [WorldRoutePoint(t: 5, latitude: 1, longitude: 2), WorldRoutePoint(t: 15, latitude: 2, longitude: 2)]
        #expect(LocationProvider.position(late, at: 2, loop: false).latitude == 1)
        #expect(LocationProvider.position(late, at: 2, loop: false).speed == 0)
        #expect(abs(LocationProvider.position(late, at: 10, loop: false).latitude - 1.5) < 1e-12)
        // Two points at the same time: a jump, no division by zero.
        let jump = [WorldRoutePoint(t: 0, latitude: 0, longitude: 0), WorldRoutePoint(t: 0, latitude: 1, longitude: 1),
                    WorldRoutePoint(t: 10, latitude: 1, longitude: 2)]
        let j = LocationProvider.position(jump, at: 0, loop: false)
        #expect(j.latitude == 1 && j.longitude == 1 && j.speed.isFinite)
        // Across the antimeridian the short way.
        let dateline = [WorldRoutePoint(t: 0, latitude: 0, longitude: 179.9), WorldRoutePoint(t: 10, latitude: 0, longitude: -179.9)]
        let d = LocationProvider.position(dateline, at: 7.5, loop: false)
        #expect(abs(d.longitude - (-179.95)) < 1e-9)
        #expect(LocationProvider.position(r, at: .nan, loop: false).latitude == 39.90)
    }

    final class TestClock: @unchecked Sendable {
        private let lock = NSLock()
        private var now = Date(timeIntervalSince1970: 1_800_000_000)
        func advance(_ s: TimeInterval) { lock.withLock { now += s } }
        var date: Date { lock.withLock { now } }
    }

    @Test func providerPlaysTheRouteFromStartAtItsSpeed() throws {
        let clock = TestClock()
        let provider = LocationProvider(WorldLocation(provider: .route, points: Self.route, speed: 2), clock: { clock.date })
        #expect(provider.provider == .route && !provider.isPlaying)
        clock.advance(100)
        // Not started: the first point, standing still.
        #expect(provider.current().latitude == 39.90 && provider.current().speed == 0)
        provider.start()
        clock.advance(2.5)  // route time 5 s
        #expect(abs(provider.current().latitude - 39.905) < 1e-12)
        provider.start()  // a second start changes nothing
        clock.advance(100)
        #expect(provider.current().isFinal && provider.current().longitude == 116.42)
        try provider.moveTo(latitude: 31.2304, longitude: 121.4737)
        #expect(provider.provider == .fixed && provider.current().latitude == 31.2304 && provider.current().isFinal)
        #expect(throws: WorldError.self) { try provider.moveTo(latitude: 91, longitude: 0) }
        #expect(throws: WorldError.self) { try provider.setRoute([], speed: 1) }
        #expect(throws: WorldError.self) { try provider.setRoute(Self.route, speed: 0) }
        try provider.setRoute(Self.route, speed: 1, loop: true)
        clock.advance(35)
        #expect(abs(provider.current().latitude - 39.905) < 1e-12 && !provider.current().isFinal)
        // A fixed world.
        let fixed = LocationProvider(WorldLocation())
        #expect(fixed.current() == LocationProvider.Fix(latitude: 39.9087, longitude: 116.3975, altitude: 44, accuracy: 10, speed: 0, isFinal: true))
    }

    // MARK: The APIs

    static func manifest(_ permissions: [String]) throws -> Manifest {
        let list = permissions.map { #"{"name": "\#($0)"}"# }.joined(separator: ", ")
        return try Manifest.parse(Data(#"{"app_id": "org.test.loc", "name": "Loc", "pages": ["p/i"], "req_permissions": [\#(list)]}"#.utf8), file: "t")
    }

    struct Host {
        var services: HostServices
        var bridge: AppBridge
        var prompter: ScriptedPrompter

        func call(_ api: String, _ args: [String: JSONValue] = [:]) -> Result<JSONValue, BridgeError> {
            bridge.handle(BridgeCall(id: 1, api: api, arguments: .object(args))).map { v in
                if case let .value(j) = v { return j }
                return .null
            }
        }
    }

    static func host(_ permissions: [String] = ["location"], world: World = .default, clock: TestClock? = nil) throws -> Host {
        let prompter = ScriptedPrompter(answer: { _ in .allowAlways })
        let services: HostServices
        if let clock {
            services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: prompter, world: world, clock: { clock.date })
        } else {
            services = try HostServices(database: MiniHostDatabase.inMemory(), prompter: prompter, world: world)
        }
        let bridge = AppBridge(app: AppIdentity(manifest: try manifest(permissions)), registry: .standard(services: services), services: services)
        return Host(services: services, bridge: bridge, prompter: prompter)
    }

    @Test func getLocationGivesTheWorldsPointInEitherDatum() throws {
        let h = try Self.host()
        let wgs = try h.call("getLocation").get()
        #expect(wgs == .object([
            "latitude": .number(39.9087), "longitude": .number(116.3975), "speed": .number(0), "accuracy": .number(10),
            "altitude": .number(0), "verticalAccuracy": .number(0), "horizontalAccuracy": .number(10),
        ]))
        let gcj = try h.call("getLocation", ["type": .string("gcj02"), "altitude": .bool(true), "isHighAccuracy": .bool(true)]).get()
        let expected = GCJ02.fromWGS84(latitude: 39.9087, longitude: 116.3975)
        #expect(gcj["latitude"] == .number(expected.latitude) && gcj["longitude"] == .number(expected.longitude))
        #expect(abs((gcj["latitude"]?.numberValue ?? 0) - 39.91010349934476) < 1e-9)
        #expect(gcj["altitude"] == .number(44) && gcj["verticalAccuracy"] == .number(10))
        // Bad options, named precisely; no prompt for them.
        #expect(h.call("getLocation", ["type": .string("bd09")]) == .failure(.invalid("type must be one of 'wgs84', 'gcj02' (got 'bd09')")))
        #expect(h.call("getLocation", ["altitude": .string("yes")]) == .failure(.invalid("altitude must be true or false (got a string)")))
        #expect(h.call("getLocation", ["isHighAccuracy": .number(1)]) == .failure(.invalid("isHighAccuracy must be true or false (got a number)")))
        #expect(h.prompter.requests.count == 1)
        #expect(h.prompter.requests.first?.kind == .permission(.location))
    }

    @Test func getLocationNeedsPreciseLocationAndIsRateLimited() throws {
        let coarse = try Self.host(["location.coarse"])
        #expect(coarse.call("getLocation") == .failure(.notDeclared))
        #expect(coarse.call("startLocationUpdate") == .failure(.notDeclared))
        let fuzzy = try coarse.call("getFuzzyLocation").get()
        #expect(fuzzy == .object(["latitude": .number(39.905), "longitude": .number(LocationService.fuzzy(latitude: 39.9087, longitude: 116.3975).longitude), "accuracy": .number(1000)]))
        let fuzzyGcj = try coarse.call("getFuzzyLocation", ["type": .string("gcj02")]).get()
        let g = GCJ02.fromWGS84(latitude: 39.9087, longitude: 116.3975)
        let cell = LocationService.fuzzy(latitude: g.latitude, longitude: g.longitude)
        #expect(fuzzyGcj["latitude"] == .number(cell.latitude) && fuzzyGcj["longitude"] == .number(cell.longitude))

        let h = try Self.host()
        for i in 0..<10 { #expect((try? h.call("getLocation").get()) != nil, "call \(i + 1)") }
        guard case let .failure(error) = h.call("getLocation") else {
            Issue.record("the 11th call in a burst should be refused")
            return
        }
        #expect(error.code == .limitExceeded)
        #expect(error.reason.hasPrefix("rate limit exceeded: at most 60 calls a minute"))
        // A precise declaration also covers the coarse API, and a precise grant allows it
        // without another prompt.
        #expect((try? h.call("getFuzzyLocation").get()) != nil)
        #expect(h.prompter.requests.map(\.kind) == [.permission(.location)])
        #expect(try h.services.audit.entries(app: "org.test.loc", limit: nil).last?.reason == "covered by the precise location grant")
        // Without a precise grant, coarse location is asked for on its own.
        let fresh = try Self.host()
        #expect((try? fresh.call("getFuzzyLocation").get()) != nil)
        #expect(fresh.prompter.requests.map(\.kind) == [.permission(.locationCoarse)])
        #expect(coarse.prompter.requests.map(\.kind) == [.permission(.locationCoarse)])
    }

    @Test func chooseLocationIsAPowerboxPick() throws {
        let h = try Self.host([])
        h.prompter.enqueuePicks(1, nil)
        let picked = try h.call("chooseLocation").get()
        let airport = GCJ02.fromWGS84(latitude: 40.0522, longitude: 116.6129)
        #expect(picked == .object([
            "name": .string("Beijing Capital Airport T3"), "address": .string("Shunyi, Beijing"),
            "latitude": .number(airport.latitude), "longitude": .number(airport.longitude),
        ]))
        #expect(h.prompter.choiceRequests.first?.kind == .location)
        #expect(h.prompter.choiceRequests.first?.options == ["Tiananmen Square — Dongcheng, Beijing", "Beijing Capital Airport T3 — Shunyi, Beijing"])
        #expect(h.call("chooseLocation") == .failure(.cancel))
        #expect(h.call("chooseLocation", ["latitude": .number(100)]) == .failure(.invalid("latitude must be a number from -90 to 90 (got 100)")))
        // No permission prompt: the pick is the consent.
        #expect(h.prompter.requests.isEmpty)
        let audit = try h.services.audit.entries(app: "org.test.loc", limit: nil)
        #expect(audit.filter { $0.api == "chooseLocation" }.map(\.decision) == ["allow", "cancel", "invalid"])

        var empty = World.default
        empty.places = []
        let none = try Self.host([], world: empty)
        guard case let .failure(e) = none.call("chooseLocation") else {
            Issue.record("no places should fail")
            return
        }
        #expect(e.code == .notFound)
    }

    /// Records what a session sends and how it holds.
    final class Channel: AppEventChannel, @unchecked Sendable {
        private let lock = NSLock()
        private var sent: [BridgeEvent] = []
        private var holdCount = 0
        func send(_ event: BridgeEvent) { lock.withLock { sent.append(event) } }
        func hold() { lock.withLock { holdCount += 1 } }
        func release() { lock.withLock { holdCount -= 1 } }
        var events: [BridgeEvent] { lock.withLock { sent } }
        var holds: Int { lock.withLock { holdCount } }

        func waitFor(_ count: Int, timeout: Double = 5) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if events.count >= count { return true }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return false
        }
    }

    static func payload(_ e: BridgeEvent) -> JSONValue {
        if case let .value(v) = e.payload { return v }
        return .null
    }

    @Test func locationUpdatesFollowTheRouteHoldUntilItsEndAndStop() throws {
        let clock = TestClock()
        var world = World.default
        world.location = WorldLocation(provider: .route, points: Self.route, speed: 1)
        let h = try Self.host(world: world, clock: clock)
        let channel = Channel()
        h.bridge.connect(channel)
        defer { h.bridge.disconnect() }
        #expect(try h.call("startLocationUpdate", ["type": .string("wgs84"), "interval": .number(100)]).get() == .object([:]))
        #expect(channel.waitFor(1))
        #expect(channel.holds == 1)  // the route has more to play
        let first = Self.payload(channel.events[0])
        #expect(channel.events[0].name == "LocationChange")
        #expect(first["latitude"] == .number(39.90) && first["altitude"] == .number(44))
        clock.advance(5)
        #expect(channel.waitFor(channel.events.count + 2))
        #expect(channel.events.contains { abs((Self.payload($0)["latitude"]?.numberValue ?? 0) - 39.905) < 1e-9 })
        clock.advance(100)  // past the end: the final point is sent, then the hold goes
        let deadline = Date().addingTimeInterval(5)
        while channel.holds != 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        #expect(channel.holds == 0)
        #expect(channel.events.last.map(Self.payload)?["longitude"] == .number(116.42))
        #expect(try h.call("stopLocationUpdate").get() == .object([:]))
        let count = channel.events.count
        Thread.sleep(forTimeInterval: 0.3)
        #expect(channel.events.count == count)
        #expect(h.call("startLocationUpdate", ["interval": .number(50)]) == .failure(.invalid("interval must be an integer from 100 to 60000 (got 50)")))
    }

    @Test func fixedUpdatesDoNotHoldAndStopWhenTheAppStops() throws {
        let h = try Self.host()
        let channel = Channel()
        h.bridge.connect(channel)
        _ = try h.call("startLocationUpdate", ["interval": .number(100)]).get()
        #expect(channel.waitFor(2))
        #expect(channel.holds == 0)
        // Default datum of updates: GCJ-02.
        let g = GCJ02.fromWGS84(latitude: 39.9087, longitude: 116.3975)
        #expect(Self.payload(channel.events[0])["latitude"] == .number(g.latitude))
        h.bridge.disconnect()
        let count = channel.events.count
        Thread.sleep(forTimeInterval: 0.3)
        #expect(channel.events.count <= count + 1)
        #expect(!LocationService.updates(h.bridge.session).isRunning)
    }
}
