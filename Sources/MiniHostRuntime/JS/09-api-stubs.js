// Host API stubs: the sync and async functions generated from the host's API descriptors
// (`native.apis`), and the replies that settle them.
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
