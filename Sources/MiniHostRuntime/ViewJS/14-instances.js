// Pages and components in the view: their data (the view's copy, patched by setData), their
// rendered roots, and the flush that re-renders those with pending patches, owners first.
const instances = new MapCtor();  // key -> instance record
const dirtyInstances = new SetCtor();
const MAX_FLUSH_ROUNDS = 100;
let flushing = false;
function markDirty(inst) {
  inst.dirty = true;
  dirtyInstances.add(inst);
}
// Renders `inst`'s template from its data into its roots (the host's `shadow` for a component).
function renderInstance(inst) {
  inst.dirty = false;
  dirtyInstances.delete(inst);
  if (!inst.file) return;
  const c = newContainer(inst, inst.file, inst.host);
  try {
    inst.recs = renderNodes(inst.file.body, rootScope(inst.data, inst.file), c, inst.recs);
  } catch (e) {
    reportHere('rendering ' + inst.path + ' failed: ' + describeThrown(e));
    return;
  }
  dropUnplaced(inst.nodes, c);
  inst.nodes = c.out;
  if (inst.host) {
    inst.host.shadow = c.out;
    assignSlots(inst);
  }
}
// Re-renders every instance with pending patches, owners before what they own, again while
// renders cause new patches (at most MAX_FLUSH_ROUNDS rounds). A flush asked for during one
// only marks: the running one picks the work up.
function flush() {
  if (flushing) return;
  flushing = true;
  try {
    let rounds = 0;
    while (dirtyInstances.size || pendingAttach.length) {
      if (++rounds > MAX_FLUSH_ROUNDS) {
        const keys = [...dirtyInstances].map((i) => i.key).join(', ');
        for (const inst of dirtyInstances) inst.dirty = false;
        dirtyInstances.clear();
        warn('rendering did not settle after ' + MAX_FLUSH_ROUNDS + ' rounds of setData; left as they are: ' + keys);
        break;
      }
      // Components attach once every render is done, so their properties have settled (an
      // owner's values reach a component after its tree is built, as in glass-easel).
      const batch = [...dirtyInstances].sort((a, b) => a.depth - b.depth);
      for (const inst of batch) {
        if (!inst.dirty || instances.get(inst.key) !== inst) continue;
        renderInstance(inst);
      }
      if (!dirtyInstances.size) attachPending();
    }
  } finally {
    flushing = false;
  }
}
function openPage(arg) {
  if (arg === null || typeof arg !== 'object' || arg.key === undefined || typeof arg.path !== 'string') throw new TypeErrorCtor('open needs {key, path, data}');
  if (instances.has(arg.key)) closePage(arg.key);
  const file = loadTemplate(arg.path + '.wxml');
  if (!file) reportAt('error', arg.path + '.wxml', 0, 0, 'page ' + arg.path + ' has no template');
  const inst = {
    key: arg.key, path: arg.path, data: arg.data !== null && typeof arg.data === 'object' ? arg.data : {},
    using: file && file.using ? file.using : {}, nodes: [], host: null, page: arg.key, owner: null, parentKey: null,
    props: [], externalClasses: [], multipleSlots: false, file, recs: undefined, depth: 0,
    dirty: false, slots: null, sent: null,
  };
  instances.set(inst.key, inst);
  markDirty(inst);
  flush();
}
// The page is gone: its nodes removed, its components detached (inner ones first).
function closePage(key) {
  const inst = instances.get(key);
  if (!inst) return;
  for (const n of inst.nodes) disposeNode(n);
  inst.nodes = [];
  instances.delete(key);
  dirtyInstances.delete(inst);
}
function patchInstance(arg) {
  if (arg === null || typeof arg !== 'object' || arg.data === null || typeof arg.data !== 'object') throw new TypeErrorCtor('patch needs {key, data}');
  const inst = instances.get(arg.key);
  if (!inst) return;
  inst.data = applyPatch(inst.data, arg.data);
  markDirty(inst);
}
// The scope an instance's template reads now (for the other parts of the view runtime).
function instanceScope(inst) { return inst.file ? rootScope(inst.data, inst.file) : ObjectCreate(null); }
