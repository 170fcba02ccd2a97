// Events, built-ins, selectors, WXML text and the driver (files 50 to 89): the intrinsics they
// use, captured before any WXS code runs, and the tree walks they share.
const UIKeys = Object.keys, UIFreeze = Object.freeze, UIIs = Object.is, UIDefine = Object.defineProperty;
const UIHasOwn = Object.prototype.hasOwnProperty, UIIsArray = Array.isArray;
const UIStringify = JSON.stringify;
const UIString = String, UINumber = Number, UIIsFinite = Number.isFinite;
const UIDateNow = Date.now, UIApply = Reflect.apply;
const UIMap = Map, UIWeakMap = WeakMap, UIError = Error;
const uiOwn = (obj, key) => UIApply(UIHasOwn, obj, [key]);
// Sets an own property by definition: names like `constructor` or `__proto__` (from attribute
// names the app chose) neither hit frozen Object.prototype nor change the object's prototype.
const uiPut = (obj, key, value) => { UIDefine(obj, key, { value, writable: true, enumerable: true, configurable: true }); };
// Event time stamps count from the view runtime's start, as WeChat's count from the page's.
const uiStartTime = UIDateNow();

const uiIsElement = (node) => node !== null && typeof node === 'object' && node.tag !== '#text';
const uiAttrs = (node) => (node && node.attrs) || {};
const uiIsCustom = (node) => node.comp !== undefined && node.comp !== null;
// An attribute or field value as text: null and undefined as the empty string.
const uiFieldString = (v) => (v === undefined || v === null ? '' : UIString(v));

// The node a node is drawn in: its parent, or for a root of a component's shadow tree that
// component's host element. Only a page's own roots have none.
function composedParent(node) {
  if (node.parent) return node.parent;
  const inst = instances.get(node.owner);
  return inst && inst.host && inst.host !== node ? inst.host : null;
}

// The nodes drawn inside a node: a custom component element's shadow tree (its slots already
// hold the content its owner gave it), any other element's children.
function composedChildren(node) {
  if (uiIsCustom(node) && UIIsArray(node.shadow)) return node.shadow;
  return UIIsArray(node.children) ? node.children : [];
}

// The tree (instance key) a tree's host element belongs to, or null for a page.
function enclosingTree(key) {
  const inst = instances.get(key);
  return inst && inst.host ? inst.host.owner : null;
}

// Whether tree `inner` is tree `outer` or lies inside one of its components.
function treeWithin(inner, outer) {
  for (let k = inner, guard = 0; k !== null && k !== undefined && guard < 1000; k = enclosingTree(k), guard++) {
    if (k === outer) return true;
  }
  return false;
}

// A node's parent in its owner's own template: the nearest node it is drawn in that the same
// template made (for slot content, the component element it was written in).
function ownerParent(node) {
  for (let p = composedParent(node); p; p = composedParent(p)) if (p.owner === node.owner) return p;
  return null;
}

// The roots of an instance's own tree: a page's body, a component's shadow tree.
function treeRoots(key) {
  const inst = instances.get(key);
  if (!inst) return null;
  if (UIIsArray(inst.nodes)) return inst.nodes;
  return inst.host && UIIsArray(inst.host.shadow) ? inst.host.shadow : [];
}

// Every element drawn below `roots` (roots included), in document order.
function composedElements(roots, out) {
  const stack = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  while (stack.length > 0) {
    const node = stack.pop();
    if (!uiIsElement(node)) continue;
    out.push(node);
    const kids = composedChildren(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

// `data-*` attributes as WeChat's dataset: lowercased, then dash-separated words camel-cased.
function datasetOf(node) {
  const attrs = uiAttrs(node), out = {};
  for (const name of UIKeys(attrs)) {
    if (name.length <= 5 || name.slice(0, 5) !== 'data-') continue;
    const key = name.slice(5).toLowerCase().replace(/-([a-z0-9])/g, (m, c) => c.toUpperCase());
    uiPut(out, key, attrs[name]);
  }
  return out;
}

// The `mark:*` attributes of one node.
function ownMarks(node) {
  const attrs = uiAttrs(node), out = {};
  for (const name of UIKeys(attrs)) if (name.length > 5 && name.slice(0, 5) === 'mark:') uiPut(out, name.slice(5), attrs[name]);
  return out;
}
