#!/usr/bin/env node
'use strict';
// Developer-test throughput in the peer, the way a jest-based simulator runs tests: the suite of
// `minihost-bench devtest` (one app, `tests` small tests), where each test makes a fresh vm
// context with fresh storage, launches the app with a query, checks the entry page's data, calls
// a page method and checks its result. Prints {"tests_per_sec", "tests", "failed", "seconds"}.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadPackage, MiniApp } = require('./runtime');
const { options, now, emit } = require('./common');

const o = options({ tests: 200 });

// The app of `minihost-bench devtest` (DevTestBench.makePackage).
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'minihost-node-devtest-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
fs.mkdirSync(path.join(root, 'pages/index'), { recursive: true });
fs.writeFileSync(path.join(root, 'manifest.json'), JSON.stringify({ app_id: 'org.minihost.benchtest', name: 'Bench', version: { code: 1, name: '1' }, pages: ['pages/index/index'], req_permissions: [] }));
fs.writeFileSync(path.join(root, 'app.js'), 'App({ onLaunch() { this.n = 1; } })');
fs.writeFileSync(path.join(root, 'pages/index/index.js'), 'Page({ data: { n: 0 }, onLoad(q) { this.setData({ n: Number(q.n || 1) }); }, bump(d) { this.setData({ n: this.data.n + d.by }); return this.data.n; } })');

function expectToBe(actual, expected) { if (actual !== expected) throw new Error(`expected ${expected}, got ${actual}`); }

// One test: `const app = await launch({query: {n}}); const page = await app.currentPage();
// expect(page.data('n')).toBe(i); expect(await page.call('bump', {by: 1})).toBe(i + 1)`.
async function oneTest(i) {
  const app = new MiniApp(loadPackage(root));
  try {
    if (!app.launch({ n: String(i) })) throw new Error('the app did not launch');
    await app.drained();
    const page = app.top();
    expectToBe(page.data.n, i);
    expectToBe(await Promise.resolve(app.guard(page.bump, page, [{ by: 1 }])), i + 1);
  } finally {
    app.stop();
  }
}

(async () => {
  let failed = 0;
  await oneTest(0);  // warm-up: the runner's own modules
  const start = now();
  for (let i = 0; i < o.tests; i++) {
    try { await oneTest(i); } catch (e) { failed += 1; if (failed === 1) process.stderr.write(`test ${i} failed: ${e.message}\n`); }
  }
  const seconds = now() - start;
  emit({ tests_per_sec: o.tests / seconds, tests: o.tests, failed, seconds });
  process.exitCode = failed ? 1 : 0;
})();
