// SelectorQuery (`wx.createSelectorQuery()`, `this.createSelectorQuery()`): the requests are
// collected and answered by the view in `exec`, in a task of its own as in WeChat. Without a
// layout every rect is zero; `selectViewport` answers the window's size.
function makeSelectorQuery(scope) {
  const items = [];
  let scopeKey = scope ? viewKey(scope) : null;
  const query = {
    in(component) { if (component !== null && typeof component === 'object') scopeKey = viewKey(component); return query; },
    select(selector) { return nodesRef(StringCtor(selector), false, false); },
    selectAll(selector) { return nodesRef(StringCtor(selector), true, false); },
    selectViewport() { return nodesRef(null, false, true); },
    exec(callback) {
      const requested = items.slice();
      items.length = 0;
      native.post(() => {
        const key = scopeKey !== null ? scopeKey : top() ? viewKey(top()) : null;
        const asked = requested.filter((r) => !r.viewport).map((r) => ({ selector: r.selector, all: r.all, fields: r.fields }));
        const answers = asked.length ? viewRequest('query', { key, items: asked }) || [] : [];
        const results = [];
        let next = 0;
        for (const r of requested) {
          const value = r.viewport ? viewportFields(r.fields) : (next < answers.length ? answers[next] : (r.all ? [] : null));
          if (!r.viewport) next++;
          results.push(value);
          if (typeof r.callback === 'function') guarded('SelectorQuery callback', r.callback, undefined, [value]);
        }
        if (typeof callback === 'function') guarded('SelectorQuery.exec callback', callback, undefined, [results]);
      });
      return query;
    },
  };
  function nodesRef(selector, all, viewport) {
    const add = (fields, callback) => { items.push({ selector, all, viewport, fields, callback }); return query; };
    return {
      boundingClientRect(callback) { return add({ id: true, dataset: true, rect: true, size: true }, callback); },
      scrollOffset(callback) { return add({ id: true, dataset: true, scrollOffset: true }, callback); },
      fields(fields, callback) { return add(isPlainData(fields) ? copyOut(fields) || {} : {}, callback); },
      context(callback) { return add({ context: true }, callback); },
      node(callback) { return add({ node: true }, callback); },
    };
  }
  return query;
}
function viewportFields(fields) {
  const info = mp.getWindowInfo ? (() => { try { return mp.getWindowInfo(); } catch (e) { return {}; } })() : {};
  const width = info.windowWidth || 0, height = info.windowHeight || 0, out = { id: '', dataset: {} };
  if (fields.rect) ObjectAssign(out, { left: 0, top: 0, right: width, bottom: height });
  if (fields.size) ObjectAssign(out, { width, height });
  if (fields.scrollOffset) ObjectAssign(out, { scrollLeft: 0, scrollTop: 0, scrollWidth: width, scrollHeight: height });
  return out;
}
mp.createSelectorQuery = function createSelectorQuery() { return makeSelectorQuery(null); };
