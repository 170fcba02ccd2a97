// `view.*` requests of the test driver (`minihost test`). Element handles are node ids; every
// answer goes back through `native.reply` as {token, ok, value} or {token, ok: false, error}.
// Actions run their handlers, then flush the renders they caused, so the reply (and the next
// request) sees the updated tree.

// The element of a handle (`id`), or the first one a `selector` matches on the page (the
// console's `tap <selector>`).
function driverNode(arg) {
  if (arg && (arg.id === undefined || arg.id === null) && typeof arg.selector === 'string') {
    const found = selectNodes(driverPage(arg), null, arg.selector, false);
    if (!found.length) throw new UIError('no element matches ' + arg.selector + ' on the page');
    return found[0];
  }
  const id = arg ? arg.id : undefined;
  const node = id === undefined || id === null ? undefined : nodesById.get(id);
  if (!node) throw new UIError('the element ' + UIString(id) + ' is no longer in the page (a render removed it, or its page was closed)');
  if (!uiIsElement(node)) throw new UIError('node ' + UIString(id) + ' is a text node, not an element');
  return node;
}

const uiHandle = (node) => ({ id: node.id, tag: node.tag });

function driverPage(arg) {
  const key = arg ? arg.page : undefined;
  const inst = key === undefined || key === null ? undefined : instances.get(key);
  if (!inst || inst.host) throw new UIError('no page ' + UIString(key) + ' in the view (it was closed, or never opened)');
  return key;
}

function attributeValue(node, name) {
  const attrs = uiAttrs(node);
  if (typeof name !== 'string') throw new UIError('attribute() needs a name');
  return uiOwn(attrs, name) ? uiFieldString(attrs[name]) : null;
}

const UI_DRIVER_OPS = UIFreeze({
  'view.$'(arg) {
    const page = driverPage(arg);
    const root = arg.root === undefined || arg.root === null ? null : driverNode({ id: arg.root });
    const nodes = selectNodes(page, root, arg.selector, arg.all === true);
    if (arg.all === true) {
      const list = [];
      for (const n of nodes) list.push(uiHandle(n));
      return list;
    }
    return nodes.length > 0 ? uiHandle(nodes[0]) : null;
  },
  'view.tap'(arg) { tapElement(driverNode(arg)); flush(); return null; },
  'view.longpress'(arg) { longpressElement(driverNode(arg)); flush(); return null; },
  'view.input'(arg) {
    const node = driverNode(arg);
    if (uiIsCustom(node) || (node.tag !== 'input' && node.tag !== 'textarea')) {
      throw new UIError('input() works on an input or textarea element, not <' + node.tag + '>');
    }
    if (attrOf(node, 'disabled')) throw new UIError('the <' + node.tag + '> is disabled');
    typeInto(node, arg.value === undefined || arg.value === null ? '' : arg.value);
    flush();
    return null;
  },
  'view.trigger'(arg) {
    const node = driverNode(arg);
    if (typeof arg.type !== 'string' || arg.type === '') throw new UIError('trigger() needs an event type');
    triggerOn(node, arg.type, arg.detail);
    flush();
    return null;
  },
  'view.text'(arg) { return textOf(driverNode(arg)); },
  'view.attribute'(arg) { return attributeValue(driverNode(arg), arg.name); },
  'view.property'(arg) {
    if (typeof arg.name !== 'string') throw new UIError('property() needs a name');
    const v = propertyOf(driverNode(arg), arg.name);
    return v === undefined ? null : v;
  },
  'view.value'(arg) {
    const v = propertyOf(driverNode(arg), 'value');
    return v === undefined ? null : v;
  },
  'view.wxml'(arg) {
    const node = driverNode(arg);
    return arg.outer === true ? outerWxml(node) : innerWxml(node);
  },
  'view.component'(arg) {
    const node = driverNode(arg);
    if (!uiIsCustom(node)) throw new UIError('<' + node.tag + '> is not a custom component element');
    return node.comp;
  },
  'view.page'(arg) { return nodesWxml(treeRoots(driverPage(arg)) || []); },
  // The browser preview's copy of the page: in full, or what changed since the last request.
  'view.sync'(arg) { return previewSync(arg); },
});

function driverReply(token, ok, valueOrError) {
  let text;
  try {
    text = ok ? UIStringify({ token, ok: true, value: valueOrError === undefined ? null : valueOrError })
      : UIStringify({ token, ok: false, error: valueOrError });
  } catch (e) {
    text = UIStringify({ token, ok: false, error: 'the answer cannot be copied as JSON' });
  }
  native.reply(text);
}

// A driver request: `op` one of UI_DRIVER_OPS, `arg` the parsed request.
function handleDriver(token, op, arg) {
  const run = typeof op === 'string' && uiOwn(UI_DRIVER_OPS, op) ? UI_DRIVER_OPS[op] : null;
  if (!run) { driverReply(token, false, 'unknown view request "' + UIString(op) + '"'); return; }
  let value;
  try {
    flush();
    value = run(arg === undefined || arg === null ? {} : arg);
  } catch (e) {
    driverReply(token, false, e && typeof e.message === 'string' ? e.message : UIString(e));
    return;
  }
  driverReply(token, true, value);
}
