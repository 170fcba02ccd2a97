'use strict';
// The client's real connection, against a stand-in for the preview server over HTTP and a
// WebSocket: the page at /?token=T (with its CSP) opens ws://<host>/ws?token=T, renders what
// comes, sends a tap, shows a lost connection and reconnects.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { makeHarness, harnessHTML, serve, launch, stop, within, CHROMIUM } = require('./support');
const ws = require('./ws');
const dom = require('./dom');

const opts = { skip: fs.existsSync(CHROMIUM) ? false : 'no chromium at ' + CHROMIUM };

function fixtures() {
  const sandbox = { window: {} };
  vm.runInNewContext(fs.readFileSync(path.join(__dirname, 'harness/fixtures.js'), 'utf8'), sandbox);
  return sandbox.window.fixtures;
}

test('the client connects with the page\'s token, sends a tap, shows a lost connection and retries', opts, async () => {
  const harness = makeHarness();
  const token = 'tok-' + process.pid;
  const { hello } = fixtures();
  const page = {
    type: 'page', key: 1, route: 'pages/index/index', window: {}, stack: ['pages/index/index'], roots: [1],
    owners: { 1: { path: 'pages/index/index', scope: '', parent: null, ext: {} } }, styles: [],
    nodes: { 1: { t: 'view', a: {}, c: [4], o: 1 }, 4: { t: 'text', a: {}, c: [40], o: 1 }, 40: { x: 'tap me' } },
  };
  const connections = [];
  const refused = [];
  const phases = {};
  const waiters = {};
  const phase = (name) => phases[name] || (phases[name] = new Promise((resolve) => { waiters[name] = resolve; }));
  let site;
  site = await serve(harness.dir, {
    page: harnessHTML({ after: ['/live-connection.js'] }, { keepCSP: true, keepPaths: true }),
    onReport(body, params) {
      const name = params.get('phase');
      phase(name);
      waiters[name](body);
      if (name === 'failed') for (const w of Object.values(waiters)) w(body);
    },
    onUpgrade(req, socket) {
      const url = new URL(req.url, 'http://127.0.0.1/');
      if (url.pathname !== '/ws' || url.searchParams.get('token') !== token || req.headers.origin !== 'http://127.0.0.1:' + site.port) {
        refused.push(req.url);
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const conn = ws.accept(req, socket);
      connections.push(conn);
      conn.send(hello);
      conn.send(page);
      conn.onMessage((m) => {
        if (m.type === 'tap') conn.send({ type: 'patch', key: 1, roots: [1], set: { 40: { x: 'tapped' } }, remove: [] });
      });
    },
  });
  const browser = launch(site.url('/?token=' + token), harness.dir);
  try {
    const patched = dom.parse(await within(phase('patched'), 15000, 'no report after the tap'));
    const root = patched.find((n) => n.tag === 'html');
    assert.equal(patched.find((n) => n.tag === 'body').attrs['data-test-failed'], undefined);
    assert.equal(root.attrs['data-mh-state'], 'ready');
    assert.equal(root.attrs['data-mh-connection'], 'open');
    assert.equal(patched.text(patched.byMhId(4)), 'tapped');
    assert.deepEqual(connections[0].messages, [{ type: 'tap', id: 4 }], 'exactly one tap, over the socket');
    assert.deepEqual(refused, []);

    connections[0].close();
    const retrying = dom.parse(await within(phase('retrying'), 15000, 'no report after the socket closed'));
    assert.equal(retrying.find((n) => n.tag === 'html').attrs['data-mh-connection'], 'retrying');
    assert.match(retrying.text(retrying.byId('mh-connection')), /^disconnected: retrying in 0\.5 s \(1 of 5\)$/);

    const again = dom.parse(await within(phase('reconnected'), 15000, 'no report after reconnecting'));
    assert.equal(again.find((n) => n.tag === 'html').attrs['data-mh-connection'], 'open');
    assert.equal(connections.length, 2, 'one new connection, with the same token');
    assert.equal(again.text(again.byMhId(4)), 'tap me', 'the new connection\'s page replaced the old');
  } finally {
    stop(browser);
    site.close();
    harness.cleanup();
  }
});
