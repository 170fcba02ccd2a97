'use strict';
// Every `.js` file the products embed parses as JavaScript (each is part of a
// `function (native)` body), and the peer loads the runtime's own helpers from them.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { loadRuntimeHelpers } = require('../runtime-files.js');

const SOURCES = path.resolve(__dirname, '../../../Sources');
const folders = fs.readdirSync(SOURCES).map((m) => path.join(SOURCES, m, 'JS')).filter((d) => fs.existsSync(d));

test('every embedded .js file parses', () => {
  let count = 0;
  for (const dir of folders) {
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      assert.doesNotThrow(() => new Function('native', `'use strict';\n${text}`), `${dir}/${name}`);
      count++;
    }
  }
  assert.ok(count >= 20, `found ${count} files`);
});

test('the peer shares the runtime\'s path and URL helpers', () => {
  const h = loadRuntimeHelpers();
  assert.deepStrictEqual(h.parseURL('../b/c?x=1&y=a%20b', 'pages/a/a'), { route: 'pages/b/c', query: { x: '1', y: 'a b' } });
  assert.deepStrictEqual(h.parsePath('list[2].name'), ['list', 2, 'name']);
  assert.throws(() => h.parsePath('__proto__'), /invalid data path/);
  assert.strictEqual(h.normalize(['..', 'x']), null);
});
