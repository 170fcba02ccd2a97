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
G.describe = (name, fn) => addSuite(name, fn, null);
G.describe.skip = (name, fn) => addSuite(name, fn, 'skip');
G.describe.only = (name, fn) => addSuite(name, fn, 'only');
G.it = (name, fn, timeout) => addTest(name, fn, timeout, null);
G.it.skip = (name, fn, timeout) => addTest(name, fn, timeout, 'skip');
G.it.only = (name, fn, timeout) => addTest(name, fn, timeout, 'only');
G.it.todo = (name) => addTest(name, undefined, undefined, 'todo');
G.test = G.it;
G.xit = G.it.skip; G.xdescribe = G.describe.skip;
G.beforeAll = hook('beforeAll'); G.afterAll = hook('afterAll');
G.beforeEach = hook('beforeEach'); G.afterEach = hook('afterEach');
G.before = G.beforeAll; G.after = G.afterAll;
G.expect = expect;
