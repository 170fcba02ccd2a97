// A component's data: setData with property coercion, pure data fields and observers, and
// the properties its creator sets. Order, as WeChat: the data changes, the view is told
// (pure fields left out; nothing before `attached`), the data observers run once each, then the
// observers of the properties whose value changed.
function componentSetData(inst, changes, callback) {
  const st = stateOf(inst), c = readChanges(changes);
  applyComponentChanges(inst, st, c.keys, c.paths, c.values);
  if (typeof callback === 'function') PromiseResolve().then(() => guarded('setData callback', callback, inst, []));
}
// What the view layer calls when the template sets properties: declared ones only, as copies.
function setProperties(inst, values) {
  const st = stateOf(inst), keys = [], paths = [], copies = [];
  if (!isPlainData(values)) return;
  for (const k of ObjectKeys(values)) {
    if (!hasOwn(st.def.properties, k)) continue;
    const v = values[k];
    keys.push(k); paths.push([k]);
    copies.push(typeof v === 'function' ? v : clone(v));
  }
  if (keys.length) applyComponentChanges(inst, st, keys, paths, copies);
}
function applyComponentChanges(inst, st, keys, paths, values) {
  const props = st.def.properties, pure = st.def.pure, n = keys.length;
  for (let k = 0; k < n; k++) {
    const name = paths[k][0];
    if (paths[k].length === 1 && hasOwn(props, name)) values[k] = coerceProperty(props[name], name, values[k], inst.is);
  }
  if (st.attached) {
    let sent = null;
    for (let k = 0; k < n; k++) if (!isPure(pure, paths[k][0])) { if (sent === null) sent = {}; setOwn(sent, keys[k], values[k]); }
    if (sent !== null) {
      const problem = native.setData(st.view, JSONStringify(sent), st.n);
      if (problem !== undefined) throw argError('setData', problem);
    }
  }
  const data = inst.data, changed = [];
  for (let k = 0; k < n; k++) {
    const segs = paths[k], name = segs[0], prop = hasOwn(props, name) ? props[name] : null;
    const old = segs.length === 1 ? data[name] : undefined;
    writePath(data, segs, values[k]);
    // A sub-field's change reaches the property's observer with no old value, as in WeChat.
    if (prop && prop.observer && !isPure(pure, name) && (segs.length > 1 || old !== values[k])) changed.push([prop.observer, data[name], old]);
  }
  runObservers(inst, st, paths);
  for (const [observer, value, old] of changed) callEntry(inst, observer, [value, old]);
}
// An observer runs when a setData path is its field, a parent of its field, or (`**`) lies
// under its field.
function fieldTouched(field, segs) {
  const f = field.segs, n = MathMin(f.length, segs.length);
  for (let i = 0; i < n; i++) if (f[i] !== StringCtor(segs[i])) return false;
  return segs.length <= f.length || field.deep;
}
function valueAt(data, segs) {
  let v = data;
  for (const s of segs) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[s];
  }
  return v;
}
function runObservers(inst, st, paths) {
  const observers = st.def.observers;
  if (!observers.length) return;
  const due = observers.filter((o) => o.fields.some((f) => paths.some((p) => fieldTouched(f, p))));
  for (const o of due) callEntry(inst, o.fn, o.fields.map((f) => valueAt(inst.data, f.segs)));
}
