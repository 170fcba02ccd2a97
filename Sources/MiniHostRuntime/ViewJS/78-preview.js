// The browser preview's copy of a page (`view.sync`): the page's composed tree as flat nodes,
// in full the first time (or after the page changed), then as the nodes that changed since the
// last answer. A node: {t, a, c, o} for an element ({v} a control's value, {k} checked, {comp}
// a component's host), {x} for text. Owners: {path, scope, parent, ext} per instance.

const previewSent = { page: null, nodes: new UIMap(), owners: new UIMap() };
const previewScopes = new UIMap();  // component path -> 'cN'
const PREVIEW_VALUE_TAGS = UIFreeze({ input: true, textarea: true, slider: true, picker: true });
const PREVIEW_CHECK_TAGS = UIFreeze({ switch: true, checkbox: true, radio: true });

function previewScope(inst) {
  if (!inst.host) return '';
  let scope = previewScopes.get(inst.path);
  if (scope === undefined) {
    scope = 'c' + (previewScopes.size + 1);
    previewScopes.set(inst.path, scope);
  }
  return scope;
}

function previewOwner(key) {
  const inst = instances.get(key);
  if (!inst) return { path: '', scope: '', parent: null, ext: {} };
  const ext = {};
  if (inst.host) for (const name of inst.externalClasses) uiPut(ext, name, uiFieldString(inst.host.attrs[name]));
  return { path: inst.path, scope: previewScope(inst), parent: inst.host ? inst.host.owner : null, ext };
}

// Attribute values as the browser gets them: text; `true` an empty value; false and null absent.
function previewAttrs(node) {
  const attrs = uiAttrs(node), out = {};
  for (const name of UIKeys(attrs)) {
    const v = name === 'class' && typeof node.rawClass === 'string' ? node.rawClass : attrs[name];
    if (v === false || v === null || v === undefined) continue;
    uiPut(out, name, v === true ? '' : uiFieldString(v));
  }
  return out;
}

// The nodes drawn in `node`'s place: itself, or a slot's or block's content.
function previewPlaced(node, out) {
  if (uiIsElement(node) && UI_TRANSPARENT[node.tag] === true && !uiIsCustom(node)) {
    for (const child of composedChildren(node)) previewPlaced(child, out);
  } else {
    out.push(node);
  }
  return out;
}

// Every node below `roots` into `nodes` (id -> {text, node}: its JSON text to compare, and itself)
// and the owners they name into `owners`.
function previewCollect(roots, nodes, owners) {
  const stack = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  while (stack.length > 0) {
    const node = stack.pop();
    if (!uiIsElement(node)) {
      const text = { x: uiFieldString(node.text) };
      nodes.set(node.id, { text: UIStringify(text), node: text });
      continue;
    }
    const kids = [];
    for (const child of composedChildren(node)) previewPlaced(child, kids);
    const out = { t: node.tag, a: previewAttrs(node), c: kids.map((k) => k.id), o: node.owner };
    owners.set(node.owner, true);
    if (uiIsCustom(node)) { out.comp = node.comp; owners.set(node.comp, true); }
    else if (PREVIEW_VALUE_TAGS[node.tag] === true) {
      const v = propertyOf(node, 'value');
      if (v !== undefined && v !== null) out.v = typeof v === 'number' ? v : uiFieldString(v);
    } else if (PREVIEW_CHECK_TAGS[node.tag] === true) out.k = !!propertyOf(node, 'checked');
    nodes.set(node.id, { text: UIStringify(out), node: out });
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

function previewSync(arg) {
  const page = driverPage(arg);
  const roots = [];
  for (const node of treeRoots(page) || []) previewPlaced(node, roots);
  const nodes = new UIMap(), owners = new UIMap();
  previewCollect(roots, nodes, owners);
  const full = arg.full === true || previewSent.page !== page;
  if (full) { previewSent.nodes = new UIMap(); previewSent.owners = new UIMap(); }
  const set = {}, remove = [], newOwners = {};
  for (const [id, entry] of nodes) {
    const before = previewSent.nodes.get(id);
    if (!before || before.text !== entry.text) uiPut(set, id, entry.node);
  }
  for (const id of previewSent.nodes.keys()) if (!nodes.has(id)) remove.push(id);
  for (const key of owners.keys()) if (!previewSent.owners.has(key)) uiPut(newOwners, key, previewOwner(key));
  previewSent.page = page;
  previewSent.nodes = nodes;
  for (const key of owners.keys()) previewSent.owners.set(key, true);
  const inst = instances.get(page);
  const answer = { full, key: page, route: inst ? inst.path : '', roots: roots.map((n) => n.id), owners: newOwners };
  if (full) answer.nodes = set; else { answer.set = set; answer.remove = remove; }
  return answer;
}
