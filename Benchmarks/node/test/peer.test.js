'use strict';
// The peer must be a faithful stand-in: `run.js` drives the hello sample through its demo script
// with the same lifecycle, setData, console and data output as `minihost run`, and every workload
// script prints its figure. Run: node --test Benchmarks/node/test/
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const root = path.resolve(__dirname, '../../..');
const node = process.execPath;
const peer = (f) => path.join(root, 'Benchmarks/node', f);

// What `minihost run org.minihost.hello --script miniprograms/hello/demo.minihost` prints.
const expected = `· app onLaunch {"path":"pages/index/index","query":{},"referrerInfo":{},"scene":"launch"}
Hello, MiniHost! entry page: pages/index/index
· app onShow {"path":"pages/index/index","query":{},"referrerInfo":{},"scene":"launch"}
· page pages/index/index onLoad {}
· setData pages/index/index {"title":"Hello, world!"}
· page pages/index/index onShow
· page pages/index/index onReady
· page pages/index/index onHide
· page pages/detail/detail onLoad {"item":"apples"}
· setData pages/detail/detail {"item":"apples","pages":2}
detail for apples at depth 2
· page pages/detail/detail onShow
· page pages/detail/detail onReady
navigated: navigateTo:ok
{
  "data" : {
    "item" : "apples",
    "pages" : 2
  },
  "route" : "pages/detail/detail"
}
· setData pages/index/index {"status":"1 tick","ticks":1}
· page pages/detail/detail onUnload
leaving detail
· page pages/index/index onShow
· setData pages/index/index {"status":"2 ticks","ticks":2}
· setData pages/index/index {"status":"3 ticks","ticks":3}
countdown done: 3 ticks
· page pages/index/index onHide
· app onHide
app hidden after 1 visit(s)
· app onShow {"path":"pages/index/index","query":{},"referrerInfo":{},"scene":"launch"}
· page pages/index/index onShow
{
  "data" : {
    "fruits" : [
      "apples",
      "pears",
      "figs"
    ],
    "name" : "",
    "status" : "3 ticks",
    "ticks" : 3,
    "title" : "Hello, world!"
  },
  "route" : "pages/index/index"
}
exit: ok
`;

test('run.js drives the hello demo as minihost run does', () => {
  const out = execFileSync(node, [peer('run.js'), 'miniprograms/hello', '--script', 'miniprograms/hello/demo.minihost'], { cwd: root, encoding: 'utf8' });
  // The countdown's ticks interleave with the script by timing (in minihost run too): compare
  // them on their own, in order, and everything else line by line.
  const ticking = (l) => l.startsWith('· setData pages/index/index {"status"') || l.startsWith('countdown done');
  const lines = (t) => t.split('\n');
  assert.deepStrictEqual(lines(out).filter((l) => !ticking(l)), lines(expected).filter((l) => !ticking(l)));
  assert.deepStrictEqual(lines(out).filter(ticking), lines(expected).filter(ticking));
});

test('run.js names a bad target and exits 2', () => {
  const r = spawnSync(node, [peer('run.js'), 'no/such/dir'], { cwd: root, encoding: 'utf8' });
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /no\/such\/dir: not a file, a directory or an app id/);
});

test('an exception in a hook goes to App.onError and the app keeps running', async () => {
  const fs = require('fs'), os = require('os');
  const { loadPackage, MiniApp } = require('../runtime');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peer-test-'));
  fs.mkdirSync(path.join(dir, 'pages/a'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ app_id: 'org.test.err', pages: ['pages/a/a'] }));
  fs.writeFileSync(path.join(dir, 'app.js'), "App({ onError(m) { console.log('caught', m.split('\\n')[0]) } })");
  fs.writeFileSync(path.join(dir, 'pages/a/a.js'), "Page({ onLoad() { throw new TypeError('boom') }, ping() { this.setData({ 'a.b[1]': 2 }) } })");
  const events = [];
  const app = new MiniApp(loadPackage(dir), { onEvent: (e) => events.push(e) });
  assert.strictEqual(app.launch({}), true);
  assert.ok(events.some((e) => e.type === 'console' && e.message === 'caught TypeError: boom'));
  app.callPage(null, 'ping');
  const b = app.pageData().data.a.b;
  assert.ok(Array.isArray(b) && b.length === 2 && b[1] === 2, JSON.stringify(b));
  app.stop();
  fs.rmSync(dir, { recursive: true });
});

for (const [script, key, args] of [
  ['cold-start.js', 'cold_start_median_ms', ['--runs', '3', '--warmup', '1']],
  ['sync-call.js', 'sync_call_median_us', ['--calls', '100', '--batches', '3']],
  ['async-call.js', 'async_call_median_us', ['--calls', '100', '--batches', '3']],
  ['memory.js', 'memory_per_app_kb', ['--apps', '5']],
  ['devtest.js', 'tests_per_sec', ['--tests', '5']],
]) {
  test(`${script} prints ${key}`, () => {
    const out = execFileSync(node, [peer(script), ...args], { cwd: root, encoding: 'utf8' });
    const figure = JSON.parse(out.trim().split('\n').pop())[key];
    assert.ok(typeof figure === 'number' && figure > 0, `${key} = ${figure}`);
  });
}
