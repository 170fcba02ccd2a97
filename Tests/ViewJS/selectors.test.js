'use strict';
// Selectors, their scopes, selectComponent, selector queries and WXML serialization.
const test = require('node:test');
const assert = require('node:assert/strict');
const { makeView, h, comp, slot } = require('./tree-harness.js');

// page 1:
// <view id="top" class="list main" data-kind="top">
//   <view class="item" data-id="1" data-x="y">one</view>
//   <view class="item active" data-id="2"><text class="label">two</text></view>
//   <card id="c1" class="item">            (component 7: <view class="item inner"><slot/></view>)
//     <text class="label slotted">three</text>
//   </card>
// </view>
// <button id="b" disabled>Go</button>
// <card id="c2"/>                          (component 8)
function samplePage() {
  const v = makeView();
  v.page(1, [
    h('view', { id: 'top', class: 'list main', 'data-kind': 'top' },
      h('view', { class: 'item', 'data-id': '1', 'data-x': 'y' }, 'one'),
      h('view', { class: 'item  active', 'data-id': 2 }, h('text', { class: 'label' }, 'two')),
      comp('card', { id: 'c1', class: 'item' }, {
        key: 7, data: { title: 'T' }, shadow: [h('view', { class: 'item inner', id: 'in7' }, slot())],
      }, h('text', { class: 'label slotted' }, 'three'))),
    h('button', { id: 'b', disabled: true }, 'Go'),
    comp('card', { id: 'c2' }, { key: 8, shadow: [h('view', { class: 'item inner', id: 'in8' }, 'eight')] }),
  ]);
  return v;
}

const sel = (v, selector, root = null) => v.ok('view.$', { page: 1, root, selector, all: true }).map((x) => {
  const node = v.nodesById.get(x.id);
  return node.attrs.id || node.attrs.class || node.tag;
});

test('tag, #id, .class, attribute and compound selectors', () => {
  const v = samplePage();
  assert.deepEqual(sel(v, 'text'), ['label', 'label slotted']);
  assert.deepEqual(sel(v, '#top'), ['top']);
  assert.deepEqual(sel(v, '.item'), ['item', 'item  active', 'c1']);
  assert.deepEqual(sel(v, '.item.active'), ['item  active']);
  assert.deepEqual(sel(v, '[data-x]'), ['item']);
  assert.deepEqual(sel(v, '[data-id="2"]'), ['item  active']);
  assert.deepEqual(sel(v, '[data-id=1]'), ['item']);
  assert.deepEqual(sel(v, "[data-kind='top']"), ['top']);
  assert.deepEqual(sel(v, '[disabled="true"]'), ['b']);
  assert.deepEqual(sel(v, 'view.item[data-id="1"]'), ['item']);
  assert.deepEqual(sel(v, 'card#c1.item'), ['c1']);
  assert.deepEqual(sel(v, '*[class~="active"]'), ['item  active']);
  assert.deepEqual(sel(v, '[class^="ite"][class$="ve"]'), ['item  active']);
});

test('descendant, child and list selectors, in document order', () => {
  const v = samplePage();
  assert.deepEqual(sel(v, '#top .label'), ['label', 'label slotted']);
  assert.deepEqual(sel(v, '#top > .label'), []);
  assert.deepEqual(sel(v, '.item > .label'), ['label', 'label slotted'], 'slot content is a child of the component element');
  assert.deepEqual(sel(v, '.main   view > text'), ['label']);
  assert.deepEqual(sel(v, 'button, #top'), ['top', 'b']);
  assert.deepEqual(sel(v, '.slotted,.label'), ['label', 'label slotted']);
});

test('$ gives the first match or null; $$ all', () => {
  const v = samplePage();
  const first = v.ok('view.$', { page: 1, root: null, selector: '.item', all: false });
  assert.equal(v.nodesById.get(first.id).attrs['data-id'], '1');
  assert.equal(first.tag, 'view');
  assert.equal(v.ok('view.$', { page: 1, root: null, selector: '.nothing', all: false }), null);
  assert.deepEqual(v.ok('view.$', { page: 1, root: null, selector: '.nothing', all: true }), []);
});

test("a page's selectors do not see inside components; on a component element they see its shadow tree", () => {
  const v = samplePage();
  assert.deepEqual(sel(v, '.inner'), []);
  assert.deepEqual(sel(v, '#in7'), []);
  const c1 = v.byId('c1').id;
  assert.deepEqual(sel(v, '.inner', c1), ['in7']);
  assert.deepEqual(sel(v, '.slotted', c1), [], "the slot content belongs to the page's tree");
  const top = v.byId('top').id;
  assert.deepEqual(sel(v, '.label', top), ['label', 'label slotted']);
  assert.deepEqual(sel(v, '.main .label', top), ['label', 'label slotted'], 'ancestors may lie above the root');
  assert.deepEqual(sel(v, '.item >>> .inner'), ['in7'], '>>> reaches into components');
  assert.deepEqual(sel(v, '#c2 >>> view'), ['in8']);
});

test('bad selectors answer an error naming the place', () => {
  const v = samplePage();
  for (const [s, re] of [['view:hover', /position 5/], ['.', /expected a class name/], ['[data-x="y"', /unterminated|expected "\]"/],
    ['a >', /expected a selector/], ['', /expected a selector/], ['view,', /expected a selector/]]) {
    const r = v.driver('view.$', { page: 1, root: null, selector: s, all: true });
    assert.equal(r.ok, false, s);
    assert.match(r.error, /invalid selector/, s);
    assert.match(r.error, re, s);
  }
  assert.match(v.driver('view.$', { page: 5, selector: 'view' }).error, /no page 5 in the view/);
});

test('selectComponent(s): custom component elements only, as instance keys', () => {
  const v = samplePage();
  assert.deepEqual(v.handleSelect({ key: 1, selector: 'card', all: true }), [7, 8]);
  assert.deepEqual(v.handleSelect({ key: 1, selector: '.item', all: false }), [7]);
  assert.deepEqual(v.handleSelect({ key: 1, selector: '#top', all: false }), []);
  assert.deepEqual(v.handleSelect({ key: 7, selector: 'card', all: true }), [], 'a component sees only its own tree');
  assert.deepEqual(v.handleSelect({ key: 1, selector: '#c2', all: false }), [8]);
  assert.deepEqual(v.handleSelect({ key: 1, selector: '##', all: false }), []);
  assert.match(v.prints.at(-1).message, /selectComponent: invalid selector "##"/);
});

test('createSelectorQuery: fields, zero rects, null for no match, in(component), viewport', () => {
  const v = samplePage();
  v.byId('top').attrs.style = 'color: red; margin-top:4rpx';
  const [one, all, none, inComp] = v.handleQuery({ key: 1, items: [
    { selector: '#top', all: false, fields: { id: true, dataset: true, rect: true, size: true, computedStyle: ['color', 'marginTop', 'width'] } },
    { selector: '.item', all: true, fields: { id: true, dataset: true } },
    { selector: '.none', all: false, fields: { id: true } },
    { selector: '#c1', all: false, fields: { properties: ['title'] } },
  ] });
  assert.deepEqual(one, { id: 'top', dataset: { kind: 'top' }, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0, color: 'red', marginTop: '4rpx', width: '' });
  assert.deepEqual(all, [{ id: '', dataset: { id: '1', x: 'y' } }, { id: '', dataset: { id: 2 } }, { id: 'c1', dataset: {} }]);
  assert.equal(none, null);
  assert.deepEqual(inComp, { title: 'T' });
  const [scoped, viewport] = v.handleQuery({ key: 7, items: [
    { selector: '.inner', all: false, fields: { id: true, rect: true } },
    { viewport: true, selector: null, fields: { rect: true, size: true } },
  ] });
  assert.deepEqual(scoped, { id: 'in7', left: 0, right: 0, top: 0, bottom: 0 });
  assert.deepEqual(viewport, { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 });
  assert.deepEqual(v.handleQuery({ key: null, items: [{ selector: '#b', all: false, fields: { id: true } }] }), [{ id: 'b' }]);
});

test('wxml(), outerWxml(), text(), attribute()', () => {
  const v = makeView();
  v.page(1, [h('view', { id: 'w', class: 'a b', 'data-n': 3, hidden: false, style: 'x' },
    '1 < 2 & 3 > 2',
    h('text', { title: 'say "hi" & <bye>' }, 'hi'),
    comp('card', { id: 'c', 'data-obj': { a: 1 } }, { key: 7, shadow: [h('view', { class: 'in' }, slot())] }, 'slotted'))]);
  const w = v.byId('w').id;
  const inner = '1 &lt; 2 &amp; 3 &gt; 2<text title="say &quot;hi&quot; &amp; &lt;bye&gt;">hi</text>'
    + '<card id="c" data-obj="[object Object]"><view class="in">slotted</view></card>';
  assert.equal(v.ok('view.wxml', { id: w, outer: false }), inner);
  assert.equal(v.ok('view.wxml', { id: w, outer: true }), `<view id="w" class="a b" data-n="3" hidden="false" style="x">${inner}</view>`);
  assert.equal(v.ok('view.page', { page: 1 }), `<view id="w" class="a b" data-n="3" hidden="false" style="x">${inner}</view>`);
  assert.equal(v.ok('view.text', { id: w }), '1 < 2 & 3 > 2hislotted');
  assert.equal(v.ok('view.attribute', { id: w, name: 'class' }), 'a b');
  assert.equal(v.ok('view.attribute', { id: w, name: 'data-n' }), '3');
  assert.equal(v.ok('view.attribute', { id: w, name: 'nope' }), null);
  assert.equal(v.ok('view.property', { id: w, name: 'hidden' }), false);
  assert.equal(v.ok('view.wxml', { id: v.byId('c').id, outer: false }), '<view class="in">slotted</view>');
});

test('a slot node kept in the tree shows only its content; a text node is no element handle', () => {
  const v = makeView();
  v.page(1, [comp('card', { id: 'c' }, { key: 7, shadow: [h('view', {}, h('slot', {}, slot()))] }, h('text', {}, 'in'))]);
  assert.equal(v.ok('view.wxml', { id: v.byId('c').id, outer: true }), '<card id="c"><view><text>in</text></view></card>');
  const textNode = [...v.nodesById.values()].find((n) => n.tag === '#text');
  assert.match(v.driver('view.text', { id: textNode.id }).error, /is a text node, not an element/);
});

test('a class matches whole words of the class attribute only', () => {
  const v = makeView();
  v.page(1, [h('view', { id: 'a', class: 'items my-item' }), h('view', { id: 'b', class: '\titem\nx' }), h('view', { id: 'c', class: 'item-x item' })]);
  assert.deepEqual(sel(v, '.item'), ['b', 'c']);
  assert.deepEqual(sel(v, '[class~="item"]'), ['b', 'c']);
  assert.deepEqual(sel(v, '.item.x'), ['b']);
});
