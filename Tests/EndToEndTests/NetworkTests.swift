import Foundation
import Testing

/// End-to-end: the network through the real CLI. The world answers by default (routes, a
/// scripted socket peer); undeclared origins fail with 1003; `--network live` reaches a server on
/// 127.0.0.1; a test suite mocks `request` and reads `app.calls`.
@Suite struct NetworkRunTests {
    static let manifest = #""network_domains": ["https://api.example.com", "wss://ws.example.com"]"#

    static let world = """
    {"network": {
      "routes": [
        {"method": "GET", "url": "https://api.example.com/items", "body": {"items": ["tea", "cake"]}, "headers": {"Set-Cookie": "s=1"}},
        {"method": "POST", "url": "https://api.example.com/orders", "status": 201, "body": {"id": 7}},
        {"url": "https://api.example.com/menu.txt", "body": "tea 12"},
        {"method": "POST", "url": "https://api.example.com/upload", "body": "stored"},
        {"url": "https://api.example.com/slow", "body": "late", "delay_ms": 5000}
      ],
      "sockets": [{"url": "wss://ws.example.com/*", "on_open": ["welcome"],
                   "rules": [{"match": "equals", "text": "ping", "reply": "pong to {text}"}, {"match": "equals", "text": "bye", "close": true}]}]
    }}
    """

    static let page = """
    function log(x) { console.log(typeof x === 'string' ? x : JSON.stringify(x)); }
    function req(o) { return new Promise((ok) => wx.request(Object.assign({}, o, { success: ok, fail: ok }))); }
    Page({ async onLoad() {
      const task = wx.request({ url: 'https://api.example.com/items', data: { q: 'tea' }, success: (r) => log(['items', r.statusCode, r.data, r.cookies]) });
      task.onHeadersReceived((h) => log(['headers', h.header['Set-Cookie']]));
      await new Promise((ok) => setTimeout(ok, 20));
      const order = await req({ url: 'https://api.example.com/orders', method: 'POST', data: { item: 'tea' } });
      log(['order', order.statusCode, order.data.id]);
      const denied = await req({ url: 'https://evil.example.org/steal' });
      log(['denied', denied.errCode, denied.errMsg]);
      const missing = await req({ url: 'https://api.example.com/nothing' });
      log(['missing', missing.errCode, missing.errMsg]);
      const slow = wx.request({ url: 'https://api.example.com/slow', fail: (e) => log(['slow', e.errCode, e.errMsg]) });
      slow.abort();
      wx.downloadFile({ url: 'https://api.example.com/menu.txt', success: (d) => {
        log(['download', d.statusCode, d.tempFilePath.indexOf('wxfile://tmp_') === 0]);
        wx.uploadFile({ url: 'https://api.example.com/upload', filePath: d.tempFilePath, name: 'file', success: (u) => {
          log(['upload', u.statusCode, u.data]);
          const s = wx.connectSocket({ url: 'wss://ws.example.com/chat' });
          s.onOpen(() => s.send({ data: 'ping' }));
          s.onMessage((m) => { log(['message', m.data]); if (m.data !== 'welcome') s.send({ data: 'bye' }); });
          s.onClose((c) => log(['closed', c.code]));
        } });
      } });
    } })
    """

    @Test(arguments: ["process", "in-process"])
    func theWorldAnswersAndUndeclaredOriginsAreRefused(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.page, "world.json": Self.world], manifestExtra: Self.manifest)
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--world", app.path + "/world.json",
                             "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            #"["headers","s=1"]"#,
            #"["items",200,{"items":["tea","cake"]},["s=1"]]"#,
            #"["order",201,7]"#,
            #"["denied",1003,"request:fail url not in domain list: https://evil.example.org (declare it in the manifest's network_domains, or minihost.domains in project.config.json)"]"#,
            #"["missing",1007,"request:fail no route in the world for GET \"https://api.example.com/nothing\" (add one to the world file's network.routes, or run with --network live)"]"#,
            #"["slow",1004,"request:fail abort"]"#,
            #"["download",200,true]"#,
            #"["upload",200,"stored"]"#,
            #"["message","welcome"]"#,
            #"["message","pong to ping"]"#,
            #"["closed",1000]"#,
        ], "\(r.stdout)")
    }

    @Test(arguments: ["process", "in-process"])
    func liveRequestsReachALocalServer(isolation: String) throws {
        let server = try LocalHTTPServer(body: #"{"hello":"live"}"#)
        defer { server.stop() }
        let page = """
        Page({ onLoad() {
          wx.request({ url: 'http://127.0.0.1:\(server.port)/greet', data: { who: 'me' },
            success: (r) => console.log(JSON.stringify([r.statusCode, r.data])), fail: (e) => console.log(e.errMsg) });
          wx.request({ url: 'http://127.0.0.1:\(server.port + 1)/other', fail: (e) => console.log(e.errCode + ' ' + e.errMsg) });
        } })
        """
        let app = try TempApp(files: ["pages/index/index.js": page], manifestExtra: #""network_domains": ["http://127.0.0.1:\#(server.port)"]"#)
        defer { app.remove() }
        let live = try CLI.run(["run", app.path, "--dev", "--json", "--network", "live", "--isolation", isolation, "--data-dir", tempDataDir()], stdin: "")
        #expect(live.status == 0, "\(live.stderr)")
        #expect(Set(live.consoleMessages) == [
            #"[200,{"hello":"live"}]"#,
            "1003 request:fail url not in domain list: http://127.0.0.1:\(server.port + 1) (declare it in the manifest's network_domains, or minihost.domains in project.config.json)",
        ], "\(live.stdout)")
        #expect(server.paths == ["/greet?who=me"])
        // Without --network live the world answers, and this world has no route: the server is not reached.
        let world = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--data-dir", tempDataDir()], stdin: "")
        #expect(world.consoleMessages.contains { $0.hasPrefix("request:fail no route in the world for GET") }, "\(world.stdout)")
        #expect(server.paths == ["/greet?who=me"])
    }

    static let suite = """
    describe('network', () => {
      it('mocks request and records its calls', async () => {
        const app = await minihost.launch();
        app.mock('request', (args) => ({ statusCode: 200, data: { echoed: args.url }, header: {} }));
        const page = await app.currentPage();
        expect(await page.call('load')).toEqual({ echoed: 'https://api.example.com/items' });
        const calls = app.calls('request');
        expect(calls.length).toBe(1);
        expect(calls[0].mocked).toBe(true);
        expect(calls[0]).toMatchObject({ args: { url: 'https://api.example.com/items', method: 'GET' } });
      });
      it('without a mock the world answers', async () => {
        const app = await minihost.launch();
        const page = await app.currentPage();
        expect(await page.call('load')).toEqual({ items: ['tea', 'cake'] });
        expect(app.calls('request')[0].mocked).toBe(false);
      });
    });
    """

    static let suitePage = """
    Page({ load() { return new Promise((ok, no) => wx.request({ url: 'https://api.example.com/items', method: 'GET', success: (r) => ok(r.data), fail: no })); } })
    """

    @Test(arguments: ["process", "in-process"])
    func aTestSuiteMocksRequestAndReadsItsCalls(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.suitePage, "tests/network.test.js": Self.suite, "tests/world.json": Self.world],
                              manifestExtra: Self.manifest)
        defer { app.remove() }
        let r = try CLI.run(["test", app.path, "--isolation", isolation], timeout: 120)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("2 passed"), "\(r.stdout)")
    }
}

/// An HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that answers every request with `body`
/// as JSON and records the request targets.
final class LocalHTTPServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var seen: [String] = []
    var paths: [String] { lock.withLock { seen } }

    init(body: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        Thread.detachNewThread { [weak self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                var request = [UInt8]()
                var buffer = [UInt8](repeating: 0, count: 4096)
                while !request.ends(with: Array("\r\n\r\n".utf8)) {
                    let n = read(client, &buffer, buffer.count)
                    if n <= 0 { break }
                    request += buffer[0..<n]
                }
                let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
                let target = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                self?.lock.withLock { self?.seen.append(target) }
                let response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
                _ = response.withCString { write(client, $0, strlen($0)) }
                close(client)
            }
        }
    }

    func stop() { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
