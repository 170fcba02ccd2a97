'use strict';
// The runtime's own JavaScript (`Sources/MiniHostRuntime/JS/*.js`), loaded by the peer instead of
// a copy: the pure helpers the peer shares with MiniHost (module paths, page URLs, data paths).
// The files are parts of one `function (native)` body; the ones named here only define.

const fs = require('fs');
const path = require('path');

const JS_DIR = path.resolve(__dirname, '../../Sources/MiniHostRuntime/JS');
const FILES = ['01-intrinsics.js', '02-errors.js', '06-modules.js', '11-set-data.js', '12-navigation.js'];
const EXPORTS = ['normalize', 'parseURL', 'parsePath', 'clone'];

function loadRuntimeHelpers() {
  const body = FILES.map((name) => fs.readFileSync(path.join(JS_DIR, name), 'utf8')).join('');
  // eslint-disable-next-line no-new-func
  const make = new Function('native', `'use strict';\n${body}\nreturn { ${EXPORTS.join(', ')} };`);
  return make(Object.freeze({}));
}

module.exports = { loadRuntimeHelpers, JS_DIR };
