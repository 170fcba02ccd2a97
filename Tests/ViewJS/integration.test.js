'use strict';
// Events, selectors and the driver on trees the render core made from compiled templates,
// through the view context's dispatcher. Needs the render core's test harness (harness.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const core = fs.existsSync(path.join(__dirname, 'harness.js')) ? require('./harness.js') : null;
const skip = core ? false : 'the render core and its harness are not in this tree';

// A driver request through the dispatcher; its reply.
function drive(h, op, arg) {
  h.view.driver(9, op, JSON.stringify(arg));
  const r = h.replies[h.replies.length - 1];
  assert.equal(r.token, 9);
  return r;
}
function ok(h, op, arg) {
  const r = drive(h, op, arg);
  assert.equal(r.ok, true, `${op}: ${r.error}`);
  return r.value;
}
const $ = (h, selector, root = null) => ok(h, 'view.$', { page: 1, root, selector, all: false });
const handled = (h) => h.ops.filter((o) => o[0] === 'event').map((o) => o[1]);

test('tap by selector reaches the handler with dataset; its setData is readable at once', { skip }, () => {
  const { T, openPage } = core;
  const { el, text, e, id, get, lit } = T;
  const data = { count: 0, items: [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }] };
  const body = [
    el('view', [['id', 'count']], [text(e(id('count')))]),
    T.for(e(id('items')), el('view', [['class', 'item'], ['data-item-id', e(get('item', 'id'))], ['data-n', e(get('item', 'n'))]],
      [text(e(get('item', 'id')))], { events: [{ type: 'tap', handler: 'pick', capture: false, catch: false, mut: false }] }), { key: 'id' }),
    el('button', [['id', 'inc'], ['data-step', e(lit(2))]], [text('+')], { events: [{ type: 'tap', handler: 'inc', capture: false, catch: false, mut: false }] }),
  ];
  let count = 0, items = data.items;
  const h = openPage(body, data, { logic: (op, arg, hh) => {
    if (op !== 'event') return undefined;
    if (arg.handler === 'inc') {
      count += arg.event.currentTarget.dataset.step;
      hh.view.patch(JSON.stringify({ key: 1, data: { count } }));
    }
    if (arg.handler === 'pick') {
      items = items.filter((it) => it.id !== arg.event.currentTarget.dataset.itemId);
      hh.view.patch(JSON.stringify({ key: 1, data: { items } }));
    }
    return {};
  } });
  const inc = $(h, '#inc');
  assert.equal(inc.tag, 'button');
  ok(h, 'view.tap', { id: inc.id });
  ok(h, 'view.tap', { id: inc.id });
  assert.equal(ok(h, 'view.text', { id: $(h, '#count').id }), '4');
  const all = ok(h, 'view.$', { page: 1, root: null, selector: '.item', all: true });
  assert.equal(all.length, 3);
  ok(h, 'view.tap', { id: all[1].id });
  const pick = handled(h).find((ev) => ev.handler === 'pick');
  assert.deepEqual(pick.event.currentTarget.dataset, { itemId: 'b', n: 2 });
  assert.match(drive(h, 'view.text', { id: all[1].id }).error, /no longer in the page/);
  assert.equal(ok(h, 'view.text', { id: all[2].id }), 'c', 'the other items keep their handles');
  assert.equal(ok(h, 'view.page', { page: 1 }), '<view id="count">4</view><view class="item" data-item-id="a" data-n="1">a</view>'
    + '<view class="item" data-item-id="c" data-n="3">c</view><button id="inc" data-step="2">+</button>');
});

function cardPage(logic) {
  const { T, openPage } = core;
  const { el, text, e, id } = T;
  const tapOn = (handler) => ({ events: [{ type: 'tap', handler, capture: false, catch: false, mut: false }] });
  const templates = {
    'components/card/card.wxml': T.file([el('view', [['class', 'inner'], ['id', 'in']], [T.slot(),
      el('text', [['class', 'own']], [text(e(id('title')))])], tapOn('onInner'))], { path: 'components/card/card.wxml' }),
  };
  const components = { 'components/card/card': { props: ['title'], data: { title: '' } } };
  const body = [el('view', [['id', 'page']], [
    el('card', [['id', 'c'], ['title', 'Hello']], [el('text', [['class', 'label']], [text('slotted')])],
      { events: [{ type: 'picked', handler: 'onPicked', capture: false, catch: false, mut: false }] }),
  ], tapOn('onPage'))];
  return openPage(body, {}, { templates, components, file: { using: { card: 'components/card/card' } }, logic });
}

test('components: a tap inside bubbles out retargeted; triggerEvent reaches the page', { skip }, () => {
  const h = cardPage((op, arg, hh) => {
    if (op === 'event' && arg.handler === 'onInner') hh.view.trigger(JSON.stringify({ key: arg.key, name: 'picked', detail: { n: 1 } }));
    return undefined;
  });
  const label = $(h, '.label');
  ok(h, 'view.tap', { id: label.id });
  const evs = handled(h);
  assert.deepEqual(evs.map((ev) => ev.handler), ['onInner', 'onPicked', 'onPage']);
  const compKey = h.internals.instances.get(1).nodes[0].children[0].comp;
  assert.equal(evs[0].key, compKey);
  assert.equal(evs[0].event.target.id, '', 'the slot content itself is the target inside the component');
  assert.deepEqual([evs[1].key, evs[1].event.detail, evs[1].event.target.id], [1, { n: 1 }, 'c']);
  assert.equal(evs[2].event.target.id, '', 'slot content is the page\'s own: no retargeting for the page');
});

test('components: selector scopes, selectComponent, queries and WXML on rendered trees', { skip }, () => {
  const h = cardPage();
  assert.equal($(h, '.inner'), null);
  assert.notEqual($(h, '.label'), null);
  assert.notEqual($(h, '#page > #c > .label'), null);
  const c = $(h, '#c');
  const key = ok(h, 'view.component', { id: c.id });
  assert.equal(ok(h, 'view.text', { id: $(h, '.own', c.id).id }), 'Hello');
  assert.equal($(h, '.label', c.id), null);
  assert.equal(ok(h, 'view.property', { id: c.id, name: 'title' }), 'Hello');
  assert.deepEqual(JSON.parse(h.view.select(JSON.stringify({ key: 1, selector: 'card', all: true }))), [key]);
  assert.deepEqual(JSON.parse(h.view.query(JSON.stringify({ key, items: [{ selector: '#in', all: false, fields: { id: true, rect: true } }] }))),
    [{ id: 'in', left: 0, right: 0, top: 0, bottom: 0 }]);
  assert.equal(ok(h, 'view.wxml', { id: c.id, outer: true }),
    '<card id="c" title="Hello"><view class="inner" id="in"><text class="label">slotted</text><text class="own">Hello</text></view></card>');
});

test('input with model:value: the owner gets the value; a later setData shows', { skip }, () => {
  const { T, openPage } = core;
  const body = [T.el('input', [['id', 'name']], [], { model: [['value', 'form.name']],
    events: [{ type: 'input', handler: 'onInput', capture: false, catch: false, mut: false }] })];
  const h = openPage(body, { form: { name: 'x' } }, { logic: (op, arg, hh) => {
    if (op === 'model') hh.view.patch(JSON.stringify({ key: arg.key, data: { [arg.path]: arg.value.toUpperCase() } }));
    return undefined;
  } });
  const input = $(h, '#name');
  assert.equal(ok(h, 'view.value', { id: input.id }), 'x');
  ok(h, 'view.input', { id: input.id, value: 'ada' });
  assert.deepEqual(h.ops.filter((o) => o[0] === 'event' || o[0] === 'model').map((o) => o[0]), ['event', 'model']);
  assert.equal(ok(h, 'view.value', { id: input.id }), 'ADA', 'the render from the model update wins');
  assert.equal(ok(h, 'view.attribute', { id: input.id, name: 'value' }), 'ADA');
});

test('names that shadow Object.prototype members are plain keys in dataset, mark, form values and queries', { skip }, () => {
  const { T, openPage } = core;
  const body = [T.el('form', [['id', 'f']], [
    T.el('input', [['name', 'constructor'], ['value', 'c']], []),
    T.el('input', [['name', '__proto__'], ['value', 'p']], []),
    T.el('button', [['id', 'go'], ['form-type', 'submit'], ['data-to-string', 'd'], ['mark:constructor', 'm'],
      ['style', 'constructor: x']], [], { events: [{ type: 'tap', handler: 'onTap', capture: false, catch: false, mut: false }] }),
  ], { events: [{ type: 'submit', handler: 'onSubmit', capture: false, catch: false, mut: false }] })];
  const h = openPage(body, {});
  ok(h, 'view.tap', { id: $(h, '#go').id });
  const [tap, submit] = handled(h);
  assert.deepEqual(tap.event.currentTarget.dataset, { toString: 'd' });
  assert.deepEqual(tap.event.mark, { constructor: 'm' });
  assert.equal(JSON.stringify(submit.event.detail), '{"value":{"constructor":"c","__proto__":"p"}}');
  const [fields] = JSON.parse(h.view.query(JSON.stringify({ key: 1, items: [{ selector: '#go', all: false, fields: { computedStyle: ['constructor'], properties: ['toString'] } }] })));
  assert.deepEqual(fields, { toString: null, constructor: 'x' });
});
