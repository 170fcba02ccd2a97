// The view context as WXS sees it: only the globals WXS documents (plus the error types and a
// console printing as the app's), and every intrinsic they reach frozen.
const WXS_GLOBALS = [
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Math', 'JSON', 'parseInt', 'parseFloat',
  'isNaN', 'isFinite', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'undefined', 'NaN', 'Infinity',
];
function viewConsole() {
  const line = (level) => function (...args) {
    let text = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      let s;
      try { s = typeof a === 'string' ? a : JSONStringify(a); } catch (e) { s = undefined; }
      text += (i ? ' ' : '') + (s === undefined ? toText(a) : s);
    }
    native.print(level, '[view] ' + text);
  };
  return { log: line('log'), info: line('info'), debug: line('debug'), warn: line('warn'), error: line('error') };
}
// A plain method (a function without an own `prototype`) is left as it is: its own properties
// are its read-only name and length, and not reading them keeps JavaScriptCore from
// materializing them in every context.
function freezeReachable(roots) {
  const done = new WeakSetCtor(), pending = roots.slice(), functionProto = ObjectGetProto(getDate);
  while (pending.length) {
    const o = pending.pop();
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || o === G || done.has(o)) continue;
    if (typeof o === 'function' && o !== functionProto && !ObjectGetDesc(o, 'prototype')) continue;
    done.add(o);
    ObjectFreeze(o);
    pending.push(ObjectGetProto(o));
    for (const key of ReflectOwnKeys(o)) {
      const d = ObjectGetDesc(o, key);
      if (!d) continue;
      if ('value' in d) pending.push(d.value); else pending.push(d.get, d.set);
    }
  }
}
function lockDownView() {
  const allowed = new SetCtor(WXS_GLOBALS);
  for (const name of ReflectOwnKeys(G)) {
    if (typeof name === 'string' && allowed.has(name)) continue;
    try { delete G[name]; } catch (e) { /* a non-configurable global stays */ }
  }
  ObjectDefine(G, 'console', { value: ObjectFreeze(viewConsole()), writable: false, enumerable: false, configurable: false });
  const roots = [];
  for (const name of ReflectOwnKeys(G)) {
    const d = ObjectGetDesc(G, name);
    if (d && 'value' in d) roots.push(d.value);
  }
  const made = [function* () {}, async function () {}, (function* () {})(), [][SymbolIterator](), ''[SymbolIterator](),
    new MapCtor()[SymbolIterator](), new SetCtor()[SymbolIterator](), /a/[SymbolMatchAll](''), new DateCtor(0), new RegExpCtor('a')];
  for (const o of made) roots.push(ObjectGetProto(o));
  roots.push(getDate, getRegExp);
  freezeReachable(roots);
}
