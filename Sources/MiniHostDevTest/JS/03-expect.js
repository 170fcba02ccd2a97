// expect: the matchers, their negation (`not`) and promise forms (`resolves`, `rejects`).
//
// A data path's segments (`'a.b[2].c'` → a, b, 2, c), as `setData` writes them.
function pathSegments(path) { return String(path).replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean); }
// The running test's name and how many snapshots each name has taken (toMatchSnapshot).
const snapshotState = { name: '', counts: new Map() };
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
      const segs = Array.isArray(path) ? path : pathSegments(path);
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
    // The value (a string as it is, anything else as indented JSON) against the test's stored
    // snapshot `<test name> <n>` in tests/__snapshots__/<file>.snap; the first run writes it.
    toMatchSnapshot(hint) {
      if (negate) throw new Error('.not.toMatchSnapshot() is not supported');
      const base = snapshotState.name + (hint === undefined ? '' : ': ' + String(hint));
      const n = (snapshotState.counts.get(base) || 0) + 1;
      snapshotState.counts.set(base, n);
      const text = typeof actual === 'string' ? actual : actual === undefined ? 'undefined' : JSON.stringify(actual, null, 2);
      const outcome = JSON.parse(native.snapshot(base + ' ' + n, text));
      if (outcome.ok) return;
      const details = { expected: outcome.expected, actual: text, diff: diff(outcome.expected, text) };
      throw new AssertionError('expect(received).toMatchSnapshot(' + (hint === undefined ? '' : show(hint)) + ')\n\nSnapshot "' + base + ' ' + n + '" differs (run minihost test --update-snapshots to accept the new value).\n\n' + details.diff, details);
    },
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
