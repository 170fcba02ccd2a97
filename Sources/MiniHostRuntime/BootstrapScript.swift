import MiniHostEngine

/// The runtime's JavaScript half, evaluated in every app VM before any app code.
///
/// It is a function `(native, config) => dispatcher`: `native` holds the host functions (never
/// reachable from app code), `config` the app-independent settings; the returned dispatcher is
/// how the host drives the app (launch, timers, navigation, page calls). It installs the global
/// API (`App`, `Page`, `getApp`, `getCurrentPages`, `console`, timers, `queueMicrotask`, `mp`/`wx`),
/// removes every global outside the allowlist and freezes the intrinsics.
enum BootstrapScript {
    static let sourceURL = "miniapp://minihost/runtime.js"

    /// The script as evaluated: `text` without indentation and comment lines (line numbers stay,
    /// so stack traces still point at `text`'s lines), which makes it quicker to parse. It must
    /// stay ASCII: it is evaluated as ``shared``, which JavaScriptCore allows only for ASCII text.
    static let source: String = compact(text)

    /// `source`, kept once for the process and referenced by every VM. Evaluated with
    /// `JSEvaluateScript`, each VM kept a copy of its own: about 70 KB per app.
    static let shared: SharedScript = SharedScript(source, sourceURL: sourceURL)!

    static func compact(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let code = line.drop(while: { $0 == " " })
            return code.hasPrefix("//") ? "" : code
        }.joined(separator: "\n")
    }

    static let text = #"""
(function (native) {
'use strict';
const G = globalThis;
const ObjectFreeze = Object.freeze, ObjectKeys = Object.keys, ObjectCreate = Object.create;
const ObjectAssign = Object.assign, ObjectDefine = Object.defineProperty;
const ObjectGetOwnNames = Object.getOwnPropertyNames, ObjectGetDesc = Object.getOwnPropertyDescriptor;
const ObjectGetProto = Object.getPrototypeOf, ObjectIs = Object.is;
const ArrayIsArray = Array.isArray, JSONStringify = JSON.stringify, JSONParse = JSON.parse;
const StringCtor = String, NumberCtor = Number, MathFloor = Math.floor, MathCeil = Math.ceil, MathMin = Math.min;
const ParseFloat = parseFloat, DecodeURIComponent = decodeURIComponent, RegExpCtor = RegExp;
const DateCtor = Date, DateGetTime = Date.prototype.getTime, DateToISO = Date.prototype.toISOString;
const FunctionToString = Function.prototype.toString;
const ReflectApply = Reflect.apply, ReflectOwnKeys = Reflect.ownKeys;
const call = (fn, self, ...args) => ReflectApply(fn, self, args);
const PromiseCtor = Promise, PromiseResolve = Promise.resolve.bind(Promise);
const ErrorCtor = Error, TypeErrorCtor = TypeError;
const MapCtor = Map, SetCtor = Set, WeakSetCtor = WeakSet;
const enablementGetters = new WeakSetCtor();

// ---------------------------------------------------------------- errors
function own(obj, key) {
  try {
    let o = obj;
    for (let i = 0; o !== null && i < 8; i++) {
      const d = ObjectGetDesc(o, key);
      if (d) return ('value' in d) ? d.value : (d.get && enablementGetters.has(d.get) ? ReflectApply(d.get, obj, []) : undefined);
      o = ObjectGetProto(o);
    }
  } catch (e) {}
  return undefined;
}
// Describes a thrown value without running app code (no getters, no toString).
function describe(e) {
  if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
    const name = own(e, 'name'), message = own(e, 'message'), stack = own(e, 'stack');
    return {
      name: typeof name === 'string' ? name : undefined,
      message: typeof message === 'string' ? message : inspect(e, 1),
      stack: typeof stack === 'string' ? stack : undefined,
    };
  }
  return { name: undefined, message: StringCtor(e), stack: undefined };
}
function errorText(d) {
  const head = d.name ? d.name + ': ' + d.message : d.message;
  return d.stack ? head + '\n' + d.stack : head;
}

// ---------------------------------------------------------------- console
function quoteStr(s) { return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'"; }
function keyText(k) { return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quoteStr(k); }
function inspect(v, depth, seen) {
  if (depth === undefined) depth = 2;
  switch (typeof v) {
    case 'string': return quoteStr(v);
    case 'number': return ObjectIs(v, -0) ? '-0' : StringCtor(v);
    case 'bigint': return StringCtor(v) + 'n';
    case 'boolean': case 'undefined': return StringCtor(v);
    case 'symbol': return StringCtor(v);
    case 'function': {
      const n = own(v, 'name');
      const isClass = (() => { try { return /^class[\s{]/.test(call(FunctionToString, v)); } catch (e) { return false; } })();
      return isClass ? '[class ' + (n || '(anonymous)') + ']' : '[Function' + (n ? ': ' + n : ' (anonymous)') + ']';
    }
  }
  if (v === null) return 'null';
  seen = seen || [];
  if (seen.indexOf(v) >= 0) return '[Circular]';
  try {
    if (v instanceof ErrorCtor) { const d = describe(v); return d.stack ? errorText(d) : '[' + (d.name || 'Error') + ': ' + d.message + ']'; }
    if (isDate(v)) { const t = call(DateGetTime, v); return t !== t ? 'Invalid Date' : call(DateToISO, v); }
    if (v instanceof RegExpCtor) return StringCtor(v);
    if (v instanceof PromiseCtor) return 'Promise {}';
    if (ArrayIsArray(v)) {
      if (depth < 0) return '[Array]';
      seen.push(v);
      const n = v.length, parts = [];
      for (let i = 0; i < n && i < 100; i++) {
        const d = ObjectGetDesc(v, i);
        parts.push(d === undefined ? '<empty>' : ('value' in d ? inspect(d.value, depth - 1, seen) : '[Getter]'));
      }
      if (n > 100) parts.push('... ' + (n - 100) + ' more items');
      seen.pop();
      return parts.length ? '[ ' + parts.join(', ') + ' ]' : '[]';
    }
    if (v instanceof MapCtor || v instanceof SetCtor) {
      const isMap = v instanceof MapCtor, parts = [];
      if (depth < 0) return isMap ? '[Map]' : '[Set]';
      seen.push(v);
      for (const e of v) { parts.push(isMap ? inspect(e[0], depth - 1, seen) + ' => ' + inspect(e[1], depth - 1, seen) : inspect(e, depth - 1, seen)); if (parts.length >= 100) break; }
      seen.pop();
      return (isMap ? 'Map(' : 'Set(') + v.size + ') {' + (parts.length ? ' ' + parts.join(', ') + ' ' : '') + '}';
    }
    if (depth < 0) return '[Object]';
    seen.push(v);
    const keys = ObjectKeys(v), parts = [];
    for (let i = 0; i < keys.length && i < 100; i++) {
      const k = keys[i], d = ObjectGetDesc(v, k);
      parts.push(keyText(k) + ': ' + (d && 'value' in d ? inspect(d.value, depth - 1, seen) : '[Getter]'));
    }
    if (keys.length > 100) parts.push('... ' + (keys.length - 100) + ' more properties');
    seen.pop();
    const proto = ObjectGetProto(v);
    const ctor = proto && own(proto, 'constructor');
    const cname = proto === null ? '[Object: null prototype] ' : (ctor && ctor !== Object && typeof own(ctor, 'name') === 'string' && own(ctor, 'name') ? own(ctor, 'name') + ' ' : '');
    return cname + (parts.length ? '{ ' + parts.join(', ') + ' }' : '{}');
  } catch (e) {
    return '[Uninspectable]';
  }
}
function format(args) {
  let out = '', i = 0;
  if (typeof args[0] === 'string' && args.length > 1 && args[0].indexOf('%') >= 0) {
    const f = args[0]; i = 1;
    for (let p = 0; p < f.length; p++) {
      const c = f[p];
      if (c !== '%' || p + 1 >= f.length) { out += c; continue; }
      const t = f[++p];
      if (t === '%') { out += '%'; continue; }
      if ('sdifojOc'.indexOf(t) < 0) { out += '%' + t; continue; }
      if (i >= args.length) { out += '%' + t; continue; }
      const a = args[i++];
      switch (t) {
        case 's': out += typeof a === 'string' ? a : (typeof a === 'object' && a !== null ? inspect(a, 1) : (typeof a === 'symbol' ? inspect(a) : StringCtor(a))); break;
        case 'd': case 'i': {
          if (typeof a === 'bigint') { out += StringCtor(a) + 'n'; break; }
          const n = typeof a === 'number' ? a : (typeof a === 'string' ? NumberCtor(a) : NaN);
          out += StringCtor(t === 'i' ? (n < 0 ? MathCeil(n) : MathFloor(n)) : n); break;
        }
        case 'f': out += StringCtor(typeof a === 'number' ? a : (typeof a === 'string' ? ParseFloat(a) : NaN)); break;
        case 'j': try { out += JSONStringify(a); } catch (e) { out += '[Circular]'; } break;
        case 'o': case 'O': out += inspect(a, t === 'o' ? 4 : 2); break;
        case 'c': break;
      }
    }
  }
  for (; i < args.length; i++) {
    const a = args[i];
    if (out.length || i > 0) out += ' ';
    out += typeof a === 'string' ? a : inspect(a);
  }
  return out;
}
const consoleObj = {};
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  consoleObj[level] = function (...args) { native.print(level, format(args)); };
}
consoleObj.trace = function (...args) { native.print('debug', 'Trace' + (args.length ? ': ' + format(args) : '') + '\n' + (new ErrorCtor().stack || '')); };
consoleObj.assert = function (cond, ...args) { if (!cond) native.print('error', 'Assertion failed' + (args.length ? ': ' + format(args) : '')); };

// ---------------------------------------------------------------- timers
let nextTimerId = 1;
const timers = new MapCtor();
function addTimer(fn, ms, args, repeat) {
  if (typeof fn !== 'function') throw new TypeErrorCtor('The callback must be a function (code strings are not evaluated)');
  let delay = NumberCtor(ms);
  if (!(delay >= 0) || delay > 2147483647) delay = 0;
  if (repeat && delay < 1) delay = 1;
  const id = nextTimerId++;
  timers.set(id, { fn, args, delay, repeat });
  native.setTimer(id, delay);
  return id;
}
function clearTimer(id) {
  if (timers.delete(id)) native.clearTimer(id);
}
function fireTimer(id) {
  const t = timers.get(id);
  if (!t) return;
  if (t.repeat) native.setTimer(id, t.delay); else timers.delete(id);
  guarded('timer', t.fn, undefined, t.args);
}

// ---------------------------------------------------------------- error routing
let appInstance, appOptions, inErrorHook = false;
function reportError(kind, e) {
  const d = describe(e);
  native.error(kind, d.name ? d.name + ': ' + d.message : d.message, d.stack || '');
  notifyApp(errorText(d));
}
// Passes an error's text to App.onError (never re-entering it).
function notifyApp(text) {
  if (appOptions && typeof appOptions.onError === 'function' && !inErrorHook) {
    inErrorHook = true;
    try { ReflectApply(appOptions.onError, appInstance, [text]); }
    catch (e2) { const d2 = describe(e2); native.error('exception', 'App.onError threw: ' + (d2.name ? d2.name + ': ' : '') + d2.message, d2.stack || ''); }
    finally { inErrorHook = false; }
  }
}
function guarded(what, fn, self, args) {
  try { return ReflectApply(fn, self, args || []); }
  catch (e) { reportError('exception', e); return undefined; }
}
function onRejection(promise, reason) {
  if (appOptions && typeof appOptions.onUnhandledRejection === 'function') {
    const d = describe(reason);
    native.error('unhandled_rejection', 'Unhandled promise rejection (passed to App.onUnhandledRejection): ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
    guarded('onUnhandledRejection', appOptions.onUnhandledRejection, appInstance, [{ reason, promise }]);
  } else {
    const d = describe(reason);
    native.error('unhandled_rejection', 'Unhandled promise rejection: ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
  }
}

// ---------------------------------------------------------------- modules
let appId = '', pageRoutes = [];
const moduleCache = new MapCtor();
function normalize(parts) {
  const out = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') { if (!out.length) return null; out.pop(); continue; }
    out.push(p);
  }
  return out.join('/');
}
function resolveModule(from, spec) {
  if (typeof spec !== 'string' || spec === '') throw new TypeErrorCtor('require() needs a module path string');
  if (spec[0] === '/' || /^[A-Za-z]+:/.test(spec) || spec.indexOf('\\') >= 0 || spec.indexOf('\0') >= 0)
    throw new ErrorCtor("Cannot require '" + spec + "' from " + from + ': absolute paths and URLs are not allowed; use a path relative to the calling module');
  const dir = from.split('/').slice(0, -1);
  const path = normalize(dir.concat(spec.split('/')));
  if (path === null || path === '')
    throw new ErrorCtor("Cannot require '" + spec + "' from " + from + ': the path leaves the package');
  return path;
}
const resolvedPaths = new MapCtor();
function requireFrom(from, spec) {
  const base = resolveModule(from, spec);
  const known = resolvedPaths.get(base);
  if (known !== undefined) { const c = moduleCache.get(known); if (c) return c.exports; }
  const found = native.load(base, from, spec);  // [path, kind, value] or throws a clear error
  const path = found[0];
  resolvedPaths.set(base, path);
  const cached = moduleCache.get(path);
  if (cached) return cached.exports;
  if (found[1] === 'json') { const m = { exports: found[2] }; moduleCache.set(path, m); return m.exports; }
  const module = { exports: {}, id: path, filename: path, loaded: false };
  moduleCache.set(path, module);
  const req = makeRequire(path);
  try {
    ReflectApply(found[2], module.exports, [req, module, module.exports]);
  } catch (e) {
    moduleCache.delete(path);
    throw e;
  }
  module.loaded = true;
  return module.exports;
}
function makeRequire(from) {
  return hideSource(function require(spec) { return requireFrom(from, spec); });
}
const FunctionBind = Function.prototype.bind;
// (JavaScriptCore prints a bound function as `function <target name>() { [native code] }`; its
// `name` reads `bound <name>`.)
function hideSource(fn) { return call(FunctionBind, fn, undefined); }

// ---------------------------------------------------------------- call convention (runtime-local APIs)
// The success value of `api`: `errMsg` and a copy of the host's result (its members, if it is a
// plain object) in one object. Keys that name Object.prototype members (`__proto__`,
// `constructor`, ...) become own data properties, never setters.
function okValue(api, result) {
  const out = { errMsg: api + ':ok' };
  if (result === null || typeof result !== 'object') return out;
  if (ArrayIsArray(result)) return ObjectAssign(out, cloneData(result));
  copyMembers(result, out);
  return out;
}
function failValue(api, reason, code) { return { errMsg: api + ':fail ' + reason, errCode: code }; }
// `callbacks` holds the success/fail/complete functions found in the options (or null): with any
// of them the callbacks are called (complete last) and the call returns undefined; otherwise the
// call returns a Promise.
function settle(api, callbacks, run) {
  const ok = (result) => okValue(api, result);
  const fail = (reason, code) => failValue(api, reason, code);
  if (callbacks) {
    const success = callbacks.success, failCb = callbacks.fail, complete = callbacks.complete;
    run((r) => {
      const res = ok(r);
      if (typeof success === 'function') guarded(api + '.success', success, undefined, [res]);
      if (typeof complete === 'function') guarded(api + '.complete', complete, undefined, [res]);
    }, (reason, code) => {
      const err = fail(reason, code);
      if (typeof failCb === 'function') guarded(api + '.fail', failCb, undefined, [err]);
      if (typeof complete === 'function') guarded(api + '.complete', complete, undefined, [err]);
    });
    return undefined;
  }
  return new PromiseCtor((resolve, reject) => run((r) => resolve(ok(r)), (reason, code) => reject(fail(reason, code))));
}

// ---------------------------------------------------------------- arguments cross once, as data
// The copy reads every property once (a getter runs at most once), never calls toString/valueOf/
// toJSON, drops functions and symbols, rejects cycles and BigInts, and caps depth, size and
// string length. The host validates the copy; app values never reach host code.
const MAX_DEPTH = 64, MAX_SIZE = 2 * 1024 * 1024, MAX_STRING = 1024 * 1024, MAX_ITEMS = 100000;
const ObjectProto = Object.prototype;
// instanceof first: a failed brand check throws, and building that exception is costly on the hot path.
function isDate(v) { if (!(v instanceof DateCtor)) return false; try { call(DateGetTime, v); return true; } catch (e) { return false; } }
function pathOf(path, key) {
  if (key === undefined) return path;
  if (typeof key === 'number') return path + '[' + key + ']';
  return path ? path + '.' + key : key;
}
// `parent` and `key` name the value for error messages (`key` undefined: the top); the path
// string is built only for an error or a nested object, not for every leaf.
function copyValue(v, parent, key, st, depth) {
  if (st.error) return undefined;
  switch (typeof v) {
    case 'string':
      if (v.length > MAX_STRING) { st.error = (pathOf(parent, key) || 'the argument') + ' is a string of ' + v.length + ' characters; at most ' + MAX_STRING + ' may cross the bridge'; return undefined; }
      st.size += v.length + 2;
      if (st.size > MAX_SIZE) { st.error = 'the arguments are larger than ' + (MAX_SIZE / 1048576) + ' MB'; return undefined; }
      return v;
    case 'number': st.size += 8; return NumberCtor.isFinite(v) ? v : null;
    case 'boolean': st.size += 5; return v;
    case 'undefined': case 'function': case 'symbol': return undefined;
    case 'bigint': st.error = (pathOf(parent, key) || 'the argument') + ' is a BigInt, which cannot cross the bridge'; return undefined;
  }
  if (v === null) { st.size += 4; return null; }
  const path = pathOf(parent, key);
  if (depth >= MAX_DEPTH) { st.error = (path || 'the argument') + ' is nested deeper than ' + MAX_DEPTH + ' levels'; return undefined; }
  if (st.seen.indexOf(v) >= 0) { st.error = (path || 'the argument') + ' refers back to an object that contains it (a cycle)'; return undefined; }
  if (isDate(v)) { try { return call(DateToISO, v); } catch (e) { return null; } }
  st.seen[st.seen.length] = v;  // not push: an accessor here (see `enable`)
  try {
    if (ArrayIsArray(v)) {
      const n = v.length;
      if (!(n <= MAX_ITEMS)) { st.error = (path || 'the argument') + ' has ' + n + ' items; at most ' + MAX_ITEMS + ' may cross the bridge'; return undefined; }
      const out = [];
      for (let i = 0; i < n && !st.error; i++) {
        let item;
        try { item = v[i]; } catch (e) { const d = describe(e); st.error = 'reading ' + pathOf(path, i) + ' threw ' + (d.name ? d.name + ': ' : '') + d.message; break; }
        const c = copyValue(item, path, i, st, depth + 1);
        out[i] = c === undefined ? null : c;
      }
      st.size += 2 + n;
      return out;
    }
    const keys = ObjectKeys(v);
    if (keys.length > MAX_ITEMS) { st.error = (path || 'the argument') + ' has more than ' + MAX_ITEMS + ' keys'; return undefined; }
    const out = {};
    for (const k of keys) {
      if (st.error) break;
      let item;
      try { item = v[k]; } catch (e) { const d = describe(e); st.error = 'reading ' + pathOf(path, k) + ' threw ' + (d.name ? d.name + ': ' : '') + d.message; break; }
      if (depth === 0 && st.callbacks !== null && (k === 'success' || k === 'fail' || k === 'complete')) {
        if (typeof item === 'function') { st.callbacks[k] = item; st.hasCallbacks = true; }
        continue;
      }
      const c = copyValue(item, path, k, st, depth + 1);
      if (c === undefined) continue;
      // A plain assignment unless the key names something on Object.prototype (frozen: assigning
      // would throw) or `__proto__` (assigning would set the prototype).
      if (k in ObjectProto) ObjectDefine(out, k, { value: c, writable: true, enumerable: true, configurable: true });
      else out[k] = c;
      st.size += k.length + 4;
    }
    return out;
  } catch (e) {
    if (!st.error) { const d = describe(e); st.error = 'reading ' + (path || 'the argument') + ' threw ' + (d.name ? d.name + ': ' : '') + d.message; }
    return undefined;
  } finally {
    st.seen.pop();
  }
}
// Copies an async API's options object; collects its callbacks even when the copy fails.
function copyOptions(options) {
  const st = { size: 0, seen: [], error: null, callbacks: {}, hasCallbacks: false };
  if (options === undefined) return { value: {}, error: null, callbacks: null };
  if (options === null || typeof options !== 'object' || ArrayIsArray(options))
    return { value: undefined, error: 'invalid argument: the options must be an object', callbacks: null };
  const value = copyValue(options, '', undefined, st, 0);
  return { value, error: st.error ? 'invalid argument: ' + st.error : null, callbacks: st.hasCallbacks ? st.callbacks : null };
}
// What copyPositional answers for primitive arguments: the stub passes its `args` as they are.
const PRIMITIVES = ObjectFreeze({ value: null, error: null, primitives: true });
// The size a primitive argument counts for, or -1 when it is not one that crosses as it is.
function primitiveSize(a) {
  const t = typeof a;
  if (t === 'string' && a.length <= MAX_STRING) return a.length + 2;
  if ((t === 'number' && NumberCtor.isFinite(a)) || t === 'boolean' || a === null) return 8;
  return -1;
}
function copyPositional(args) {
  // The common case, primitives only, needs no walk: `args` is the stub's own array, which app
  // code never sees, so it crosses as it is.
  let size = 2;
  for (let i = 0; i < args.length; i++) {
    const s = primitiveSize(args[i]);
    if (s < 0) { size = -1; break; }
    size += s;
  }
  if (size >= 0 && size <= MAX_SIZE) return PRIMITIVES;
  const st = { size: 0, seen: [], error: null, callbacks: null, hasCallbacks: false };
  const value = copyValue(args, '', undefined, st, 0);
  return { value, error: st.error ? 'invalid argument: ' + st.error : null };
}
function argError(api, reason) {
  const e = new ErrorCtor(api + ':fail ' + reason);
  e.errMsg = api + ':fail ' + reason;
  e.errCode = ERR_INVALID;
  return e;
}

// ---------------------------------------------------------------- host API stubs
const pendingCalls = new MapCtor();
let nextCallId = 1;
function asyncStub(api, index) {
  return function (options) {
    const c = copyOptions(options);
    if (c.callbacks === null) return promiseCall(api, index, c);
    return settle(api, c.callbacks, (ok, fail) => {
      if (c.error) { PromiseResolve().then(() => fail(c.error, ERR_INVALID)); return; }
      const id = nextCallId++;
      // The host answers at once when no prompt can be involved (the result, or it throws
      // `[errCode, reason]`); the callbacks still run after the calling code has returned (in a
      // microtask), as with a reply that comes later. A later reply arrives as a task of its own,
      // never during this call, so the call is recorded as pending only when the host returned
      // undefined (no answer yet).
      let r, failed = null;
      try {
        r = native.callAsync(index, c.value, id, JSONStringify(c.value));
      } catch (x) {
        if (!isHostFailure(x)) throw x;
        failed = x;
      }
      if (failed !== null) PromiseResolve().then(() => fail(failed[1], failed[0]));
      else if (r !== undefined) PromiseResolve().then(() => ok(r));
      else pendingCalls.set(id, { ok, fail });
    });
  };
}
// The Promise form of an async call (no callbacks given): the same steps as `settle` with fewer
// objects per call. The promise is the one `then` makes, settled by the microtask that runs the
// callback, so it never settles during the call and its reactions run after the microtasks the
// calling task queued (EL-6).
function promiseCall(api, index, c) {
  if (c.error) return PromiseResolve().then(() => { throw failValue(api, c.error, ERR_INVALID); });
  const id = nextCallId++;
  let r;
  try {
    r = native.callAsync(index, c.value, id, JSONStringify(c.value));
  } catch (x) {
    return PromiseResolve().then(() => { throw isHostFailure(x) ? failValue(api, x[1], x[0]) : x; });
  }
  if (r !== undefined) return PromiseResolve().then(() => okValue(api, r));
  return new PromiseCtor((resolve, reject) => pendingCalls.set(id, {
    ok: (v) => resolve(okValue(api, v)),
    fail: (reason, code) => reject(failValue(api, reason, code)),
  }));
}
// The host returns a sync call's result, or throws `[errCode, reason]` when the call failed.
function syncStub(api, index) {
  return function () {
    // The common case, at most two primitive arguments, takes no array at all: they cross as
    // arguments of the native call (what copyPositional would accept, checked in place).
    const n = arguments.length, a0 = arguments[0], a1 = arguments[1];
    if (n <= 2) {
      const s0 = n < 1 ? 0 : primitiveSize(a0), s1 = n < 2 ? 0 : primitiveSize(a1);
      if (s0 >= 0 && s1 >= 0 && 2 + s0 + s1 <= MAX_SIZE) {
        try { return cloneData(native.callSyncArgs(index, n, a0, a1)); } catch (x) { throw syncFailure(api, x); }
      }
    }
    const args = [];
    for (let i = 0; i < n; i++) args[i] = arguments[i];
    const c = copyPositional(args);
    if (c.error) throw argError(api, c.error);
    try {
      // More than two primitive arguments cross as the array itself (no copy to walk).
      if (c.primitives === true) return cloneData(native.callSync(index, args, JSONStringify(args)));
      return cloneData(native.callSync(index, c.value, JSONStringify(c.value)));
    } catch (x) {
      throw syncFailure(api, x);
    }
  };
}
// The host's `[errCode, reason]` (anything else thrown is passed on as it is).
function isHostFailure(x) { return ArrayIsArray(x) && x.length === 2 && typeof x[0] === 'number'; }
function syncFailure(api, x) {
  if (!isHostFailure(x)) return x;
  const e = new ErrorCtor(api + ':fail ' + x[1]);
  e.errMsg = api + ':fail ' + x[1];
  e.errCode = x[0];
  return e;
}
// A reply from the host: settle the pending call (callbacks run in this task).
// A reply is `[true, result]` or `[false, errCode, reason]`, whether it came at once or later.
// `ok` makes its own copy of the result (``okValue``).
function settleWith(r, ok, fail) { if (r[0] === true) ok(r[1]); else fail(r[2], r[1]); }
// A copy of a host result (JSON data: plain objects, arrays, primitives). The host may hand the
// same parsed value to several calls; each call's caller gets its own copy.
function cloneData(v) {
  if (v === null || typeof v !== 'object') return v;
  if (ArrayIsArray(v)) {
    // Indexed writes, not `push`: Array.prototype.push is an accessor here (see `enable`).
    const n = v.length, out = [];
    for (let i = 0; i < n; i++) out[i] = cloneData(v[i]);
    return out;
  }
  const out = {};
  copyMembers(v, out);
  return out;
}
// Copies the members of the plain object `v` into `out`.
function copyMembers(v, out) {
  const keys = ObjectKeys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i], c = cloneData(v[k]);
    if (k in ObjectProto) ObjectDefine(out, k, { value: c, writable: true, enumerable: true, configurable: true });
    else out[k] = c;
  }
}
function settleCall(id, r) {
  const p = pendingCalls.get(id);
  if (!p) return;
  pendingCalls.delete(id);
  settleWith(r, p.ok, p.fail);
}
const ERR_INVALID = 1001, ERR_NOT_FOUND = 1007, ERR_LIMIT = 1005, ERR_HOST = 1009;

// ---------------------------------------------------------------- pages and navigation
const pageDefs = new MapCtor();
const stack = [];
let currentRoute = null, loadingRoute = null, appShown = false;

function App(options) {
  if (appOptions) throw new ErrorCtor('App() may be called only once');
  if (options === null || typeof options !== 'object') throw new TypeErrorCtor('App() needs an options object');
  appOptions = options;
  appInstance = options;
  if (!('globalData' in options)) options.globalData = {};
}
function Page(options) {
  if (options === null || typeof options !== 'object') throw new TypeErrorCtor('Page() needs an options object');
  if (!loadingRoute) throw new ErrorCtor('Page() may be called only in a page module listed in the manifest');
  pageDefs.set(loadingRoute, options);
}
function getApp() { return appInstance; }
function getCurrentPages() { return stack.slice(); }

function parsePath(path) {
  if (typeof path !== 'string' || path === '') throw new ErrorCtor('a data path must be a non-empty string');
  // A plain key (the common case) is its own one segment.
  if (path.indexOf('.') < 0 && path.indexOf('[') < 0 && path.indexOf(']') < 0) {
    if (path === '__proto__') throw new ErrorCtor('invalid data path "' + path + '"');
    return [path];
  }
  const segs = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m, last = 0, expectDot = false;
  while ((m = re.exec(path)) !== null) {
    const between = path.slice(last, m.index);
    if (m[1] !== undefined) {
      if ((expectDot ? between !== '.' : between !== '') || m[1] === '__proto__') throw new ErrorCtor('invalid data path "' + path + '"');
      segs.push(m[1]);
    } else {
      if (between !== '') throw new ErrorCtor('invalid data path "' + path + '"');
      if (!segs.length) throw new ErrorCtor('invalid data path "' + path + '"');
      segs.push(NumberCtor(m[2]));
    }
    expectDot = true;
    last = re.lastIndex;
  }
  if (last !== path.length || !segs.length) throw new ErrorCtor('invalid data path "' + path + '"');
  return segs;
}
function copyOut(v) { try { return clone(v); } catch (e) { return null; } }
function clone(v) { const s = JSONStringify(v); return s === undefined ? undefined : JSONParse(s); }
function setData(page, changes, callback) {
  if (changes === null || typeof changes !== 'object' || ArrayIsArray(changes)) throw new TypeErrorCtor('setData() needs an object of data paths and values');
  // Every path is checked (and every value copied) before anything changes.
  const keys = ObjectKeys(changes), n = keys.length, applied = {}, paths = [], values = [];
  for (let k = 0; k < n; k++) paths[k] = parsePath(keys[k]);
  for (let k = 0; k < n; k++) values[k] = clone(changes[keys[k]]);
  for (let k = 0; k < n; k++) {
    const key = keys[k], segs = paths[k], value = values[k];
    let obj = page.data;
    for (let i = 0; i < segs.length - 1; i++) {
      const s = segs[i];
      if (obj[s] === null || typeof obj[s] !== 'object') obj[s] = typeof segs[i + 1] === 'number' ? [] : {};
      obj = obj[s];
    }
    obj[segs[segs.length - 1]] = value;
    applied[key] = value;
  }
  native.setData(page.route, JSONStringify(applied));
  if (typeof callback === 'function') PromiseResolve().then(() => guarded('setData callback', callback, page, []));
}

function parseURL(url, from) {
  if (typeof url !== 'string' || url === '') return { error: 'url must be a non-empty string' };
  const q = url.indexOf('?');
  let path = q >= 0 ? url.slice(0, q) : url;
  const query = {};
  if (q >= 0) {
    for (const pair of url.slice(q + 1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const k = eq >= 0 ? pair.slice(0, eq) : pair, v = eq >= 0 ? pair.slice(eq + 1) : '';
      let dk = k, dv = v;
      try { dk = DecodeURIComponent(k.replace(/\+/g, ' ')); dv = DecodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) {}
      query[dk] = dv;
    }
  }
  let route;
  if (path[0] === '/') route = normalize(path.split('/'));
  else route = normalize((from ? from.split('/').slice(0, -1) : []).concat(path.split('/')));
  if (route && route.endsWith('.js')) route = route.slice(0, -3);
  return { route, query };
}
function definition(route) {
  if (!pageDefs.has(route)) {
    loadingRoute = route;
    try { requireFrom('app.js', './' + route + '.js'); }
    finally { loadingRoute = null; }
    if (!pageDefs.has(route)) pageDefs.set(route, {});
  }
  return pageDefs.get(route);
}
function hook(target, name, self, arg, route, detail) {
  native.lifecycle(target, name, route === undefined ? null : route, detail === undefined ? null : detail);
  const fn = target === 'app' ? (appOptions && appOptions[name]) : self && self[name];
  if (typeof fn === 'function') guarded(name, fn, self, arg === undefined ? [] : [arg]);
}
function createPage(route, query) {
  const def = definition(route);
  const page = {};
  for (const k of ObjectKeys(def)) {
    if (k === 'data' || k === 'methods') continue;
    const v = def[k];
    page[k] = typeof v === 'function' ? v : (v !== null && typeof v === 'object' ? (() => { try { return clone(v); } catch (e) { return v; } })() : v);
  }
  if (def.methods !== null && typeof def.methods === 'object')
    for (const k of ObjectKeys(def.methods)) if (typeof def.methods[k] === 'function') page[k] = def.methods[k];
  let data = {};
  try { data = clone(def.data) || {}; } catch (e) { reportError('exception', e); }
  ObjectDefine(page, 'data', { value: data, writable: true, enumerable: true });
  ObjectDefine(page, 'route', { value: route, enumerable: true });
  ObjectDefine(page, '__route__', { value: route });
  ObjectDefine(page, 'options', { value: query, enumerable: true });
  ObjectDefine(page, 'setData', { value: function (changes, cb) { setData(page, changes, cb); } });
  return page;
}
function openPage(route, query) {
  const page = createPage(route, query);
  stack.push(page);
  const q = JSONStringify(query);
  hook('page', 'onLoad', page, query, route, q);
  hook('page', 'onShow', page, undefined, route);
  hook('page', 'onReady', page, undefined, route);
  return page;
}
function unload(page) { hook('page', 'onUnload', page, undefined, page.route); }
function top() { return stack[stack.length - 1]; }

// `from`: the route relative URLs resolve against (default: the top page's).
function navigate(kind, url, fail, from) {
  if (from === undefined) from = top() ? top().route : '';
  const u = parseURL(url, from);
  if (u.error) return fail('invalid argument: ' + u.error, ERR_INVALID);
  if (!u.route || pageRoutes.indexOf(u.route) < 0) return fail('page "' + (u.route || url) + '" is not found', ERR_NOT_FOUND);
  if (kind === 'navigateTo' && stack.length >= 10) return fail('webview count limit exceed (at most 10 pages)', ERR_LIMIT);
  // Load the page's module before any hook runs: if it fails, the stack stays as it was.
  try { definition(u.route); } catch (e) {
    const d = describe(e);
    reportError('module', e);
    return fail('page "' + u.route + '" failed to load: ' + (d.name ? d.name + ': ' : '') + d.message, ERR_HOST);
  }
  if (kind === 'navigateTo') {
    if (top()) hook('page', 'onHide', top(), undefined, top().route);
    openPage(u.route, u.query);
  } else if (kind === 'redirectTo') {
    const old = stack.pop();
    if (old) unload(old);
    openPage(u.route, u.query);
  } else {
    while (stack.length) unload(stack.pop());
    openPage(u.route, u.query);
  }
  return null;
}
function back(delta, fail) {
  let d = delta === undefined ? 1 : NumberCtor(delta);
  if (!(d >= 1)) d = 1;
  if (stack.length <= 1) return fail('cannot navigate back at first page', ERR_NOT_FOUND);
  d = MathMin(MathFloor(d), stack.length - 1);
  for (let i = 0; i < d; i++) unload(stack.pop());
  hook('page', 'onShow', top(), undefined, top().route);
  return null;
}
function navApi(kind) {
  return function (options) {
    const c = copyOptions(options);
    const o = c.value || {};
    return settle(kind, c.callbacks, (ok, fail) => {
      // Navigation happens in a task of its own, after the calling code has returned (as in WeChat).
      native.post(() => {
        if (c.error) return fail(c.error, ERR_INVALID);
        let failed = false;
        const f = (r, code) => { failed = true; fail(r, code); };
        if (kind === 'navigateBack') back(o.delta, f); else navigate(kind, o.url, f);
        if (!failed) ok({});
      });
    });
  };
}

// ---------------------------------------------------------------- the API namespace
const mp = {};
mp.navigateTo = navApi('navigateTo');
mp.redirectTo = navApi('redirectTo');
mp.reLaunch = navApi('reLaunch');
mp.navigateBack = navApi('navigateBack');
// Host events: `mp.on<Name>(fn)` adds a listener, `mp.off<Name>(fn)` removes it (no argument: all).
const listeners = new MapCtor();
function eventPair(name) {
  const set = [];
  listeners.set(name, set);
  mp['on' + name] = function (fn) {
    if (typeof fn !== 'function') throw new TypeErrorCtor('on' + name + ' needs a function');
    if (set.indexOf(fn) < 0) set.push(fn);
  };
  mp['off' + name] = function (fn) {
    if (fn === undefined) { set.length = 0; return; }
    const i = set.indexOf(fn);
    if (i >= 0) set.splice(i, 1);
  };
}
// A stub names its API to the host by its index in `native.apis`.
for (let i = 0; i < native.apis.length; i++) {
  const d = native.apis[i];
  if (d[1] === 'event') eventPair(d[0]);
  else mp[d[0]] = d[1] === 'sync' ? syncStub(d[0], i) : asyncStub(d[0], i);
}
mp.canIUse = function canIUse(name) {
  if (typeof name !== 'string' || name === '') return false;
  const first = name.split('.')[0];
  const d = ObjectGetDesc(mp, first);  // own APIs only, not Object.prototype's toString & co.
  return d !== undefined && typeof d.value === 'function';
};

// ---------------------------------------------------------------- globals, allowlist, freezing
// Apps get bound copies of the runtime's functions, so `toString` shows
// `function name() { [native code] }` and not the runtime's source (SB-13).
for (const k of ObjectKeys(mp)) if (typeof mp[k] === 'function') mp[k] = hideSource(mp[k]);
for (const k of ObjectKeys(consoleObj)) consoleObj[k] = hideSource(consoleObj[k]);
const allowed = new SetCtor(native.allowedGlobals);
const installed = {
  console: consoleObj,
  setTimeout: function setTimeout(fn, ms, ...args) { return addTimer(fn, ms, args, false); },
  setInterval: function setInterval(fn, ms, ...args) { return addTimer(fn, ms, args, true); },
  clearTimeout: function clearTimeout(id) { clearTimer(id); },
  clearInterval: function clearInterval(id) { clearTimer(id); },
  queueMicrotask: function queueMicrotask(fn) {
    if (typeof fn !== 'function') throw new TypeErrorCtor('queueMicrotask needs a function');
    PromiseResolve().then(() => guarded('microtask', fn, undefined, []));
  },
  App, Page, getApp, getCurrentPages,
};
for (const k of ObjectKeys(installed)) if (typeof installed[k] === 'function') installed[k] = hideSource(installed[k]);
installed.mp = mp;
installed.wx = mp;
for (const name of ReflectOwnKeys(G)) {
  if (typeof name === 'string' && allowed.has(name)) continue;
  try { delete G[name]; } catch (e) {}
}
for (const name of ObjectKeys(installed)) {
  ObjectDefine(G, name, { value: installed[name], writable: name === 'console', enumerable: false, configurable: false });
}
// Frozen prototypes make `obj.toString = f` fail (the "override mistake"); turn the properties
// apps commonly shadow into accessors that define an own property on the instance instead.
function enable(proto, keys) {
  for (const key of keys) {
    const d = ObjectGetDesc(proto, key);
    if (!d || !('value' in d) || !d.configurable) continue;
    const value = d.value;
    const get = function () { return value; };
    enablementGetters.add(get);
    ObjectDefine(proto, key, {
      get,
      set(v) {
        if (this === proto) throw new TypeErrorCtor('Cannot assign to read only property \'' + StringCtor(key) + '\' of a frozen intrinsic');
        ObjectDefine(this, key, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: d.enumerable, configurable: false,
    });
  }
}
enable(Object.prototype, ['toString', 'valueOf', 'constructor', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);
enable(Function.prototype, ['toString', 'constructor']);
enable(Array.prototype, ['toString', 'constructor', 'push']);
for (const E of [ErrorCtor, TypeErrorCtor, RangeError, SyntaxError, ReferenceError, EvalError, URIError])
  enable(E.prototype, ['name', 'message', 'constructor', 'toString']);
enable(PromiseCtor.prototype, ['constructor', 'then']);
// Freeze the intrinsics the runtime's own code and its guarantees rest on.
const frozen = new WeakSetCtor();
function freeze(o) {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || frozen.has(o)) return;
  frozen.add(o);
  ObjectFreeze(o);
  const p = own(o, 'prototype');
  if (p !== null && (typeof p === 'object' || typeof p === 'function')) freeze(p);  // Function.prototype is a function
}
for (const name of native.frozenGlobals) if (typeof G[name] !== 'undefined') freeze(G[name]);
const hidden = [
  ObjectGetProto(function* () {}), ObjectGetProto(async function () {}), ObjectGetProto(async function* () {}),
  ObjectGetProto(Int8Array), ObjectGetProto([][Symbol.iterator]()), ObjectGetProto(ObjectGetProto([][Symbol.iterator]())),
  ObjectGetProto(new MapCtor()[Symbol.iterator]()), ObjectGetProto(new SetCtor()[Symbol.iterator]()),
  ObjectGetProto(''[Symbol.iterator]()), ObjectGetProto(/a/[Symbol.matchAll]('')),
];
for (const o of hidden) { freeze(o); const c = own(o, 'constructor'); if (typeof c === 'function') freeze(c); }
freeze(mp);
freeze(consoleObj);

// ---------------------------------------------------------------- the host's handle
return ObjectFreeze({
  launch(id, routes, entry, query, options) {
    appId = id; pageRoutes = routes;
    try {
      requireFrom('', './app.js');
    } catch (e) {
      const d = describe(e);
      native.error('launch', 'app.js failed: ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
      return false;
    }
    if (!appOptions) { appOptions = {}; appInstance = appOptions; native.print('warn', 'app.js did not call App(); running with an empty App'); }
    const opts = ObjectAssign({ path: entry, query: query, scene: 'launch', referrerInfo: {} }, options || {});
    const text = JSONStringify(opts);
    hook('app', 'onLaunch', appInstance, opts, undefined, text);
    hook('app', 'onShow', appInstance, clone(opts), undefined, text);
    appShown = true;
    try { definition(entry); } catch (e) {
      const d = describe(e);
      native.error('launch', 'entry page ' + entry + ' failed: ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
      return false;
    }
    openPage(entry, query);
    return true;
  },
  fire: fireTimer,
  settleCall,
  // A host event: each listener gets its own copy of the payload, in a guarded call.
  event(name, payload) {
    const set = listeners.get(name);
    if (!set) return;
    for (const fn of set.slice()) guarded('on' + name, fn, undefined, [clone(payload)]);
  },
  run(fn) { guarded('task', fn, undefined, []); },
  hide() {
    if (!appShown) return;
    appShown = false;
    if (top()) hook('page', 'onHide', top(), undefined, top().route);
    hook('app', 'onHide', appInstance);
  },
  show() {
    if (appShown) return;
    appShown = true;
    const opts = { path: top() ? top().route : '', query: top() ? top().options : {}, scene: 'launch', referrerInfo: {} };
    hook('app', 'onShow', appInstance, opts, undefined, JSONStringify(opts));
    if (top()) hook('page', 'onShow', top(), undefined, top().route);
  },
  navigate(url) {
    const u = parseURL(url, '');
    if (u.route && pageRoutes.indexOf(u.route) < 0 && appOptions && typeof appOptions.onPageNotFound === 'function') {
      hook('app', 'onPageNotFound', appInstance, { path: u.route, query: u.query, isEntryPage: false }, undefined, JSONStringify({ path: u.route, query: u.query, isEntryPage: false }));
      return null;
    }
    let err = null;
    navigate('navigateTo', url, (r) => { err = r; }, '');  // the host names pages from the package root
    return err;
  },
  back() { let err = null; back(1, (r) => { err = r; }); return err; },
  callPage(route, method, argJSON) {
    let page = null;
    for (let i = stack.length - 1; i >= 0; i--) if (!route || stack[i].route === route) { page = stack[i]; break; }
    if (!page) return 'no page "' + route + '" in the page stack';
    const desc = ObjectGetDesc(page, method), fn = desc && desc.value;  // the page's own methods only
    if (typeof fn !== 'function') return 'page ' + page.route + ' has no method "' + method + '"';
    const arg = argJSON === undefined || argJSON === null ? undefined : JSONParse(argJSON);
    guarded(method, fn, page, arg === undefined ? [] : [arg]);
    return null;
  },
  pageData(route) {
    for (let i = stack.length - 1; i >= 0; i--) if (!route || stack[i].route === route)
      return JSONStringify({ route: stack[i].route, data: stack[i].data });
    return null;
  },
  // A test driver's request (`minihost test`): answers with native.lifecycle('driver', ...) --
  // at once, or when a page method's returned promise settles. Returns true once answered or
  // scheduled; app values only cross as JSON copies.
  driver(token, op, argJSON) {
    const answer = (ok, v) => {
      let text;
      try { text = JSONStringify(ok ? { token, ok: true, value: v === undefined ? null : v } : { token, ok: false, error: StringCtor(v) }); }
      catch (e) { text = JSONStringify({ token, ok: false, error: 'the value cannot be copied as JSON' }); }
      native.lifecycle('driver', 'reply', null, text);
    };
    const arg = JSONParse(argJSON);
    const find = (route) => {
      for (let i = stack.length - 1; i >= 0; i--) if (!route || stack[i].route === route) return stack[i];
      return null;
    };
    if (op === 'stack') {
      answer(true, stack.map((p) => ({ route: p.route, query: p.options || {} })));
      return true;
    }
    if (op === 'navigate' || op === 'back') {
      const err = op === 'navigate' ? this.navigate(arg.url) : this.back();
      if (err) answer(false, err); else answer(true, null);
      return true;
    }
    if (op === 'hide' || op === 'show') {
      if (op === 'hide') this.hide(); else this.show();
      answer(true, null);
      return true;
    }
    const page = find(arg && arg.route);
    if (!page) { answer(false, 'no page "' + ((arg && arg.route) || '(top)') + '" in the page stack'); return true; }
    if (op === 'page') {
      let data;
      try { data = clone(page.data); } catch (e) { answer(false, 'the page data cannot be copied as JSON'); return true; }
      answer(true, { route: page.route, query: page.options || {}, data });
      return true;
    }
    if (op === 'setData') {
      try { setData(page, arg.data); answer(true, null); }
      catch (e) { const d = describe(e); answer(false, (d.name ? d.name + ': ' : '') + d.message); }
      return true;
    }
    if (op === 'call') {
      const desc = ObjectGetDesc(page, arg.method), fn = desc && desc.value;
      if (typeof fn !== 'function') { answer(false, 'page ' + page.route + ' has no method "' + arg.method + '"'); return true; }
      let r;
      try { r = ReflectApply(fn, page, arg.arg === undefined ? [] : [arg.arg]); }
      catch (e) {
        reportError('exception', e);
        const d = describe(e);
        answer(false, page.route + '.' + arg.method + ' threw ' + (d.name ? d.name + ': ' : '') + d.message);
        return true;
      }
      if (r !== null && typeof r === 'object' && r instanceof PromiseCtor) {
        r.then((v) => answer(true, copyOut(v)), (e) => { const d = describe(e); answer(false, page.route + '.' + arg.method + ' rejected: ' + (d.name ? d.name + ': ' : '') + d.message); });
      } else {
        answer(true, copyOut(r));
      }
      return true;
    }
    answer(false, 'unknown driver request ' + op);
    return true;
  },
  stackRoutes() { return JSONStringify(stack.map((p) => p.route)); },
  // Forgets everything an app left behind; used after the warm-up launch of a prepared VM.
  reset() {
    appOptions = undefined; appInstance = undefined; inErrorHook = false; appShown = false;
    appId = ''; pageRoutes = []; loadingRoute = null; currentRoute = null;
    moduleCache.clear(); resolvedPaths.clear(); pageDefs.clear(); timers.clear();
    for (const set of listeners.values()) set.length = 0;
    stack.length = 0; nextTimerId = 1;
  },
  // A terminated task never ran its `finally` blocks: clear the re-entry guard first.
  notifyError(message) { inErrorHook = false; notifyApp(message); },
  onRejection,
  describeError(e) { const d = describe(e); return JSONStringify(d); },
});
})
"""#
}
