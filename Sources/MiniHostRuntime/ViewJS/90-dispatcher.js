// The view context's dispatcher, called by the host with JSON text: pages opened and closed,
// setData patches and flushes, component events, component and selector queries, driver
// requests (the last four answered by the events, selectors and driver parts).
function guardedOp(name, fn) {
  try { return fn(); } catch (e) { warn(name + ' failed: ' + describeThrown(e)); return undefined; }
}
lockDownView();
return ObjectFreeze({
  open(json) { guardedOp('open', () => openPage(JSONParse(json))); },
  close(json) { guardedOp('close', () => closePage(JSONParse(json).key)); },
  patch(json) { guardedOp('patch', () => patchInstance(JSONParse(json))); },
  flush() { guardedOp('flush', flush); },
  trigger(json) {
    guardedOp('trigger', () => { flush(); handleTrigger(JSONParse(json)); });
    guardedOp('flush', flush);
  },
  select(json) {
    return guardedOp('select', () => { flush(); return JSONStringify(handleSelect(JSONParse(json))); }) || '[]';
  },
  query(json) {
    return guardedOp('query', () => { flush(); return JSONStringify(handleQuery(JSONParse(json))); }) || '[]';
  },
  driver(token, op, json) {
    try {
      flush();
      handleDriver(token, op, JSONParse(json));
    } catch (e) {
      native.reply(JSONStringify({ token, ok: false, error: op + ': ' + describeThrown(e) }));
    }
    guardedOp('flush', flush);
  },
});
