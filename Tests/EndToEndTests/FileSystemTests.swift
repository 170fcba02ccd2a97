import Foundation
import Testing

/// End-to-end: the file system through the real CLI, in both isolation modes: a round trip of
/// user files, encodings and ArrayBuffers, WeChat's errors, escapes refused, the world's quota,
/// downloads kept as temp files and saved, and a test suite that mocks a file API.
@Suite struct FileSystemRunTests {
    static let world = """
    {"network": {"routes": [{"url": "https://api.example.com/menu.txt", "body": "tea 12"}]}, "files": {"quota_mb": 1}}
    """

    static let page = """
    function log(x) { console.log(JSON.stringify(x)); }
    const fs = wx.getFileSystemManager();
    function p(m, o) { return new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok }))); }
    function err(f) { try { f(); return 'no error'; } catch (e) { return [e.errCode, e.errMsg]; } }
    Page({ async onLoad() {
      const dir = wx.env.USER_DATA_PATH;
      log(['write', (await p('writeFile', { filePath: dir + '/a.txt', data: 'hello', encoding: 'utf8' })).errMsg]);
      log(['append', (await p('appendFile', { filePath: dir + '/a.txt', data: ' world' })).errMsg]);
      log(['read', (await p('readFile', { filePath: dir + '/a.txt', encoding: 'utf8' })).data]);
      const bytes = (await p('readFile', { filePath: dir + '/a.txt', position: 6, length: 5 })).data;
      log(['bytes', bytes instanceof ArrayBuffer, String.fromCharCode.apply(null, new Uint8Array(bytes))]);
      fs.writeFileSync(dir + '/b.bin', new Uint8Array([1, 2, 255]).buffer);
      log(['b64', fs.readFileSync(dir + '/b.bin', 'base64'), fs.readFileSync(dir + '/b.bin', 'hex')]);
      fs.mkdirSync(dir + '/d/e', true);
      fs.copyFileSync(dir + '/a.txt', dir + '/d/e/c.txt');
      fs.renameSync(dir + '/d/e/c.txt', dir + '/d/c.txt');
      const st = (await p('stat', { path: dir + '/a.txt' })).stats;
      log(['stat', st.isFile(), st.isDirectory(), st.size]);
      log(['tree', fs.statSync(dir, true).map((x) => x.path + (x.stats.isDirectory() && x.path !== '/' ? '/' : ''))]);
      log(['readdir', fs.readdirSync(dir), (await p('readdir', { dirPath: dir + '/d' })).files]);
      log(['missing', (await p('readFile', { filePath: dir + '/none.txt' }))]);
      log(['escape', (await p('readFile', { filePath: dir + '/../../minihost.sqlite' }))]);
      log(['absolute', err(() => fs.readFileSync('/etc/passwd'))]);
      log(['exists', err(() => fs.mkdirSync(dir + '/d'))]);
      log(['notEmpty', err(() => fs.rmdirSync(dir + '/d'))]);
      fs.rmdirSync(dir + '/d', true);
      fs.unlinkSync(dir + '/a.txt');
      log(['gone', err(() => fs.accessSync(dir + '/a.txt'))]);
      const half = 'x'.repeat(600 * 1024);
      log(['first', (await p('writeFile', { filePath: dir + '/big', data: half })).errMsg]);
      log(['quota', (await p('appendFile', { filePath: dir + '/big', data: half }))]);
      wx.downloadFile({ url: 'https://api.example.com/menu.txt', success: (d) => {
        log(['temp', fs.readFileSync(d.tempFilePath, 'utf8')]);
        wx.saveFile({ tempFilePath: d.tempFilePath, success: (s) => {
          log(['saved', s.savedFilePath.indexOf('wxfile://store_') === 0, fs.readFileSync(s.savedFilePath, 'utf8')]);
          log(['moved', err(() => fs.readFileSync(d.tempFilePath))[0]]);
          wx.getSavedFileList({ success: (l) => {
            log(['list', l.fileList.length, l.fileList[0].size]);
            wx.removeSavedFile({ filePath: s.savedFilePath, success: (r) => log(['removed', r.errMsg]) });
          } });
        } });
      } });
    } })
    """

    @Test(arguments: ["process", "in-process"])
    func filesRoundTripWithinTheSandbox(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.page, "world.json": Self.world],
                              manifestExtra: #""network_domains": ["https://api.example.com"]"#)
        defer { app.remove() }
        let data = tempDataDir()
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--world", app.path + "/world.json",
                             "--data-dir", data], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            #"["write","writeFile:ok"]"#,
            #"["append","appendFile:ok"]"#,
            #"["read","hello world"]"#,
            #"["bytes",true,"world"]"#,
            #"["b64","AQL/","0102ff"]"#,
            #"["stat",true,false,11]"#,
            #"["tree",["/","/a.txt","/b.bin","/d/","/d/c.txt","/d/e/"]]"#,
            #"["readdir",["a.txt","b.bin","d"],["c.txt","e"]]"#,
            #"["missing",{"errMsg":"readFile:fail no such file or directory, open wxfile://usr/none.txt","errCode":1007}]"#,
            #"["escape",{"errMsg":"readFile:fail permission denied, open wxfile://usr/../../minihost.sqlite","errCode":1003}]"#,
            #"["absolute",[1003,"readFileSync:fail permission denied, open /etc/passwd"]]"#,
            #"["exists",[1001,"mkdirSync:fail file already exists, mkdir wxfile://usr/d"]]"#,
            #"["notEmpty",[1001,"rmdirSync:fail directory not empty, rmdir wxfile://usr/d"]]"#,
            #"["gone",[1007,"accessSync:fail no such file or directory, access wxfile://usr/a.txt"]]"#,
            #"["first","writeFile:ok"]"#,
            #"["quota",{"errMsg":"appendFile:fail the maximum size of the file storage limit is exceeded","errCode":1005}]"#,
            #"["temp","tea 12"]"#,
            #"["saved",true,"tea 12"]"#,
            #"["moved",1007]"#,
            #"["list",1,6]"#,
            #"["removed","removeSavedFile:ok"]"#,
        ], "\(r.stdout)")
        // The files are the app's own, under the data directory.
        let usr = URL(fileURLWithPath: data).appendingPathComponent("files/org.test.e2e/usr")
        #expect(try FileManager.default.contentsOfDirectory(atPath: usr.path).sorted() == ["b.bin", "big"])
    }

    @Test(arguments: ["process", "in-process"])
    func aPickedImageIsReadByTheFileAPI(isolation: String) throws {
        let page = """
        Page({ onLoad() {
          wx.chooseImage({ count: 1, success: (r) => console.log('picked ' + wx.getFileSystemManager().readFileSync(r.tempFilePaths[0], 'utf8')) });
        } })
        """
        let app = try TempApp(files: ["pages/index/index.js": page, "world.json": #"{"media": [{"data_base64": "cGljdHVyZQ=="}]}"#])
        defer { app.remove() }
        let r = try CLI.run(["run", app.path, "--dev", "--json", "--isolation", isolation, "--world", app.path + "/world.json",
                             "--data-dir", tempDataDir()], stdin: "")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == ["picked picture"], "\(r.stdout)")
    }

    static let suite = """
    describe('files', () => {
      it('mocks readFile and records writeFile', async () => {
        const app = await minihost.launch();
        app.mock('readFile', (args) => ({ data: 'mocked ' + args.filePath }));
        const page = await app.currentPage();
        expect(await page.call('load')).toBe('mocked wxfile://usr/note.txt');
        expect(app.calls('writeFile')[0]).toMatchObject({ args: { filePath: 'wxfile://usr/note.txt', data: 'hi' } });
        expect(app.calls('readFile')[0].mocked).toBe(true);
      });
      it('without a mock the file is read', async () => {
        const app = await minihost.launch();
        const page = await app.currentPage();
        expect(await page.call('load')).toBe('hi');
      });
    });
    """

    static let suitePage = """
    const fs = wx.getFileSystemManager();
    Page({ load() {
      return new Promise((ok, no) => fs.writeFile({ filePath: wx.env.USER_DATA_PATH + '/note.txt', data: 'hi', fail: no, success: () =>
        fs.readFile({ filePath: wx.env.USER_DATA_PATH + '/note.txt', encoding: 'utf8', success: (r) => ok(r.data), fail: no }) }));
    } })
    """

    @Test(arguments: ["process", "in-process"])
    func aTestSuiteMocksAFileAPI(isolation: String) throws {
        let app = try TempApp(files: ["pages/index/index.js": Self.suitePage, "tests/files.test.js": Self.suite])
        defer { app.remove() }
        let r = try CLI.run(["test", app.path, "--isolation", isolation], timeout: 120)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("2 passed"), "\(r.stdout)")
    }
}
