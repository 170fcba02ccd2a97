// Component instances: made from a definition, attached to a page, moved, detached; their
// lifetimes, `error`, events and the members WeChat gives `this`. The view layer creates
// instances through these functions; a page written as a component is one as well.
const componentState = new WeakMapCtor();  // instance -> its state
const instances = new MapCtor();           // instance number -> live instance
const pageComponents = new WeakMapCtor();  // page -> the instances made on it, in order
let nextInstance = 1;
function stateOf(inst) {
  const st = inst !== null && typeof inst === 'object' ? componentState.get(inst) : undefined;
  if (!st) throw new TypeErrorCtor('this is not a component instance');
  return st;
}
function pageList(page) {
  let list = pageComponents.get(page);
  if (!list) { list = []; pageComponents.set(page, list); }
  return list;
}
const componentBase = {
  setData(changes, callback) { componentSetData(this, changes, callback); },
  triggerEvent(name, detail, options) { triggerComponentEvent(this, name, detail, options); },
  hasBehavior(b) {
    const r = typeof b === 'string' ? builtinBehaviors.get(b) : (b !== null && typeof b === 'object' ? behaviorRecords.get(b) : undefined);
    return r !== undefined && stateOf(this).def.ancestors.has(r);
  },
  selectOwnerComponent() { return stateOf(this).owner; },
  groupSetData(fn) { if (typeof fn === 'function') ReflectApply(fn, this, []); },
};
// Instance methods that reach the view layer: component queries over the instance's own tree
// (nothing found without a template), selector queries in its scope, wx's unsupported
// intersection observer, and animations refused with one console warning (1008).
const viewLayerMethods = {
  selectComponent(selector) {
    const keys = viewRequest('select', { key: viewKey(this), selector: StringCtor(selector), all: false });
    const inst = keys && keys.length ? instances.get(keys[0]) : undefined;
    return inst ? componentExport(inst) : null;
  },
  selectAllComponents(selector) {
    const keys = viewRequest('select', { key: viewKey(this), selector: StringCtor(selector), all: true }) || [];
    const found = [];
    for (const k of keys) { const inst = instances.get(k); if (inst) found.push(componentExport(inst)); }
    return found;
  },
  getRelationNodes(path) { return []; },
  // The page's identifier, the same for every instance on one page (WeChat's `getPageId`).
  getPageId() {
    const st = this !== null && typeof this === 'object' ? componentState.get(this) : undefined;
    return 'pageId:' + viewKey(st && st.page ? st.page : this);
  },
  createSelectorQuery() { return makeSelectorQuery(this); },
  createIntersectionObserver(options) { return mp.createIntersectionObserver(this, options); },
  animate(selector, keyframes, duration, callback) { refuseWithoutView('animate'); },
  clearAnimation(selector, options, callback) { refuseWithoutView('clearAnimation'); },
  applyAnimatedStyle(selector, updater, config, callback) { refuseWithoutView('applyAnimatedStyle'); },
  clearAnimatedStyle(selector, styles, callback) { refuseWithoutView('clearAnimatedStyle'); },
};
function refuseWithoutView(name) {
  warnOnce('view.' + name, name + ': ' + UNSUPPORTED + ' without a view layer (errCode ' + ERR_UNSUPPORTED + ')');
}
// Gives `target` the view-layer methods it does not define itself.
function addViewLayerMethods(target) {
  for (const k of ObjectKeys(viewLayerMethods)) if (ObjectGetDesc(target, k) === undefined) ObjectDefine(target, k, { value: viewLayerMethods[k] });
}
addViewLayerMethods(componentBase);
// Makes an instance and runs `created`, then sets the given properties (their observers run).
// `o`: {page, owner, id, dataset, properties, listeners: {event: function or owner's method
// name}, deferCreated}; or {route, query} for a page written as a component (the instance is the
// page). With `deferCreated` the caller runs `finishCreating` later.
function createComponent(def, o) {
  const inst = ObjectCreate(componentBase), n = nextInstance++, isPage = o.route !== undefined;
  const st = { def, n, isPage, page: isPage ? inst : o.page || null, owner: o.owner || o.page || null,
    listeners: isPlainData(o.listeners) ? o.listeners : null, attached: false, ready: false, gone: false,
    view: isPage ? o.route : def.is + '#' + n };
  componentState.set(inst, st);
  for (const k of ObjectKeys(def.methods)) setOwn(inst, k, def.methods[k]);
  let data = {};
  try { data = clone(def.data) || {}; } catch (e) { reportError('exception', e); }
  for (const k of ObjectKeys(def.properties)) setOwn(data, k, initialValue(def.properties[k]));
  ObjectDefine(inst, 'data', { value: data, writable: true, enumerable: true });
  ObjectDefine(inst, 'properties', { get() { return inst.data; } });
  ObjectDefine(inst, 'is', { value: isPage ? o.route : def.is, enumerable: true });
  ObjectDefine(inst, 'id', { value: o.id === undefined || o.id === null ? '' : StringCtor(o.id), enumerable: true });
  ObjectDefine(inst, 'dataset', { value: isPlainData(o.dataset) ? copyOut(o.dataset) : {}, enumerable: true });
  if (isPage) {
    ObjectDefine(inst, 'route', { value: o.route, enumerable: true });
    ObjectDefine(inst, '__route__', { value: o.route });
    ObjectDefine(inst, 'options', { value: o.query, enumerable: true });
  }
  instances.set(n, inst);
  if (!isPage && st.page) pageList(st.page).push(inst);
  if (!o.deferCreated) finishCreating(inst, o.properties);
  return inst;
}
// `created`, then the creator's property values (their observers run), as WeChat orders them.
// The view defers this until the component's own tree is built, as WeChat builds it first.
function finishCreating(inst, properties) {
  runLifetime(inst, 'created', []);
  if (properties !== undefined) setProperties(inst, properties);
}
function componentDetail(inst, st) {
  return JSONStringify({ instance: st.n, page: st.page ? st.page.route : null, id: inst.id });
}
// Calls a lifetime, observer or handler given as a function or a method name; a throw goes to
// the component's `error` lifetimes, then to the app's error handling.
function callEntry(inst, fn, args) {
  const f = typeof fn === 'string' ? inst[fn] : fn;
  if (typeof f !== 'function') { native.print('warn', '[Component] ' + inst.is + ': no method "' + StringCtor(fn) + '"'); return undefined; }
  try { return ReflectApply(f, inst, args); } catch (e) { componentError(inst, e); return undefined; }
}
function componentError(inst, e) {
  for (const entry of stateOf(inst).def.lifetimes.error || []) {
    const f = typeof entry.fn === 'string' ? inst[entry.fn] : entry.fn;
    if (typeof f === 'function') guarded('error', f, inst, [e]);
  }
  reportError('exception', e);
}
function runLifetime(inst, name, args) {
  const st = stateOf(inst);
  native.lifecycle('component', name, inst.is, componentDetail(inst, st));
  for (const entry of st.def.lifetimes[name] || []) callEntry(inst, entry.fn, args);
}
function runPageLifetime(inst, name, args) {
  for (const entry of stateOf(inst).def.pageLifetimes[name] || []) callEntry(inst, entry.fn, args);
}
// Attaching runs `attached`; on a page that is already ready, `ready` follows at once.
function attachComponent(inst) {
  const st = stateOf(inst);
  if (st.attached || st.gone) return;
  st.attached = true;
  runLifetime(inst, 'attached', []);
  if (!st.isPage && st.page && readyPages.has(st.page)) readyComponent(inst);
}
function readyComponent(inst) {
  const st = stateOf(inst);
  if (!st.attached || st.ready) return;
  st.ready = true;
  runLifetime(inst, 'ready', []);
}
function moveComponent(inst) { if (stateOf(inst).attached) runLifetime(inst, 'moved', []); }
// Detaching runs `detached` and forgets the instance; a detached instance is not attached again.
function detachComponent(inst) {
  const st = stateOf(inst);
  if (st.gone) return;
  st.gone = true;
  instances.delete(st.n);
  if (!st.isPage && st.page) { const list = pageList(st.page), i = list.indexOf(inst); if (i >= 0) list.splice(i, 1); }
  if (!st.attached) return;
  st.attached = false;
  runLifetime(inst, 'detached', []);
}
// Recorded as a `component` lifecycle event `triggerEvent` (its detail copied as JSON); a
// listener its creator gave gets WeChat's event object.
function triggerComponentEvent(inst, name, detail, options) {
  const st = stateOf(inst), o = isPlainData(options) ? options : {}, type = StringCtor(name);
  const flags = { bubbles: o.bubbles === true, composed: o.composed === true, capturePhase: o.capturePhase === true };
  const copied = detail === undefined ? null : copyOut(detail);
  native.lifecycle('component', 'triggerEvent', inst.is, JSONStringify({ name: type, detail: copied, options: flags, instance: st.n, id: inst.id }));
  // An instance the view made: the event travels through the view's tree to its handlers.
  if (st.listeners === null) {
    native.view('trigger', JSONStringify({ key: st.n, name: type, detail: copied, bubbles: flags.bubbles, composed: flags.composed, capturePhase: flags.capturePhase }));
    return;
  }
  const handler = hasOwn(st.listeners, type) ? st.listeners[type] : undefined;
  if (handler === undefined) return;
  const target = { id: inst.id, dataset: inst.dataset };
  const event = { type, timeStamp: DateCtor.now(), target, currentTarget: target, detail, mark: {} };
  const owner = st.owner, fn = typeof handler === 'string' ? (owner ? owner[handler] : undefined) : handler;
  if (typeof fn === 'function') guarded(type, fn, owner, [event]);
  else native.print('warn', '[Component] ' + inst.is + ': no handler "' + StringCtor(handler) + '" for event "' + type + '"');
}
// What selectComponent returns for the instance: `export()`'s value, or the instance itself.
function componentExport(inst) {
  const fn = stateOf(inst).def.exportFn;
  return fn ? callEntry(inst, fn, []) : inst;
}
