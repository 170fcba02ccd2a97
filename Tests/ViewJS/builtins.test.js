'use strict';
// Built-in components: inputs, switches, checkboxes, radios, pickers, sliders, forms, navigators,
// buttons, labels, and disabled controls.
const test = require('node:test');
const assert = require('node:assert/strict');
const { makeView, h, comp } = require('./tree-harness.js');

const idOf = (v, id) => v.byId(id).id;
const tap = (v, id) => v.ok('view.tap', { id: idOf(v, id) });
const events = (v) => v.calls.filter((c) => c.op === 'event');
const lastEvent = (v) => events(v).at(-1);

test('input(value) sets the value, fires input {value, cursor, keyCode}, then model:value', () => {
  const v = makeView();
  v.page(1, [h('input', { id: 'name', value: 'old', bindinput: 'onInput', 'model:value': 'form.name' })]);
  v.ok('view.input', { id: idOf(v, 'name'), value: 'Ada' });
  assert.deepEqual(v.calls.map((c) => c.op), ['event', 'model']);
  assert.deepEqual(v.calls[0].event.detail, { value: 'Ada', cursor: 3, keyCode: 'a'.charCodeAt(0) });
  assert.equal(v.calls[0].event.type, 'input');
  assert.deepEqual(v.calls[1], { op: 'model', key: 1, path: 'form.name', value: 'Ada' });
  assert.equal(v.ok('view.value', { id: idOf(v, 'name') }), 'Ada');
  assert.equal(v.ok('view.property', { id: idOf(v, 'name'), name: 'value' }), 'Ada');
  assert.equal(v.ok('view.attribute', { id: idOf(v, 'name'), name: 'value' }), 'old');
  v.ok('view.input', { id: idOf(v, 'name'), value: 'Ad' });
  assert.equal(lastEvent(v).event.detail.keyCode, 8, 'a shorter value is a backspace');
});

test('a render that changes the value attribute wins over what was typed', () => {
  const v = makeView();
  v.page(1, [h('textarea', { id: 't', value: 'a' })]);
  v.ok('view.input', { id: idOf(v, 't'), value: 'typed' });
  v.byId('t').attrs.value = 'from data';
  assert.equal(v.ok('view.value', { id: idOf(v, 't') }), 'from data');
});

test('maxlength cuts typed text: 140 by default, -1 for none', () => {
  const v = makeView();
  v.page(1, [h('input', { id: 'a' }), h('input', { id: 'b', maxlength: 3 }), h('input', { id: 'c', maxlength: -1 })]);
  const long = 'x'.repeat(200);
  for (const [id, len] of [['a', 140], ['b', 3], ['c', 200]]) {
    v.ok('view.input', { id: idOf(v, id), value: long });
    assert.equal(v.ok('view.value', { id: idOf(v, id) }).length, len, id);
  }
});

test('input() refuses other elements and disabled inputs', () => {
  const v = makeView();
  v.page(1, [h('view', { id: 'v' }), h('input', { id: 'off', disabled: true })]);
  assert.match(v.driver('view.input', { id: idOf(v, 'v'), value: 'x' }).error, /input or textarea element, not <view>/);
  assert.match(v.driver('view.input', { id: idOf(v, 'off'), value: 'x' }).error, /disabled/);
});

test('confirm from a test carries the input value when no detail is given', () => {
  const v = makeView();
  v.page(1, [h('input', { id: 'q', bindconfirm: 'onConfirm' })]);
  v.ok('view.input', { id: idOf(v, 'q'), value: 'tea' });
  v.ok('view.trigger', { id: idOf(v, 'q'), type: 'confirm' });
  assert.deepEqual(lastEvent(v).event.detail, { value: 'tea' });
});

test('switch tap toggles and fires change {value}', () => {
  const v = makeView();
  v.page(1, [h('switch', { id: 's', checked: true, bindchange: 'onSwitch', bindtap: 'onTap' })]);
  tap(v, 's');
  assert.deepEqual(v.handled(), ['onTap', 'onSwitch']);
  assert.deepEqual(lastEvent(v).event.detail, { value: false });
  assert.equal(v.ok('view.property', { id: idOf(v, 's'), name: 'checked' }), false);
  tap(v, 's');
  assert.deepEqual(lastEvent(v).event.detail, { value: true });
});

test('checkbox taps toggle; checkbox-group fires change with the checked values in order', () => {
  const v = makeView();
  v.page(1, [h('checkbox-group', { bindchange: 'onChange' },
    h('checkbox', { id: 'a', value: 'a', checked: true }),
    h('label', {}, h('checkbox', { id: 'b', value: 2 }), h('text', { id: 'bt' }, 'B')),
    h('checkbox', { id: 'c', value: 'c', disabled: true }))]);
  tap(v, 'b');
  assert.deepEqual(lastEvent(v).event.detail, { value: ['a', '2'] });
  tap(v, 'a');
  assert.deepEqual(lastEvent(v).event.detail, { value: ['2'] });
  tap(v, 'bt');
  assert.deepEqual(lastEvent(v).event.detail, { value: [] }, 'a label acts for the checkbox inside it');
  const before = events(v).length;
  tap(v, 'c');
  assert.equal(events(v).length, before, 'a disabled checkbox does nothing');
});

test('radio-group: choosing a radio unchecks the others and fires change once', () => {
  const v = makeView();
  v.page(1, [h('radio-group', { bindchange: 'onChange' },
    h('radio', { id: 'r1', value: 'cn', checked: true }), h('radio', { id: 'r2', value: 'us' }))]);
  tap(v, 'r2');
  assert.deepEqual(lastEvent(v).event.detail, { value: 'us' });
  assert.equal(v.ok('view.property', { id: idOf(v, 'r1'), name: 'checked' }), false);
  tap(v, 'r2');
  assert.equal(events(v).length, 1, 'an already checked radio fires nothing');
});

test('label for= acts for the control with that id', () => {
  const v = makeView();
  v.page(1, [h('label', { id: 'l', for: 'sw' }, 'Wifi'), h('switch', { id: 'sw', bindchange: 'onSwitch' })]);
  tap(v, 'l');
  assert.deepEqual(v.handled(), ['onSwitch']);
});

test('picker and slider: a change from the test moves their value', () => {
  const v = makeView();
  v.page(1, [h('picker', { id: 'p', range: ['a', 'b'], value: 0, bindchange: 'onPick', 'model:value': 'idx' }),
    h('slider', { id: 's', min: 10, bindchange: 'onSlide' })]);
  assert.equal(v.ok('view.value', { id: idOf(v, 's') }), 10);
  v.ok('view.trigger', { id: idOf(v, 'p'), type: 'change', detail: { value: 1 } });
  v.ok('view.trigger', { id: idOf(v, 's'), type: 'change', detail: { value: 42 } });
  assert.equal(v.ok('view.value', { id: idOf(v, 'p') }), 1);
  assert.equal(v.ok('view.value', { id: idOf(v, 's') }), 42);
  assert.deepEqual(v.handled(), ['onPick', 'onSlide']);
  assert.deepEqual(v.calls.find((c) => c.op === 'model'), { op: 'model', key: 1, path: 'idx', value: 1 });
});

function formPage(v) {
  v.page(1, [h('form', { id: 'f', bindsubmit: 'onSubmit', bindreset: 'onReset' },
    h('input', { name: 'user', id: 'user', value: 'u0' }),
    h('textarea', { name: 'bio', id: 'bio' }),
    h('switch', { name: 'on', checked: true }),
    h('slider', { name: 'level', value: 5 }),
    h('picker', { name: 'pick', id: 'pick', value: 2 }),
    h('checkbox-group', { name: 'tags' }, h('checkbox', { value: 'x', checked: true }), h('checkbox', { value: 'y' })),
    h('radio-group', { name: 'size' }, h('radio', { value: 's' }), h('radio', { value: 'm', checked: true })),
    h('input', { id: 'anon', value: 'no name' }),
    comp('rating', { name: 'stars' }, { key: 9, data: { value: 4 }, shadow: [h('view', {}, 'stars')] }),
    h('button', { id: 'go', 'form-type': 'submit' }, h('text', { id: 'goText' }, 'Go')),
    h('button', { id: 'clear', 'form-type': 'reset' }, 'Clear'))]);
}

test('a submit button inside a form submits every named field', () => {
  const v = makeView();
  formPage(v);
  v.ok('view.input', { id: idOf(v, 'user'), value: 'ada' });
  v.ok('view.trigger', { id: idOf(v, 'pick'), type: 'change', detail: { value: 0 } });
  tap(v, 'goText');
  const submit = lastEvent(v);
  assert.equal(submit.handler, 'onSubmit');
  assert.equal(submit.event.type, 'submit');
  assert.equal(submit.event.target.id, 'f');
  assert.deepEqual(submit.event.detail, {
    value: { user: 'ada', bio: '', on: true, level: 5, pick: 0, tags: ['x'], size: 'm', stars: 4 },
  });
});

test('a reset button resets the fields and fires reset', () => {
  const v = makeView();
  formPage(v);
  v.ok('view.input', { id: idOf(v, 'user'), value: 'ada' });
  tap(v, 'clear');
  assert.equal(lastEvent(v).handler, 'onReset');
  assert.equal(v.ok('view.value', { id: idOf(v, 'user') }), 'u0');
});

test('navigator tap navigates with its open-type', () => {
  const v = makeView();
  v.page(1, [
    h('navigator', { id: 'n1', url: '/pages/a/a?x=1', bindtap: 'onNav' }, h('text', { id: 'n1t' }, 'A')),
    h('navigator', { id: 'n2', url: '/pages/b/b', 'open-type': 'redirect' }),
    h('navigator', { id: 'n3', url: '/pages/t/t', 'open-type': 'switchTab' }),
    h('navigator', { id: 'n4', url: '/pages/r/r', 'open-type': 'reLaunch' }),
    h('navigator', { id: 'n5', 'open-type': 'navigateBack', delta: 2 }),
    h('navigator', { id: 'n6', url: '/pages/x/x', disabled: true }),
  ]);
  for (const id of ['n1t', 'n2', 'n3', 'n4', 'n5', 'n6']) tap(v, id);
  const navs = v.calls.filter((c) => c.op === 'navigate');
  assert.deepEqual(navs, [
    { op: 'navigate', url: '/pages/a/a?x=1', openType: 'navigate' },
    { op: 'navigate', url: '/pages/b/b', openType: 'redirect' },
    { op: 'navigate', url: '/pages/t/t', openType: 'switchTab' },
    { op: 'navigate', url: '/pages/r/r', openType: 'reLaunch' },
    { op: 'navigate', url: '', openType: 'navigateBack', delta: 2 },
  ]);
  assert.equal(v.calls[0].handler, 'onNav', 'the tap handler runs before navigation');
});

test('a disabled button, and anything in it, fires no tap; an enabled one does', () => {
  const v = makeView();
  v.page(1, [h('view', { bindtap: 'outer' },
    h('button', { id: 'off', disabled: true, bindtap: 'offTap' }, h('text', { id: 'offText' }, 'no')),
    h('button', { id: 'on', disabled: false, bindtap: 'onTap' }, 'yes'))]);
  tap(v, 'off');
  tap(v, 'offText');
  v.ok('view.trigger', { id: idOf(v, 'off'), type: 'tap' });
  assert.deepEqual(v.handled(), []);
  tap(v, 'on');
  assert.deepEqual(v.handled(), ['onTap', 'outer']);
});

test('a custom component element: property() reads its data, component() its key', () => {
  const v = makeView();
  v.page(1, [comp('rating', { id: 'r' }, { key: 9, data: { value: 4, label: 'Stars' }, shadow: [] }), h('view', { id: 'v' })]);
  assert.equal(v.ok('view.property', { id: idOf(v, 'r'), name: 'label' }), 'Stars');
  assert.equal(v.ok('view.value', { id: idOf(v, 'r') }), 4);
  assert.equal(v.ok('view.component', { id: idOf(v, 'r') }), 9);
  assert.match(v.driver('view.component', { id: idOf(v, 'v') }).error, /<view> is not a custom component element/);
});
