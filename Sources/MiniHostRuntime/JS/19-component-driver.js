// Driver requests on component instances (`component.*`): the instance machinery driven from
// the host, as the view layer will drive it from templates. Instances are named by number.
function pageOnStack(route) {
  for (let i = stack.length - 1; i >= 0; i--) if (!route || stack[i].route === route) return stack[i];
  return null;
}
// Answers one request through `answer(ok, value)`; app values leave only as JSON copies.
function componentRequest(op, arg, answer) {
  const a = isPlainData(arg) ? arg : {};
  try {
    if (op === 'component.create') {
      const page = pageOnStack(a.page);
      if (!page) return answer(false, 'no page "' + (a.page || '(top)') + '" in the page stack');
      const inst = createComponent(componentDefinition(a.path), { page, id: a.id, dataset: a.dataset, properties: a.properties, listeners: a.listeners });
      return answer(true, stateOf(inst).n);
    }
    if (op === 'component.resize') {
      const page = pageOnStack(a.page);
      if (!page) return answer(false, 'no page "' + (a.page || '(top)') + '" in the page stack');
      resizePage(page, a.size);
      return answer(true, null);
    }
    const inst = instances.get(a.instance);
    if (!inst) return answer(false, 'no component instance ' + StringCtor(a.instance));
    switch (op) {
      case 'component.attach': attachComponent(inst); return answer(true, null);
      case 'component.ready': readyComponent(inst); return answer(true, null);
      case 'component.move': moveComponent(inst); return answer(true, null);
      case 'component.detach': detachComponent(inst); return answer(true, null);
      case 'component.setData': componentSetData(inst, a.data); return answer(true, null);
      case 'component.properties': setProperties(inst, a.properties); return answer(true, null);
      case 'component.data': return answer(true, { is: inst.is, id: inst.id, dataset: inst.dataset, data: clone(inst.data) });
      case 'component.export': return answer(true, copyOut(componentExport(inst)));
      case 'component.call': {
        const desc = ObjectGetDesc(inst, a.method), fn = desc && desc.value;  // its own methods only
        if (typeof fn !== 'function') return answer(false, inst.is + ' has no method "' + a.method + '"');
        return answer(true, copyOut(callEntry(inst, fn, ArrayIsArray(a.args) ? a.args : a.arg === undefined ? [] : [a.arg])));
      }
    }
    return answer(false, 'unknown driver request ' + op);
  } catch (e) {
    const d = describe(e);
    return answer(false, (d.name ? d.name + ': ' : '') + d.message);
  }
}
