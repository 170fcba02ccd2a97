// console: `console.log` and its kin, the value inspector and the printf-style format.
//
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
// Where the app called console from: the first frame of the stack outside the runtime, as
// `miniapp://<app>/<path>:<line>:<column>` (the host maps it back through source maps), or ''.
function callerSource() {
  let stack;
  try { stack = new ErrorCtor().stack; } catch (e) { return ''; }
  if (typeof stack !== 'string') return '';
  for (const line of stack.split('\n')) {
    const at = line.indexOf('miniapp://');
    if (at >= 0 && !line.startsWith('miniapp://minihost/', at)) return line.slice(at);
  }
  return '';
}
const consoleObj = {};
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  consoleObj[level] = function (...args) { native.print(level, format(args), callerSource()); };
}
consoleObj.trace = function (...args) { native.print('debug', 'Trace' + (args.length ? ': ' + format(args) : '') + '\n' + (new ErrorCtor().stack || '')); };
consoleObj.assert = function (cond, ...args) { if (!cond) native.print('error', 'Assertion failed' + (args.length ? ': ' + format(args) : '')); };
