// The freeze walk, shared by the logic and the view contexts' lockdowns.
// Freezes every intrinsic code can reach: walk the global object's values, their own
// properties (values, getters, setters) and prototypes, plus the intrinsics reachable only by
// calling something (iterator and generator prototypes). The global object itself stays open.
const frozen = new WeakSetCtor();
const FunctionProto = ObjectGetProto(function () {}), ProxyCtor = G.Proxy;
function freeze(root) {
  const pending = [root];
  while (pending.length) {
    const o = pending.pop();
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || o === G || frozen.has(o)) continue;
    // A plain method (a function with no own `prototype`) is a leaf: its own properties are its
    // read-only name and length, and nothing the runtime reads. Leaving it unfrozen and unread
    // (and out of `frozen`) keeps JavaScriptCore from materializing them in every VM.
    // (Function.prototype and Proxy are functions with no `prototype` that are not leaves.)
    if (typeof o === 'function' && !ObjectGetDesc(o, 'prototype') && o !== FunctionProto && o !== ProxyCtor && !enablementGetters.has(o)) continue;
    frozen.add(o);
    ObjectFreeze(o);
    pending.push(ObjectGetProto(o));
    for (const key of ReflectOwnKeys(o)) {
      const d = ObjectGetDesc(o, key);
      if (!d) continue;
      if ('value' in d) pending.push(d.value);
      else { pending.push(d.get); pending.push(d.set); }
    }
  }
}
function reachedByCalling() {
  const found = [
    function* () {}, async function () {}, async function* () {}, (function* () {})(), (async function* () {})(),
    [][Symbol.iterator](), new MapCtor()[Symbol.iterator](), new SetCtor()[Symbol.iterator](),
    ''[Symbol.iterator](), /a/[Symbol.matchAll](''),
  ];
  const attempts = [
    () => G.Iterator.prototype.map.call([][Symbol.iterator](), (x) => x),
    () => G.Iterator.from({ next() { return { done: true }; } }),
    () => new G.Intl.Segmenter().segment(''),
    () => new G.Intl.Segmenter().segment('')[Symbol.iterator](),
  ];
  for (const make of attempts) { try { found.push(make()); } catch (e) {} }
  return found;
}
