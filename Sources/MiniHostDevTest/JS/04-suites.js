// Suites: the test globals (describe, it/test, hooks, expect) collecting the file's tests.
//
function makeSuite(name, parent, mode) { return { name, parent, mode, children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] }; }
const root = makeSuite('', null, null);
let current = root, collecting = true, anyOnly = false;
function where() {
  const stack = String(new Error().stack || '').split('\n');
  for (const line of stack) { const m = /@(.*?):(\d+):(\d+)$/.exec(line.trim()); if (m && m[1] === native.file) return Number(m[2]); }
  return 0;
}
function addSuite(name, fn, mode) {
  if (!collecting) throw new Error('describe() must be called while the test file loads, not inside a test');
  if (typeof fn !== 'function') throw new TypeError('describe("' + name + '") needs a function');
  const s = makeSuite(String(name), current, mode);
  if (mode === 'only') anyOnly = true;
  current.children.push(s);
  const parent = current;
  current = s;
  try { fn(); } finally { current = parent; }
}
function addTest(name, fn, timeout, mode) {
  if (!collecting) throw new Error('it() must be called while the test file loads, not inside a test');
  if (mode !== 'todo' && typeof fn !== 'function') throw new TypeError('it("' + name + '") needs a function');
  if (mode === 'only') anyOnly = true;
  current.children.push({ test: true, name: String(name), fn, timeout, mode, parent: current, line: where() });
}
function hook(kind) { return (fn) => { if (typeof fn !== 'function') throw new TypeError(kind + ' needs a function'); current[kind].push(fn); }; }
// Jest's table forms: `test.each(table)(title, fn, timeout)`, a row an array (spread into the
// arguments) or any other value (one argument); the title formatted with the row.
function eachTitle(title, row, index) {
  const args = Array.isArray(row) ? row.slice() : [row];
  let out = String(title).replace(/%([sdifjop#%])/g, (m, c) => {
    if (c === '%') return '%';
    if (c === '#') return String(index);
    if (args.length === 0) return m;
    const v = args.shift();
    switch (c) {
      case 's': return typeof v === 'string' ? v : show(v);
      case 'd': case 'i': return String(c === 'i' ? Math.trunc(Number(v)) : Number(v));
      case 'f': return String(Number(v));
      case 'j': return JSON.stringify(v);
      default: return show(v);
    }
  });
  if (!Array.isArray(row) && row !== null && typeof row === 'object') {
    out = out.replace(/\$([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/g, (m, path) => {
      let v = row;
      for (const k of path.split('.')) { if (v === null || v === undefined || !(k in Object(v))) return m; v = v[k]; }
      return typeof v === 'string' ? v : show(v);
    });
  }
  return out;
}
function each(add) {
  return (table) => {
    if (!Array.isArray(table)) throw new TypeError('.each needs an array of rows (arrays or objects)');
    return (title, fn, timeout) => {
      if (typeof fn !== 'function') throw new TypeError('.each("' + title + '") needs a function');
      table.forEach((row, i) => {
        const args = Array.isArray(row) ? row : [row];
        add(eachTitle(title, row, i), function () { return fn.apply(this, args); }, timeout);
      });
    };
  };
}
G.describe = (name, fn) => addSuite(name, fn, null);
G.describe.skip = (name, fn) => addSuite(name, fn, 'skip');
G.describe.only = (name, fn) => addSuite(name, fn, 'only');
G.it = (name, fn, timeout) => addTest(name, fn, timeout, null);
G.it.skip = (name, fn, timeout) => addTest(name, fn, timeout, 'skip');
G.it.only = (name, fn, timeout) => addTest(name, fn, timeout, 'only');
G.it.todo = (name) => addTest(name, undefined, undefined, 'todo');
for (const [f, mode] of [[G.describe, null], [G.describe.skip, 'skip'], [G.describe.only, 'only']]) f.each = each((n, fn) => addSuite(n, fn, mode));
for (const [f, mode] of [[G.it, null], [G.it.skip, 'skip'], [G.it.only, 'only']]) f.each = each((n, fn, t) => addTest(n, fn, t, mode));
G.test = G.it;
G.xit = G.it.skip; G.xdescribe = G.describe.skip;
G.beforeAll = hook('beforeAll'); G.afterAll = hook('afterAll');
G.beforeEach = hook('beforeEach'); G.afterEach = hook('afterEach');
G.before = G.beforeAll; G.after = G.afterAll;
G.expect = expect;
