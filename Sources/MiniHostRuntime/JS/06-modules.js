// Modules: CommonJS `require` over the package's files, resolved relative to the caller.
//
let appId = '', pageRoutes = [], tabBarRoutes = [], aliases = [];
// WeChat's `resolveAlias`: `[prefix, target]` pairs, longest prefix first. A key ending in `/*`
// maps that folder (`@utils/*` to `utils/*`); another key maps one spec exactly. Targets are
// paths from the package root (a leading `/` is dropped).
function setAliases(map) {
  aliases = [];
  if (map === null || typeof map !== 'object') return;
  for (const key of ObjectKeys(map)) {
    const target = map[key];
    if (typeof target !== 'string') continue;
    const wild = key.endsWith('/*') && target.endsWith('/*');
    aliases[aliases.length] = [wild ? key.slice(0, -1) : key, (wild ? target.slice(0, -1) : target).replace(/^\/+/, ''), wild];
  }
  aliases.sort((a, b) => b[0].length - a[0].length);
}
function unalias(spec) {
  for (const [prefix, target, wild] of aliases) {
    if (wild ? spec.startsWith(prefix) : spec === prefix) return '/' + target + (wild ? spec.slice(prefix.length) : '');
  }
  return null;
}
const moduleCache = new MapCtor();
// The modules whose code is running, innermost last: `Component()` names its definition after it.
const loadingModules = [];
function normalize(parts) {
  const out = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') { if (!out.length) return null; out.pop(); continue; }
    out.push(p);
  }
  return out.join('/');
}
// The package paths a spec may name, in the order they are tried (the host adds `.js`, `.ts`,
// `.json`, `/index.js`): relative specs against the caller's folder; bare ones (`lodash`,
// `utils/a`) in `miniprogram_npm/` from the caller's folder up to the root, as WeChat looks npm
// packages up, then relative to the caller as WeChat also accepts.
function resolveModule(from, spec) {
  if (typeof spec !== 'string' || spec === '') throw new TypeErrorCtor('require() needs a module path string');
  const aliased = unalias(spec);
  if (aliased !== null) {
    const path = normalize(aliased.split('/'));
    if (!path) throw new ErrorCtor("Cannot require '" + spec + "' from " + from + ': its alias leaves the package');
    return path;
  }
  if (spec[0] === '/' || /^[A-Za-z]+:/.test(spec) || spec.indexOf('\\') >= 0 || spec.indexOf('\0') >= 0)
    throw new ErrorCtor("Cannot require '" + spec + "' from " + from + ': absolute paths and URLs are not allowed; use a path relative to the calling module');
  const dir = from.split('/').slice(0, -1), parts = spec.split('/');
  const bases = [];
  if (spec[0] !== '.') {
    for (let i = dir.length; i >= 0; i--) {
      const p = normalize(dir.slice(0, i).concat(['miniprogram_npm'], parts));
      if (p) bases[bases.length] = p;
    }
  }
  const relative = normalize(dir.concat(parts));
  if (relative) bases[bases.length] = relative;
  if (!bases.length) throw new ErrorCtor("Cannot require '" + spec + "' from " + from + ': the path leaves the package');
  return bases.join('\0');
}
const resolvedPaths = new MapCtor();
function requireFrom(from, spec) {
  // The esbuild helpers a compiled module shares with the others (EsbuildHelpers.swift).
  if (spec === 'minihost:esbuild-helpers') return esbuildHelpers;
  const base = resolveModule(from, spec);
  const known = resolvedPaths.get(base);
  if (known !== undefined) { const c = moduleCache.get(known); if (c) return c.exports; }
  const found = native.load(base, from, spec);  // [path, kind, value] or throws a clear error
  const path = found[0];
  resolvedPaths.set(base, path);
  const cached = moduleCache.get(path);
  if (cached) return cached.exports;
  if (found[1] === 'json') { const m = { exports: found[2] }; moduleCache.set(path, m); return m.exports; }
  const module = { exports: {}, id: path, filename: path, loaded: false };
  moduleCache.set(path, module);
  const req = makeRequire(path);
  loadingModules.push(path);
  try {
    ReflectApply(found[2], module.exports, [req, module, module.exports]);
  } catch (e) {
    moduleCache.delete(path);
    throw e;
  } finally {
    loadingModules.pop();
  }
  module.loaded = true;
  return module.exports;
}
function makeRequire(from) {
  const req = hideSource(function require(spec) { return requireFrom(from, spec); });
  // `require.async` (WeChat): the module as a Promise, loaded in a later microtask.
  req.async = hideSource(function async(spec) { return PromiseResolve().then(() => requireFrom(from, spec)); });
  return req;
}
const FunctionBind = Function.prototype.bind;
// (JavaScriptCore prints a bound function as `function <target name>() { [native code] }`; its
// `name` reads `bound <name>`.)
function hideSource(fn) { return call(FunctionBind, fn, undefined); }
