'use strict';
// The view runtime's render core in node: text, attributes, expressions, wx:if, wx:for keys
// and memo, setData patches, templates, import, include and WXS (components.test.js: the rest).
const test = require('node:test');
const assert = require('node:assert/strict');
const { makeView, T, plain, openPage } = require('./harness');

const { el, text, e, c, id, lit, get } = T;

test('text and attributes: mixed values as text, whole mustaches keep their type', () => {
  const h = openPage([el('view', [['id', 'a'], ['n', e(id('n'))], ['flag', e(lit(true))], ['cls', c('x-', id('missing'), '-', id('n'))]],
    [text(c('Hello ', id('name'), '!')), text(e(id('obj')))])], { n: 3, name: 'Ann', obj: { a: 1 } });
  const v = h.roots(1)[0];
  assert.equal(v.attrs.n, 3);
  assert.equal(v.attrs.flag, true);
  assert.equal(v.attrs.cls, 'x--3');
  assert.equal(h.wxml(1), '<view id="a" n="3" flag="true" cls="x--3">Hello Ann![object Object]</view>');
  assert.deepEqual(h.errors(), []);
});

test('node shape: ids in nodesById, parent and owner', () => {
  const h = openPage([el('view', [], [el('text', [], [text('t')])])], {});
  const [v] = h.roots(1), t = v.children[0], tx = t.children[0];
  assert.equal(v.parent, null);
  assert.equal(t.parent, v);
  assert.equal(tx.parent, t);
  assert.equal(tx.tag, '#text');
  assert.equal(tx.text, 't');
  for (const n of [v, t, tx]) { assert.equal(n.owner, 1); assert.equal(h.internals.nodesById.get(n.id), n); }
  assert.equal(typeof v.id, 'number');
});

test('expressions: WeChat semantics for members, operators, literals and calls', () => {
  const ex = (expr, data) => {
    const h = openPage([el('view', [['v', e(expr)]])], data || {});
    return { v: h.roots(1)[0].attrs.v, errors: h.errors() };
  };
  assert.equal(ex(get('a', 'b', 'c')).v, undefined);
  assert.equal(ex(get('a', 'b', 'c'), { a: null }).v, undefined);
  assert.equal(ex(['get', id('list'), id('i')], { list: [5, 6], i: 1 }).v, 6);
  assert.equal(ex(get('s', 'length'), { s: 'abc' }).v, 3);
  assert.equal(ex(['bin', '+', lit(1), ['bin', '*', lit(2), lit(3)]]).v, 7);
  assert.equal(ex(['bin', '+', lit('a'), lit(1)]).v, 'a1');
  assert.equal(ex(['bin', 'in', lit('x'), id('o')], { o: { x: 1 } }).v, true);
  assert.equal(ex(['bin', 'in', lit('x'), id('s')], { s: 'str' }).v, false);
  assert.equal(ex(['cond', id('f'), lit('y'), lit('n')], { f: 0 }).v, 'n');
  assert.equal(ex(['and', id('a'), get('a', 'b')], {}).v, undefined);
  assert.equal(ex(['or', id('a'), lit('d')], {}).v, 'd');
  assert.equal(ex(['nc', id('z'), lit(0)], { z: null }).v, 0);
  assert.equal(ex(['nc', id('z'), lit(0)], { z: false }).v, false);
  assert.equal(ex(['un', '!', id('z')], {}).v, true);
  assert.equal(ex(['un', 'typeof', id('z')], {}).v, 'undefined');
  assert.equal(ex(['un', '-', lit(2)]).v, -2);
  assert.equal(ex(['bin', '===', lit(1), lit('1')]).v, false);
  assert.equal(ex(['bin', '==', lit(1), lit('1')]).v, true);
  assert.deepEqual(plain(ex(['obj', [['a', lit(1)], ['...', id('o')], ['c', ['arr', [lit(1), ['...', id('l')]]]]]], { o: { b: 2 }, l: [2, 3] }).v), { a: 1, b: 2, c: [1, 2, 3] });
  assert.equal(ex(['call', get('s', 'toUpperCase'), []], { s: 'ab' }).v, 'AB');
  const bad = ex(['call', get('o', 'nope'), [lit(1)]], { o: {} });
  assert.equal(bad.v, undefined);
  assert.deepEqual(bad.errors, ['[view] pages/p/p.wxml:1:1: o.nope is not a function']);
  assert.equal(ex(['un', '!', ['undef']]).v, true);
});

test('wx:if / elif / else: the first true branch, nodes kept while the branch stays', () => {
  const h = openPage([T.ifs([['bin', '>', id('n'), lit(1)], el('a', [], [text(c('big ', id('n')))])], [['bin', '===', id('n'), lit(1)], el('b')], [null, el('c')])], { n: 5 });
  const first = h.roots(1)[0];
  assert.equal(h.wxml(1), '<a>big 5</a>');
  h.patch(1, { n: 7 });
  assert.equal(h.roots(1)[0], first);
  assert.equal(h.wxml(1), '<a>big 7</a>');
  h.patch(1, { n: 1 });
  assert.equal(h.wxml(1), '<b></b>');
  assert.equal(h.internals.nodesById.has(first.id), false);
  h.patch(1, { n: 0 });
  assert.equal(h.wxml(1), '<c></c>');
});

test('hidden is an attribute; model:value shows the bound data path', () => {
  const h = openPage([el('view', [['hidden', e(id('h'))]]), el('input', [], [], { model: [['value', 'form.name']] })], { h: true, form: { name: 'x' } });
  assert.equal(h.wxml(1), '<view hidden="true"></view><input value="x"></input>');
  assert.deepEqual(plain(h.roots(1)[1].model[0].slice(0, 2)), ['value', 'form.name']);
});

test('an attribute the view changed stays until the value the template binds changes', () => {
  const h = openPage([el('input', [['value', e(id('v'))], ['placeholder', 'p']])], { v: 'a', other: 1 });
  const input = h.roots(1)[0], attrs = input.attrs;
  input.attrs.value = 'typed';
  input.attrs.focus = true;
  h.patch(1, { other: 2 });
  assert.equal(input.attrs, attrs);
  assert.deepEqual(plain(input.attrs), { value: 'typed', placeholder: 'p', focus: true });
  h.patch(1, { v: 'b' });
  assert.equal(input.attrs.value, 'b');
});

test('block renders its children in place', () => {
  const h = openPage([el('view', [], [T.block([text('a'), el('i')]), text('b')])], {});
  assert.equal(h.wxml(1), '<view>a<i></i>b</view>');
});

const listItem = el('view', [['data-id', e(get('item', 'id'))]], [text(c(id('index'), ':', get('item', 'name')))]);
const ids = (h) => h.roots(1).map((n) => n.id);

test('wx:for: item and index names, arrays, objects and strings', () => {
  const h = openPage([
    T.for(e(id('list')), el('i', [], [text(c(id('k'), '=', id('v')))]), { item: 'v', index: 'k' }),
    T.for(e(id('obj')), el('o', [], [text(c(id('index'), '=', id('item')))])),
    T.for('ab', el('s', [], [text(e(id('item')))])),
    T.for(e(id('none')), el('never')),
    T.for(e(lit(3)), el('n', [], [text(e(id('item')))])),
  ], { list: ['x', 'y'], obj: { a: 1, b: 2 } });
  assert.equal(h.wxml(1), '<i>0=x</i><i>1=y</i><o>a=1</o><o>b=2</o><s>a</s><s>b</s><n>0</n><n>1</n><n>2</n>');
});

test('wx:key by field keeps each element (and id) with its item across reorder, insert, remove', () => {
  const h = openPage([T.for(e(id('list')), listItem, { key: 'id' })], { list: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }] });
  const [a, b, cc] = h.roots(1);
  h.patch(1, { list: [{ id: 'c', name: 'C' }, { id: 'x', name: 'X' }, { id: 'a', name: 'A2' }] });
  const now = h.roots(1);
  assert.equal(now[0], cc);
  assert.equal(now[2], a);
  assert.notEqual(now[1], b);
  assert.equal(h.wxml(1), '<view data-id="c">0:C</view><view data-id="x">1:X</view><view data-id="a">2:A2</view>');
  assert.equal(h.internals.nodesById.has(b.id), false);
  assert.equal(h.internals.nodesById.get(a.id), a);
});

test('wx:key with a nested field path and *this; duplicate keys warn and still render', () => {
  const h = openPage([
    T.for(e(id('list')), el('v', [], [text(e(get('item', 'm', 'k')))]), { key: 'm.k' }),
    T.for(e(id('words')), el('w', [], [text(e(id('item')))]), { key: '*this' }),
  ], { list: [{ m: { k: 1 } }, { m: { k: 2 } }], words: ['p', 'q', 'p'] });
  const [v1, v2, p, q] = h.roots(1);
  h.patch(1, { list: [{ m: { k: 2 } }, { m: { k: 1 } }], words: ['q', 'p'] });
  const now = h.roots(1);
  assert.deepEqual([now[0], now[1], now[2], now[3]], [v2, v1, q, p]);
  assert.ok(h.prints.some(([level, m]) => level === 'warn' && m.includes('duplicate value p')));
});

test('wx:for without a key matches entries by position', () => {
  const h = openPage([T.for(e(id('list')), listItem)], { list: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }] });
  const before = ids(h);
  h.patch(1, { list: [{ id: 2, name: 'b' }, { id: 1, name: 'a' }, { id: 3, name: 'c' }] });
  assert.deepEqual(ids(h).slice(0, 2), before);
  assert.equal(h.wxml(1), '<view data-id="2">0:b</view><view data-id="1">1:a</view><view data-id="3">2:c</view>');
});

test('memo: an item whose value and outer identifiers are unchanged is not rendered again', () => {
  const items = Array.from({ length: 50 }, (_, i) => ({ id: i, name: 'n' + i }));
  const h = openPage([el('list', [], [T.for(e(id('list')), el('row', [], [text(e(['call', get('fmt', 'show'), [id('item'), id('prefix')]]))]), { key: 'id' })])],
    { list: items, prefix: '#', other: 1 },
    { file: { wxs: [{ module: 'fmt', code: 'var n = 0; module.exports = { show: function (it, p) { n++; return p + it.name; }, count: function () { return n; } };', line: 4 }] } });
  const count = () => h.internals.evalExpr(['call', get('fmt', 'count'), []], h.internals.instanceScope(h.internals.instances.get(1)));
  assert.equal(count(), 50);
  const rows = h.roots(1)[0].children.slice();
  h.patch(1, { 'list[7].name': 'seven' });
  assert.equal(count(), 51);
  assert.equal(h.roots(1)[0].children[7].children[0].text, '#seven');
  assert.equal(h.roots(1)[0].children[7], rows[7]);
  h.patch(1, { other: 2 });
  assert.equal(count(), 51, 'an identifier the list does not read changes nothing');
  h.patch(1, { prefix: '>' });
  assert.equal(count(), 101, 'an identifier the list reads renders every item');
  assert.equal(h.roots(1)[0].children[0].children[0].text, '>n0');
});

test('memo: an item reading its index re-renders when it moves', () => {
  const h = openPage([T.for(e(id('list')), listItem, { key: 'id' })], { list: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] });
  const list = h.internals.instances.get(1).data.list;
  h.patch(1, { list: [list[1], list[0]] });
  assert.equal(h.wxml(1), '<view data-id="b">0:B</view><view data-id="a">1:A</view>');
});

test('setData paths are applied copy-on-write', () => {
  const h = openPage([text(c(get('a', 'b'), ' ', ['get', get('a', 'list'), lit(1)], ' ', get('z', 'y')))], { a: { b: 1, list: [1, 2] }, keep: { x: 1 } });
  const data0 = h.internals.instances.get(1).data;
  h.patch(1, { 'a.list[1]': 9, 'z.y': 'new' });
  const data1 = h.internals.instances.get(1).data;
  assert.equal(h.wxml(1), '1 9 new');
  assert.notEqual(data1, data0);
  assert.equal(data1.keep, data0.keep);
  assert.deepEqual(plain(data0.a.list), [1, 2]);
  h.view.patch(JSON.stringify({ key: 1, data: { 'a..b': 1 } }));
  assert.ok(h.prints.some(([l, m]) => l === 'warn' && m.includes('invalid data path "a..b"')));
});

test('<template is data>: scope is the data object only, with the WXS modules of its own file', () => {
  const templates = {
    'common/tpl.wxml': T.file([], {
      path: 'common/tpl.wxml', imports: ['common/deep.wxml'],
      templates: { card: [el('card', [], [text(c(id('title'), '|', id('secret'), '|', ['call', get('m', 'up'), [id('title')]]))])], inner: [T.tpl('deep')] },
      wxs: [{ module: 'm', code: 'module.exports.up = function (s) { return s.toUpperCase(); };', line: 1 }],
    }),
    'common/deep.wxml': T.file([], { path: 'common/deep.wxml', templates: { deep: [el('deep')], hidden2: [el('h2')] } }),
  };
  const h = openPage([T.tpl('card', ['obj', [['title', id('t')]]]), T.tpl(e(id('which')), ['obj', [['...', id('o')]]]), T.tpl('inner')],
    { t: 'hi', secret: 's', which: 'card', o: { title: 'spread' } }, { templates, file: { imports: ['common/tpl.wxml'] } });
  assert.equal(h.wxml(1), '<card>hi||HI</card><card>spread||SPREAD</card><deep></deep>');
  h.patch(1, { which: 'missing' });
  assert.deepEqual(h.errors(), ['[view] pages/p/p.wxml:3:5: template "missing" not found']);
  h.patch(1, { which: 'hidden2' });
  assert.equal(h.errors().length, 2, 'an import is not transitive');
  h.patch(1, { which: 'local' });
  assert.equal(h.errors().length, 3);
});

test('a file\'s own template wins over an imported one; identity kept while the name stays', () => {
  const templates = { 'common/tpl.wxml': T.file([], { path: 'common/tpl.wxml', templates: { x: [el('imported')] } }) };
  const h = openPage([T.tpl(e(id('n')))], { n: 'x' }, { templates, file: { imports: ['common/tpl.wxml'], templates: { x: [el('own', [['v', e(id('v'))]])] } } });
  const first = h.roots(1)[0];
  assert.equal(h.wxml(1), '<own></own>');
  h.patch(1, { n: 'x', other: 1 });
  assert.equal(h.roots(1)[0], first);
});

test('<include>: the file\'s body in the including scope', () => {
  const templates = { 'common/header.wxml': T.file([el('header', [], [text(e(id('title')))])], { path: 'common/header.wxml', templates: { notIncluded: [el('x')] } }) };
  const h = openPage([T.for(e(id('list')), T.include('common/header.wxml'), { item: 'title' })], { list: ['a', 'b'] }, { templates });
  assert.equal(h.wxml(1), '<header>a</header><header>b</header>');
  h.patch(1, { 'list[1]': 'c' });
  assert.equal(h.wxml(1), '<header>a</header><header>c</header>');
});

test('WXS: src modules with require, getDate, getRegExp; each module evaluated once', () => {
  const wxs = {
    'utils/fmt.wxs': 'var h = require("./helper.wxs"); var r = getRegExp("a+", "g"); module.exports = { fmt: function (s) { return h.wrap(s.replace(r, "A")); }, year: getDate(0).getUTCFullYear(), runs: h.runs };',
    'utils/helper.wxs': 'exports.runs = (exports.runs || 0) + 1; exports.wrap = function (s) { return "[" + s + "]"; };',
  };
  const templates = { 'pages/q/q.wxml': T.file([text(e(['call', get('f', 'fmt'), [lit('aab')]]))], { path: 'pages/q/q.wxml', wxs: [{ module: 'f', src: 'utils/fmt.wxs' }] }) };
  const h = openPage([text(c(['call', get('f', 'fmt'), [id('s')]], ' ', get('f', 'year'), ' ', get('f', 'runs')))], { s: 'banana' },
    { wxs, templates, file: { wxs: [{ module: 'f', src: 'utils/fmt.wxs' }] } });
  assert.equal(h.wxml(1), '[bAnAnA] 1970 1');
  h.open(2, 'pages/q/q', {});
  assert.equal(h.wxml(2), '[Ab]');
  assert.equal(h.internals.evalExpr(get('f', 'runs'), h.internals.instanceScope(h.internals.instances.get(2))), 1);
});

test('WXS errors: a throwing call, a failing module and a non-function are reported, rendering goes on', () => {
  const h = openPage([
    el('a', [['x', e(['call', get('m', 'boom'), []])]], [], { line: 7, col: 3 }),
    el('b', [], [text(e(['call', get('gone', 'f'), []]))], { line: 8, col: 2 }),
    el('c', [], [text('still')]),
  ], {}, { file: { wxs: [{ module: 'm', code: 'module.exports.boom = function () { throw new Error("bad"); };', line: 2 }, { module: 'gone', src: 'nope.wxs' }] } });
  assert.equal(h.wxml(1), '<a></a><b></b><c>still</c>');
  const errors = h.errors();
  assert.ok(errors.some((m) => m.startsWith('[view] nope.wxs:0:0: WXS module "gone" failed: Error: no WXS file nope.wxs')), errors.join('\n'));
  assert.ok(errors.includes('[view] pages/p/p.wxml:7:3: m.boom threw Error: bad'));
  assert.ok(errors.includes('[view] pages/p/p.wxml:8:2: gone.f is not a function'));
});

test('a value whose evaluation throws (a WXS getter) is reported and left undefined', () => {
  const code = 'var o = {}; Object.defineProperty(o, "bad", { get: function () { throw new Error("getter"); } }); module.exports = { o: o, list: [o] };';
  const h = openPage([el('a', [['x', e(get(get('m', 'o'), 'bad'))]], [], { line: 2, col: 4 }), T.ifs([get(get('m', 'o'), 'bad'), el('no')], [null, el('else')]),
    el('b', [], [text('after')])], {}, { file: { wxs: [{ module: 'm', code, line: 1 }] } });
  assert.equal(h.wxml(1), '<a></a><else></else><b>after</b>');
  assert.equal(h.errors()[0], '[view] pages/p/p.wxml:2:4: Error: getter');
});

test('WXS sees only its own globals, frozen', () => {
  const code = 'module.exports = { probe: function () { return [typeof native, typeof Date, typeof RegExp, typeof setTimeout, typeof Math, typeof JSON, Object.isFrozen(Object.prototype), Object.isFrozen(Array.prototype), typeof console.log].join(","); } };';
  const h = openPage([text(e(['call', get('m', 'probe'), []]))], {}, { file: { wxs: [{ module: 'm', code, line: 1 }] } });
  assert.equal(h.wxml(1), 'undefined,undefined,undefined,undefined,object,object,true,true,function');
});

test('a compiled file exactly as the contract writes it: events, import, wxs src, template data spread', () => {
  const pageJSON = {
    v: 1, path: 'pages/index/index.wxml', using: {}, imports: ['common/tpl.wxml'], templates: {},
    wxs: [{ module: 'fmt', src: 'utils/fmt.wxs' }],
    body: [{
      k: 'el', tag: 'view', line: 3, col: 1,
      attrs: [['class', { c: ['page ', ['id', 'cls']] }], ['data-user-id', { e: ['id', 'uid'] }]],
      events: [{ type: 'tap', handler: 'onTap', capture: false, catch: false, mut: false },
        { type: 'longpress', handler: { e: ['id', 'handler'] }, capture: false, catch: true, mut: false }],
      children: [
        { k: 'for', items: { e: ['id', 'items'] }, item: 'item', index: 'index', key: 'id', line: 4, col: 3,
          node: { k: 'block', children: [{ k: 'tpl', is: 'item', data: ['obj', [['...', ['id', 'item']], ['idx', ['id', 'index']]]], line: 4, col: 40 }] } },
        { k: 'if', branches: [{ cond: ['un', '!', ['get', ['id', 'items'], ['lit', 'length']]], node: { k: 'el', tag: 'text', attrs: [], events: [], children: [{ k: 'text', v: 'empty' }], line: 5, col: 3 } }] },
      ],
    }],
  };
  const tplJSON = { v: 1, path: 'common/tpl.wxml', imports: [], wxs: [{ module: 'fmt', src: 'utils/fmt.wxs' }], body: [],
    templates: { item: [{ k: 'el', tag: 'view', attrs: [['class', 'item']], events: [], line: 1, col: 25,
      children: [{ k: 'text', v: { c: [['id', 'idx'], '. ', ['call', ['get', ['id', 'fmt'], ['lit', 'price']], [['id', 'price']]]] } }] }] } };
  const h = makeView({ templates: { 'pages/index/index.wxml': pageJSON, 'common/tpl.wxml': tplJSON },
    wxs: { 'utils/fmt.wxs': 'module.exports = { price: function (p) { return "$" + p.toFixed(2); } };' } });
  h.open(7, 'pages/index/index', { cls: 'dark', uid: 42, handler: 'onLong', items: [{ id: 'a', price: 1 }, { id: 'b', price: 2.5 }] });
  assert.equal(h.wxml(7), '<view class="page dark" data-user-id="42"><view class="item">0. $1.00</view><view class="item">1. $2.50</view></view>');
  const root = h.roots(7)[0];
  assert.deepEqual(plain(root.events), [{ type: 'tap', handler: 'onTap', capture: false, catch: false, mut: false },
    { type: 'longpress', handler: 'onLong', capture: false, catch: true, mut: false }]);
  h.patch(7, { handler: 'other', items: [] });
  assert.equal(h.roots(7)[0].events[1].handler, 'other');
  assert.equal(h.wxml(7), '<view class="page dark" data-user-id="42"><text>empty</text></view>');
  assert.deepEqual(h.errors(), []);
});
