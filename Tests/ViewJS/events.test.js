'use strict';
// Event dispatch, event objects and built-in components of the view runtime, on hand-built trees.
const test = require('node:test');
const assert = require('node:assert/strict');
const { makeView, h, comp, slot } = require('./tree-harness.js');

const tap = (v, id) => v.ok('view.tap', { id: v.byId(id).id });
const events = (v) => v.calls.filter((c) => c.op === 'event');

test('bind bubbles and catch stops it (WeChat event example)', () => {
  const tree = () => [h('view', { id: 'outer', bindtap: 'handleTap1' },
    h('view', { id: 'middle', catchtap: 'handleTap2' },
      h('view', { id: 'inner', bindtap: 'handleTap3' }, 'inner view')))];
  for (const [id, want] of [['inner', ['handleTap3', 'handleTap2']], ['middle', ['handleTap2']], ['outer', ['handleTap1']]]) {
    const v = makeView();
    v.page(1, tree());
    tap(v, id);
    assert.deepEqual(v.handled(), want, `tap on ${id}`);
  }
});

test('mut-bind handlers exclude each other, bind ones still run (WeChat example)', () => {
  const tree = () => [h('view', { id: 'outer', 'mut-bind:tap': 'handleTap1' },
    h('view', { id: 'middle', bindtap: 'handleTap2' },
      h('view', { id: 'inner', 'mut-bind:tap': 'handleTap3' }, 'inner view')))];
  for (const [id, want] of [['inner', ['handleTap3', 'handleTap2']], ['middle', ['handleTap2', 'handleTap1']]]) {
    const v = makeView();
    v.page(1, tree());
    tap(v, id);
    assert.deepEqual(v.handled(), want, `tap on ${id}`);
  }
});

test('capture phase runs root to target before bubbling; capture-catch stops both (WeChat example)', () => {
  const tree = (outerCapture) => [h('view', { id: 'outer', 'bind:touchstart': 'handleTap1', [outerCapture]: 'handleTap2' },
    h('view', { id: 'inner', 'bind:touchstart': 'handleTap3', 'capture-bind:touchstart': 'handleTap4' }, 'inner view'))];
  let v = makeView();
  v.page(1, tree('capture-bind:touchstart'));
  v.ok('view.trigger', { id: v.byId('inner').id, type: 'touchstart' });
  assert.deepEqual(v.handled(), ['handleTap2', 'handleTap4', 'handleTap3', 'handleTap1']);
  v = makeView();
  v.page(1, tree('capture-catch:touchstart'));
  v.ok('view.trigger', { id: v.byId('inner').id, type: 'touchstart' });
  assert.deepEqual(v.handled(), ['handleTap2']);
});

test('a tap is touchstart, touchend, then tap; longpress fires longpress and longtap, not tap', () => {
  const v = makeView();
  v.page(1, [h('view', { id: 'b', bindtouchstart: 's', bindtouchend: 'e', bindtap: 't', bindlongpress: 'lp', bindlongtap: 'lt' })]);
  tap(v, 'b');
  assert.deepEqual(v.handled(), ['s', 'e', 't']);
  const ends = events(v);
  assert.deepEqual(ends[1].event.touches, []);
  assert.equal(ends[1].event.changedTouches.length, 1);
  v.calls.length = 0;
  v.ok('view.longpress', { id: v.byId('b').id });
  assert.deepEqual(v.handled(), ['s', 'lp', 'lt', 'e']);
});

test('non-bubbling events reach only their target', () => {
  const v = makeView();
  v.page(1, [h('view', { id: 'wrap', bindinput: 'wrapInput', bindchange: 'wrapChange', bindtap: 'wrapTap' },
    h('input', { id: 'field', bindinput: 'fieldInput' }),
    h('view', { id: 'plain', bindchange: 'plainChange' }))]);
  v.ok('view.input', { id: v.byId('field').id, value: 'x' });
  v.ok('view.trigger', { id: v.byId('plain').id, type: 'change', detail: { value: 1 } });
  assert.deepEqual(v.handled(), ['fieldInput', 'plainChange']);
});

test('the event object: type, target and currentTarget, dataset as WeChat camel-cases it, detail, touches', () => {
  const v = makeView();
  v.page(1, [h('view', { id: 'outer', bindtap: 'onOuter', 'data-element-type': 'a', 'data-elementType': 'b', 'data-n': 3 },
    h('view', { bindtap: 'onInner', 'data-user-id': 'u1' }, 'x'))]);
  v.ok('view.tap', { id: v.byId('outer').children[0].id });
  const [inner, outer] = events(v);
  assert.equal(inner.key, 1);
  assert.equal(inner.event.type, 'tap');
  assert.equal(typeof inner.event.timeStamp, 'number');
  assert.deepEqual(inner.event.target, { id: '', dataset: { userId: 'u1' }, offsetLeft: 0, offsetTop: 0 });
  assert.deepEqual(outer.event.target, inner.event.target);
  assert.deepEqual(outer.event.currentTarget, { id: 'outer', dataset: { elementType: 'a', elementtype: 'b', n: 3 }, offsetLeft: 0, offsetTop: 0 });
  assert.deepEqual(outer.event.detail, { x: 0, y: 0 });
  assert.deepEqual(outer.event.touches, [{ identifier: 0, pageX: 0, pageY: 0, clientX: 0, clientY: 0 }]);
  assert.deepEqual(outer.event.changedTouches, outer.event.touches);
});

test('mark merges target to root, the nearer node winning, even for non-bubbling events', () => {
  const v = makeView();
  v.page(1, [h('view', { 'mark:myMark': 'outer', 'mark:anotherMark': 'leaf' },
    h('view', { id: 'btn', 'mark:myMark': 'last', bindtap: 'onTap', bindchange: 'onChange' }))]);
  tap(v, 'btn');
  v.ok('view.trigger', { id: v.byId('btn').id, type: 'change', detail: {} });
  const [t, c] = events(v);
  assert.deepEqual(t.event.mark, { myMark: 'last', anotherMark: 'leaf' });
  assert.deepEqual(c.event.mark, { myMark: 'last', anotherMark: 'leaf' });
  assert.equal(t.event.touches.length, 1);
  assert.equal('touches' in c.event, false);
});

test('a handler named by an expression runs under its evaluated name; an empty name runs nothing', () => {
  const v = makeView();
  v.page(1, [h('view', { bindtap: '' }, h('view', { id: 'x', bindtap: 'onDynamic' }))]);
  tap(v, 'x');
  assert.deepEqual(v.handled(), ['onDynamic']);
});

// page: <view bindtap="pageTap" mark:from="page"><card id="c" bindtap="hostTap" data-k="1"/></view>
// card: <view class="inner" bindtap="innerTap" mark:from="card"><text id="t">hi</text></view>
function cardPage(v, extraPageAttrs = {}) {
  v.page(1, [h('view', { id: 'root', bindtap: 'pageTap', 'mark:from': 'page', 'mark:pageOnly': 1, ...extraPageAttrs },
    comp('card', { id: 'c', bindtap: 'hostTap', 'data-k': '1' }, {
      key: 7, shadow: [h('view', { class: 'inner', bindtap: 'innerTap', 'mark:from': 'card' }, h('text', { id: 't' }, 'hi'))],
    }))]);
}

test('a tap inside a component bubbles out to its element, the target retargeted to that element', () => {
  const v = makeView();
  cardPage(v);
  tap(v, 't');
  const [inner, host, page] = events(v);
  assert.deepEqual(v.handled(), ['innerTap', 'hostTap', 'pageTap']);
  assert.equal(inner.key, 7);
  assert.equal(host.key, 1);
  assert.equal(page.key, 1);
  assert.equal(inner.event.target.id, 't');
  assert.deepEqual(host.event.target, { id: 'c', dataset: { k: '1' }, offsetLeft: 0, offsetTop: 0 });
  assert.equal(page.event.target.id, 'c');
  assert.deepEqual(inner.event.mark, { from: 'card' }, 'inside the component, no marks from outside it');
  assert.deepEqual(page.event.mark, { from: 'card', pageOnly: 1 });
});

test('catch inside a component keeps the tap from the page', () => {
  const v = makeView();
  v.page(1, [h('view', { bindtap: 'pageTap' },
    comp('card', {}, { key: 7, shadow: [h('view', { id: 'in', catchtap: 'innerCatch' })] }))]);
  tap(v, 'in');
  assert.deepEqual(v.handled(), ['innerCatch']);
});

test('shadow roots without a parent still reach their element', () => {
  const v = makeView();
  v.page(1, [h('view', { bindtap: 'pageTap' },
    comp('card', {}, { key: 7, rootParentNull: true, shadow: [h('view', { id: 'in', bindtap: 'innerTap' })] }))]);
  tap(v, 'in');
  assert.deepEqual(v.handled(), ['innerTap', 'pageTap']);
});

// WeChat's triggerEvent example: the page puts my-component into another-component's slot.
function eventSystemPage(v) {
  v.page(1, [h('view', { 'capture-bind:customevent': 'pageCapture' },
    comp('another-component', { 'bind:customevent': 'pageEventListener1' }, {
      key: 10, shadow: [h('view', { 'bind:customevent': 'anotherEventListener' }, slot())],
    }, comp('my-component', { 'bind:customevent': 'pageEventListener2' }, {
      key: 11, shadow: [h('view', { 'bind:customevent': 'myEventListener' }, slot())],
    })))]);
}

test('triggerEvent: not bubbling, bubbling in the owner tree, composed across components (WeChat example)', () => {
  const cases = [
    [{}, ['pageEventListener2']],
    [{ bubbles: true }, ['pageEventListener2', 'pageEventListener1']],
    [{ bubbles: true, composed: true }, ['pageEventListener2', 'anotherEventListener', 'pageEventListener1']],
    [{ capturePhase: true }, ['pageCapture', 'pageEventListener2']],
    [{ bubbles: true, composed: true, capturePhase: true }, ['pageCapture', 'pageEventListener2', 'anotherEventListener', 'pageEventListener1']],
  ];
  for (const [options, want] of cases) {
    const v = makeView();
    eventSystemPage(v);
    v.handleTrigger({ key: 11, name: 'customevent', detail: { n: 1 }, ...options });
    assert.deepEqual(v.handled(), want, JSON.stringify(options));
    const calls = events(v);
    for (const c of calls) {
      assert.equal(c.key, c.handler === 'anotherEventListener' ? 10 : 1);
      assert.deepEqual(c.event.detail, { n: 1 });
      assert.equal('touches' in c.event, false);
    }
  }
});

test('triggerEvent from a handler dispatches at once (nested in the tap)', () => {
  const v = makeView((op, obj, view) => {
    if (op === 'event' && obj.handler === 'innerTap') view.handleTrigger({ key: 7, name: 'picked', detail: { id: 3 } });
  });
  v.page(1, [comp('card', { 'bind:picked': 'onPicked' }, { key: 7, shadow: [h('view', { id: 'in', catchtap: 'innerTap' })] })]);
  tap(v, 'in');
  assert.deepEqual(v.handled(), ['innerTap', 'onPicked']);
  assert.deepEqual(events(v)[1].event.detail, { id: 3 });
});

test('a tap on a slot element bubbles through the component to the page, target unchanged', () => {
  const v = makeView();
  v.page(1, [h('view', { bindtap: 'pageTap' },
    comp('card', { id: 'c' }, { key: 7, shadow: [h('view', { bindtap: 'frameTap' }, slot())] },
      h('button', { id: 'mine', bindtap: 'mineTap' }, 'go')))]);
  tap(v, 'mine');
  assert.deepEqual(v.handled(), ['mineTap', 'frameTap', 'pageTap']);
  for (const c of events(v)) assert.equal(c.event.target.id, 'mine');
  assert.deepEqual(events(v).map((c) => c.key), [1, 7, 1]);
});

test('after an action the driver flushes renders before it replies', () => {
  const v = makeView();
  v.page(1, [h('view', { id: 'b', bindtap: 't' })]);
  const before = v.flushes();
  tap(v, 'b');
  assert.ok(v.flushes() > before);
});

test('a handle whose node is gone answers an error naming it', () => {
  const v = makeView();
  v.page(1, [h('view', { id: 'b', bindtap: 't' })]);
  const node = v.byId('b');
  v.remove(node);
  for (const op of ['view.tap', 'view.text', 'view.wxml', 'view.attribute', 'view.longpress']) {
    const r = v.driver(op, { id: node.id, name: 'id' });
    assert.equal(r.ok, false);
    assert.match(r.error, new RegExp(`the element ${node.id} is no longer in the page`));
  }
  assert.deepEqual(v.handled(), []);
  assert.match(v.driver('view.nope', {}).error, /unknown view request "view.nope"/);
});
