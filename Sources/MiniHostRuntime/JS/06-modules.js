// Modules: CommonJS `require` over the package's files, resolved relative to the caller.
//
let appId = '', pageRoutes = [];
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
function resolveModule(from, spec) {
  if (typeof spec !== 'string' || spec === '') throw new TypeErrorCtor('require() needs a module path string');
  if (spec[0] === '/' || /^[A-Za-z]+:/.test(spec) || spec.indexOf('\\') >= 0 || spec.indexOf('\0') >= 0)
    throw new ErrorCtor("Cannot require '" + spec + "' from " + from + ': absolute paths and URLs are not allowed; use a path relative to the calling module');
  const dir = from.split('/').slice(0, -1);
  const path = normalize(dir.concat(spec.split('/')));
  if (path === null || path === '')
    throw new ErrorCtor("Cannot require '" + spec + "' from " + from + ': the path leaves the package');
  return path;
}
const resolvedPaths = new MapCtor();
function requireFrom(from, spec) {
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
  return hideSource(function require(spec) { return requireFrom(from, spec); });
}
const FunctionBind = Function.prototype.bind;
// (JavaScriptCore prints a bound function as `function <target name>() { [native code] }`; its
// `name` reads `bound <name>`.)
function hideSource(fn) { return call(FunctionBind, fn, undefined); }
