// Lockdown: the globals apps get, the allowlist applied to the global object, frozen
// intrinsics.
// Apps get bound copies of the runtime's functions, so `toString` shows
// `function name() { [native code] }` and not the runtime's source (SB-13).
// Then the stubs of WeChat's other names join `mp` (bound functions already).
function hideMembers(obj) {
  for (const k of ObjectKeys(obj)) if (typeof obj[k] === 'function') obj[k] = hideSource(obj[k]);
}
hideMembers(mp);
hideMembers(consoleObj);
installStubs();
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
  App, Page, getApp, getCurrentPages, Component, Behavior,
};
for (const k of ObjectKeys(installed)) if (typeof installed[k] === 'function') installed[k] = hideSource(installed[k]);
installed.mp = mp;
installed.wx = mp;
// WeChat's `global`: one plain object per app that its modules share (not the global object).
installed.global = {};
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
// Freeze every intrinsic an app can reach (`23-freeze.js`). The global object itself stays open.
for (const name of ReflectOwnKeys(G)) {
  const d = ObjectGetDesc(G, name);
  if (d && 'value' in d && name !== 'global') freeze(d.value);  // `global` is the app's own
}
for (const o of reachedByCalling()) freeze(ObjectGetProto(o));
