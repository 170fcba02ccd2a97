// setData patches on the view's copy of an instance's data: WeChat data paths (`a.b[2].c`)
// applied copy-on-write, so unchanged parts keep their identity (the renderer's memo uses it).
const dataPathCache = new MapCtor();
// `a.b[2].c` -> ['a', 'b', 2, 'c']; throws naming the path when it is not one.
function parseDataPath(path) {
  const known = dataPathCache.get(path);
  if (known !== undefined) return known;
  const segs = [];
  let i = 0, word = '';
  const bad = () => new ErrorCtor('invalid data path "' + path + '"');
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      if (word === '' && (i === 0 || path[i - 1] !== ']')) throw bad();
      if (word !== '') { segs.push(word); word = ''; }
      i++;
    } else if (ch === '[') {
      if (word !== '') { segs.push(word); word = ''; }
      if (segs.length === 0) throw bad();
      const end = path.indexOf(']', i);
      const digits = end < 0 ? '' : path.slice(i + 1, end);
      if (!/^[0-9]+$/.test(digits)) throw bad();
      segs.push(NumberCtor(digits));
      i = end + 1;
      if (i < path.length && path[i] !== '.' && path[i] !== '[') throw bad();
    } else if (ch === ']') {
      throw bad();
    } else {
      word += ch;
      i++;
    }
  }
  if (word !== '') segs.push(word);
  else if (path === '' || path[path.length - 1] === '.') throw bad();
  for (const s of segs) if (s === '__proto__') throw bad();
  if (dataPathCache.size > 4096) dataPathCache.clear();
  dataPathCache.set(path, segs);
  return segs;
}
function shallowCopy(v) { return ArrayIsArray(v) ? v.slice() : { ...v }; }
// A new data object with `changes` ({path: value}) applied; objects along each path are
// copied once per patch, every other object is kept as it was.
function applyPatch(data, changes) {
  const root = shallowCopy(data !== null && typeof data === 'object' ? data : {});
  const fresh = new SetCtor([root]);
  for (const path of ObjectKeys(changes)) {
    const segs = parseDataPath(path);
    let obj = root;
    for (let i = 0; i < segs.length - 1; i++) {
      const s = segs[i];
      let next = obj[s];
      if (next === null || typeof next !== 'object') next = typeof segs[i + 1] === 'number' ? [] : {};
      else if (!fresh.has(next)) next = shallowCopy(next);
      fresh.add(next);
      obj[s] = next;
      obj = next;
    }
    obj[segs[segs.length - 1]] = changes[path];
  }
  return root;
}
// The value at a plain data path in a scope (`model:value="{{a.b}}"` shows a.b).
function readDataPath(scope, segs) {
  let v = scope;
  for (const s of segs) {
    if (v === null || v === undefined) return undefined;
    v = v[s];
  }
  return v;
}
