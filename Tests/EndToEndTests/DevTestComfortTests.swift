import Foundation
import XCTest

/// `minihost test`'s comforts, through the real CLI: a test file's console in the report,
/// `require` of the package's own helpers, `test.each`, `--bail`, `--shard`, `--changed`, and
/// fake timers for the driver and for the app.
final class DevTestComfortTests: XCTestCase {
    func summary(_ text: String) -> String? {
        text.split(separator: "\n").map(String.init).last { $0.range(of: #"^\d+ passed, \d+ failed(, \d+ skipped)?$"#, options: .regularExpression) != nil }
    }

    /// The spec reporter's test lines (`✓ file › name`, `✗ …`), in order.
    func testLines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("✓") || $0.hasPrefix("✗") }
    }

    func testConsoleLinesGoWithTheirTestInEveryReporter() throws {
        let app = try TempApp(id: "org.test.console", files: [
            "tests/log.test.js": """
            it('first', () => { console.log('in first', { n: 1 }); console.warn('careful'); });
            it('second', () => { console.error('in second'); expect(1).toBe(2); });
            it('quiet', () => {});
            """,
        ])
        defer { app.remove() }
        let spec = try CLI.run(["test", app.path], timeout: 120)
        XCTAssertEqual(spec.status, 1, spec.stdout + spec.stderr)
        let lines = spec.stdout.split(separator: "\n").map(String.init)
        let first = try XCTUnwrap(lines.firstIndex { $0.contains("› first") }, spec.stdout)
        XCTAssertEqual(lines[first + 1], "      console.log: in first {n: 1}", spec.stdout)
        XCTAssertEqual(lines[first + 2], "      console.warn: careful", spec.stdout)
        XCTAssertTrue(lines[first + 3].contains("› second"), spec.stdout)
        XCTAssertEqual(lines[first + 4], "      console.error: in second", spec.stdout)
        XCTAssertTrue(lines[first + 5].contains("› quiet"), spec.stdout)

        let json = try CLI.run(["test", app.path, "--reporter", "json"], timeout: 120)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
        let tests = try XCTUnwrap(doc["tests"] as? [[String: Any]])
        XCTAssertEqual(tests.count, 3)
        let out0 = try XCTUnwrap(tests[0]["output"] as? [[String: String]], json.stdout)
        XCTAssertEqual(out0, [["level": "log", "message": "in first {n: 1}"], ["level": "warn", "message": "careful"]])
        XCTAssertEqual(tests[1]["output"] as? [[String: String]], [["level": "error", "message": "in second"]])
        XCTAssertNil(tests[2]["output"])

        let junit = try CLI.run(["test", app.path, "--reporter", "junit"], timeout: 120)
        XCTAssertTrue(junit.stdout.contains("<system-out>console.log: in first {n: 1}\nconsole.warn: careful</system-out>"), junit.stdout)
    }

    func testRequireLoadsThePackagesOwnHelpersOnceConfinedToThePackage() throws {
        let app = try TempApp(id: "org.test.require", files: [
            "tests/helpers.js": "const c = require('./lib/count'); c.loads += 1; exports.double = (x) => x * 2; exports.count = c;",
            "tests/lib/count.js": "module.exports = { loads: 0, dir: __dirname, file: __filename };",
            "tests/fixtures/user.json": #"{"name": "Ann", "tags": ["a", "b"]}"#,
            "tests/broken.js": "module.exports = {",
            "tests/a.test.js": """
            const h = require('./helpers');
            const again = require('./helpers.js');
            const user = require('./fixtures/user.json');
            it('uses helpers and fixtures', () => {
              expect(h.double(21)).toBe(42);
              expect(again).toBe(h);
              expect(h.count.loads).toBe(1);
              expect(h.count.file).toBe('tests/lib/count.js');
              expect(h.count.dir).toBe('tests/lib');
              expect(user).toEqual({ name: 'Ann', tags: ['a', 'b'] });
            });
            it('names a missing file', () => { expect(() => require('./nope')).toThrow('require("./nope") in tests/a.test.js: no file tests/nope'); });
            it('refuses bare names', () => { expect(() => require('fs')).toThrow('only relative paths'); });
            it('reports a helper syntax error', () => { expect(() => require('./broken')).toThrow('(tests/broken.js:1)'); });
            it('escapes', () => { require('../../outside'); });
            """,
            "tests/b.test.js": "const h = require('./helpers'); it('has its own modules', () => { expect(h.count.loads).toBe(1); });",
        ])
        defer { app.remove() }
        // A symbolic link out of the package is an escape too.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-outside-\(UUID().uuidString).js")
        try Data("module.exports = 1".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: app.root.appendingPathComponent("tests/link.js"), withDestinationURL: outside)
        try app.write("tests/c.test.js", "it('follows links', () => { require('./link'); });")
        let r = try CLI.run(["test", app.path], timeout: 120)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertEqual(summary(r.stdout), "5 passed, 2 failed", r.stdout)
        let outsidePath = app.root.deletingLastPathComponent().appendingPathComponent("outside").standardizedFileURL.path
        XCTAssertTrue(r.stdout.contains("require(\"../../outside\") in tests/a.test.js: \(outsidePath) is outside the package"), r.stdout)
        XCTAssertTrue(r.stdout.contains("require(\"./link\") in tests/c.test.js: \(outside.resolvingSymlinksInPath().path) is outside the package"), r.stdout)
    }

    func testEachFormsMakeOneTestPerRow() throws {
        let app = try TempApp(id: "org.test.each", files: [
            "tests/each.test.js": """
            test.each([[1, 1, 2], [2, 3, 5]])('add(%i, %d) = %s', (a, b, sum) => { expect(a + b).toBe(sum); });
            it.each([{ a: 1, name: 'one' }, { a: 2, name: 'two' }])('row %# is $name with %p', ({ a }) => { expect(a).toBeGreaterThan(0); });
            it.each(['x', 'yy'])('length of %s', (s) => { expect(s.length).toBeLessThan(2); });
            describe.each([['alpha', 1], ['beta', 2]])('block %s', (name, n) => {
              it('gets ' + name, () => { expect(n).toBeGreaterThan(0); });
            });
            """,
        ])
        defer { app.remove() }
        let r = try CLI.run(["test", app.path], timeout: 120)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertEqual(testLines(r.stdout).map { $0.replacingOccurrences(of: #" \(\d+ ms\)"#, with: "", options: .regularExpression) }, [
            "✓ tests/each.test.js › add(1, 1) = 2",
            "✓ tests/each.test.js › add(2, 3) = 5",
            "✓ tests/each.test.js › row 0 is one with {a: 1, name: \"one\"}",
            "✓ tests/each.test.js › row 1 is two with {a: 2, name: \"two\"}",
            "✓ tests/each.test.js › length of x",
            "✗ tests/each.test.js › length of yy",
            "✓ tests/each.test.js › block alpha > gets alpha",
            "✓ tests/each.test.js › block beta > gets beta",
        ], r.stdout)
    }

    func testBailShardAndChangedChooseTheFiles() throws {
        var files: [String: String] = [:]
        for name in ["a", "b", "c", "d", "e"] {
            files["tests/\(name).test.js"] = "it('\(name) runs', () => { expect('\(name)').not.toBe('b'); });"
        }
        let app = try TempApp(id: "org.test.select", files: files)
        defer { app.remove() }
        // --bail: b fails, c, d and e do not run.
        let bail = try CLI.run(["test", app.path, "--bail"], timeout: 120)
        XCTAssertEqual(bail.status, 1, bail.stdout + bail.stderr)
        XCTAssertEqual(summary(bail.stdout), "1 passed, 1 failed", bail.stdout)
        XCTAssertTrue(bail.stderr.contains("--bail: stopped after the first failing test file (3 not run)"), bail.stderr)
        // --shard: the two shards together run every test once.
        var seen: [String] = []
        for shard in ["1/2", "2/2"] {
            let r = try CLI.run(["test", app.path, "--shard", shard], timeout: 120)
            seen += testLines(r.stdout).map { String($0.split(separator: "›").last!.trimmingCharacters(in: .whitespaces).prefix(while: { $0 != "(" })).trimmingCharacters(in: .whitespaces) }
        }
        XCTAssertEqual(seen.sorted(), ["a runs", "b runs", "c runs", "d runs", "e runs"])
        XCTAssertEqual(Set(seen).count, 5)
        let bad = try CLI.run(["test", app.path, "--shard", "3/2"], timeout: 60)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--shard 3/2: expected i/n with 1 <= i <= n"), bad.stderr)
        // --changed: not a repository is an error; then only the touched test files; app code: all.
        let notRepo = try CLI.run(["test", app.path, "--changed"], timeout: 60)
        XCTAssertEqual(notRepo.status, 2, notRepo.stdout + notRepo.stderr)
        XCTAssertTrue(notRepo.stderr.contains("is not in a git repository"), notRepo.stderr)
        try git(["init", "-q", "."], in: app.root)
        try git(["add", "-A"], in: app.root)
        try git(["-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "init"], in: app.root)
        let none = try CLI.run(["test", app.path, "--changed"], timeout: 60)
        XCTAssertEqual(none.status, 0, none.stdout + none.stderr)
        XCTAssertTrue(none.stderr.contains("no test file changed since the last commit"), none.stderr)
        try app.write("tests/c.test.js", "it('c changed', () => {});")
        try app.write("tests/f.test.js", "it('f is new', () => {});")
        let some = try CLI.run(["test", app.path, "--changed"], timeout: 120)
        XCTAssertEqual(some.status, 0, some.stdout + some.stderr)
        XCTAssertEqual(testLines(some.stdout).count, 2, some.stdout)
        XCTAssertTrue(some.stdout.contains("c changed") && some.stdout.contains("f is new"), some.stdout)
        try app.write("pages/index/index.js", "Page({ data: { v: 2 } })")
        let all = try CLI.run(["test", app.path, "--changed"], timeout: 120)
        XCTAssertEqual(summary(all.stdout), "5 passed, 1 failed", all.stdout)
    }

    func git(_ args: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = args
        p.currentDirectoryURL = dir
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "git \(args)")
    }

    func testFakeTimersInTheDriverAndTheAppsClock() throws {
        let app = try TempApp(id: "org.test.clock", files: [
            "pages/index/index.js": """
            Page({
              data: { log: [] },
              onLoad() {
                const add = (x) => this.setData({ log: this.data.log.concat(x) });
                setTimeout(() => add('a@60000'), 60000);
                setTimeout(() => { add('b@10000'); Promise.resolve().then(() => add('b.then')); }, 10000);
                this.iv = setInterval(() => { add('tick'); if (this.data.log.filter((x) => x === 'tick').length === 3) clearInterval(this.iv); }, 20000);
              },
            });
            """,
            "tests/clock.test.js": """
            it('fakes the test file timers', () => {
              minihost.useFakeTimers();
              const seen = [];
              setTimeout(() => seen.push('a'), 100);
              const iv = setInterval(() => seen.push('i'), 40);
              setTimeout((x) => seen.push(x), 50, 'b');
              minihost.advanceTimersByTime(99);
              expect(seen).toEqual(['i', 'b', 'i']);
              minihost.advanceTimersByTime(1);
              expect(seen).toEqual(['i', 'b', 'i', 'a']);
              clearInterval(iv);
              minihost.advanceTimersByTime(1000);
              expect(seen).toHaveLength(4);
              expect(minihost.getTimerCount()).toBe(0);
            });
            it('is back to real timers in the next test', async () => {
              expect(() => minihost.advanceTimersByTime(1)).toThrow('useFakeTimers');
              let fired = false;
              setTimeout(() => { fired = true; }, 10);
              await minihost.sleep(60);
              expect(fired).toBe(true);
            });
            it('moves the app clock', async () => {
              const app = await minihost.launch();
              const page = await app.currentPage();
              expect(await page.data('log')).toEqual([]);
              expect(await app.clock.tick(5000)).toEqual({ fired: 0 });
              expect(await app.clock.tick(5000)).toEqual({ fired: 1 });
              expect(await page.data('log')).toEqual(['b@10000', 'b.then']);
              await app.clock.tick(50000);
              expect(await page.data('log')).toEqual(['b@10000', 'b.then', 'tick', 'tick', 'a@60000', 'tick']);
              expect(await app.clock.tick(100000)).toEqual({ fired: 0 });
              await expect(app.clock.tick(-1)).rejects.toThrow('needs a number of milliseconds');
            });
            """,
        ])
        defer { app.remove() }
        for isolation in ["process", "in-process"] {
            let r = try CLI.run(["test", app.path, "--isolation", isolation], timeout: 120)
            XCTAssertEqual(r.status, 0, "\(isolation):\n\(r.stdout)\n\(r.stderr)")
            XCTAssertEqual(summary(r.stdout), "3 passed, 0 failed", r.stdout)
        }
    }

    /// `--watch` reruns when a file of the package changes, until it is stopped.
    func testWatchRerunsOnChange() throws {
        let app = try TempApp(id: "org.test.watch", files: ["tests/a.test.js": "it('a', () => {});"])
        defer { app.remove() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("minihost-watch-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["test", app.path, "--watch"]
        p.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        p.standardOutput = try FileHandle(forWritingTo: output)
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() }; p.waitUntilExit() }
        func waitFor(_ text: String) -> String {
            let deadline = Date().addingTimeInterval(60)
            var seen = ""
            while Date() < deadline {
                seen = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                if seen.contains(text) { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return seen
        }
        XCTAssertTrue(waitFor("1 passed, 0 failed").contains("1 passed, 0 failed"))
        try app.write("tests/b.test.js", "it('b', () => { expect(1).toBe(2); });")
        let after = waitFor("1 passed, 1 failed")
        XCTAssertTrue(after.contains("1 passed, 1 failed"), after)
        XCTAssertTrue(p.isRunning, "the watch ended after a failing run")
    }
}
