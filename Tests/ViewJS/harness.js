'use strict';
// Loads the view runtime (Sources/MiniHostRuntime/ViewJS/*.js, in name order, as the body of
// one `function (native)`) into a fresh vm context with fake natives: compiled templates given
// as JSON objects, WXS sources, and a logic side that records ops and creates components.
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const VIEW_DIR = path.resolve(__dirname, '../../Sources/MiniHostRuntime/ViewJS');
const FREEZE_FILE = path.resolve(__dirname, '../../Sources/MiniHostRuntime/JS/23-freeze.js');

// Until the events/selectors/driver part exists, its entry points record their calls.
const OTHER_PART_STUBS = `
function handleDriver(token, op, arg) { native.stubbed('driver', { token, op, arg }); native.reply(JSONStringify({ token, ok: true, value: null })); }
function handleTrigger(arg) { native.stubbed('trigger', arg); }
function handleSelect(arg) { native.stubbed('select', arg); return []; }
function handleQuery(arg) { native.stubbed('query', arg); return []; }
`;

function runtimeBody() {
  const files = fs.readdirSync(VIEW_DIR).filter((f) => /^\d\d-.*\.js$/.test(f)).sort();
  const hasOtherPart = files.some((f) => { const n = Number(f.slice(0, 2)); return n >= 50 && n <= 89; });
  let body = '';
  for (const f of files) {
    if (f.startsWith('90-')) {
      if (!hasOtherPart) body += OTHER_PART_STUBS;
      body += 'native.expose({ nodesById, instances, flush, callLogic, evalValue, evalExpr, instanceScope });\n';
    }
    // The lockdown uses the logic runtime's freeze walk, as ViewBootstrapScript lists it.
    if (f.startsWith('48-')) body += fs.readFileSync(FREEZE_FILE, 'utf8') + '\n';
    body += fs.readFileSync(path.join(VIEW_DIR, f), 'utf8') + '\n';
  }
  return body;
}

// `options`: {templates: {path: json}, wxs: {path: source}, components: {path: def}}, where a
// component def is {props: [names], data, multipleSlots, externalClasses, onCreate(h, key),
// onAttach(h, key), onProps(h, key, props), onDetach(h, key)}.
function makeView(options) {
  const templates = options.templates || {};
  const wxsSources = options.wxs || {};
  const components = options.components || {};
  const ctx = vm.createContext({});
  const h = { ops: [], prints: [], replies: [], stubbed: [], internals: null, keys: new Map() };
  let nextKey = 100;
  const compile = (src, file, line) => vm.runInContext(
    '(function (require, module, exports, getDate, getRegExp) {\n' + src + '\n})', ctx, { filename: file, lineOffset: (line || 1) - 2 });
  const logic = (op, json) => {
    const arg = JSON.parse(json);
    h.ops.push([op, arg]);
    if (op === 'create') {
      const def = components[arg.path];
      if (!def) return JSON.stringify({ error: 'no component ' + arg.path });
      const key = nextKey++;
      h.keys.set(key, arg.path);
      if (def.onCreate) def.onCreate(h, key);
      return JSON.stringify({ key, props: def.props || [], externalClasses: def.externalClasses || [], multipleSlots: !!def.multipleSlots, data: Object.assign({}, def.data || {}) });
    }
    // `created` carries the owner's property values, as the logic side takes them.
    if (op === 'created') {
      const def = components[h.keys.get(arg.key)];
      const data = Object.assign({}, (def && def.data) || {});
      for (const p of (def && def.props) || []) if (arg.props && p in arg.props) data[p] = arg.props[p];
      return JSON.stringify({ data });
    }
    const def = components[h.keys.get(arg.key)];
    if (op === 'attach' && def && def.onAttach) def.onAttach(h, arg.key);
    if (op === 'props' && def && def.onProps) def.onProps(h, arg.key, arg.props);
    if (op === 'detach' && def && def.onDetach) def.onDetach(h, arg.key);
    if (options.logic) { const r = options.logic(op, arg, h); if (r !== undefined) return JSON.stringify(r); }
    return JSON.stringify({});
  };
  const native = {
    template: (p) => (templates[p] === undefined ? undefined : JSON.stringify(templates[p])),
    wxs: (p, module, code, line) => {
      if (module !== undefined) return compile(code, p, line);
      if (wxsSources[p] === undefined) throw new Error('no WXS file ' + p);
      return compile(wxsSources[p], p, 1);
    },
    logic,
    reply: (json) => h.replies.push(JSON.parse(json)),
    print: (level, message) => h.prints.push([level, message]),
    stubbed: (op, arg) => h.stubbed.push([op, arg]),
    expose: (x) => { h.internals = x; },
  };
  const factory = vm.runInContext('(function (native) {\n' + runtimeBody() + '\n})', ctx, { filename: 'ViewJS' });
  h.view = factory(native);
  h.open = (key, p, data) => h.view.open(JSON.stringify({ key, path: p, data }));
  h.patch = (key, data) => { h.view.patch(JSON.stringify({ key, data })); h.view.flush(); };
  h.roots = (key) => h.internals.instances.get(key).nodes;
  h.wxml = (key) => wxml(h.roots(key));
  h.errors = () => h.prints.filter((p) => p[0] === 'error').map((p) => p[1]);
  h.opsOf = (...names) => h.ops.filter((o) => names.includes(o[0])).map((o) => o[0] + ' ' + (o[1].key !== undefined ? o[1].key : o[1].path));
  h.find = (key, pred) => findNode(h.roots(key), pred);
  return h;
}

// A compact WXML of nodes for assertions: components show their shadow tree inside `{}`, with
// slots as `<slot>` holding the content given to them.
function wxml(nodes) {
  let s = '';
  for (const n of nodes) {
    if (n.tag === '#text') { s += n.text; continue; }
    let attrs = '';
    for (const k of Object.keys(n.attrs)) if (n.attrs[k] !== undefined) attrs += ' ' + k + '="' + String(n.attrs[k]) + '"';
    const inner = n.comp !== undefined ? '{' + wxml(n.shadow) + '}' : wxml(n.children);
    s += '<' + n.tag + attrs + '>' + inner + '</' + n.tag + '>';
  }
  return s;
}
// The first node (depth first, shadows included) for which `pred` holds.
function findNode(nodes, pred) {
  for (const n of nodes) {
    if (pred(n)) return n;
    const inner = (n.children && n.tag === 'slot') ? [] : [...(n.children || []), ...(n.shadow || [])];
    const found = findNode(inner, pred);
    if (found) return found;
  }
  return null;
}

// Builders of compiled-template JSON in the contract's format.
const T = {
  file: (body, extra) => Object.assign({ v: 1, path: '', imports: [], templates: {}, wxs: [], body }, extra || {}),
  el: (tag, attrs, children, extra) => Object.assign({ k: 'el', tag, attrs: attrs || [], events: [], children: children || [], line: 1, col: 1 }, extra || {}),
  text: (v) => ({ k: 'text', v }),
  e: (expr) => ({ e: expr }),
  c: (...parts) => ({ c: parts }),
  id: (name) => ['id', name],
  lit: (v) => ['lit', v],
  get: (obj, ...keys) => keys.reduce((o, k) => ['get', o, typeof k === 'string' ? ['lit', k] : k], typeof obj === 'string' ? ['id', obj] : obj),
  ifs: (...branches) => ({ k: 'if', branches: branches.map(([cond, node]) => ({ cond, node })) }),
  for: (items, node, extra) => Object.assign({ k: 'for', items, item: 'item', index: 'index', key: null, node, line: 1, col: 1 }, extra || {}),
  block: (children) => ({ k: 'block', children }),
  tpl: (is, data) => ({ k: 'tpl', is, data: data || null, line: 3, col: 5 }),
  include: (src) => ({ k: 'include', src }),
  slot: (name) => ({ k: 'slot', name: name === undefined ? null : name }),
};

// Values made in the view's realm, compared as plain JSON.
const plain = (x) => JSON.parse(JSON.stringify(x));
// The compiled files of a page `pages/p/p` with `body`; `extra` adds top-level fields.
const page = (body, extra) => ({ 'pages/p/p.wxml': T.file(body, Object.assign({ path: 'pages/p/p.wxml' }, extra || {})) });
// A view with page 1 opened on `body` and `data`; `options` as makeView's, plus `file` (fields
// of the page's compiled file) and more `templates`.
function openPage(body, data, options) {
  const h = makeView(Object.assign({}, options, { templates: Object.assign(page(body, options && options.file), (options && options.templates) || {}) }));
  h.open(1, 'pages/p/p', data);
  return h;
}

module.exports = { makeView, wxml, findNode, T, VIEW_DIR, plain, page, openPage };
