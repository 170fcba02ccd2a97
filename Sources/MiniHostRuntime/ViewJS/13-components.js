// Custom components: an element whose tag is in the instance's `using` map. The logic side
// creates the instance (`create`), the view renders its own template as the element's
// `shadow`, attaches it once placed, sends changed properties on later renders, and detaches
// it (inner components first) when its element goes.
const pendingAttach = [];  // keys created by the render in progress, in creation order
const NOT_PROPS = /^(id|class|style|slot|hidden|data-.*|mark:.*|generic:.*)$/;
// `data-*` attributes as WeChat's dataset: dashes camel-case, other capitals lowered.
function renderDataset(attrs) {
  const ds = {};
  for (const name of ObjectKeys(attrs)) {
    if (!name.startsWith('data-')) continue;
    const key = name.slice(5).toLowerCase().replace(/-([a-z])/g, (m, ch) => ch.toUpperCase());
    if (key !== '__proto__') ds[key] = attrs[name];
  }
  return ds;
}
// The attributes that could be properties, by property name (`my-prop` -> `myProp`), with
// the values the template gave them (`last`, as updateAttrs leaves it).
function propCandidates(t, last) {
  const props = ObjectCreate(null);
  let i = 0;
  for (const a of t.attrs) {
    if (!NOT_PROPS.test(a[0]) && a[2] !== '__proto__') props[a[2]] = last[i];
    i++;
  }
  if (t.model) for (const m of t.model) props[camelCase(m[0])] = last[i++];
  return props;
}
function samePropValue(a, b) {
  if (a === b || (a !== a && b !== b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  try { return JSONStringify(a) === JSONStringify(b); } catch (e) { return false; }
}
function renderComponentElement(t, scope, c, old, path) {
  setSite(c.file, t);
  let rec = old, created = null;
  if (!rec) {
    const node = makeElement(t.tag, c.inst.key);
    node.comp = null;
    node.shadow = [];
    rec = { node, kids: undefined, last: undefined };
    updateAttrs(rec, t, scope);
    created = createInstance(node, path, c.inst, propCandidates(t, rec.last));
  } else {
    updateAttrs(rec, t, scope);
    const props = propCandidates(t, rec.last);
    const inst = rec.node.comp === null ? undefined : instances.get(rec.node.comp);
    if (inst) sendChangedProps(inst, props);
    if (inst && externalClassesChanged(inst)) markDirty(inst);
  }
  const node = rec.node;
  if (c.inst.externalClasses.length) applyExternalClasses(rec, t, c.inst);
  node.events = evalEvents(t, scope);
  if (t.model) node.model = t.model;
  // Slot content: rendered in the owner's scope, owned by the owner, then given to the slots.
  rec.kids = renderChildren(node, t.children, scope, c, rec.kids);
  if (created) {
    renderInstance(created);
    finishInstance(created);
  } else if (node.comp !== null && instances.has(node.comp)) assignSlots(instances.get(node.comp));
  place(node, c);
  return rec;
}
function createInstance(node, path, owner, props) {
  let answer;
  try {
    answer = callLogic('create', { page: owner.page, owner: owner.key, path, id: node.attrs.id === undefined ? '' : toText(node.attrs.id), dataset: renderDataset(node.attrs) });
  } catch (e) {
    reportHere('component ' + path + ' cannot be created: ' + describeThrown(e));
    return null;
  }
  if (answer === null || typeof answer !== 'object' || answer.key === undefined || answer.key === null) {
    reportHere('component ' + path + ' was not created' + (answer && answer.error ? ': ' + answer.error : ''));
    return null;
  }
  const declared = ArrayIsArray(answer.props) ? answer.props : [];
  const sent = {};
  for (const p of declared) if (p in props) sent[p] = props[p];
  const file = loadTemplate(path + '.wxml');
  if (!file) reportHere('component ' + path + ' has no template ' + path + '.wxml');
  const inst = {
    key: answer.key, path, data: answer.data !== null && typeof answer.data === 'object' ? answer.data : {},
    using: componentUsing(file, node, owner), nodes: [], host: node, page: owner.page, owner: owner.key, parentKey: owner.key,
    props: declared, externalClasses: ArrayIsArray(answer.externalClasses) ? answer.externalClasses : [],
    multipleSlots: answer.multipleSlots === true, file, recs: undefined, depth: owner.depth + 1,
    dirty: false, slots: new SetCtor(), sent, externalKey: undefined,
  };
  instances.set(inst.key, inst);
  externalClassesChanged(inst);
  node.comp = inst.key;
  pendingAttach.push(inst.key);
  return inst;
}
// The component's tree is built (its own components created): the logic side runs `created`
// and sets the owner's property values, then the view renders the data that left.
function finishInstance(inst) {
  let answer;
  try { answer = callLogic('created', { key: inst.key, props: inst.sent }); } catch (e) {
    reportHere('component ' + inst.path + ' failed in created: ' + describeThrown(e));
    return;
  }
  if (answer !== null && typeof answer === 'object' && answer.data !== null && typeof answer.data === 'object' && instances.get(inst.key) === inst) {
    inst.data = answer.data;
    markDirty(inst);
  }
}
// The tags a component's template can use: its own usingComponents, and the generics its
// element names (`generic:selectable="custom-radio"`: `custom-radio` as the owner resolves it).
function componentUsing(file, node, owner) {
  const using = { ...(file && file.using ? file.using : {}) };
  for (const name of ObjectKeys(node.attrs)) {
    if (!name.startsWith('generic:')) continue;
    const target = owner.using[toText(node.attrs[name])];
    if (typeof target === 'string') using[name.slice(8)] = target;
    else reportHere(name + ': "' + toText(node.attrs[name]) + '" is not a component the owner uses');
  }
  return using;
}
// The declared properties whose values changed since last sent: into the view's data at once,
// then to the logic side (observers run there and may patch more).
function sendChangedProps(inst, props) {
  let changed = null;
  for (const p of inst.props) {
    if (!(p in props) || samePropValue(inst.sent[p], props[p])) continue;
    if (!changed) changed = {};
    changed[p] = props[p];
    inst.sent[p] = props[p];
  }
  if (!changed) return;
  inst.data = { ...inst.data, ...changed };
  markDirty(inst);
  try { callLogic('props', { key: inst.key, props: changed }); } catch (e) { reportHere('properties of ' + inst.path + ': ' + describeThrown(e)); }
}
// Sends `attach` for the components created by the finished render, parents first.
function attachPending() {
  while (pendingAttach.length) {
    const key = pendingAttach.shift();
    if (!instances.has(key)) continue;
    try { callLogic('attach', { key }); } catch (e) { warn('attach of component ' + key + ' failed: ' + describeThrown(e)); }
  }
}
function detachInstance(key) {
  const inst = instances.get(key);
  if (!inst) return;
  instances.delete(key);
  dirtyInstances.delete(inst);
  if (pendingAttach.indexOf(key) >= 0) pendingAttach.splice(pendingAttach.indexOf(key), 1);
  try { callLogic('detach', { key }); } catch (e) { warn('detach of component ' + key + ' failed: ' + describeThrown(e)); }
}
// `<slot>` in a component's template: a node holding the owner's content for its name.
function renderSlot(t, scope, c, old) {
  const node = old || makeElement('slot', c.inst.key);
  const name = t.name ? toText(t.name(scope)) : '';
  node.attrs = name ? { name } : {};
  if (!old && c.inst.slots) c.inst.slots.add(node);
  place(node, c);
  return node;
}
function forgetSlot(node) {
  const inst = instances.get(node.owner);
  if (inst && inst.slots) inst.slots.delete(node);
}
// Puts the host's content into the component's slots: by `slot="name"` with multipleSlots,
// all into the default slot without; the first slot of a name gets it. Content no slot takes
// stays a child of the host element.
function assignSlots(inst) {
  const host = inst.host, byName = new MapCtor();
  for (const n of host.children) {
    n.parent = host;
    const name = inst.multipleSlots && n.tag !== '#text' && typeof n.attrs.slot === 'string' ? n.attrs.slot : '';
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push(n);
  }
  const filled = new SetCtor();
  for (const slot of inst.slots) {
    const name = slot.attrs.name || '';
    const content = filled.has(name) ? [] : byName.get(name) || [];
    filled.add(name);
    slot.children = content;
    for (const n of content) n.parent = slot;
  }
}
