// Arguments cross once, as data: the copy of an API call's arguments the host receives.
//
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
  st.seen[st.seen.length] = v;  // not push: an accessor here (see `enable`)
  try {
    // Inside the try: on a revoked Proxy both `instanceof` and Array.isArray throw.
    if (isDate(v)) { try { return call(DateToISO, v); } catch (e) { return null; } }
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
      // After an error only the callbacks are still read, so that `fail` and `complete` get it.
      const isCallback = depth === 0 && st.callbacks !== null && (k === 'success' || k === 'fail' || k === 'complete');
      if (st.error && !isCallback) continue;
      let item;
      try { item = v[k]; } catch (e) {
        if (!st.error) { const d = describe(e); st.error = 'reading ' + pathOf(path, k) + ' threw ' + (d.name ? d.name + ': ' : '') + d.message; }
        continue;
      }
      if (isCallback) {
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
  let isArray = false;
  try { isArray = ArrayIsArray(options); } catch (e) { return { value: undefined, error: 'invalid argument: the options are a revoked Proxy', callbacks: null }; }
  if (options === null || typeof options !== 'object' || isArray)
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
