// WXS modules: `<wxs src>` files (native.wxs(path)) and inline `<wxs>` code
// (native.wxs(wxmlPath, module, code, line)), each evaluated once per view context with
// WeChat's `require`, `getDate` and `getRegExp`; their exports cached.
const wxsModules = new MapCtor();  // module id (path, or `file.wxml#name`) -> {exports}
function getDate(...args) { return ReflectConstruct(DateCtor, args); }
function getRegExp(pattern, flags) { return flags === undefined ? new RegExpCtor(pattern) : new RegExpCtor(pattern, flags); }
// `rel` seen from the file `base` (package paths; a leading `/` is the package root).
function resolvePackagePath(base, rel) {
  const parts = rel[0] === '/' ? [] : base.split('/').slice(0, -1);
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (!parts.length) throw new ErrorCtor('"' + rel + '" leaves the package (from ' + base + ')');
      parts.pop();
    } else {
      parts.push(p);
    }
  }
  return parts.join('/');
}
function wxsRequire(base) {
  return function require(rel) {
    if (typeof rel !== 'string' || !rel.endsWith('.wxs')) throw new ErrorCtor('require: "' + StringCtor(rel) + '" is not a .wxs path (in ' + base + ')');
    return wxsModule(resolvePackagePath(base, rel), () => native.wxs(resolvePackagePath(base, rel)));
  };
}
// Runs the module `id` once; a module that requires itself again (a cycle) sees the exports
// made so far, as CommonJS does.
function wxsModule(id, compile) {
  const known = wxsModules.get(id);
  if (known) return known.exports;
  const base = id.indexOf('#') >= 0 ? id.slice(0, id.indexOf('#')) : id;
  const module = { exports: {} };
  wxsModules.set(id, module);
  const fn = compile();
  if (typeof fn !== 'function') throw new ErrorCtor('the WXS module ' + id + ' cannot be compiled');
  fn(wxsRequire(base), module, module.exports, getDate, getRegExp);
  return module.exports;
}
// The modules a template file declares, by name (prototype-less, the root of its scopes).
function fileModules(file) {
  if (file.modules) return file.modules;
  const mods = ObjectCreate(null);
  file.modules = mods;
  for (const w of file.wxs) {
    const name = StringCtor(w.module);
    try {
      if (typeof w.src === 'string') mods[name] = wxsModule(w.src, () => native.wxs(w.src));
      else mods[name] = wxsModule(file.path + '#' + name, () => native.wxs(file.path, name, StringCtor(w.code), w.line || 1));
    } catch (e) {
      reportAt('error', typeof w.src === 'string' ? w.src : file.path, typeof w.src === 'string' ? 0 : w.line, 0,
        'WXS module "' + name + '" failed: ' + describeThrown(e));
    }
  }
  return mods;
}
// The scope an instance's template (or a `<template is data>`) reads: `data`'s fields over the
// file's WXS modules.
function rootScope(data, file) {
  const s = ObjectCreate(fileModules(file));
  if (data !== null && typeof data === 'object') for (const k of ObjectKeys(data)) s[k] = data[k];
  return s;
}
