// Component properties: their declared types, initial values, and the coercion a value set on a
// property goes through (WeChat's component framework: a wrong type falls back to the type's
// default, a number-like string becomes a number, anything becomes a boolean).
const BooleanCtor = Boolean, ObjectCtor = Object, ArrayCtor = Array, FunctionCtor = Function;
const GlobalIsFinite = isFinite, RegExpTest = RegExp.prototype.test;
const TYPE_NAMES = new MapCtor([
  [StringCtor, 'String'], [NumberCtor, 'Number'], [BooleanCtor, 'Boolean'],
  [ObjectCtor, 'Object'], [ArrayCtor, 'Array'], [FunctionCtor, 'Function'],
]);
// `String`, `Number`, ... as a name; null or undefined: 'any'; anything else: null (illegal).
function typeName(t) {
  if (t === null || t === undefined) return 'any';
  return TYPE_NAMES.get(t) || null;
}
function hasOwn(obj, key) { return obj !== null && obj !== undefined && ObjectGetDesc(obj, key) !== undefined; }
// A property declaration, shorthand (`name: String`) or full (`{type, optionalTypes, value,
// observer}`), as `{type, optionalTypes, hasValue, value, observer}`.
function normalizeProperty(name, spec, is) {
  const full = spec !== null && typeof spec === 'object';
  let type = typeName(full ? spec.type : spec);
  let optionalTypes = null;
  if (full && ArrayIsArray(spec.optionalTypes)) {
    optionalTypes = spec.optionalTypes.map(typeName).filter((t) => t !== null);
    if ((type === null || type === 'any') && optionalTypes.length) type = optionalTypes[0];
  }
  if (type === null) {
    native.print('warn', '[Component] ' + is + ': the type of property "' + name + '" is illegal; any value is accepted');
    type = 'any';
  }
  const observer = full && (typeof spec.observer === 'function' || typeof spec.observer === 'string') ? spec.observer : null;
  const hasValue = full && spec.value !== undefined;
  return { type, optionalTypes, hasValue, value: hasValue ? spec.value : undefined, observer };
}
// What a property holds when nothing valid was given: '', 0, false, [], a no-op function, or null.
function fallbackValue(type) {
  switch (type) {
    case 'String': return '';
    case 'Number': return 0;
    case 'Boolean': return false;
    case 'Array': return [];
    case 'Function': return function () {};
    default: return null;
  }
}
// A property's value in a new instance: a copy of its declared value, or the type's fallback.
function initialValue(prop) {
  if (!prop.hasValue) return fallbackValue(prop.type);
  const v = prop.value;
  if (v === null || typeof v !== 'object') return v;
  try { return clone(v); } catch (e) { return v; }
}
function matchesType(type, v) {
  switch (type) {
    case 'String': return typeof v === 'string';
    case 'Number': return typeof v === 'number' && NumberCtor.isFinite(v);
    case 'Boolean': return typeof v === 'boolean';
    case 'Object': return v !== null && typeof v === 'object' && !ArrayIsArray(v);
    case 'Array': return ArrayIsArray(v);
    case 'Function': return typeof v === 'function';
    default: return v !== undefined;
  }
}
// The value a property takes when `value` is set on it (by its creator or by setData).
function coerceProperty(prop, name, value, is) {
  if (prop.optionalTypes) for (const t of prop.optionalTypes) if (matchesType(t, value)) return value;
  const mismatch = (what) => {
    native.print('warn', '[Component] ' + is + ': property "' + name + '" received ' + what + ' where <' + prop.type + '> is expected; it takes its default');
    return fallbackValue(prop.type);
  };
  switch (prop.type) {
    case 'String':
      if (value === null || value === undefined) return mismatch(StringCtor(value));
      return typeof value === 'string' ? value : StringCtor(value);
    case 'Number': {
      let finite = false;
      try { finite = GlobalIsFinite(value); } catch (e) {}  // a symbol or a BigInt throws
      return finite ? NumberCtor(value) : mismatch(typeof value === 'number' ? StringCtor(value) : 'a non-number value');
    }
    case 'Boolean': return !!value;
    case 'Array': return ArrayIsArray(value) ? value : mismatch('a non-array value');
    case 'Object': return typeof value === 'object' ? value : mismatch('a non-object value');
    case 'Function': return typeof value === 'function' ? value : mismatch('a non-function value');
    default: return value === undefined ? fallbackValue(prop.type) : value;
  }
}
// `options.pureDataPattern` as a RegExp (its source text is accepted, as a page's JSON gives it).
function purePattern(p, is) {
  if (p === undefined || p === null) return null;
  if (typeof p === 'string') { try { return new RegExpCtor(p); } catch (e) {} }
  else if (p instanceof RegExpCtor) return new RegExpCtor(p.source, StringCtor(p.flags).replace(/[gy]/g, ''));
  native.print('warn', '[Component] ' + is + ': options.pureDataPattern is not a regular expression; ignored');
  return null;
}
// True when the data field `name` is pure (kept in this.data, never sent to the view).
function isPure(pattern, name) { return pattern !== null && call(RegExpTest, pattern, StringCtor(name)); }
