// Rendering a template into nodes. Each template node keeps a record of what it made last
// time (same owner, same place), so re-rendering reuses nodes and their ids.
// `c` is the container being filled: {inst, file, parent, stamp, out}.
function renderNodes(list, scope, c, old) {
  const recs = [];
  for (let i = 0; i < list.length; i++) recs.push(renderNode(list[i], scope, c, old ? old[i] : undefined));
  return recs;
}
function renderNode(t, scope, c, old) {
  switch (t.k) {
    case 'text': {
      const node = old || makeText(c.inst.key);
      node.text = toText(t.v(scope));
      place(node, c);
      return node;
    }
    case 'el': return c.inst.using && typeof c.inst.using[t.tag] === 'string' && t.tag !== '__proto__'
      ? renderComponentElement(t, scope, c, old, c.inst.using[t.tag]) : renderElement(t, scope, c, old);
    case 'if': return renderIf(t, scope, c, old);
    case 'for': return renderFor(t, scope, c, old);
    case 'block': return renderNodes(t.children, scope, c, old);
    case 'tpl': return renderTemplateUse(t, scope, c, old);
    case 'include': return renderInclude(t, scope, c, old);
    case 'slot': return renderSlot(t, scope, c, old);
    default: return undefined;
  }
}
// Evaluates an element's attributes (then its `model:` ones) into `rec.last`, and writes into
// the node only those that changed since the last render: a value the view set itself (an
// input's typed text) stays until the data bound to it changes, as in WeChat.
function updateAttrs(rec, t, scope) {
  const attrs = rec.node.attrs, first = rec.last === undefined;
  const last = first ? (rec.last = []) : rec.last;
  let i = 0;
  for (const a of t.attrs) {
    const v = a[1](scope);
    if (first || v !== last[i]) { attrs[a[0]] = v; last[i] = v; }
    i++;
  }
  if (t.model) {
    for (const m of t.model) {
      const v = readDataPath(scope, m[2]);
      if (first || v !== last[i]) { attrs[m[0]] = v; last[i] = v; }
      i++;
    }
  }
}
function evalEvents(t, scope) {
  if (!t.dynamicEvents) return t.events;
  return t.events.map((ev) => ObjectFreeze({
    type: ev.type, handler: typeof ev.handler === 'string' ? ev.handler : toText(ev.handler(scope)),
    capture: ev.capture, catch: ev.catch, mut: ev.mut,
  }));
}
// An element's own attributes and events, then its children in a container of its own.
function renderElement(t, scope, c, old) {
  setSite(c.file, t);
  const rec = old || { node: makeElement(t.tag, c.inst.key), kids: undefined, last: undefined };
  const node = rec.node;
  updateAttrs(rec, t, scope);
  if (c.inst.externalClasses.length) applyExternalClasses(rec, t, c.inst);
  node.events = evalEvents(t, scope);
  if (t.model) node.model = t.model;
  rec.kids = renderChildren(node, t.children, scope, c, rec.kids);
  place(node, c);
  return rec;
}
// `externalClasses`: in a component's tree, a class the component lists stands for the classes
// its owner gives in the attribute of that name on the component's element.
function applyExternalClasses(rec, t, inst) {
  let i = 0;
  while (i < t.attrs.length && t.attrs[i][0] !== 'class') i++;
  if (i === t.attrs.length || !inst.host) return;
  rec.node.rawClass = toText(rec.last[i]);
  const out = [];
  for (const name of toText(rec.last[i]).split(/\s+/)) {
    if (name === '') continue;
    if (inst.externalClasses.indexOf(name) < 0 || ObjectGetDesc(inst.host.attrs, name) === undefined) out.push(name);
    else if (toText(inst.host.attrs[name]) !== '') out.push(toText(inst.host.attrs[name]));
  }
  rec.node.attrs.class = out.join(' ');
}
// Whether the owner changed the classes it gives for `inst`'s external classes since last asked.
function externalClassesChanged(inst) {
  if (!inst.externalClasses.length || !inst.host) return false;
  const now = inst.externalClasses.map((name) => toText(inst.host.attrs[name])).join('\n');
  const changed = inst.externalKey !== undefined && inst.externalKey !== now;
  inst.externalKey = now;
  return changed;
}
function renderChildren(node, list, scope, c, old) {
  const inner = newContainer(c.inst, c.file, node);
  const recs = renderNodes(list, scope, inner, old);
  dropUnplaced(node.children, inner);
  node.children = inner.out;
  return recs;
}
// `wx:if` / `wx:elif` / `wx:else`: the first true branch; its nodes are kept while it stays.
function renderIf(t, scope, c, old) {
  let chosen = -1;
  for (let i = 0; i < t.branches.length; i++) {
    const cond = t.branches[i].cond;
    if (cond === null || cond(scope)) { chosen = i; break; }
  }
  if (chosen < 0) return undefined;
  const prev = old && old.branch === chosen ? old.rec : undefined;
  return { branch: chosen, rec: renderNode(t.branches[chosen].node, scope, c, prev) };
}
// `<template is="x" data="{{...}}">`: the template's scope is the data object alone, over the
// WXS modules of the file that defines it.
function renderTemplateUse(t, scope, c, old) {
  setSite(c.file, t);
  const name = toText(t.is(scope));
  const found = findTemplate(c.file, name);
  if (!found) {
    if (name !== '') reportHere('template "' + name + '" not found');
    return undefined;
  }
  const data = t.data ? t.data(scope) : {};
  const inner = { inst: c.inst, file: found.file, parent: c.parent, stamp: c.stamp, out: c.out };
  const prev = old && old.nodes === found.nodes ? old.recs : undefined;
  const recs = renderNodes(found.nodes, rootScope(data, found.file), inner, prev);
  return { nodes: found.nodes, recs };
}
// `<include src>`: the file's body in the current scope; templates it names are looked up
// from the including file first.
function renderInclude(t, scope, c, old) {
  const file = loadTemplate(t.src);
  if (!file) {
    setSite(c.file, t);
    reportHere('included file ' + t.src + ' not found');
    return undefined;
  }
  const inner = { inst: c.inst, file: includeView(c.file, file), parent: c.parent, stamp: c.stamp, out: c.out };
  return renderNodes(file.body, scope, inner, old);
}
const includeViews = new MapCtor();  // 'includer\nincluded' -> the file view an include renders with
function includeView(includer, included) {
  const id = includer.path + '\n' + included.path;
  let v = includeViews.get(id);
  if (!v) {
    v = { path: included.path, using: includer.using, templates: includer.templates,
      imports: includer.imports.concat(included.imports), wxs: [], modules: includer.modules, body: included.body, bodyUse: included.bodyUse };
    includeViews.set(id, v);
  }
  return v;
}
