// `selectComponent(s)` and `createSelectorQuery` from the logic side.

function viewWarn(message) {
  try { native.print('warn', '[view] ' + message); } catch (e) { /* the warning is best effort */ }
}

// `this.selectComponent(s)`: the instance keys of the custom component elements matching
// `selector` in instance `key`'s own tree. `arg`: {key, selector, all}.
function handleSelect(arg) {
  const found = [];
  let nodes;
  try { nodes = selectNodes(arg.key, null, arg.selector, true); } catch (e) {
    viewWarn('selectComponent: ' + e.message);
    return found;
  }
  for (const node of nodes) {
    if (!uiIsCustom(node)) continue;
    found.push(node.comp);
    if (arg.all !== true) break;
  }
  return found;
}

// The page a query without a scope (`wx.createSelectorQuery()`) reads: the latest opened page.
function currentPageKey() {
  let key = null;
  for (const [k, inst] of instances) if (!inst.host) key = k;
  return key;
}

// Inline `style` declarations by property name, for `computedStyle` (there is no layout).
function inlineStyle(node) {
  const out = {}, raw = attrOf(node, 'style');
  if (raw === undefined || raw === null) return out;
  for (const decl of UIString(raw).split(';')) {
    const colon = decl.indexOf(':');
    if (colon <= 0) continue;
    uiPut(out, decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
  }
  return out;
}

function cssName(name) { return uiKebab(UIString(name)); }

// One node's answer to `fields(...)` / `boundingClientRect` / `scrollOffset`: rects are zero.
function queryFields(node, fields) {
  const f = fields || {}, out = {};
  if (f.id) out.id = node ? uiFieldString(attrOf(node, 'id')) : '';
  if (f.dataset) out.dataset = node ? datasetOf(node) : {};
  if (f.mark) out.mark = node ? markFor(node, node) : {};
  if (f.rect) { out.left = 0; out.right = 0; out.top = 0; out.bottom = 0; }
  if (f.size) { out.width = 0; out.height = 0; }
  if (f.scrollOffset) { out.scrollLeft = 0; out.scrollTop = 0; out.scrollWidth = 0; out.scrollHeight = 0; }
  if (node && UIIsArray(f.properties)) {
    for (const name of f.properties) {
      const v = propertyOf(node, UIString(name));
      uiPut(out, UIString(name), v === undefined ? null : v);
    }
  }
  if (node && UIIsArray(f.computedStyle)) {
    const style = inlineStyle(node);
    for (const name of f.computedStyle) {
      const css = cssName(name);
      uiPut(out, UIString(name), uiOwn(style, css) ? style[css] : '');
    }
  }
  return out;
}

// `createSelectorQuery().exec()`: `arg` {key | null, items: [{selector, all, fields,
// viewport}]} -> one result an item: an object (or null when nothing matched), an array for
// `selectAll`.
function handleQuery(arg) {
  const key = arg && arg.key !== undefined && arg.key !== null ? arg.key : currentPageKey();
  const results = [];
  for (const item of arg && UIIsArray(arg.items) ? arg.items : []) {
    if (item.viewport === true || item.selector === undefined || item.selector === null) {
      results.push(queryFields(null, item.fields));
      continue;
    }
    let nodes;
    try { nodes = key === null ? [] : selectNodes(key, null, item.selector, item.all === true); } catch (e) {
      viewWarn('createSelectorQuery: ' + e.message);
      nodes = [];
    }
    if (item.all === true) {
      const list = [];
      for (const node of nodes) list.push(queryFields(node, item.fields));
      results.push(list);
    } else {
      results.push(nodes.length > 0 ? queryFields(nodes[0], item.fields) : null);
    }
  }
  return results;
}
