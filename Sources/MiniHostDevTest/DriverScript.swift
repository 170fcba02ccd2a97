/// The JavaScript half of the test driver, evaluated in each test file's own driver VM (never an
/// app's VM) before the file: `describe`/`it`/`test`, hooks, `expect`, and `minihost` (the driver
/// API). It is a function `(native) => runner`; the runner object is how Swift drives it.
enum DriverScript {
    static let sourceURL = "minihost://driver.js"
    static let source = #"""
(function (native) {
'use strict';
const G = globalThis;

// ---------------------------------------------------------------- timers and pending requests
let nextTimer = 1;
const timers = new Map();
function setTimer(fn, ms) { const id = nextTimer++; timers.set(id, fn); native.setTimer(id, Math.max(0, Number(ms) || 0)); return id; }
function clearTimer(id) { if (timers.delete(id)) native.clearTimer(id); }
G.setTimeout = (fn, ms, ...args) => setTimer(() => fn(...args), ms);
G.clearTimeout = clearTimer;
let nextReq = 1;
const pending = new Map();
function request(start) {
  const site = new Error('');  // where the test asked: a failure is reported at that line
  return new Promise((resolve, reject) => {
    const id = nextReq++;
    pending.set(id, { resolve, reject, site });
    try { start(id); } catch (e) { pending.delete(id); reject(e); }
  });
}

// ---------------------------------------------------------------- formatting and equality
function show(v, depth, seen) {
  if (depth === undefined) depth = 4;
  seen = seen || [];
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'undefined': case 'boolean': case 'symbol': return String(v);
    case 'function': return '[Function' + (v.name ? ': ' + v.name : '') + ']';
  }
  if (v === null) return 'null';
  if (seen.indexOf(v) >= 0) return '[Circular]';
  if (v instanceof Error) return v.name + ': ' + v.message;
  if (v instanceof RegExp) return String(v);
  if (v instanceof Date) return 'Date(' + v.toISOString() + ')';
  if (depth < 0) return Array.isArray(v) ? '[Array]' : '[Object]';
  seen.push(v);
  let out;
  if (Array.isArray(v)) out = '[' + v.map((x) => show(x, depth - 1, seen)).join(', ') + ']';
  else out = '{' + Object.keys(v).map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)) + ': ' + show(v[k], depth - 1, seen)).join(', ') + '}';
  seen.pop();
  return out;
}
// Multi-line form for diffs.
function pretty(v, indent, seen) {
  indent = indent || '';
  seen = seen || [];
  if (v === null || typeof v !== 'object' || v instanceof Error || v instanceof RegExp || v instanceof Date) return show(v);
  if (seen.indexOf(v) >= 0) return '[Circular]';
  seen.push(v);
  const inner = indent + '  ';
  let out;
  if (Array.isArray(v)) out = v.length ? '[\n' + v.map((x) => inner + pretty(x, inner, seen) + ',').join('\n') + '\n' + indent + ']' : '[]';
  else {
    const keys = Object.keys(v).sort();
    out = keys.length ? '{\n' + keys.map((k) => inner + (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)) + ': ' + pretty(v[k], inner, seen) + ',').join('\n') + '\n' + indent + '}' : '{}';
  }
  seen.pop();
  return out;
}
// A line diff (longest common subsequence): "- expected" / "+ received".
function diff(expected, actual) {
  const a = pretty(expected).split('\n'), b = pretty(actual).split('\n');
  if (a.length * b.length > 250000) return '';
  const n = a.length, m = b.length, L = [];
  for (let i = 0; i <= n; i++) { L.push(new Array(m + 1).fill(0)); }
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push('  ' + a[i]); i++; j++; }
    else if (i < n && (j >= m || L[i + 1][j] >= L[i][j + 1])) { out.push('- ' + a[i]); i++; }
    else { out.push('+ ' + b[j]); j++; }
  }
  return '- expected\n+ received\n\n' + out.join('\n');
}
function equals(a, b, strict) {
  if (Object.is(a, b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equals(a[i], b[i], strict)) return false;
    return true;
  }
  const ka = Object.keys(a).filter((k) => strict || a[k] !== undefined), kb = Object.keys(b).filter((k) => strict || b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !equals(a[k], b[k], strict)) return false;
  return true;
}
function matchesObject(actual, expected) {
  if (expected === null || typeof expected !== 'object') return equals(actual, expected);
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesObject(actual[i], e));
  return Object.keys(expected).every((k) => k in Object(actual) && matchesObject(actual[k], expected[k]));
}

// ---------------------------------------------------------------- expect
class AssertionError extends Error {
  constructor(message, details) {
    super(message);
    this.name = 'AssertionError';
    if (details) { this.expected = details.expected; this.actual = details.actual; this.diff = details.diff; }
  }
}
function isCallList(v) { return Array.isArray(v) && v.every((c) => c && typeof c === 'object' && typeof c.api === 'string' && 'args' in c); }
function makeExpect(actual, negate, mode) {
  const not = negate ? 'not ' : '';
  const check = (pass, what, expected, withDiff) => {
    if (pass !== negate) return;
    const details = { expected: show(expected), actual: show(actual) };
    if (withDiff && !negate) details.diff = diff(expected, actual);
    let message = 'expect(received).' + not + what + '\n\nExpected: ' + (negate ? 'not ' : '') + details.expected + '\nReceived: ' + details.actual;
    if (details.diff) message += '\n\n' + details.diff;
    throw new AssertionError(message, details);
  };
  const m = {
    toBe(e) { check(Object.is(actual, e), 'toBe(expected)', e, typeof e === 'object' && e !== null); },
    toEqual(e) { check(equals(actual, e, false), 'toEqual(expected)', e, true); },
    toStrictEqual(e) { check(equals(actual, e, true), 'toStrictEqual(expected)', e, true); },
    toMatchObject(e) { check(matchesObject(actual, e), 'toMatchObject(expected)', e, true); },
    toMatch(re) { check(typeof actual === 'string' && (re instanceof RegExp ? re.test(actual) : actual.includes(String(re))), 'toMatch(expected)', re); },
    toContain(item) {
      const ok = typeof actual === 'string' ? actual.includes(item) : (actual != null && typeof actual[Symbol.iterator] === 'function' && Array.from(actual).some((x) => Object.is(x, item) || (typeof item === 'object' && equals(x, item))));
      check(ok, 'toContain(expected)', item);
    },
    toHaveLength(n) { check(actual != null && actual.length === n, 'toHaveLength(expected)', n); },
    toHaveProperty(path, value) {
      const segs = Array.isArray(path) ? path : String(path).replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
      let o = actual, ok = true;
      for (const s of segs) { if (o == null || !(s in Object(o))) { ok = false; break; } o = o[s]; }
      if (ok && arguments.length > 1) ok = equals(o, value);
      check(ok, 'toHaveProperty(' + JSON.stringify(String(path)) + (arguments.length > 1 ? ', value' : '') + ')', arguments.length > 1 ? value : path);
    },
    toBeTruthy() { check(!!actual, 'toBeTruthy()', 'a truthy value'); },
    toBeFalsy() { check(!actual, 'toBeFalsy()', 'a falsy value'); },
    toBeNull() { check(actual === null, 'toBeNull()', null); },
    toBeUndefined() { check(actual === undefined, 'toBeUndefined()', undefined); },
    toBeDefined() { check(actual !== undefined, 'toBeDefined()', 'a defined value'); },
    toBeNaN() { check(Number.isNaN(actual), 'toBeNaN()', NaN); },
    toBeGreaterThan(n) { check(actual > n, 'toBeGreaterThan(expected)', n); },
    toBeGreaterThanOrEqual(n) { check(actual >= n, 'toBeGreaterThanOrEqual(expected)', n); },
    toBeLessThan(n) { check(actual < n, 'toBeLessThan(expected)', n); },
    toBeLessThanOrEqual(n) { check(actual <= n, 'toBeLessThanOrEqual(expected)', n); },
    toBeCloseTo(n, digits) { const d = digits === undefined ? 2 : digits; check(Math.abs(actual - n) < Math.pow(10, -d) / 2, 'toBeCloseTo(expected, ' + d + ')', n); },
    toBeInstanceOf(C) { check(actual instanceof C, 'toBeInstanceOf(expected)', C); },
    toThrow(e) {
      let thrown = false, error;
      if (mode) { thrown = true; error = actual; }
      else {
        if (typeof actual !== 'function') throw new AssertionError('expect(received).toThrow(): received must be a function, got ' + show(actual));
        try { actual(); } catch (x) { thrown = true; error = x; }
      }
      const msg = error && typeof error === 'object' ? (error.message !== undefined ? error.message : error.errMsg) : String(error);
      let ok = thrown;
      if (ok && e !== undefined) {
        if (e instanceof RegExp) ok = e.test(String(msg));
        else if (typeof e === 'string') ok = String(msg).includes(e);
        else if (typeof e === 'function') ok = error instanceof e;
        else if (typeof e === 'object') ok = matchesObject(error, e);
      }
      const received = actual;
      actual = thrown ? error : 'nothing was thrown';
      try { check(ok, 'toThrow(' + (e === undefined ? '' : 'expected') + ')', e === undefined ? 'an exception' : e); } finally { actual = received; }
    },
    toHaveBeenCalled() { requireCalls('toHaveBeenCalled'); check(actual.length > 0, 'toHaveBeenCalled()', 'at least one call'); },
    toHaveBeenCalledTimes(n) { requireCalls('toHaveBeenCalledTimes'); check(actual.length === n, 'toHaveBeenCalledTimes(' + n + ')', n + ' call(s)'); },
    toHaveBeenCalledWith(args) { requireCalls('toHaveBeenCalledWith'); check(actual.some((c) => matchesObject(c.args, args)), 'toHaveBeenCalledWith(expected)', args); },
    toHaveBeenLastCalledWith(args) { requireCalls('toHaveBeenLastCalledWith'); check(actual.length > 0 && matchesObject(actual[actual.length - 1].args, args), 'toHaveBeenLastCalledWith(expected)', args); },
    toHaveReturnedWith(result) { requireCalls('toHaveReturnedWith'); check(actual.some((c) => c.result !== undefined && matchesObject(c.result, result)), 'toHaveReturnedWith(expected)', result); },
  };
  function requireCalls(name) {
    if (!isCallList(actual)) throw new AssertionError('expect(received).' + name + '(): received must be a list of recorded calls (app.calls(api)), got ' + show(actual));
  }
  return m;
}
function expect(actual) {
  const e = makeExpect(actual, false);
  e.not = makeExpect(actual, true);
  const wrap = (settle) => {
    const make = (negate) => {
      const out = {};
      for (const k of Object.keys(makeExpect(undefined, false))) {
        out[k] = async (...args) => {
          let value, ok;
          try { value = await actual; ok = true; } catch (x) { value = x; ok = false; }
          if (ok !== settle) {
            throw new AssertionError('expect(received).' + (settle ? 'resolves' : 'rejects') + '.' + (negate ? 'not.' : '') + k + '()\n\nReceived promise ' + (ok ? 'resolved with ' : 'rejected with ') + show(value), { expected: settle ? 'a resolved promise' : 'a rejected promise', actual: (ok ? 'resolved: ' : 'rejected: ') + show(value) });
          }
          return makeExpect(value, negate, settle ? undefined : 'rejects')[k](...args);
        };
      }
      return out;
    };
    const r = make(false);
    r.not = make(true);
    return r;
  };
  Object.defineProperty(e, 'resolves', { get: () => wrap(true) });
  Object.defineProperty(e, 'rejects', { get: () => wrap(false) });
  return e;
}

// ---------------------------------------------------------------- suites
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

// ---------------------------------------------------------------- the driver API
function parse(text) { return text === undefined || text === null || text === '' ? undefined : JSON.parse(text); }
const apps = [];
const mockFns = new Map();
let nextMock = 1;
class Page {
  constructor(app, info) { this._app = app; this.route = info.route; this.query = info.query; this._data = info.data; }
  data(path) {
    if (path === undefined || path === '') return this._data;
    let o = this._data;
    for (const s of String(path).replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)) { if (o == null) return undefined; o = o[s]; }
    return o;
  }
  async refresh() { const p = await this._app._page(this.route); this._data = p._data; this.query = p.query; return this; }
  async setData(obj) { await this._app._req('setData', { route: this.route, data: obj }); return this.refresh(); }
  call(method, arg) { return this._app._req('call', { route: this.route, method: String(method), arg }); }
}
class Prompt {
  constructor(info) { Object.assign(this, info); }
  allow(options) { native.answerPrompt(this.id, options && options.always ? 'always' : 'once', -1); }
  deny() { native.answerPrompt(this.id, 'deny', -1); }
  choose(index) {
    if (this.type !== 'picker') throw new Error('choose() answers a picker; this prompt is a ' + this.type + ' prompt');
    if (!(index >= 0 && index < this.options.length)) throw new RangeError('choose(' + index + '): the picker has ' + this.options.length + ' option(s)');
    native.answerPrompt(this.id, 'choose', index);
  }
  cancel() { native.answerPrompt(this.id, 'deny', -1); }
}
class App {
  constructor(handle, info) {
    this._h = handle;
    this.appId = info.appId;
    const h = handle;
    this.world = {
      wallet: {
        balance: () => parse(native.world(h, 'wallet.balance', '{}')),
        statement: () => parse(native.world(h, 'wallet.statement', '{}')),
      },
      chat: {
        conversations: () => parse(native.world(h, 'chat.conversations', '{}')),
        messages: (conversation) => parse(native.world(h, 'chat.messages', JSON.stringify({ conversation }))),
        post: (conversation, text, options) => parse(native.world(h, 'chat.post', JSON.stringify({ conversation, text, as: options && options.as }))),
      },
      location: {
        current: () => parse(native.world(h, 'location.current', '{}')),
        moveTo: (latitude, longitude, altitude) => { native.world(h, 'location.moveTo', JSON.stringify({ latitude, longitude, altitude })); },
        setRoute: (points, options) => { native.world(h, 'location.setRoute', JSON.stringify({ points, speed: options && options.speed, loop: options && options.loop })); },
      },
    };
  }
  _start() { native.startApp(this._h); }
  _req(op, arg) { this._start(); return request((id) => native.request(this._h, id, op, JSON.stringify(arg === undefined ? {} : arg))); }
  async _page(route) { return new Page(this, await this._req('page', { route: route || null })); }
  launched() { this._start(); return request((id) => native.launched(this._h, id)); }
  mock(api, result) {
    if (typeof result === 'function') {
      const id = nextMock++;
      mockFns.set(id, result);
      native.mock(this._h, String(api), 'fn', String(id));
    } else {
      native.mock(this._h, String(api), 'value', JSON.stringify(result === undefined ? {} : result));
    }
    return this;
  }
  restore(api) { native.restore(this._h, api === undefined ? null : String(api)); return this; }
  calls(api) { return parse(native.calls(this._h, api === undefined ? null : String(api))); }
  get console() { return parse(native.console(this._h)); }
  get errors() { return parse(native.errors(this._h)); }
  async currentPage() { await this.launched(); return this._page(null); }
  async page(route) { await this.launched(); return this._page(route); }
  async pageStack() { await this.launched(); return this._req('stack'); }
  async navigateTo(url) { await this.launched(); await this._req('navigate', { url: String(url) }); return this._page(null); }
  async navigateBack() { await this.launched(); await this._req('back'); return this._page(null); }
  async hide() { await this.launched(); await this._req('hide'); }
  async show() { await this.launched(); await this._req('show'); }
  idle(timeout) { this._start(); return request((id) => native.idle(this._h, id, timeout === undefined ? 3000 : Number(timeout))); }
  nextPrompt(timeout) {
    this._start();
    return request((id) => native.nextPrompt(id, timeout === undefined ? 3000 : Number(timeout))).then((info) => new Prompt(info));
  }
  async waitFor(predicate, timeout) {
    if (typeof predicate !== 'function') throw new TypeError('waitFor needs a function');
    this._start();
    const limit = timeout === undefined ? 3000 : Number(timeout), started = Date.now();
    let last;
    for (;;) {
      try { last = await predicate(this); if (last) return last; } catch (e) { last = e; }
      if (Date.now() - started >= limit) {
        const shown = (last instanceof Error) ? ' (last error: ' + last.message + ')' : '';
        throw new Error('waitFor: the condition was not met within ' + limit + ' ms' + shown);
      }
      await new Promise((r) => setTimer(r, 10));
    }
  }
  async close() { native.closeApp(this._h); }
}
// A failure of an awaited driver call is reported at the test's line that made the call.
function inTestFile(stack) { return String(stack || '').indexOf('@' + native.file + ':') >= 0; }
function sited(proto, names) {
  for (const name of names) {
    const orig = proto[name];
    proto[name] = function (...args) {
      const site = new Error('');
      let r;
      try { r = orig.apply(this, args); } catch (e) { throw e; }
      return Promise.resolve(r).catch((e) => {
        if (e instanceof Error && !inTestFile(e.stack) && inTestFile(site.stack)) e.stack = site.stack;
        throw e;
      });
    };
  }
}
sited(App.prototype, ['launched', 'currentPage', 'page', 'pageStack', 'navigateTo', 'navigateBack', 'hide', 'show', 'idle', 'nextPrompt', 'waitFor']);
sited(Page.prototype, ['refresh', 'setData', 'call']);
const minihost = {
  async launch(options) {
    const o = options || {};
    const info = parse(native.createApp(JSON.stringify({
      target: o.target, world: o.world, grant: o.grant, deny: o.deny, query: o.query, conversation: o.conversation,
    })));
    const app = new App(info.handle, info);
    apps.push(app);
    return app;
  },
  get package() { return parse(native.packageInfo()); },
  sleep(ms) { return new Promise((r) => setTimer(r, ms)); },
};
G.minihost = minihost;

// ---------------------------------------------------------------- running
function fullName(t) {
  const parts = [];
  for (let s = t.parent; s && s.parent; s = s.parent) parts.unshift(s.name);
  parts.push(t.name);
  return parts.join(' > ');
}
function errorInfo(e) {
  if (e instanceof Error) {
    return { name: e.name, message: e.message, stack: String(e.stack || ''), expected: e.expected, actual: e.actual, diff: e.diff };
  }
  if (e !== null && typeof e === 'object') return { name: 'Thrown', message: 'a non-Error was thrown: ' + show(e), stack: '' };
  return { name: 'Thrown', message: 'a non-Error was thrown: ' + show(e), stack: '' };
}
function withTimeout(fn, ms, what) {
  return new Promise((resolve, reject) => {
    let done = false;
    const id = setTimer(() => { if (!done) { done = true; reject(Object.assign(new Error(what + ' timed out after ' + ms + ' ms'), { name: 'TimeoutError' })); } }, ms);
    Promise.resolve().then(fn).then(
      (v) => { if (!done) { done = true; clearTimer(id); resolve(v); } },
      (e) => { if (!done) { done = true; clearTimer(id); reject(e); } });
  });
}
function skipped(node, inherited) { return inherited || node.mode === 'skip' || node.mode === 'todo'; }
function hasOnly(node) { return node.mode === 'only' || (!node.test && node.children.some(hasOnly)); }
function selected(t, underOnly) {
  if (anyOnly && !underOnly && t.mode !== 'only') return false;
  return native.matches(fullName(t));
}
function countTests(node, underOnly) {
  if (node.test) return selected(node, underOnly) ? 1 : 0;
  let n = 0;
  for (const c of node.children) n += countTests(c, underOnly || node.mode === 'only');
  return n;
}
async function runHooks(list, label) {
  for (const h of list) await withTimeout(() => h(), native.timeout, label);
}
function eachHooks(suite, kind) {
  const chain = [];
  for (let s = suite; s; s = s.parent) chain.unshift(s);
  const out = [];
  for (const s of chain) for (const h of s[kind]) out.push(h);
  return kind === 'afterEach' ? out.reverse() : out;
}
async function runTest(t, skip) {
  const name = fullName(t);
  if (skip || t.mode === 'skip' || t.mode === 'todo') { native.report(JSON.stringify({ name, status: 'skipped', line: t.line, ms: 0 })); return; }
  const started = Date.now();
  native.beginTest(name);
  let error = null;
  const timeout = t.timeout === undefined ? native.timeout : Number(t.timeout);
  try {
    for (const h of eachHooks(t.parent, 'beforeEach')) await withTimeout(() => h(), timeout, 'beforeEach of "' + name + '"');
    await withTimeout(() => t.fn(), timeout, 'test "' + name + '"');
  } catch (e) { error = errorInfo(e); }
  try {
    for (const h of eachHooks(t.parent, 'afterEach')) await withTimeout(() => h(), timeout, 'afterEach of "' + name + '"');
  } catch (e) { if (!error) error = errorInfo(e); }
  for (const [, r] of pending) r.reject(new Error('the test ended'));
  pending.clear();
  mockFns.clear();
  apps.length = 0;
  native.report(JSON.stringify({ name, status: error ? 'failed' : 'passed', line: t.line, ms: Date.now() - started, error }));
  native.endTest();
}
async function runSuite(s, skip, underOnly) {
  const only = underOnly || s.mode === 'only';
  const live = countTests(s, underOnly) > 0 && !skipped(s, skip);
  let failure = null;
  if (live) {
    try { await runHooks(s.beforeAll, 'beforeAll' + (s.name ? ' of "' + s.name + '"' : '')); }
    catch (e) { failure = errorInfo(e); }
  }
  for (const c of s.children) {
    if (c.test) {
      if (!selected(c, only)) continue;
      if (failure) { native.report(JSON.stringify({ name: fullName(c), status: 'failed', line: c.line, ms: 0, error: Object.assign({}, failure, { message: 'beforeAll failed: ' + failure.message }) })); continue; }
      await runTest(c, skipped(s, skip));
    } else {
      await runSuite(c, skipped(s, skip) || !!failure, only);
    }
  }
  if (live) {
    try { await runHooks(s.afterAll, 'afterAll' + (s.name ? ' of "' + s.name + '"' : '')); }
    catch (e) { native.report(JSON.stringify({ name: (s.name ? s.name + ' > ' : '') + '(afterAll)', status: 'failed', line: 0, ms: 0, error: errorInfo(e) })); }
  }
}
return {
  run() {
    collecting = false;
    runSuite(root, false, false).then(() => native.finished(), (e) => { native.report(JSON.stringify({ name: '(runner)', status: 'failed', line: 0, ms: 0, error: errorInfo(e) })); native.finished(); });
  },
  fire(id) { const fn = timers.get(id); if (fn) { timers.delete(id); fn(); } },
  settle(id, ok, text) {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (ok) p.resolve(parse(text));
    else { const e = new Error(text); if (p.site.stack) e.stack = p.site.stack; p.reject(e); }
  },
  // A mock function, called for an app's API call: answers through native.mockDone.
  invokeMock(fnId, callToken, argsJSON) {
    const fn = mockFns.get(Number(fnId));
    const fail = (e) => {
      const o = e !== null && typeof e === 'object' ? e : { errMsg: String(e) };
      native.mockDone(callToken, false, JSON.stringify({ errCode: typeof o.errCode === 'number' ? o.errCode : 1009, errMsg: String(o.errMsg !== undefined ? o.errMsg : (o.message !== undefined ? o.message : show(e))) }));
    };
    if (!fn) { fail({ errCode: 1009, errMsg: 'the mock is gone (its test ended)' }); return; }
    try {
      Promise.resolve(fn(parse(argsJSON))).then((r) => native.mockDone(callToken, true, JSON.stringify(r === undefined ? {} : r)), fail);
    } catch (e) { fail(e); }
  },
  count() { return countTests(root, false); },
};
})
"""#
}
