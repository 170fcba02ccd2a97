// Behaviors and the definition of a component: a definition's own fields merged with those of
// the behaviors it lists, by WeChat's rules. Properties and methods: the definition's own win,
// then later behaviors over earlier ones, a behavior over those it lists. Data: the same order,
// objects merged key by key. Lifetimes, page lifetimes and observers: all run, listed behaviors
// first (a listed behavior's own behaviors before it), each entry once however often it is reached.
const WeakMapCtor = WeakMap;
const behaviorRecords = new WeakMapCtor();  // the object Behavior() returned -> its record
// The lifetimes that may also be given at the top level of a definition (`error` only in `lifetimes`).
const LEGACY_LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached'];
const builtinBehaviors = new MapCtor();
const BUILTIN_BEHAVIORS = {
  // A form reads `name` and `value` of a form field.
  'wx://form-field': { properties: { name: { type: StringCtor, value: '' }, value: { type: null } } },
  'wx://form-field-group': {},
  'wx://form-field-button': {},
  // Lets `export` choose what selectComponent returns.
  'wx://component-export': {},
};
function isPlainData(v) { return v !== null && typeof v === 'object' && !ArrayIsArray(v); }
function setOwn(obj, k, v) {
  if (k in ObjectProto) ObjectDefine(obj, k, { value: v, writable: true, enumerable: true, configurable: true });
  else obj[k] = v;
}
// Merges `src` into `dest` (dest's objects are its own copies): objects key by key, the rest replaced.
function mergeData(dest, src) {
  for (const k of ObjectKeys(src)) {
    const v = src[k];
    if (!isPlainData(v)) { setOwn(dest, k, v); continue; }
    const d = hasOwn(dest, k) ? dest[k] : undefined;
    const into = isPlainData(d) ? d : {};
    if (into !== d) setOwn(dest, k, into);
    mergeData(into, v);
  }
}
// Observer fields ('a.b, list[1]', 'some.**', '**') as paths: `{segs, deep}` each.
function observerFields(text, is) {
  return StringCtor(text).split(',').map((f) => {
    const field = f.trim();
    if (field === '**') return { segs: [], deep: true };
    const deep = field.endsWith('.**');
    try { return { segs: parsePath(deep ? field.slice(0, -3) : field).map(StringCtor), deep }; }
    catch (e) { throw new ErrorCtor(is + ': observers: ' + describe(e).message + ' in "' + text + '"'); }
  });
}
function emptyRecord() {
  const map = () => ObjectCreate(null);
  return { properties: map(), data: {}, methods: map(), observers: [], lifetimes: map(), pageLifetimes: map(),
    relations: map(), externalClasses: [], ancestors: new SetCtor(), exportFn: null, filter: null };
}
function addEntries(target, name, entries) {
  const list = target[name] || (target[name] = []);
  for (const e of entries) if (list.indexOf(e) < 0) list.push(e);
}
function resolveBehavior(b, is) {
  if (typeof b === 'string') {
    if (!hasOwn(BUILTIN_BEHAVIORS, b)) { native.print('warn', '[Component] ' + is + ': behavior "' + b + '" is not found'); return null; }
    if (!builtinBehaviors.has(b)) builtinBehaviors.set(b, buildRecord(BUILTIN_BEHAVIORS[b], b));
    return builtinBehaviors.get(b);
  }
  const rec = (b !== null && typeof b === 'object') ? behaviorRecords.get(b) : undefined;
  if (!rec) native.print('warn', '[Component] ' + is + ': an entry of behaviors is not a Behavior(); ignored');
  return rec || null;
}
// Builds the merged record of a Component() or Behavior() definition.
function buildRecord(options, is) {
  const listed = options.behaviors === undefined ? [] : (ArrayIsArray(options.behaviors) ? options.behaviors : null);
  if (listed === null) throw new TypeErrorCtor(is + ': behaviors must be an array');
  const parents = [];
  for (const b of listed) { const r = resolveBehavior(b, is); if (r) parents.push(r); }
  // Each listed behavior's definitionFilter sees (and may change) this definition first.
  for (const p of parents) if (p.filter) p.filter(options);
  const rec = emptyRecord();
  for (const p of parents) {
    mergeData(rec.data, p.data);
    ObjectAssign(rec.properties, p.properties);
    ObjectAssign(rec.methods, p.methods);
    ObjectAssign(rec.relations, p.relations);
    addEntries(rec, 'observers', p.observers);
    for (const k of ObjectKeys(p.lifetimes)) addEntries(rec.lifetimes, k, p.lifetimes[k]);
    for (const k of ObjectKeys(p.pageLifetimes)) addEntries(rec.pageLifetimes, k, p.pageLifetimes[k]);
    for (const a of p.ancestors) rec.ancestors.add(a);
    rec.ancestors.add(p);
    if (p.exportFn) rec.exportFn = p.exportFn;
    for (const c of p.externalClasses) if (rec.externalClasses.indexOf(c) < 0) rec.externalClasses.push(c);
  }
  addOwnFields(rec, options, is);
  if (typeof options.definitionFilter === 'function') {
    const filter = options.definitionFilter, chained = parents.map((p) => p.filter);
    rec.filter = (defFields) => { ReflectApply(filter, undefined, [defFields, chained]); };
  }
  return rec;
}
function addOwnFields(rec, options, is) {
  if (isPlainData(options.data)) mergeData(rec.data, options.data);
  const props = options.properties;
  if (isPlainData(props)) for (const k of ObjectKeys(props)) rec.properties[k] = normalizeProperty(k, props[k], is);
  const methods = options.methods;
  if (isPlainData(methods)) for (const k of ObjectKeys(methods)) if (typeof methods[k] === 'function') rec.methods[k] = methods[k];
  const obs = options.observers;
  if (ArrayIsArray(obs)) {
    for (const o of obs) if (o && (typeof o.observer === 'function' || typeof o.observer === 'string')) rec.observers.push({ fields: observerFields(o.fields || '**', is), fn: o.observer });
  } else if (isPlainData(obs)) {
    for (const k of ObjectKeys(obs)) rec.observers.push({ fields: observerFields(k, is), fn: obs[k] });
  }
  // A lifetime in `lifetimes` wins over the same one given at the top level.
  const lifetimes = isPlainData(options.lifetimes) ? options.lifetimes : {};
  for (const name of LEGACY_LIFETIMES) {
    if (lifetimes[name] === undefined && (typeof options[name] === 'function' || typeof options[name] === 'string')) rec.lifetimes[name] = (rec.lifetimes[name] || []).concat([{ fn: options[name] }]);
  }
  for (const k of ObjectKeys(lifetimes)) rec.lifetimes[k] = (rec.lifetimes[k] || []).concat([{ fn: lifetimes[k] }]);
  if (isPlainData(options.pageLifetimes)) for (const k of ObjectKeys(options.pageLifetimes)) rec.pageLifetimes[k] = (rec.pageLifetimes[k] || []).concat([{ fn: options.pageLifetimes[k] }]);
  if (isPlainData(options.relations)) ObjectAssign(rec.relations, options.relations);
  if (ArrayIsArray(options.externalClasses)) for (const c of options.externalClasses) if (rec.externalClasses.indexOf(StringCtor(c)) < 0) rec.externalClasses.push(StringCtor(c));
  if (typeof options.export === 'function') rec.exportFn = options.export;
}
function Behavior(options) {
  if (options === null || typeof options !== 'object') throw new TypeErrorCtor('Behavior() needs an options object');
  const at = loadingModules.length ? loadingModules[loadingModules.length - 1] : 'a behavior';
  const behavior = ObjectFreeze(ObjectCreate(null));
  behaviorRecords.set(behavior, buildRecord(options, at));
  return behavior;
}
// A Page() listing `behaviors`: their data under the page's own (objects merged key by key) and
// their methods where the page has none of that name, by the same merge rules as a component.
function pageWithBehaviors(options, route) {
  const rec = buildRecord({ behaviors: options.behaviors }, route);
  const page = ObjectAssign({}, options), data = {};
  mergeData(data, rec.data);
  if (isPlainData(options.data)) mergeData(data, options.data);
  page.data = data;
  for (const k of ObjectKeys(rec.methods)) if (!hasOwn(page, k)) setOwn(page, k, rec.methods[k]);
  return page;
}
