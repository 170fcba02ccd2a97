// The logic side of the view layer: pages and components are named to the view by a number
// (a component's instance number; pages get one from the same counter), data patches and
// component events go to the view, and the view's requests (`fromView`) create, attach and
// detach components, set their properties and call event handlers.
const pageKeys = new WeakMapCtor();  // page -> its view key
const viewPages = new MapCtor();     // view key -> open page
function viewKey(target) {
  const st = target !== null && typeof target === 'object' ? componentState.get(target) : undefined;
  if (st !== undefined) return st.n;
  let key = pageKeys.get(target);
  if (key === undefined) { key = nextInstance++; pageKeys.set(target, key); }
  return key;
}
function viewTarget(key) { return instances.get(key) || viewPages.get(key) || null; }
// The page's first render, before `onLoad` (its components are created and attached in it).
function viewOpen(page) {
  if (native.view('has', '', page.route) === undefined) return;
  const key = viewKey(page);
  viewPages.set(key, page);
  let data;
  try { data = JSONStringify(page.data); } catch (e) { data = '{}'; }
  native.view('open', '{"key":' + key + ',"path":' + JSONStringify(page.route) + ',"data":' + data + '}', page.route);
}
function viewClose(page) {
  const key = viewKey(page);
  viewPages.delete(key);
  native.view('close', '{"key":' + key + '}');
}
// A component's data as the view sees it: a JSON copy without its pure data fields.
function viewData(inst) {
  const pure = stateOf(inst).def.pure, data = {};
  for (const k of ObjectKeys(inst.data)) if (!isPure(pure, k)) data[k] = inst.data[k];
  return copyOut(data) || {};
}
function viewRequest(op, arg) {
  const answer = native.view(op, JSONStringify(arg));
  return answer === undefined ? undefined : JSONParse(answer);
}
// A page's or component's handler for an event the view dispatched.
function handleViewEvent(a) {
  const target = viewTarget(a.key);
  if (!target) return;
  const name = StringCtor(a.handler), desc = ObjectGetDesc(target, name), fn = desc ? desc.value : target[name];
  const st = componentState.get(target);
  if (typeof fn !== 'function') {
    const what = st && !st.isPage ? 'Component "' + target.is + '"' : 'Page "' + (target.route || '') + '"';
    native.print('warn', what + ' does not have a method "' + name + '" to handle event "' + StringCtor(a.event && a.event.type) + '".');
    return;
  }
  if (st && !st.isPage) callEntry(target, fn, [a.event]);
  else guarded(name, fn, target, [a.event]);
}
const openTypes = { navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch' };
function viewNavigate(a) {
  const warn = (reason) => native.print('warn', '[navigator] ' + reason);
  const from = top() ? top().route : '';
  if (a.openType === 'navigateBack') { back(a.delta, warn); return; }
  const kind = openTypes[a.openType || 'navigate'];
  if (!kind) { warn('open-type "' + StringCtor(a.openType) + '" is not supported'); return; }
  if (navigate(kind, StringCtor(a.url), warn, from) === null && kind !== 'navigateTo') native.lifecycle('ui', kind, null, JSONStringify({ url: a.url }));
}
// The view's requests; each answers JSON text.
function fromView(op, json) {
  const a = JSONParse(json);
  switch (op) {
    case 'create': {
      const def = componentDefinition(a.path);
      const page = viewTarget(a.page), owner = viewTarget(a.owner) || page;
      const inst = createComponent(def, { page, owner, id: a.id, dataset: a.dataset, deferCreated: true });
      return JSONStringify({ key: stateOf(inst).n, props: ObjectKeys(def.properties), externalClasses: def.externalClasses || [],
        multipleSlots: def.options.multipleSlots, data: viewData(inst) });
    }
    // The view built the component's tree (its children are created): `created`, then the
    // owner's property values; answers the data the view renders next.
    case 'created': {
      const inst = instances.get(a.key);
      if (!inst) return '{}';
      finishCreating(inst, isPlainData(a.props) ? a.props : undefined);
      return JSONStringify({ data: viewData(inst) });
    }
    case 'attach': case 'ready': case 'detach': {
      const inst = instances.get(a.key);
      if (inst) (op === 'attach' ? attachComponent : op === 'ready' ? readyComponent : detachComponent)(inst);
      return '{}';
    }
    case 'props': { const inst = instances.get(a.key); if (inst) setProperties(inst, a.props); return '{}'; }
    case 'event': handleViewEvent(a); return '{}';
    case 'model': {
      const target = viewTarget(a.key);
      if (target) {
        const change = {};
        change[StringCtor(a.path)] = a.value;
        try { target.setData(change); } catch (e) { reportError('exception', e); }
      }
      return '{}';
    }
    case 'navigate': viewNavigate(a); return '{}';
  }
  return '{}';
}
// Driver requests of automator's MiniProgram: `callWxMethod` (an async API resolves with its
// success result) and `evaluate` (a function the host compiled from the test's source).
function driverCallWx(a, answer) {
  const name = StringCtor(a.name), args = ArrayIsArray(a.args) ? a.args : [];
  const d = ObjectGetDesc(mp, name), fn = d && d.value;
  if (typeof fn !== 'function') return answer(false, 'wx has no function "' + name + '"');
  const failed = (e) => answer(false, e !== null && typeof e === 'object' && 'errMsg' in e ? e.errMsg : describe(e).message);
  const settleWith = (r) => {
    if (r !== null && typeof r === 'object' && r instanceof PromiseCtor) r.then((v) => answer(true, copyOut(v)), failed);
    else answer(true, copyOut(r));
  };
  try {
    if (name.endsWith('Sync') || args.length !== 1 || !isPlainData(args[0]) || name.startsWith('on') || name.startsWith('off')) return settleWith(ReflectApply(fn, mp, args));
    const options = ObjectAssign({}, args[0], { success: (r) => answer(true, copyOut(r)), fail: failed });
    ReflectApply(fn, mp, [options]);
  } catch (e) { failed(e); }
}
function driverEvaluate(fn, a, answer) {
  if (typeof fn !== 'function') return answer(false, 'evaluate needs a function');
  try {
    const r = ReflectApply(fn, undefined, ArrayIsArray(a.args) ? a.args : []);
    if (r !== null && typeof r === 'object' && r instanceof PromiseCtor) r.then((v) => answer(true, copyOut(v)), (e) => answer(false, 'evaluate rejected: ' + describe(e).message));
    else answer(true, copyOut(r));
  } catch (e) { const d = describe(e); answer(false, 'evaluate threw ' + (d.name ? d.name + ': ' : '') + d.message); }
}
