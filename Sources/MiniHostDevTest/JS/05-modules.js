// The test file's console (each line goes to the report, attributed to the running test) and
// require() of the package's own helpers, fixtures and JSON, each evaluated once per test file.
function consoleText(args) { return args.map((a) => (typeof a === 'string' ? a : show(a))).join(' '); }
const testConsole = {};
for (const level of ['log', 'info', 'warn', 'error', 'debug']) testConsole[level] = (...args) => native.log(level, consoleText(args));
testConsole.trace = (...args) => native.log('trace', consoleText(args) + '\n' + String(new Error('').stack || ''));
testConsole.table = (data) => native.log('log', show(data));
testConsole.dir = (v) => native.log('log', show(v));
G.console = testConsole;
const modules = new Map();
function makeRequire(fromFile) {
  const req = (spec) => {
    if (typeof spec !== 'string') throw new TypeError('require() needs a path');
    const found = parse(native.resolveModule(fromFile, spec));
    const cached = modules.get(found.path);
    if (cached) return cached.exports;
    const module = { exports: {}, id: found.path, filename: found.path, loaded: false };
    modules.set(found.path, module);
    try {
      if (found.json) {
        try { module.exports = JSON.parse(found.source); } catch (e) { throw new SyntaxError(found.path + ': ' + e.message); }
      } else {
        const fn = native.compileModule(found.source, found.path);
        fn.call(module.exports, module.exports, makeRequire(found.path), module, found.path, found.path.replace(/\/[^/]*$/, ''));
      }
    } catch (e) { modules.delete(found.path); throw e; }
    module.loaded = true;
    return module.exports;
  };
  return req;
}
G.require = makeRequire(native.file);
G.module = { exports: {} };
G.exports = G.module.exports;
