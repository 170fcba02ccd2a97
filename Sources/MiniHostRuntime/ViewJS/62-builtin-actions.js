// What built-in components do when tapped, after the tap's handlers ran: checkboxes, radios and
// switches change and fire `change`, a form's buttons submit or reset it, a navigator navigates,
// a label acts for its control.

function groupItems(group, tag) {
  const out = [];
  for (const n of composedElements(composedChildren(group), [])) if (n.tag === tag && !uiIsCustom(n)) out.push(n);
  return out;
}

function checkedValues(group) {
  const out = [];
  for (const box of groupItems(group, 'checkbox')) if (propertyOf(box, 'checked')) out.push(uiFieldString(attrOf(box, 'value')));
  return out;
}

function checkedRadioValue(group) {
  for (const radio of groupItems(group, 'radio')) if (propertyOf(radio, 'checked')) return uiFieldString(attrOf(radio, 'value'));
  return '';
}

// The value a form field submits, by its kind.
function fieldValue(node) {
  switch (node.tag) {
    case 'switch': return propertyOf(node, 'checked');
    case 'checkbox-group': return checkedValues(node);
    case 'radio-group': return checkedRadioValue(node);
    default: return propertyOf(node, 'value');
  }
}

const UI_FIELDS = UIFreeze({
  input: true, textarea: true, switch: true, slider: true, picker: true,
  'checkbox-group': true, 'radio-group': true,
});

// `detail.value` of a form's submit: every named field inside it, including components that
// hold a `value` in their data (WeChat's form-field behavior).
function formValues(form) {
  const value = {};
  for (const n of composedElements(composedChildren(form), [])) {
    const name = attrOf(n, 'name');
    if (name === undefined || name === null || name === '') continue;
    if (uiIsCustom(n)) {
      const inst = instances.get(n.comp);
      if (inst && inst.data && uiOwn(inst.data, 'value')) uiPut(value, UIString(name), inst.data.value);
    } else if (UI_FIELDS[n.tag] === true) {
      uiPut(value, UIString(name), fieldValue(n));
    }
  }
  return value;
}

function submitForm(form) {
  fireNative(form, 'submit', { value: formValues(form) });
}

function resetForm(form) {
  for (const n of composedElements(composedChildren(form), [])) clearLive(n);
  fireNative(form, 'reset', {});
}

function toggleCheckbox(box) {
  const checked = !propertyOf(box, 'checked');
  setLive(box, 'checked', checked);
  applyModel(box, 'checked', checked);
  const group = closestTag(box, 'checkbox-group');
  if (group) fireNative(group, 'change', { value: checkedValues(group) });
}

function chooseRadio(radio) {
  if (propertyOf(radio, 'checked')) return;
  const group = closestTag(radio, 'radio-group');
  if (group) for (const other of groupItems(group, 'radio')) if (other !== radio && propertyOf(other, 'checked')) setLive(other, 'checked', false);
  setLive(radio, 'checked', true);
  applyModel(radio, 'checked', true);
  if (group) fireNative(group, 'change', { value: uiFieldString(attrOf(radio, 'value')) });
}

function toggleSwitch(node) {
  const checked = !propertyOf(node, 'checked');
  setLive(node, 'checked', checked);
  fireNative(node, 'change', { value: checked });
  applyModel(node, 'checked', checked);
}

const UI_OPEN_TYPES = UIFreeze({ navigate: true, redirect: true, switchTab: true, reLaunch: true, navigateBack: true });

function followNavigator(nav) {
  if (attrOf(nav, 'target') === 'miniProgram') return;
  const raw = attrOf(nav, 'open-type');
  const openType = raw === undefined || raw === null || raw === '' ? 'navigate' : UIString(raw);
  if (UI_OPEN_TYPES[openType] !== true) return;
  const request = { url: uiFieldString(attrOf(nav, 'url')), openType };
  if (openType === 'navigateBack') {
    const delta = UINumber(attrOf(nav, 'delta'));
    request.delta = UIIsFinite(delta) && delta >= 1 ? delta : 1;
  }
  callLogic('navigate', request);
}

function pressButton(button) {
  const formType = attrOf(button, 'form-type');
  if (formType !== 'submit' && formType !== 'reset') return;
  const form = closestTag(button, 'form');
  if (!form) return;
  if (formType === 'submit') submitForm(form); else resetForm(form);
}

// A label's control: the element named by `for` in the label's tree, else the first checkbox,
// radio, switch or button inside it.
function labelControl(label) {
  const forId = attrOf(label, 'for');
  if (forId !== undefined && forId !== null && forId !== '') {
    for (const n of composedElements(treeRoots(label.owner) || [], [])) if (n.owner === label.owner && UIString(attrOf(n, 'id')) === UIString(forId)) return n;
    return null;
  }
  for (const n of composedElements(composedChildren(label), [])) {
    if (!uiIsCustom(n) && (n.tag === 'checkbox' || n.tag === 'radio' || n.tag === 'switch' || n.tag === 'button')) return n;
  }
  return null;
}

function controlAction(control) {
  switch (control.tag) {
    case 'checkbox': toggleCheckbox(control); break;
    case 'radio': chooseRadio(control); break;
    case 'switch': toggleSwitch(control); break;
    case 'button': pressButton(control); break;
    case 'navigator': followNavigator(control); break;
    default: break;
  }
}

// The built-in's own response to a tap on `target`: the nearest control around it acts.
function tapAction(target) {
  for (let n = target; n; n = composedParent(n)) {
    if (uiIsCustom(n) || UI_CONTROLS[n.tag] !== true) continue;
    if (n.tag === 'label') {
      const control = labelControl(n);
      if (control && !inDisabledControl(control)) controlAction(control);
    } else {
      controlAction(n);
    }
    return;
  }
}

// A tap as a finger makes it: touchstart, touchend, then tap and the built-in's response.
// A disabled control swallows it.
function tapElement(node) {
  if (inDisabledControl(node)) return false;
  fireNative(node, 'touchstart', {});
  fireNative(node, 'touchend', {});
  fireNative(node, 'tap', { x: 0, y: 0 });
  tapAction(node);
  return true;
}

function longpressElement(node) {
  if (inDisabledControl(node)) return false;
  fireNative(node, 'touchstart', {});
  fireNative(node, 'longpress', { x: 0, y: 0 });
  fireNative(node, 'longtap', { x: 0, y: 0 });
  fireNative(node, 'touchend', {});
  return true;
}

// `trigger(type, detail)` from a test: a picker's or slider's `change` (and a switch's) moves
// its value first, as the user's choice would; inputs' own events get `{value}` by default.
function triggerOn(node, type, detail) {
  const custom = uiIsCustom(node);
  let d = detail;
  if (!custom && (type === 'change' || type === 'changing') && d && typeof d === 'object' && uiOwn(d, 'value')) {
    if (node.tag === 'picker' || node.tag === 'slider') {
      if (type === 'change') { setLive(node, 'value', d.value); applyModel(node, 'value', d.value); }
    } else if (node.tag === 'switch' && type === 'change') {
      setLive(node, 'checked', !!d.value); applyModel(node, 'checked', !!d.value);
    }
  }
  if (!custom && (node.tag === 'input' || node.tag === 'textarea') && (d === undefined || d === null)
      && (type === 'confirm' || type === 'blur' || type === 'focus')) {
    d = { value: UIString(propertyOf(node, 'value')) };
  }
  if (d === undefined || d === null) d = {};
  if (type === 'tap' || type === 'longpress' || type === 'longtap') {
    if (inDisabledControl(node)) return;
    if (!uiOwn(d, 'x')) d = { x: 0, y: 0, ...d };
  }
  fireNative(node, type, d);
  if (type === 'tap') tapAction(node);
}
