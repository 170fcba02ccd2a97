'use strict';
// Loads the view runtime's event, selector, WXML and driver files (ViewJS 50 to 89) as parts of
// one `function (native)` body, with small stand-ins for the render core's names
// (`nodesById`, `instances`, `flush`, `callLogic`), and builds view trees by hand.

const fs = require('fs');
const path = require('path');

const VIEW_DIR = path.resolve(__dirname, '../../Sources/MiniHostRuntime/ViewJS');

function engineFiles() {
  return fs.readdirSync(VIEW_DIR)
    .filter((name) => /^\d\d-.*\.js$/.test(name) && Number(name.slice(0, 2)) >= 50 && Number(name.slice(0, 2)) <= 89)
    .sort();
}

const RENDER_CORE_STANDINS = `
const nodesById = new Map(), instances = new Map();
let flushCount = 0;
function flush() { flushCount++; if (native.onFlush) native.onFlush(); }
function callLogic(op, obj) {
  const text = native.logic(op, JSON.stringify(obj));
  return text === undefined ? undefined : JSON.parse(text);
}
`;

const EXPORTS = ['handleDriver', 'handleTrigger', 'handleSelect', 'handleQuery', 'nodesById', 'instances',
  'parseSelector', 'datasetOf', 'propertyOf', 'outerWxml', 'innerWxml', 'textOf'];

// A fresh view runtime. `logic(op, obj)` answers the view's calls into the logic context
// (default `{}`); every call is recorded in `calls`, every driver reply in `replies`.
function makeView(logic) {
  const calls = [], replies = [], prints = [];
  const native = {
    logic(op, json) {
      const obj = JSON.parse(json);
      calls.push({ op, ...obj });
      const answer = logic ? logic(op, obj, view) : undefined;
      return JSON.stringify(answer === undefined ? {} : answer);
    },
    reply(json) { replies.push(JSON.parse(json)); },
    print(level, message) { prints.push({ level, message }); },
    onFlush: null,
  };
  const body = engineFiles().map((name) => fs.readFileSync(path.join(VIEW_DIR, name), 'utf8')).join('');
  // eslint-disable-next-line no-new-func
  const make = new Function('native', `'use strict';\n${RENDER_CORE_STANDINS}${body}\nreturn { ${EXPORTS.join(', ')}, flushes: () => flushCount };`);
  const api = make(native);
  let nextId = 1;
  const view = {
    ...api, calls, replies, prints, native,
    // Events handled: [handler, key, event] of each `event` call, in order.
    handled() { return calls.filter((c) => c.op === 'event').map((c) => c.handler); },
    driver(op, arg) {
      api.handleDriver(77, op, JSON.parse(JSON.stringify(arg)));
      const r = replies[replies.length - 1];
      if (r.token !== 77) throw new Error('reply without the token');
      return r;
    },
    ok(op, arg) {
      const r = view.driver(op, arg);
      if (!r.ok) throw new Error(`${op} failed: ${r.error}`);
      return r.value;
    },
    // Registers page `key` with the nodes built from `specs`.
    page(key, specs, data = {}) {
      const inst = { key, path: `pages/p${key}/index`, data, using: {}, nodes: [], host: null, page: key, owner: null, props: [], externalClasses: [] };
      api.instances.set(key, inst);
      inst.nodes = buildAll(specs, key, null, null, key);
      return inst;
    },
    byId(id) {
      for (const node of api.nodesById.values()) if (node.attrs && node.attrs.id === id) return node;
      throw new Error(`no node #${id}`);
    },
    remove(node) { api.nodesById.delete(node.id); },
  };

  function buildAll(specs, owner, parent, slotContent, page) {
    const out = [];
    for (const spec of specs) {
      if (spec && spec.slot) {
        for (const n of slotContent || []) { n.parent = parent; out.push(n); }
        continue;
      }
      out.push(build(spec, owner, parent, page, slotContent));
    }
    return out;
  }

  function build(spec, owner, parent, page, slotContent) {
    if (typeof spec === 'string') {
      const node = { id: nextId++, tag: '#text', text: spec, parent };
      api.nodesById.set(node.id, node);
      return node;
    }
    const node = { id: nextId++, tag: spec.tag, attrs: { ...spec.attrs }, events: spec.events.slice(), children: [], owner, parent };
    if (spec.model) node.model = spec.model;
    api.nodesById.set(node.id, node);
    if (spec.component) {
      const c = spec.component;
      node.comp = c.key;
      const inst = { key: c.key, path: c.path || `components/c${c.key}`, data: c.data || {}, using: {}, nodes: null, host: node, page, owner, props: Object.keys(c.data || {}), externalClasses: [] };
      api.instances.set(c.key, inst);
      const light = buildAll(spec.children, owner, node, slotContent, page);
      node.children = light;
      node.shadow = buildAll(c.shadow, c.key, c.rootParentNull ? null : node, light, page);
      inst.nodes = node.shadow;
    } else {
      node.children = buildAll(spec.children, owner, node, slotContent, page);
    }
    return node;
  }
  return view;
}

const EVENT_PREFIXES = [
  ['capture-catch:', { capture: true, catch: true, mut: false }],
  ['capture-bind:', { capture: true, catch: false, mut: false }],
  ['mut-bind:', { capture: false, catch: false, mut: true }],
  ['catch:', { capture: false, catch: true, mut: false }],
  ['bind:', { capture: false, catch: false, mut: false }],
  ['catch', { capture: false, catch: true, mut: false }],
  ['bind', { capture: false, catch: false, mut: false }],
];

// An element spec: `attrs` as written in WXML (event bindings and `model:` are split out),
// children as specs or strings.
function h(tag, attrs = {}, ...children) {
  const spec = { tag, attrs: {}, events: [], children, model: null };
  for (const [name, value] of Object.entries(attrs)) {
    const prefix = EVENT_PREFIXES.find(([p]) => name.startsWith(p));
    if (prefix) { spec.events.push({ type: name.slice(prefix[0].length), handler: value, ...prefix[1] }); continue; }
    if (name.startsWith('model:')) { (spec.model = spec.model || []).push([name.slice(6), value]); continue; }
    spec.attrs[name] = value;
  }
  return spec;
}

// A custom component element: `component` {key, data, shadow: [specs, with slot() where the
// element's children go]}.
function comp(tag, attrs, component, ...children) {
  const spec = h(tag, attrs, ...children);
  spec.component = component;
  return spec;
}

const slot = () => ({ slot: true });

module.exports = { makeView, h, comp, slot, engineFiles, VIEW_DIR };
