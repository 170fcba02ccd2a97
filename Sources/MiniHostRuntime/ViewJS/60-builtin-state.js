// Live state of built-in components: what a user changed (an input's text, a switch's checked)
// lives beside the node; a render that changes the attribute itself wins over it again.

// node -> Map(property -> {value, base: the attribute's value when the user set it})
const uiLive = new UIWeakMap();

const uiKebab = (name) => name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

function attrOf(node, name) {
  const attrs = uiAttrs(node);
  if (uiOwn(attrs, name)) return attrs[name];
  const dashed = uiKebab(name);
  return dashed !== name && uiOwn(attrs, dashed) ? attrs[dashed] : undefined;
}

// What a built-in shows when no user changed it: its attribute, typed as WeChat types it.
function builtinDefault(node, name) {
  const v = attrOf(node, name), tag = node.tag;
  if (name === 'checked' || name === 'disabled') return !!v;
  if (name !== 'value') return v;
  if (tag === 'input' || tag === 'textarea') return v === undefined || v === null ? '' : UIString(v);
  if (tag === 'slider') {
    const n = UINumber(v === undefined ? attrOf(node, 'min') : v);
    return UIIsFinite(n) ? n : 0;
  }
  if (tag === 'picker' && (v === undefined || v === null)) {
    const mode = attrOf(node, 'mode');
    if (mode === 'multiSelector' || mode === 'region') return [];
    return mode === 'time' || mode === 'date' ? '' : 0;
  }
  return v;
}

// A property as the element has it now: a custom component's data, else a built-in's live value.
function propertyOf(node, name) {
  if (uiIsCustom(node)) {
    const inst = instances.get(node.comp);
    const data = inst && inst.data;
    return data && uiOwn(data, name) ? data[name] : undefined;
  }
  const live = uiLive.get(node), entry = live && live.get(name);
  if (entry && UIIs(entry.base, attrOf(node, name))) return entry.value;
  return builtinDefault(node, name);
}

function setLive(node, name, value) {
  let live = uiLive.get(node);
  if (!live) { live = new UIMap(); uiLive.set(node, live); }
  live.set(name, { value, base: attrOf(node, name) });
}

function clearLive(node) { uiLive.delete(node); }

// `model:prop` bindings: the owner's data follows the element's new value.
function applyModel(node, prop, value) {
  if (!UIIsArray(node.model)) return;
  for (const pair of node.model) {
    if (UIIsArray(pair) && pair[0] === prop && typeof pair[1] === 'string') callLogic('model', { key: node.owner, path: pair[1], value });
  }
}

const UI_CONTROLS = UIFreeze({
  button: true, checkbox: true, radio: true, switch: true, input: true, textarea: true,
  picker: true, slider: true, navigator: true, label: true,
});

// Whether a tap on `node` is swallowed: it is, or lies in, a disabled control.
function inDisabledControl(node) {
  for (let n = node; n; n = composedParent(n)) {
    if (!uiIsCustom(n) && UI_CONTROLS[n.tag] === true && !!attrOf(n, 'disabled')) return true;
  }
  return false;
}

// The nearest element around `node` (itself included) with tag `tag`.
function closestTag(node, tag) {
  for (let n = node; n; n = composedParent(n)) if (n.tag === tag && !uiIsCustom(n)) return n;
  return null;
}

// Text for an input or textarea as typing would leave it: `maxlength` (140 unless given; -1
// for none) cuts it.
function typedValue(node, value) {
  const text = UIString(value);
  const raw = attrOf(node, 'maxlength');
  const max = raw === undefined || raw === null || raw === '' ? 140 : UINumber(raw);
  return UIIsFinite(max) && max >= 0 && text.length > max ? text.slice(0, max) : text;
}

// `input(value)` on an input or textarea: the value changes, `input` fires with WeChat's detail,
// then `model:value` updates the owner.
function typeInto(node, value) {
  const before = UIString(propertyOf(node, 'value'));
  const text = typedValue(node, value);
  setLive(node, 'value', text);
  const keyCode = text.length < before.length || text.length === 0 ? 8 : text.charCodeAt(text.length - 1);
  fireNative(node, 'input', { value: text, cursor: text.length, keyCode });
  applyModel(node, 'value', text);
}
