'use strict';
// The client's files as the server serves them: each short and ASCII, all together one script
// that parses, and none that puts text in as markup, evaluates code or sets a link.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { WEB, clientScript } = require('./support');

const clientFiles = () => fs.readdirSync(WEB).filter((f) => /^client-\d\d-[a-z-]+\.js$/.test(f)).sort();

test('each client file is ASCII and under 400 lines; preview.js parses as one script', () => {
  const files = clientFiles();
  assert.ok(files.length > 0);
  assert.deepEqual(fs.readdirSync(WEB).filter((f) => f.endsWith('.js')).sort(), files, 'every script is a client-NN-name.js');
  for (const name of [...files, 'preview.html', 'preview.css']) {
    const text = fs.readFileSync(path.join(WEB, name), 'utf8');
    assert.ok(/^[\x00-\x7f]*$/.test(text), name + ' is ASCII');
    assert.ok(text.split('\n').length < 400, name + ' is under 400 lines');
  }
  // eslint-disable-next-line no-new-func
  assert.doesNotThrow(() => new Function(clientScript()));
});

test('no client file uses markup sinks, code evaluation or links', () => {
  const sinks = /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|\bhref\b|setAttribute\(\s*['"]on/;
  for (const name of clientFiles()) {
    const text = fs.readFileSync(path.join(WEB, name), 'utf8');
    assert.doesNotMatch(text, sinks, name);
  }
});
