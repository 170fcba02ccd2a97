// `wx:for`: one entry per item, matched to last render's by `wx:key` (a field path or `*this`),
// else by position. An entry whose item is the same value (===), whose index is unchanged when
// the body reads it, and whose outer identifiers all hold the same values keeps its nodes
// without re-rendering (the memo that makes one item's setData cheap in a long list).
function forItems(v) {
  if (ArrayIsArray(v)) return { items: v, keys: null };
  if (typeof v === 'string') return { items: v.split(''), keys: null };
  if (typeof v === 'number' && NumberIsInteger(v) && v > 0) {  // `wx:for="{{5}}"`: 0 to 4
    const items = [];
    for (let i = 0; i < v && i < 100000; i++) items.push(i);
    return { items, keys: null };
  }
  if (v !== null && typeof v === 'object') {
    const keys = ObjectKeys(v);
    return { items: keys.map((k) => v[k]), keys };
  }
  return { items: [], keys: null };
}
function forKey(t, item) {
  if (t.key === '*this') return item;
  let v = item;
  for (const s of t.key) {
    if (v === null || v === undefined) return undefined;
    v = v[s];
  }
  return v;
}
function sameValues(a, b) {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}
function entriesByKey(entries) {
  const byKey = new MapCtor();
  for (const e of entries) if (e.key !== undefined && !byKey.has(e.key)) byKey.set(e.key, e);
  return byKey;
}
function renderFor(t, scope, c, old) {
  setSite(c.file, t);
  const { items, keys } = forItems(t.items(scope));
  const used = forUsedIds(t);
  const outer = [];
  for (const name of used) outer.push(scope[name]);
  const rec = old || { entries: [], outer: null };
  const outerSame = sameValues(rec.outer, outer);
  const keyed = t.key !== null;
  let byKey = null, duplicateWarned = false;
  const seen = keyed ? new SetCtor() : null;
  const entries = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i], index = keys ? keys[i] : i;
    let key, prev;
    if (keyed) {
      key = forKey(t, item);
      if (key !== undefined && seen.has(key)) {
        if (!duplicateWarned) reportAt('warn', siteFile, t.line, t.col, 'wx:key "' + (t.key === '*this' ? '*this' : t.key.join('.')) + '" has the duplicate value ' + toText(key));
        duplicateWarned = true;
        key = undefined;
      }
      if (key !== undefined) {
        seen.add(key);
        // Most renders keep the order: the entry at the same place, else a lookup by key.
        prev = rec.entries[i];
        if (!prev || prev.key !== key) {
          if (!byKey) byKey = entriesByKey(rec.entries);
          prev = byKey.get(key);
        }
      }
    } else {
      prev = rec.entries[i];
    }
    if (prev && outerSame && prev.item === item && (!t.usesIndex || prev.index === index)) {
      for (const n of prev.out) place(n, c);
      entries.push(prev);
      continue;
    }
    const s = ObjectCreate(scope);
    s[t.item] = item;
    s[t.index] = index;
    const part = { inst: c.inst, file: c.file, parent: c.parent, stamp: c.stamp, out: [] };
    const inner = renderNode(t.node, s, part, prev ? prev.inner : undefined);
    for (const n of part.out) c.out.push(n);
    entries.push({ key, item, index, inner, out: part.out });
  }
  rec.entries = entries;
  rec.outer = outer;
  return rec;
}
