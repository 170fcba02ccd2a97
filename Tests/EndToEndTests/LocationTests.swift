import Foundation
import MiniHostCore
import Testing

/// End-to-end: the location APIs and the taxi sample through the real CLI — coarse location,
/// route events in order until the route ends, the fare paid at the end.
@Suite struct LocationE2ETests {
    static let taxiManifest = "manifests/org.minihost.taxi.json"
    static let taxiWorld = CLI.packageRoot.appendingPathComponent("worlds/taxi.json").path

    /// Runs `body` (the inside of a page method `t()`) in a temporary app.
    func run(_ body: String, permissions: [String] = ["location"], args: [String] = []) throws -> CLI.Result {
        let list = permissions.map { #"{"name": "\#($0)"}"# }.joined(separator: ", ")
        let app = try TempApp(id: "org.test.location", files: [
            "pages/index/index.js": "Page({ async t() {\n\(body)\n} })",
        ], manifestExtra: #""req_permissions": [\#(list)]"#)
        defer { app.remove() }
        return try CLI.run(["run", app.path, "--dev", "--json", "--data-dir", tempDataDir()] + args, stdin: "call - t\n")
    }

    @Test func getLocationGivesWGS84OrGCJ02AndRefusesPrecisely() throws {
        let r = try run("""
        const w = await mp.getLocation({});
        console.log(w.errMsg + ' ' + w.latitude + ' ' + w.longitude + ' ' + w.speed + ' ' + w.accuracy + ' ' + w.altitude);
        const g = await mp.getLocation({ type: 'gcj02', altitude: true });
        console.log('gcj02 ' + g.latitude + ' ' + g.longitude + ' ' + g.altitude + ' ' + g.verticalAccuracy + ' ' + g.horizontalAccuracy);
        try { await mp.getLocation({ type: 'bd09' }) } catch (e) { console.log(e.errMsg + ' ' + e.errCode) }
        let refused = null;
        for (let i = 0; i < 12 && !refused; i++) { try { await mp.getLocation({}) } catch (e) { refused = e } }
        console.log('burst ' + (refused ? refused.errCode : 'none'));
        const f = await mp.getFuzzyLocation({});
        console.log('fuzzy ' + f.errMsg + ' ' + f.latitude + ' ' + f.accuracy);
        """, args: ["--grant", "location"])
        #expect(r.status == 0, "\(r.stderr)")
        let gcj = GCJ02.fromWGS84(latitude: 39.9087, longitude: 116.3975)
        #expect(r.consoleMessages == [
            "getLocation:ok 39.9087 116.3975 0 10 0",
            "gcj02 \(gcj.latitude) \(gcj.longitude) 44 10 10",
            "getLocation:fail invalid argument: type must be one of 'wgs84', 'gcj02' (got 'bd09') 1001",
            "burst 1005",
            "fuzzy getFuzzyLocation:ok 39.905 1000",
        ])
    }

    @Test func undeclaredDeniedAndCancelledFailDistinctly() throws {
        let r = try run("""
        try { await mp.getLocation({}) } catch (e) { console.log(e.errMsg + ' ' + e.errCode) }
        try { await mp.getFuzzyLocation({}) } catch (e) { console.log(e.errMsg + ' ' + e.errCode) }
        try { await mp.chooseLocation({}) } catch (e) { console.log(e.errMsg + ' ' + e.errCode) }
        """, permissions: ["location.coarse"], args: ["--deny", "location.coarse"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            "getLocation:fail permission not declared 1002",
            "getFuzzyLocation:fail auth deny 1003",
            // No terminal and no policy: the picker is cancelled.
            "chooseLocation:fail cancel 1004",
        ])
        let picked = try run("""
        const p = await mp.chooseLocation({});
        console.log(p.errMsg + ' ' + p.name + ' / ' + p.address);
        """, permissions: [], args: ["--grant", "choose"])
        #expect(picked.consoleMessages == ["chooseLocation:ok Tiananmen Square / Dongcheng, Beijing"])
    }

    @Test func updatesFromAFixedPointDoNotKeepTheRunAlive() throws {
        let r = try run("""
        mp.onLocationChange((l) => console.log('at ' + l.latitude.toFixed(4)));
        await mp.startLocationUpdate({ type: 'wgs84' });
        console.log('started');
        """, args: ["--grant", "location", "--timeout", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.exit?["status"] as? String == "ok")
        #expect(r.consoleMessages.contains("started") && r.consoleMessages.contains("at 39.9087"))
        #expect(r.consoleMessages.allSatisfy { $0 == "started" || $0 == "at 39.9087" })
    }

    /// The taxi sample with its world: the run lasts while the car moves, then pays and ends.
    func taxi(world: String = taxiWorld, dataDir: String = tempDataDir()) throws -> CLI.Result {
        try CLI.run(["run", Self.taxiManifest, "--world", world, "--json", "--data-dir", dataDir, "--timeout", "40"],
                    stdin: "call pages/index/index book\n")
    }

    @Test func taxiFindsTheUserCoarselyFollowsTheRouteInOrderAndPays() throws {
        let started = Date()
        let r = try taxi()
        let elapsed = Date().timeIntervalSince(started)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.exit?["status"] as? String == "ok", "\(r.exit ?? [:]) after \(elapsed) s; \(r.consoleMessages)")
        let m = r.consoleMessages
        // Coarse: the cell centre of the user's GCJ-02 position, never the precise point.
        let gcj = GCJ02.fromWGS84(latitude: 39.9087, longitude: 116.3975)
        let cell = LocationService.fuzzy(latitude: gcj.latitude, longitude: gcj.longitude)
        #expect(m.contains(String(format: "pickup near %.3f, %.3f (±1000 m)", cell.latitude, cell.longitude)))
        #expect(m.contains("booked a car to China World Trade Center"))
        // Route events: from the pickup, eastwards, distance left shrinking, ending at the destination.
        let cars = m.filter { $0.hasPrefix("car at ") }
        #expect(cars.count >= 3, "\(m)")
        #expect(cars.first == "car at 39.91010, 116.40374, 0 m/s, 5408 m left")
        #expect(cars.last?.hasSuffix(", 0 m/s, 0 m left") == true)
        let longitudes = cars.compactMap { Double($0.split(separator: ",")[1].trimmingCharacters(in: .whitespaces)) }
        let left = cars.compactMap { line in line.split(separator: ",").last.flatMap { Int($0.split(separator: " ")[0]) } }
        #expect(longitudes.count == cars.count && left.count == cars.count)
        #expect(longitudes == longitudes.sorted())
        #expect(left == left.sorted(by: >))
        // The route plays at 60× (270 s of world time): the run waited for it.
        #expect(elapsed > 4)
        // The fare at the end (13.00 CNY for 3 km + 2.30 CNY a km, over the 5.41 km ride).
        let tail = Array(m.drop { !$0.hasPrefix("arrived") })
        #expect(tail == [
            "arrived after 5.41 km: fare 18.54 CNY",
            "paid 18.54 CNY: requestPayment:ok",
            "thank you for riding: 18.54 CNY",
        ])
        // Nothing arrives after the ride stopped its updates.
        let lastCar = m.lastIndex { $0.hasPrefix("car at ") } ?? 0
        let arrived = m.firstIndex { $0.hasPrefix("arrived") } ?? -1
        #expect(lastCar < arrived)
    }

    @Test func taxiDemoScriptEndsOnTheReceipt() throws {
        let r = try CLI.run(["run", "org.minihost.taxi", "--world", Self.taxiWorld, "--script", "miniprograms/taxi/demo.minihost",
                             "--json", "--data-dir", tempDataDir(), "--timeout", "40"])
        #expect(r.status == 0, "\(r.stderr)")
        let reply = r.events(type: "reply").last
        #expect(reply?["command"] as? String == "data")
        let data = reply?["data"] as? [String: Any]
        #expect(data?["route"] as? String == "pages/done/done")
        #expect((data?["data"] as? [String: Any])?["fare"] as? String == "18.54 CNY")
        #expect(r.exit?["status"] as? String == "ok")
    }

    @Test func taxiReportsAFailedPayment() throws {
        // The same world with 10.00 CNY in the wallet: the fare cannot be paid.
        var text = try String(contentsOfFile: Self.taxiWorld, encoding: .utf8)
        text = text.replacingOccurrences(of: #""balance": 100000"#, with: #""balance": 1000"#)
        let world = FileManager.default.temporaryDirectory.appendingPathComponent("taxi-world-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: world)
        defer { try? FileManager.default.removeItem(at: world) }
        let r = try taxi(world: world.path)
        #expect(r.status == 0, "\(r.stderr)")
        let m = r.consoleMessages
        #expect(m.contains("arrived after 5.41 km: fare 18.54 CNY"))
        #expect(m.contains { $0.hasPrefix("payment failed: requestPayment:fail insufficient funds") && $0.hasSuffix("(1006)") }, "\(m)")
        #expect(!m.contains { $0.hasPrefix("thank you") })
    }
}
