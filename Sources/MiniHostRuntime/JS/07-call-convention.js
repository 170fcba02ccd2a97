// The call convention: success/fail/complete callbacks or a Promise, and the
// `errMsg`/`errCode` values they receive.
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
