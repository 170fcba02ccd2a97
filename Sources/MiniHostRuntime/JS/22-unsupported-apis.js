// The rest of the WeChat base library (`wechat-apis.json`): every name neither the host nor the
// runtime implements exists on `mp`/`wx` with WeChat's shape and fails with errCode 1008.
// Top-level calls cross the bridge by name (recorded, mockable, answered 1008 by the host).
const ERR_UNSUPPORTED = 1008, UNSUPPORTED = 'not supported by MiniHost';
const wechatAPIs = JSONParse(native.wechatAPIs);
// The names (dotted for namespace members) and namespaces made here: what canIUse says no to.
const unsupportedNames = new SetCtor(), unsupportedSpaces = new SetCtor(), warned = new SetCtor();
function warnOnce(key, message) {
  if (warned.has(key)) return;
  warned.add(key);
  native.print('warn', message);
}
function isListenerName(m) {
  const c = m.startsWith('on') ? m.charAt(2) : m.startsWith('off') ? m.charAt(3) : '';
  return c !== '' && c >= 'A' && c <= 'Z';
}
// A sync name: its arguments are recorded when they can be copied (an empty list otherwise).
function unsupportedSync(api, index) {
  return function () {
    const args = [];
    for (let i = 0; i < arguments.length; i++) args[i] = arguments[i];
    const c = copyPositional(args);
    const value = c.error ? [] : c.primitives === true ? args : c.value;
    try { return cloneData(native.callSync(index, value, JSONStringify(value))); } catch (x) { throw syncFailure(api, x); }
  };
}
// `on<Event>(listener)` / `off<Event>(listener)`: the call crosses the bridge; a listener is never
// called, and the first refusal is a console warning (no exception, as WeChat's listeners raise none).
function unsupportedListener(api, index) {
  const call = asyncStub(api, index);
  return function () {
    call({ fail: (e) => warnOnce(api, e.errMsg + ' (errCode ' + e.errCode + '); its listeners are never called') });
  };
}
// A factory: the call crosses the bridge (its callbacks, if any, get the answer), and it returns
// an object of `cls` whose methods fail with 1008.
function unsupportedFactory(api, index, cls) {
  const call = asyncStub(api, index);
  return function (options) {
    // Options cross as data; a page or component instance given as the first argument does not.
    const plain = options !== null && typeof options === 'object' && !ArrayIsArray(options) && ObjectGetProto(options) === ObjectProto && !('setData' in options);
    const p = call(plain ? options : {});
    if (p !== undefined) p.then(undefined, (e) => warnOnce(api, e.errMsg + ' (errCode ' + e.errCode + '); its ' + cls + ' does nothing'));
    return unsupportedObject(cls, null, '');
  };
}
// `owner`: the object whose method made this one (a NodesRef's methods return its SelectorQuery).
function unsupportedObject(cls, owner, ownerClass) {
  const obj = {}, methods = wechatAPIs.classes[cls] || [];
  const chain = (ret) => ret === cls ? obj : ret === ownerClass ? owner : unsupportedObject(ret, obj, cls);
  for (let i = 0; i < methods.length; i++) {
    const spec = methods[i], gt = spec.indexOf('>');
    const m = gt < 0 ? spec : spec.slice(0, gt), ret = gt < 0 ? '' : spec.slice(gt + 1);
    obj[m] = hideSource(unsupportedMethod(cls + '.' + m, m, ret, chain));
  }
  return obj;
}
// A method of an unsupported object: listeners are kept nowhere; `*Sync` methods throw; a method
// that chains returns the next object (the chain's last call fails); others call `fail`/`complete`
// when given them, or warn once.
function unsupportedMethod(api, m, ret, chain) {
  if (isListenerName(m)) return function () {};
  if (m.endsWith('Sync')) return function () { throw syncFailure(api, [ERR_UNSUPPORTED, UNSUPPORTED]); };
  if (ret !== '') return function () { return chain(ret); };
  return function (options) {
    const c = options !== null && typeof options === 'object' ? copyOptions(options) : { callbacks: null };
    if (c.callbacks) settle(api, c.callbacks, (ok, fail) => { PromiseResolve().then(() => fail(UNSUPPORTED, ERR_UNSUPPORTED)); });
    else warnOnce(api, api + ': ' + UNSUPPORTED + ' (errCode ' + ERR_UNSUPPORTED + ')');
  };
}
// The stubs: a name the host or the runtime already gives `mp` keeps its implementation. A stub
// names its API by its index after the host APIs' (`native.apis`).
for (let i = 0; i < wechatAPIs.table.length; i++) {
  const entry = wechatAPIs.table[i], name = entry[0], kind = entry[1], index = native.apis.length + i;
  const dot = name.indexOf('.');
  let space = mp, key = name;
  if (dot >= 0) {
    const ns = name.slice(0, dot);
    key = name.slice(dot + 1);
    if (!ObjectGetDesc(mp, ns)) { mp[ns] = {}; unsupportedSpaces.add(mp[ns]); }
    space = mp[ns];
  }
  if (ObjectGetDesc(space, key)) continue;
  const stub = kind === 'async' ? asyncStub(name, index) : kind === 'sync' ? unsupportedSync(name, index)
    : kind === 'listener' ? unsupportedListener(name, index) : unsupportedFactory(name, index, entry[2]);
  space[key] = dot >= 0 ? hideSource(stub) : stub;
  unsupportedNames.add(name);
}
// True exactly for what works: `name`, `name.member` of a namespace, and WeChat's schema paths
// below a working API (`getSystemInfo.success.theme`, `request.object.method`); false for
// unsupported names and for components (`button.open-type.contact`), which MiniHost does not render.
const SCHEMA_WORDS = new SetCtor(['success', 'object', 'return', 'callback']);
mp.canIUse = function canIUse(schema) {
  if (typeof schema !== 'string' || schema === '') return false;
  const parts = schema.split('.');
  let v = mp, path = '';
  for (let i = 0; i < parts.length; i++) {
    const d = ObjectGetDesc(v, parts[i]);  // own members only, not Object.prototype's toString & co.
    if (!d || !('value' in d)) return false;
    path = path ? path + '.' + parts[i] : parts[i];
    if (unsupportedNames.has(path)) return false;
    v = d.value;
    if (typeof v === 'function') return i === parts.length - 1 || SCHEMA_WORDS.has(parts[i + 1]);
    if (v === null || typeof v !== 'object') return i === parts.length - 1;
  }
  return !unsupportedSpaces.has(v);
};
