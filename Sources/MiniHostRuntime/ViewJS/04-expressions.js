// Expressions of compiled WXML (`["get", ["id","a"], ["lit","b"]]` ...) turned once into
// closures over a scope, with WeChat's semantics: a member of undefined or null is undefined,
// only functions can be called, a failing call is reported and gives undefined.
const BINARY = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b,
  '%': (a, b) => a % b, '==': (a, b) => a == b, '!=': (a, b) => a != b, // eslint-disable-line eqeqeq
  '===': (a, b) => a === b, '!==': (a, b) => a !== b, '<': (a, b) => a < b, '<=': (a, b) => a <= b,
  '>': (a, b) => a > b, '>=': (a, b) => a >= b, '&': (a, b) => a & b, '|': (a, b) => a | b,
  '^': (a, b) => a ^ b, '<<': (a, b) => a << b, '>>': (a, b) => a >> b, '>>>': (a, b) => a >>> b,
  'in': (a, b) => b !== null && (typeof b === 'object' || typeof b === 'function') && a in b,
};
const UNARY = {
  '!': (a) => !a, '-': (a) => -a, '+': (a) => +a, '~': (a) => ~a, 'typeof': (a) => typeof a,
};
// Source-like text of an expression, for error messages (`fmt.price`).
function exprText(e) {
  if (!ArrayIsArray(e)) return '?';
  if (e[0] === 'id') return e[1];
  if (e[0] === 'get') {
    const k = e[2];
    return exprText(e[1]) + (k[0] === 'lit' && typeof k[1] === 'string' ? '.' + k[1] : '[' + exprText(k) + ']');
  }
  if (e[0] === 'lit') return JSONStringify(e[1]);
  return '(' + e[0] + ')';
}
function badExpr(e) { return new ErrorCtor('malformed expression ' + JSONStringify(e)); }
// A closure `scope -> value`. Identifiers read are added to `ids` (a Set) when given.
function compileExpr(e, ids) {
  if (!ArrayIsArray(e)) throw badExpr(e);
  switch (e[0]) {
    case 'lit': { const v = e[1]; return () => v; }
    case 'undef': return () => undefined;
    case 'id': {
      const name = e[1];
      if (typeof name !== 'string') throw badExpr(e);
      if (ids) ids.add(name);
      return (s) => s[name];
    }
    case 'get': {
      const obj = compileExpr(e[1], ids);
      if (ArrayIsArray(e[2]) && e[2][0] === 'lit') {
        const key = e[2][1];
        return (s) => { const o = obj(s); return o === undefined || o === null ? undefined : o[key]; };
      }
      const key = compileExpr(e[2], ids);
      return (s) => { const o = obj(s); return o === undefined || o === null ? undefined : o[key(s)]; };
    }
    case 'call': return compileCall(e, ids);
    case 'un': {
      const f = UNARY[e[1]], a = compileExpr(e[2], ids);
      if (!f) throw badExpr(e);
      return (s) => f(a(s));
    }
    case 'bin': {
      const f = BINARY[e[1]], a = compileExpr(e[2], ids), b = compileExpr(e[3], ids);
      if (!f) throw badExpr(e);
      return (s) => f(a(s), b(s));
    }
    case 'and': { const a = compileExpr(e[1], ids), b = compileExpr(e[2], ids); return (s) => a(s) && b(s); }
    case 'or': { const a = compileExpr(e[1], ids), b = compileExpr(e[2], ids); return (s) => a(s) || b(s); }
    case 'nc': { const a = compileExpr(e[1], ids), b = compileExpr(e[2], ids); return (s) => { const v = a(s); return v === undefined || v === null ? b(s) : v; }; }
    case 'cond': {
      const c = compileExpr(e[1], ids), a = compileExpr(e[2], ids), b = compileExpr(e[3], ids);
      return (s) => (c(s) ? a(s) : b(s));
    }
    case 'obj': return compileObject(e, ids);
    case 'arr': return compileArray(e, ids);
    default: throw badExpr(e);
  }
}
// Spread of a value into an object or array literal; undefined and null add nothing.
function spreadInto(target, v) {
  if (v === undefined || v === null) return;
  if (ArrayIsArray(target)) { for (const x of ArrayIsArray(v) || typeof v === 'string' ? v : []) target.push(x); return; }
  if (typeof v === 'object') for (const k of ObjectKeys(v)) ObjectDefine(target, k, { value: v[k], writable: true, enumerable: true, configurable: true });
}
function compileObject(e, ids) {
  if (!ArrayIsArray(e[1])) throw badExpr(e);
  const parts = e[1].map((p) => ({ spread: p[0] === '...' && p.length === 2 && ArrayIsArray(p[1]), key: p[0], value: compileExpr(p[1], ids) }));
  return (s) => {
    const o = {};
    for (const p of parts) {
      if (p.spread) spreadInto(o, p.value(s));
      else ObjectDefine(o, p.key, { value: p.value(s), writable: true, enumerable: true, configurable: true });
    }
    return o;
  };
}
function compileArray(e, ids) {
  if (!ArrayIsArray(e[1])) throw badExpr(e);
  const parts = e[1].map((p) => (p[0] === '...' ? { spread: true, value: compileExpr(p[1], ids) } : { spread: false, value: compileExpr(p, ids) }));
  return (s) => {
    const a = [];
    for (const p of parts) { if (p.spread) spreadInto(a, p.value(s)); else a.push(p.value(s)); }
    return a;
  };
}
// `f(x)` and `m.f(x)` (with `this` = m); anything but a function is an error, as is a throw.
function compileCall(e, ids) {
  const callee = e[1];
  if (!ArrayIsArray(e[2])) throw badExpr(e);
  const args = e[2].map((a) => compileExpr(a, ids)), text = exprText(callee);
  const method = ArrayIsArray(callee) && callee[0] === 'get';
  const self = method ? compileExpr(callee[1], ids) : null;
  const key = method ? compileExpr(callee[2], ids) : null;
  const fn = method ? null : compileExpr(callee, ids);
  return (s) => {
    let f, that;
    if (method) {
      that = self(s);
      f = that === undefined || that === null ? undefined : that[key(s)];
    } else {
      f = fn(s);
    }
    if (typeof f !== 'function') { reportHere(text + ' is not a function'); return undefined; }
    const values = [];
    for (const a of args) values.push(a(s));
    try {
      return ReflectApply(f, that, values);
    } catch (x) {
      reportHere(text + ' threw ' + describeThrown(x));
      return undefined;
    }
  };
}
// A value as text: undefined and null are empty, objects as String() gives them.
function toText(v) {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  try { return StringCtor(v); } catch (x) { reportHere('a value cannot be shown as text: ' + describeThrown(x)); return ''; }
}
// An expression whose evaluation cannot throw out of the render (a WXS getter, an `in` on a
// non-object from WXS): the error is reported and the value is undefined.
function compileGuarded(e, ids) {
  const f = compileExpr(e, ids);
  return (s) => {
    try { return f(s); } catch (x) { reportHere(describeThrown(x)); return undefined; }
  };
}
// A compiled Value: a plain string, `{e: Expr}` (keeps its type) or `{c: [parts]}` (text).
function compileValue(v, ids) {
  if (typeof v === 'string') return () => v;
  if (v !== null && typeof v === 'object' && ArrayIsArray(v.e)) return compileGuarded(v.e, ids);
  if (v !== null && typeof v === 'object' && ArrayIsArray(v.c)) {
    const parts = v.c.map((p) => (typeof p === 'string' ? p : compileGuarded(p, ids)));
    return (s) => {
      let text = '';
      for (const p of parts) text += typeof p === 'string' ? p : toText(p(s));
      return text;
    };
  }
  throw new ErrorCtor('malformed value ' + JSONStringify(v));
}
// Uncompiled evaluation, for the other parts of the view runtime: a Value or an Expr in a scope.
function evalValue(v, scope) { return compileValue(v)(scope); }
function evalExpr(e, scope) { return compileExpr(e)(scope); }
