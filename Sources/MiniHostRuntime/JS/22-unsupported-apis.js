// The rest of the WeChat base library (`wechat-apis.json`): every name neither the host nor the
// runtime implements exists on `mp`/`wx` with WeChat's shape and fails with errCode 1008.
// Top-level calls cross the bridge by name (recorded, mockable, answered 1008 by the host).
// A stub is one bound function per name (its source hidden, as lockdown does for the rest).
const ERR_UNSUPPORTED = 1008, UNSUPPORTED = 'not supported by MiniHost';
// Names of the list that `mp` had before the stubs (the host's and the runtime's): not stubs.
const implementedListed = new SetCtor(), unsupportedSpaces = new SetCtor(), warned = new SetCtor();
function warnOnce(key, message) {
  if (warned.has(key)) return;
  warned.add(key);
  native.print('warn', message);
}
// True when `path` (`addCard`, `cloud.init`) is one of the stubs made here.
function isUnsupported(path) { return native.wechatListed(path) && !implementedListed.has(path); }
function isListenerName(m) {
  const c = m.startsWith('on') ? m.charAt(2) : m.startsWith('off') ? m.charAt(3) : '';
  return c !== '' && c >= 'A' && c <= 'Z';
}
function unsupportedAsync(api, index, options) { return asyncStub(api, index)(options); }
// A sync name: its arguments are recorded when they can be copied (an empty list otherwise).
function unsupportedSync(api, index) {
  const args = [];
  for (let i = 2; i < arguments.length; i++) args[i - 2] = arguments[i];
  const c = copyPositional(args);
  const value = c.error ? [] : c.primitives === true ? args : c.value;
  try { return cloneData(native.callSync(index, value, JSONStringify(value))); } catch (x) { throw syncFailure(api, x); }
}
// `on<Event>(listener)` / `off<Event>(listener)`: the call crosses the bridge; a listener is never
// called, and the first refusal is a console warning (no exception, as WeChat's listeners raise none).
function unsupportedListener(api, index) {
  asyncStub(api, index)({ fail: (e) => warnOnce(api, e.errMsg + ' (errCode ' + e.errCode + '); its listeners are never called') });
}
// A factory: the call crosses the bridge (its callbacks, if any, get the answer), and it returns
// an object of `cls` whose methods fail with 1008.
function unsupportedFactory(api, index, cls, options) {
  // Options cross as data; a page or component instance given as the first argument does not.
  const plain = options !== null && typeof options === 'object' && !ArrayIsArray(options) && ObjectGetProto(options) === ObjectProto && !('setData' in options);
  const p = asyncStub(api, index)(plain ? options : {});
  if (p !== undefined) p.then(undefined, (e) => warnOnce(api, e.errMsg + ' (errCode ' + e.errCode + '); its ' + cls + ' does nothing'));
  return unsupportedObject(cls, null, '');
}
// `owner`: the object whose method made this one (a NodesRef's methods return its SelectorQuery).
function unsupportedObject(cls, owner, ownerClass) {
  const obj = {}, methods = native.wechatMethods(cls);
  const chain = (ret) => ret === cls ? obj : ret === ownerClass ? owner : unsupportedObject(ret, obj, cls);
  for (let i = 0; i < methods.length; i++) {
    const spec = methods[i], gt = spec.indexOf('>');
    const m = gt < 0 ? spec : spec.slice(0, gt), ret = gt < 0 ? '' : spec.slice(gt + 1);
    obj[m] = hideSource(unsupportedMethod(cls + '.' + m, m, ret, chain));
  }
  return obj;
}
// A method of an unsupported object: listeners are kept nowhere; `*Sync` methods throw; a method
// that chains returns the next object (the chain's last call fails); one that returns a Promise
// rejects it; others call `fail`/`complete` when given them, or warn once.
function unsupportedMethod(api, m, ret, chain) {
  if (isListenerName(m)) return function () {};
  if (m.endsWith('Sync')) return function () { throw syncFailure(api, [ERR_UNSUPPORTED, UNSUPPORTED]); };
  // A method WeChat gives a Promise (an ad's `show()` and `load()`): rejected with the 1008 error.
  if (ret === 'Promise') return function () { return PromiseReject(failValue(api, UNSUPPORTED, ERR_UNSUPPORTED)); };
  if (ret !== '') return function () { return chain(ret); };
  return function (options) {
    const c = options !== null && typeof options === 'object' ? copyOptions(options) : { callbacks: null };
    if (c.callbacks) settle(api, c.callbacks, (ok, fail) => { PromiseResolve().then(() => fail(UNSUPPORTED, ERR_UNSUPPORTED)); });
    else warnOnce(api, api + ': ' + UNSUPPORTED + ' (errCode ' + ERR_UNSUPPORTED + ')');
  };
}
// Under a test driver (`intercepted`, set at launch) a member the runtime implements itself asks
// the host first, by its name: a mock answers in its place; otherwise the host records the call
// and answers 1008, and the runtime's own implementation runs. `kind`: the table's letter.
let intercepted = false;
function interceptable(name, index, kind, impl) {
  return function () {
    if (!intercepted) return ReflectApply(impl, undefined, arguments);
    const args = [];
    for (let i = 0; i < arguments.length; i++) args[i] = arguments[i];
    const c = kind === 'a' ? copyOptions(args[0]) : copyPositional(args);
    const value = c.error ? (kind === 'a' ? {} : []) : c.primitives === true ? args : c.value;
    let r;
    try { r = native.callSync(index, value, JSONStringify(value)); } catch (x) {
      if (isHostFailure(x) && x[0] === ERR_UNSUPPORTED && x[1] === UNSUPPORTED) {
        // The options as copied (an app's getters ran once), with their callbacks.
        if (kind === 'a' && !c.error) return impl(ObjectAssign({}, c.value, c.callbacks));
        return ReflectApply(impl, undefined, args);
      }
      if (kind !== 'a') throw syncFailure(name, x);
      return settle(name, c.callbacks, (ok, fail) => { PromiseResolve().then(() => fail(x[1], x[0])); });
    }
    if (kind !== 'a') return cloneData(r);
    return settle(name, c.callbacks, (ok) => { PromiseResolve().then(() => ok(r)); });
  };
}
const hostNames = new SetCtor();
for (let i = 0; i < native.apis.length; i++) hostNames.add(native.apis[i][0]);
// The stubs, from the table's lines (the kind's letter, the name, for a factory ` Class`): a name
// `mp` already has keeps its implementation. A stub names its API by its index after the host
// APIs' (`native.apis`). The lines are read in place (no array per line), in a function of its
// own: a loop this long gets JIT-compiled, and so only this function is, not the whole runtime.
// Lockdown calls it once it has hidden the source of `mp`'s other members: the stubs are bound
// functions already, and the wrapped runtime members are hidden here.
const STUB_KINDS = { a: unsupportedAsync, s: unsupportedSync, l: unsupportedListener, o: unsupportedFactory };
function installStubs() {
  const table = native.wechatTable();
  for (let start = 0, i = 0; start < table.length; i++) {
    let end = table.indexOf('\n', start);
    if (end < 0) end = table.length;
    const space0 = table.indexOf(' ', start), nameEnd = space0 >= 0 && space0 < end ? space0 : end;
    const lineStart = start, kind = STUB_KINDS[table.charAt(start)], name = table.slice(start + 1, nameEnd), index = native.apis.length + i;
    const cls = nameEnd < end ? table.slice(nameEnd + 1, end) : null;
    start = end + 1;
    const dot = name.indexOf('.');
    let space = mp, key = name;
    if (dot >= 0) {
      const ns = name.slice(0, dot);
      key = name.slice(dot + 1);
      if (!ObjectGetDesc(mp, ns)) { mp[ns] = {}; unsupportedSpaces.add(mp[ns]); }
      space = mp[ns];
    }
    if (ObjectGetDesc(space, key)) {
      implementedListed.add(name);
      if (space === mp && !hostNames.has(name) && typeof mp[key] === 'function') mp[key] = hideSource(interceptable(name, index, table.charAt(lineStart), mp[key]));
      continue;
    }
    space[key] = cls !== null ? call(FunctionBind, kind, undefined, name, index, cls) : call(FunctionBind, kind, undefined, name, index);
  }
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
    v = d.value;
    if (typeof v === 'function') return !isUnsupported(path) && (i === parts.length - 1 || SCHEMA_WORDS.has(parts[i + 1]));
    if (v === null || typeof v !== 'object') return i === parts.length - 1;
  }
  return !unsupportedSpaces.has(v);
};
