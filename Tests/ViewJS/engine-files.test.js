'use strict';
// The view runtime's files 50 to 89: each parses alone as a strict function body (as the host
// checks them), is ASCII and short, and all of ViewJS together declares no name twice.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { engineFiles, VIEW_DIR } = require('./tree-harness.js');

test('each engine file parses alone, is ASCII and under 400 lines', () => {
  const files = engineFiles();
  assert.ok(files.length > 0);
  for (const name of files) {
    const text = fs.readFileSync(path.join(VIEW_DIR, name), 'utf8');
    // eslint-disable-next-line no-new-func
    assert.doesNotThrow(() => new Function('native', `'use strict';${text}`), name);
    assert.ok(/^[\x00-\x7f]*$/.test(text), `${name} is ASCII`);
    assert.ok(text.split('\n').length < 400, `${name} is under 400 lines`);
  }
});

test('every ViewJS file together is one function body without a name declared twice', () => {
  const all = fs.readdirSync(VIEW_DIR).filter((n) => n.endsWith('.js')).sort();
  const freeze = fs.readFileSync(path.join(VIEW_DIR, '../JS/23-freeze.js'), 'utf8');
  const body = freeze + all.map((n) => fs.readFileSync(path.join(VIEW_DIR, n), 'utf8')).join('');
  // eslint-disable-next-line no-new-func
  assert.doesNotThrow(() => new Function('native', `'use strict';${body}`), all.join(', '));
});
