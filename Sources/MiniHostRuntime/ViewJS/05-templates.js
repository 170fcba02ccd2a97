// Compiled WXML files (the host's JSON, from native.template), read once per path: values and
// expressions become closures, and each `wx:for` learns which identifiers its body reads.
const templateFiles = new MapCtor();  // path -> prepared file, or null when missing or malformed
function loadTemplate(path) {
  if (templateFiles.has(path)) return templateFiles.get(path);
  let file = null;
  const text = native.template(path);
  if (typeof text === 'string') {
    try {
      file = prepareFile(path, JSONParse(text));
    } catch (e) {
      reportAt('error', path, 0, 0, 'cannot read the compiled template: ' + describeThrown(e));
    }
  }
  templateFiles.set(path, file);
  return file;
}
function prepareFile(path, json) {
  if (json === null || typeof json !== 'object' || json.v !== 1) throw new ErrorCtor('not a compiled template of version 1');
  const file = {
    path, using: json.using !== null && typeof json.using === 'object' ? json.using : null,
    imports: ArrayIsArray(json.imports) ? json.imports : [], templates: new MapCtor(),
    wxs: ArrayIsArray(json.wxs) ? json.wxs : [], modules: null, body: null, bodyUse: newUse(),
  };
  // Files it names that the package lacks (the host found them): said once, where they are named.
  if (ArrayIsArray(json.missing)) for (const m of json.missing) reportAt('warn', path, m.line, m.col, StringCtor(m.path) + ' is not in the package');
  const templates = json.templates !== null && typeof json.templates === 'object' ? json.templates : {};
  for (const name of ObjectKeys(templates)) file.templates.set(name, prepareNodes(templates[name], newUse()));
  file.body = prepareNodes(json.body || [], file.bodyUse);
  return file;
}
// What a piece of template reads from its scope: identifiers and included files.
function newUse() { return { ids: new SetCtor(), includes: [] }; }
function prepareNodes(list, use) {
  if (!ArrayIsArray(list)) throw new ErrorCtor('a node list is not an array');
  return list.map((n) => prepareNode(n, use));
}
function prepareNode(n, use) {
  if (n === null || typeof n !== 'object') throw new ErrorCtor('a node is not an object');
  switch (n.k) {
    case 'text': return { k: 'text', v: compileValue(n.v, use.ids) };
    case 'el': return prepareElement(n, use);
    case 'if':
      return { k: 'if', branches: n.branches.map((b) => ({ cond: b.cond ? compileGuarded(b.cond, use.ids) : null, node: prepareNode(b.node, use) })) };
    case 'for': {
      const inner = newUse();
      const t = {
        k: 'for', items: compileValue(n.items, use.ids), item: n.item || 'item', index: n.index || 'index',
        key: n.key === null || n.key === undefined || n.key === '' ? null : n.key === '*this' ? '*this' : StringCtor(n.key).split('.'),
        node: prepareNode(n.node, inner), line: n.line, col: n.col, use: inner, used: null, usesIndex: false,
      };
      for (const id of inner.ids) use.ids.add(id);
      for (const src of inner.includes) use.includes.push(src);
      return t;
    }
    case 'block': return { k: 'block', children: prepareNodes(n.children || [], use) };
    case 'tpl':
      return { k: 'tpl', is: compileValue(n.is, use.ids), data: n.data ? compileGuarded(n.data, use.ids) : null, line: n.line, col: n.col };
    case 'include':
      use.includes.push(StringCtor(n.src));
      return { k: 'include', src: StringCtor(n.src), line: n.line, col: n.col };
    case 'slot': return { k: 'slot', name: n.name === null || n.name === undefined ? null : compileValue(n.name, use.ids) };
    default: throw new ErrorCtor('unknown node kind ' + JSONStringify(n.k));
  }
}
function camelCase(name) { return name.replace(/-([a-z])/g, (m, c) => c.toUpperCase()); }
function prepareElement(n, use) {
  const attrs = [];
  for (const a of n.attrs || []) {
    if (a[0] === '__proto__') continue;
    attrs.push([a[0], compileValue(a[1], use.ids), camelCase(a[0])]);
  }
  let dynamicEvents = false;
  const events = (n.events || []).map((ev) => {
    const fixed = typeof ev.handler === 'string';
    if (!fixed) dynamicEvents = true;
    return {
      type: ev.type, handler: fixed ? ev.handler : compileValue(ev.handler, use.ids),
      capture: ev.capture === true, catch: ev.catch === true, mut: ev.mut === true,
    };
  });
  const model = ArrayIsArray(n.model) && n.model.length ? n.model.map((m) => {
    const segs = parseDataPath(m[1]);
    use.ids.add(segs[0]);
    return ObjectFreeze([m[0], m[1], segs]);
  }) : null;
  return {
    k: 'el', tag: n.tag, attrs, events: dynamicEvents ? events : ObjectFreeze(events.map(ObjectFreeze)),
    dynamicEvents, model, children: prepareNodes(n.children || [], use), line: n.line, col: n.col,
  };
}
// A `wx:for`'s outer identifiers (those of included files too), computed at first render.
function forUsedIds(t) {
  if (t.used) return t.used;
  const names = new SetCtor(t.use.ids), seen = new SetCtor(), pending = t.use.includes.slice();
  while (pending.length) {
    const src = pending.pop();
    if (seen.has(src)) continue;
    seen.add(src);
    const f = loadTemplate(src);
    if (!f) continue;
    for (const id of f.bodyUse.ids) names.add(id);
    for (const s of f.bodyUse.includes) pending.push(s);
  }
  t.usesIndex = names.has(t.index);
  names.delete(t.item);
  names.delete(t.index);
  t.used = [...names];
  return t.used;
}
// `<template is="name">` seen from `file`: its own templates, then those of the files it
// imports (the later import first), not the files they import.
function findTemplate(file, name) {
  const own = file.templates.get(name);
  if (own) return { file, nodes: own };
  for (let i = file.imports.length - 1; i >= 0; i--) {
    const f = loadTemplate(file.imports[i]);
    const t = f && f.templates.get(name);
    if (t) return { file: f, nodes: t };
  }
  return null;
}
