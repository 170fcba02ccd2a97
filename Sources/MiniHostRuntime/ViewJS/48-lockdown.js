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
// The freeze walk is the logic context's (`JS/23-freeze.js`).
function lockDownView() {
  const reached = reachedByCalling();  // before the globals it uses are removed
  const allowed = new SetCtor(WXS_GLOBALS);
  for (const name of ReflectOwnKeys(G)) {
    if (typeof name === 'string' && allowed.has(name)) continue;
    try { delete G[name]; } catch (e) { /* a non-configurable global stays */ }
  }
  ObjectDefine(G, 'console', { value: ObjectFreeze(viewConsole()), writable: false, enumerable: false, configurable: false });
  for (const name of ReflectOwnKeys(G)) {
    const d = ObjectGetDesc(G, name);
    if (d && 'value' in d) freeze(d.value);
  }
  for (const o of reached) freeze(ObjectGetProto(o));
  // WXS makes dates and regular expressions only through these two.
  freeze(getDate); freeze(getRegExp);
  freeze(ObjectGetProto(new DateCtor(0))); freeze(ObjectGetProto(new RegExpCtor('a')));
}
