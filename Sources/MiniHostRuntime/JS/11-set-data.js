// setData: data paths, checked and copied before the page's data changes.
function parsePath(path) {
  if (typeof path !== 'string' || path === '') throw new ErrorCtor('a data path must be a non-empty string');
  // A plain key (the common case) is its own one segment.
  if (path.indexOf('.') < 0 && path.indexOf('[') < 0 && path.indexOf(']') < 0) {
    if (path === '__proto__') throw new ErrorCtor('invalid data path "' + path + '"');
    return [path];
  }
  const segs = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m, last = 0, expectDot = false;
  while ((m = re.exec(path)) !== null) {
    const between = path.slice(last, m.index);
    if (m[1] !== undefined) {
      if ((expectDot ? between !== '.' : between !== '') || m[1] === '__proto__') throw new ErrorCtor('invalid data path "' + path + '"');
      segs.push(m[1]);
    } else {
      if (between !== '') throw new ErrorCtor('invalid data path "' + path + '"');
      if (!segs.length) throw new ErrorCtor('invalid data path "' + path + '"');
      segs.push(NumberCtor(m[2]));
    }
    expectDot = true;
    last = re.lastIndex;
  }
  if (last !== path.length || !segs.length) throw new ErrorCtor('invalid data path "' + path + '"');
  if (segs.length > 100) throw new ErrorCtor('invalid data path: more than 100 segments');
  return segs;
}
function copyOut(v) { try { return clone(v); } catch (e) { return null; } }
function clone(v) { const s = JSONStringify(v); return s === undefined ? undefined : JSONParse(s); }
// A setData argument read once: its keys, their parsed paths and copied values. Every path is
// checked (and every value copied) before anything changes.
function readChanges(changes) {
  if (changes === null || typeof changes !== 'object' || ArrayIsArray(changes)) throw new TypeErrorCtor('setData() needs an object of data paths and values');
  const keys = ObjectKeys(changes), n = keys.length, paths = [], values = [];
  for (let k = 0; k < n; k++) paths[k] = parsePath(keys[k]);
  for (let k = 0; k < n; k++) values[k] = clone(changes[keys[k]]);
  return { keys, paths, values };
}
// Sets `value` at the parsed path `segs` under `root`, making the objects and arrays on the way.
function writePath(root, segs, value) {
  let obj = root;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i];
    if (obj[s] === null || typeof obj[s] !== 'object') obj[s] = typeof segs[i + 1] === 'number' ? [] : {};
    obj = obj[s];
  }
  obj[segs[segs.length - 1]] = value;
}
function setData(page, changes, callback) {
  const { keys, paths, values } = readChanges(changes), n = keys.length, applied = {};
  for (let k = 0; k < n; k++) applied[keys[k]] = values[k];
  // The host checks the patch's size and nesting (the same limits in both isolation modes).
  const problem = native.setData(page.route, JSONStringify(applied), viewKey(page));
  if (problem !== undefined) throw argError('setData', problem);
  for (let k = 0; k < n; k++) writePath(page.data, paths[k], values[k]);
  if (typeof callback === 'function') PromiseResolve().then(() => guarded('setData callback', callback, page, []));
}
