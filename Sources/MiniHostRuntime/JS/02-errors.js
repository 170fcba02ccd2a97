// Errors: what a thrown value says, read without running app code.
//
function own(obj, key) {
  try {
    let o = obj;
    for (let i = 0; o !== null && i < 8; i++) {
      const d = ObjectGetDesc(o, key);
      if (d) return ('value' in d) ? d.value : (d.get && enablementGetters.has(d.get) ? ReflectApply(d.get, obj, []) : undefined);
      o = ObjectGetProto(o);
    }
  } catch (e) {}
  return undefined;
}
// Describes a thrown value without running app code (no getters, no toString).
function describe(e) {
  if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
    const name = own(e, 'name'), message = own(e, 'message'), stack = own(e, 'stack');
    return {
      name: typeof name === 'string' ? name : undefined,
      message: typeof message === 'string' ? message : inspect(e, 1),
      stack: typeof stack === 'string' ? stack : undefined,
    };
  }
  return { name: undefined, message: StringCtor(e), stack: undefined };
}
function errorText(d) {
  const head = d.name ? d.name + ': ' + d.message : d.message;
  return d.stack ? head + '\n' + d.stack : head;
}
