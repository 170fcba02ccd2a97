'use strict';
// The view runtime's custom components in node: create, attach, props, detach, slots, the
// bounded flush, and the dispatcher.
const test = require('node:test');
const assert = require('node:assert/strict');
const { makeView, T, plain, page, openPage } = require('./harness');

const { el, text, e, c, id, lit, get } = T;

// A page using `card`, whose template uses `inner` and has a slot.
function componentFixture(extra) {
  const templates = {
    'components/card/card.wxml': T.file([el('view', [['class', 'card']], [
      el('text', [], [text(c(id('myTitle'), id('derived')))]),
      T.ifs([id('showInner'), el('inner', [['n', e(id('myTitle'))]])]),
      T.slot(),
    ])], { path: 'components/card/card.wxml', using: { inner: 'components/inner/inner' } }),
    'components/inner/inner.wxml': T.file([el('i', [], [text(e(id('n')))])], { path: 'components/inner/inner.wxml' }),
  };
  const components = Object.assign({
    'components/card/card': { props: ['myTitle'], data: { showInner: true, derived: '' } },
    'components/inner/inner': { props: ['n'] },
  }, (extra && extra.components) || {});
  const body = (extra && extra.body) || [el('view', [], [T.ifs([id('show'), el('card',
    [['id', 'c1'], ['class', 'k'], ['data-user-id', e(lit(7))], ['data-Upper', 'u'], ['my-title', e(id('t'))], ['unknown-attr', 'z']],
    [text(c('content ', id('t')))])])])];
  const h = openPage(body, Object.assign({ t: 'hi', show: true }, (extra && extra.data) || {}),
    { templates, components, file: (extra && extra.file) || { using: { card: 'components/card/card' } }, logic: extra && extra.logic });
  return h;
}
const cardOf = (h) => h.find(1, (n) => n.tag === 'card');

test('components: created with page, owner, id and dataset, then given their declared props; attached parents first', () => {
  const h = componentFixture();
  const create = h.ops.filter((o) => o[0] === 'create').map((o) => o[1]);
  assert.deepEqual(create[0], { page: 1, owner: 1, path: 'components/card/card', id: 'c1', dataset: { userId: 7, upper: 'u' } });
  assert.deepEqual(create[1], { page: 1, owner: 100, path: 'components/inner/inner', id: '', dataset: {} });
  const created = h.ops.filter((o) => o[0] === 'created').map((o) => o[1]);
  assert.deepEqual(created.find((c) => c.key === 100).props, { myTitle: 'hi' }, 'only the declared properties go with created');
  assert.deepEqual(h.opsOf('create', 'attach', 'ready'), ['create components/card/card', 'create components/inner/inner', 'attach 100', 'attach 101']);
  const card = cardOf(h);
  assert.equal(card.comp, 100);
  assert.equal(h.wxml(1), '<view><card id="c1" class="k" data-user-id="7" data-Upper="u" my-title="hi" unknown-attr="z">{<view class="card"><text>hi</text><inner n="hi">{<i>hi</i>}</inner><slot>content hi</slot></view>}</card></view>');
  const inst = h.internals.instances.get(100);
  assert.equal(inst.host, card);
  assert.equal(inst.page, 1);
  assert.equal(inst.owner, 1);
  assert.deepEqual(plain(inst.props), ['myTitle']);
  assert.equal(inst.nodes, card.shadow);
  assert.equal(card.shadow[0].parent, card);
  assert.equal(card.shadow[0].owner, 100);
  assert.equal(h.internals.instances.get(101).owner, 100);
});

test('components: only declared properties that changed are sent, then the component renders', () => {
  const h = componentFixture({ components: { 'components/card/card': { props: ['myTitle'], data: { showInner: true, derived: '' },
    onProps: (hh, key, props) => {
      hh.view.patch(JSON.stringify({ key, data: { derived: '!' + props.myTitle } }));
      hh.view.flush();  // inside a flush: only marks
      reentered.push(cardOf(hh).shadow[0].children[0].children[0].text);
    } } } });
  const reentered = [];
  const card = cardOf(h), shadow0 = card.shadow[0];
  h.ops.length = 0;
  h.patch(1, { unrelated: 1 });
  assert.deepEqual(h.opsOf('props'), []);
  h.patch(1, { t: 'yo' });
  assert.deepEqual(h.ops.filter((o) => o[0] === 'props').map((o) => o[1]), [{ key: 100, props: { myTitle: 'yo' } }, { key: 101, props: { n: 'yo' } }]);
  assert.deepEqual(reentered, ['hi'], 'the flush asked for inside a flush rendered nothing');
  assert.equal(cardOf(h), card);
  assert.equal(card.shadow[0], shadow0);
  assert.equal(h.wxml(1), '<view><card id="c1" class="k" data-user-id="7" data-Upper="u" my-title="yo" unknown-attr="z">{<view class="card"><text>yo!yo</text><inner n="yo">{<i>yo</i>}</inner><slot>content yo</slot></view>}</card></view>');
});

test('components: a removed element detaches its components, inner ones first; close detaches all', () => {
  const h = componentFixture();
  h.ops.length = 0;
  h.patch(100, { showInner: false });
  assert.deepEqual(h.opsOf('detach'), ['detach 101']);
  assert.equal(h.internals.instances.has(101), false);
  h.patch(100, { showInner: true });
  assert.deepEqual(h.opsOf('create', 'attach'), ['create components/inner/inner', 'attach 102']);
  h.ops.length = 0;
  const card = cardOf(h);
  h.patch(1, { show: false });
  assert.deepEqual(h.opsOf('detach'), ['detach 102', 'detach 100']);
  assert.equal(h.internals.nodesById.has(card.id), false);
  h.patch(1, { show: true });
  h.ops.length = 0;
  h.view.close(JSON.stringify({ key: 1 }));
  assert.deepEqual(h.opsOf('detach'), ['detach 104', 'detach 103']);
  assert.equal(h.internals.instances.size, 0);
  assert.equal(h.internals.nodesById.size, 0);
});

test('components: setData in attached is rendered by the same flush; a failed create is reported', () => {
  const h = componentFixture({ components: { 'components/inner/inner': { props: ['n'],
    onAttach: (hh, key) => hh.view.patch(JSON.stringify({ key, data: { n: 'attached' } })) } } });
  assert.ok(h.wxml(1).includes('<i>attached</i>'));
  const bad = componentFixture({ body: [el('card', [], [], { line: 4, col: 9 })], components: { 'components/card/card': undefined } });
  assert.deepEqual(bad.errors(), ['[view] pages/p/p.wxml:4:9: component components/card/card was not created: no component components/card/card']);
  assert.equal(bad.wxml(1), '<card>{}</card>');
});

test('generic:* gives a component\'s abstract tag the component the owner names', () => {
  const templates = {
    'components/list/list.wxml': T.file([el('selectable', [['v', e(id('x'))]])], { path: 'components/list/list.wxml' }),
    'components/radio/radio.wxml': T.file([el('r', [], [text(e(id('v')))])], { path: 'components/radio/radio.wxml' }),
  };
  const h = openPage([el('list', [['generic:selectable', 'custom-radio']])], {}, { templates,
    file: { using: { list: 'components/list/list', 'custom-radio': 'components/radio/radio' } },
    components: { 'components/list/list': { data: { x: 'picked' } }, 'components/radio/radio': { props: ['v'] } } });
  assert.equal(h.wxml(1), '<list generic:selectable="custom-radio">{<selectable v="picked">{<r>picked</r>}</selectable>}</list>');
  assert.deepEqual(h.opsOf('create'), ['create components/list/list', 'create components/radio/radio']);
});

test('flush is bounded when renders keep causing patches', () => {
  let n = 0;
  const h = componentFixture({ logic: (op, arg, hh) => { if (op === 'props') hh.view.patch(JSON.stringify({ key: 1, data: { t: 'v' + (n++) } })); } });
  h.patch(1, { t: 'start' });
  assert.ok(h.prints.some(([l, m]) => l === 'warn' && m.includes('did not settle after 100 rounds')));
  h.ops.length = 0;
  h.view.flush();
  assert.deepEqual(h.opsOf('props'), []);
});

test('slots: default slot content is the owner\'s, rendered in its scope and updated with it', () => {
  const h = componentFixture();
  const card = cardOf(h), slot = h.find(1, (n) => n.tag === 'slot');
  const content = card.children[0];
  assert.equal(content.owner, 1);
  assert.equal(content.parent, slot);
  assert.equal(slot.owner, 100);
  assert.equal(slot.children.length, 1);
  assert.equal(slot.children[0], content);
  h.patch(1, { t: 'new' });
  assert.equal(card.children[0], content);
  assert.equal(content.text, 'content new');
  assert.equal(content.parent, slot);
});

test('slots: named slots with multipleSlots; without it everything goes to the default slot', () => {
  const comp = T.file([el('box', [], [T.slot('before'), el('mid'), T.slot(), T.slot(e(id('where')))])], { path: 'components/box/box.wxml' });
  const body = [el('box', [], [el('a', [['slot', 'before']]), el('b', [['slot', e(id('target'))]]), text('plain')])];
  const run = (multipleSlots) => {
    const h = makeView({ templates: Object.assign(page(body, { using: { box: 'components/box/box' } }), { 'components/box/box.wxml': comp }),
      components: { 'components/box/box': { props: [], multipleSlots, data: { where: 'after' } } } });
    h.open(1, 'pages/p/p', { target: 'after' });
    return h;
  };
  const multi = run(true);
  assert.equal(multi.wxml(1), '<box>{<box><slot name="before"><a slot="before"></a></slot><mid></mid><slot>plain</slot><slot name="after"><b slot="after"></b></slot></box>}</box>');
  multi.patch(1, { target: 'before' });
  assert.equal(multi.wxml(1), '<box>{<box><slot name="before"><a slot="before"></a><b slot="before"></b></slot><mid></mid><slot>plain</slot><slot name="after"></slot></box>}</box>');
  multi.patch(100, { where: 'before' });
  assert.equal(multi.wxml(1), '<box>{<box><slot name="before"><a slot="before"></a><b slot="before"></b></slot><mid></mid><slot>plain</slot><slot name="before"></slot></box>}</box>');
  const single = run(false);
  assert.equal(single.wxml(1), '<box>{<box><slot name="before"></slot><mid></mid><slot><a slot="before"></a><b slot="after"></b>plain</slot><slot name="after"></slot></box>}</box>');
});

test('dispatcher: open, patch, flush, close; the other part\'s entry points are called', (t) => {
  const h = componentFixture();
  const fs = require('fs');
  const hasOtherPart = fs.readdirSync(require('./harness').VIEW_DIR).some((f) => /^([5-7]\d|8\d)-/.test(f));
  if (hasOtherPart) return t.skip('the events, selectors and driver part is present: its own tests cover these');
  h.view.trigger(JSON.stringify({ key: 100, name: 'change', detail: { a: 1 }, bubbles: true }));
  assert.equal(h.view.select(JSON.stringify({ key: 1, selector: '#c1', all: false })), '[]');
  assert.equal(h.view.query(JSON.stringify({ key: 1, items: [] })), '[]');
  h.view.driver(7, 'view.$', JSON.stringify({ page: 1, selector: 'view' }));
  assert.deepEqual(h.stubbed.map((s) => s[0]), ['trigger', 'select', 'query', 'driver']);
  assert.deepEqual(h.replies, [{ token: 7, ok: true, value: null }]);
  assert.deepEqual(plain(h.stubbed[3][1].arg), { page: 1, selector: 'view' });
  h.view.open('not json');
  assert.ok(h.prints.some(([l, m]) => l === 'warn' && m.startsWith('[view] open failed')));
});

test('components in a keyed wx:for keep their instance when the list is reordered; unchanged items send nothing', () => {
  const templates = { 'components/row/row.wxml': T.file([el('r', [], [text(e(id('label')))])], { path: 'components/row/row.wxml' }) };
  const h = openPage([T.for(e(id('list')), el('row', [['label', e(get('item', 'name'))]]), { key: 'id' })],
    { list: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }] },
    { templates, file: { using: { row: 'components/row/row' } }, components: { 'components/row/row': { props: ['label'] } } });
  const keys = () => plain(h.roots(1).map((n) => n.comp));
  assert.deepEqual(keys(), [100, 101, 102]);
  h.ops.length = 0;
  const list = h.internals.instances.get(1).data.list;
  h.patch(1, { list: [list[2], list[0], { id: 2, name: 'B' }] });
  assert.deepEqual(keys(), [102, 100, 101]);
  assert.deepEqual(h.ops.map((o) => o[0] + ' ' + JSON.stringify(o[1])), ['props {"key":101,"props":{"label":"B"}}']);
  assert.equal(h.wxml(1), '<row label="c">{<r>c</r>}</row><row label="a">{<r>a</r>}</row><row label="B">{<r>B</r>}</row>');
  h.patch(1, { list: [list[0]] });
  assert.deepEqual(h.opsOf('detach'), ['detach 102', 'detach 101']);
});

test('a component in slot content is the owner\'s: created with the page as owner, rendered in its scope', () => {
  const h = componentFixture({ body: [el('card', [['my-title', 'x']], [el('inner', [['n', e(id('t'))]])])], data: { t: 'from page' },
    file: { using: { card: 'components/card/card', inner: 'components/inner/inner' } } });
  const creates = h.ops.filter((o) => o[0] === 'create').map((o) => [o[1].path, o[1].owner]);
  assert.deepEqual(creates, [['components/card/card', 1], ['components/inner/inner', 1], ['components/inner/inner', 100]]);
  const slotInner = h.find(1, (n) => n.tag === 'slot').children[0];
  assert.equal(slotInner.owner, 1);
  assert.equal(h.internals.instances.get(slotInner.comp).owner, 1);
  assert.equal(h.wxml(1).includes('<slot><inner n="from page">{<i>from page</i>}</inner></slot>'), true);
  h.patch(1, { t: 'changed' });
  assert.deepEqual(h.ops.filter((o) => o[0] === 'props').map((o) => o[1]).filter((p) => p.key === slotInner.comp), [{ key: slotInner.comp, props: { n: 'changed' } }]);
});

test('externalClasses: a listed class stands for the classes the owner gives, and follows them', () => {
  const comp = T.file([el('view', [['class', 'my-class inner']], [el('text', [['class', 'title-class']])])], { path: 'components/ext/ext.wxml' });
  const body = [el('ext', [['my-class', e(id('cls'))]])];
  const h = makeView({ templates: Object.assign(page(body, { using: { ext: 'components/ext/ext' } }), { 'components/ext/ext.wxml': comp }),
    components: { 'components/ext/ext': { props: [], externalClasses: ['my-class', 'title-class'] } } });
  h.open(1, 'pages/p/p', { cls: 'red big' });
  assert.equal(h.wxml(1), '<ext my-class="red big">{<view class="red big inner"><text class="title-class"></text></view>}</ext>');
  h.patch(1, { cls: 'blue' });
  assert.equal(h.wxml(1), '<ext my-class="blue">{<view class="blue inner"><text class="title-class"></text></view>}</ext>');
});
