// Formatting and equality: how values are shown in failures, their diff, deep equality
// and partial matching.
function show(v, depth, seen) {
  if (depth === undefined) depth = 4;
  seen = seen || [];
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'undefined': case 'boolean': case 'symbol': return String(v);
    case 'function': return '[Function' + (v.name ? ': ' + v.name : '') + ']';
  }
  if (v === null) return 'null';
  if (seen.indexOf(v) >= 0) return '[Circular]';
  if (v instanceof Error) return v.name + ': ' + v.message;
  if (v instanceof RegExp) return String(v);
  if (v instanceof Date) return 'Date(' + v.toISOString() + ')';
  if (depth < 0) return Array.isArray(v) ? '[Array]' : '[Object]';
  seen.push(v);
  let out;
  if (Array.isArray(v)) out = '[' + v.map((x) => show(x, depth - 1, seen)).join(', ') + ']';
  else out = '{' + Object.keys(v).map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)) + ': ' + show(v[k], depth - 1, seen)).join(', ') + '}';
  seen.pop();
  return out;
}
// Multi-line form for diffs.
function pretty(v, indent, seen) {
  indent = indent || '';
  seen = seen || [];
  if (v === null || typeof v !== 'object' || v instanceof Error || v instanceof RegExp || v instanceof Date) return show(v);
  if (seen.indexOf(v) >= 0) return '[Circular]';
  seen.push(v);
  const inner = indent + '  ';
  let out;
  if (Array.isArray(v)) out = v.length ? '[\n' + v.map((x) => inner + pretty(x, inner, seen) + ',').join('\n') + '\n' + indent + ']' : '[]';
  else {
    const keys = Object.keys(v).sort();
    out = keys.length ? '{\n' + keys.map((k) => inner + (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)) + ': ' + pretty(v[k], inner, seen) + ',').join('\n') + '\n' + indent + '}' : '{}';
  }
  seen.pop();
  return out;
}
// A line diff (longest common subsequence): "- expected" / "+ received".
function diff(expected, actual) {
  const a = pretty(expected).split('\n'), b = pretty(actual).split('\n');
  if (a.length * b.length > 250000) return '';
  const n = a.length, m = b.length, L = [];
  for (let i = 0; i <= n; i++) { L.push(new Array(m + 1).fill(0)); }
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push('  ' + a[i]); i++; j++; }
    else if (i < n && (j >= m || L[i + 1][j] >= L[i][j + 1])) { out.push('- ' + a[i]); i++; }
    else { out.push('+ ' + b[j]); j++; }
  }
  return '- expected\n+ received\n\n' + out.join('\n');
}
function equals(a, b, strict) {
  if (Object.is(a, b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equals(a[i], b[i], strict)) return false;
    return true;
  }
  const ka = Object.keys(a).filter((k) => strict || a[k] !== undefined), kb = Object.keys(b).filter((k) => strict || b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !equals(a[k], b[k], strict)) return false;
  return true;
}
function matchesObject(actual, expected) {
  if (expected === null || typeof expected !== 'object') return equals(actual, expected);
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesObject(actual[i], e));
  return Object.keys(expected).every((k) => k in Object(actual) && matchesObject(actual[k], expected[k]));
}
