'use strict';
// The preview client (Sources/MiniHostPreview/Web) in a real headless Chromium: fixture
// messages are fed through window.minihostPreview.receive, the socket is a recorder, and the
// dumped DOM is checked. Scenarios are in harness/scenario-*.js.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { makeHarness, limiter, sent, snapshot, CHROMIUM } = require('./support');

const hasChromium = fs.existsSync(CHROMIUM);
const SCENARIOS = ['render', 'patch', 'refresh', 'dialogs', 'toast', 'compile', 'panels', 'styles', 'richtext'];
const LIVE = ['events'];
let harness;
const runs = {};

before(() => {
  if (!hasChromium) return;
  harness = makeHarness();
  const slot = limiter(3);
  for (const name of SCENARIOS) runs[name] = slot(() => harness.run(name));
  for (const name of LIVE) runs[name] = slot(() => harness.runLive(name));
  // Failures are reported by the test that awaits the run.
  for (const name of Object.keys(runs)) runs[name].catch(() => {});
});

after(() => { if (harness) harness.cleanup(); });

const opts = { skip: hasChromium ? false : 'no chromium at ' + CHROMIUM };

/** The run's document, after checking its scenario finished without an error. */
async function scenario(name) {
  const doc = await runs[name];
  const body = doc.find((n) => n.tag === 'body');
  const html = doc.find((n) => n.tag === 'html');
  assert.equal(html.attrs['data-test-error'], undefined, 'a script error in ' + name);
  assert.equal(body.attrs['data-test-failed'], undefined, name + ' failed');
  assert.equal(body.attrs['data-test-done'], 'yes', name + ' did not finish');
  return doc;
}

const note = (doc, name) => {
  const v = doc.find((n) => n.tag === 'body').attrs['data-test-' + name];
  return v === undefined ? undefined : v.startsWith('[') || v.startsWith('{') ? JSON.parse(v) : v;
};
const state = (doc) => doc.find((n) => n.tag === 'html').attrs['data-mh-state'];
const classes = (n) => (n.attrs.class || '').split(' ').filter(Boolean);
const childIds = (doc, n) => doc.elements(n).map((c) => c.attrs['data-mh-id']);
const withoutImageEvents = (list) => list.filter((m) => !(m.type === 'trigger' && (m.event === 'error' || m.event === 'load')));

test('a page message makes the elements, classes scoped by owner, text, hidden and images', opts, async () => {
  const doc = await scenario('render');
  assert.equal(state(doc), 'ready');
  const page = doc.byId('mh-page');
  assert.equal(page.tag, 'wx-page');
  assert.deepEqual(childIds(doc, page), ['1']);
  const root = doc.byMhId(1);
  assert.equal(root.tag, 'wx-view');
  assert.deepEqual(childIds(doc, root), ['2', '3', '4', '5', '7', '8', '9', '10', '11', '12', '13']);
  const title = doc.byMhId(2);
  assert.equal(title.tag, 'wx-text');
  assert.deepEqual(classes(title), ['title']);
  assert.equal(title.attrs.id, 'title');
  assert.equal(doc.text(title), 'Hello <b>world</b> & friends', 'app text stays text');
  assert.equal(doc.find((n) => n.tag === 'b' && doc.text(n) === 'world'), null);
  // The component's host is in the page's scope; its content in c2's, the external class expanded.
  const host = doc.byMhId(5);
  assert.equal(host.tag, 'wx-card');
  assert.deepEqual(classes(host), ['outer']);
  assert.equal(host.attrs['data-mh-host'], 'c2');
  assert.deepEqual(classes(doc.byMhId(6)), ['c2-card', 'my-btn', 'big']);
  assert.equal(doc.text(doc.byMhId(6)), 'in the card');
  assert.equal(doc.byMhId(7).attrs.hidden, '');
  assert.equal(doc.byMhId(2).attrs.hidden, undefined);
  // Images: relative to the owner's path, absolute from the package root, http(s) as is.
  const img = (id) => doc.elements(doc.byMhId(id)).find((c) => c.tag === 'img');
  assert.equal(img(3).attrs.src, '/package/images/logo.png');
  assert.equal(doc.byMhId(3).attrs.mode, 'aspectFit');
  assert.equal(img(14).attrs.src, '/package/components/card/icon.png');
  assert.equal(img(11).attrs.src, '/package/static/x.png');
  assert.equal(img(12).attrs.src, 'https://example.com/a.png');
  assert.equal(img(4).attrs.src, undefined, 'a javascript: image source is never set');
  // Only class, style, id, data-* from the app; never on*, href, or the tool's own hooks.
  const odd = doc.byMhId(8);
  assert.deepEqual(Object.keys(odd.attrs).sort(), ['data-item', 'data-mh-id', 'style']);
  assert.equal(odd.attrs['data-mh-id'], '8');
  assert.equal(odd.attrs.style, "width: calc(100 * var(--rpx)); margin: calc(-20 * var(--rpx)) 0 calc(.5 * var(--rpx)); font-family: '10rpx'");
  assert.equal(doc.all((n) => n.attrs.id === 'mh-page').length, 1);
  const button = doc.byMhId(10);
  assert.equal(button.tag, 'wx-button');
  assert.equal(button.attrs.type, 'primary');
  assert.equal(button.attrs.size, 'mini');
  const input = doc.elements(doc.byMhId(9)).find((c) => c.tag === 'input');
  assert.equal(input.attrs.placeholder, 'your name');
  assert.equal(input.attrs.maxlength, '10');
  assert.equal(doc.byMhId(13).attrs.checked, undefined, 'k: false wins over the checked attribute');
  // The frame, the nav bar, the back button, the tab bar, the stack panel.
  const frame = doc.byId('mh-frame').attrs.style;
  for (const part of ['width: 390px', 'height: 844px', '--rpx: 0.52px']) assert.ok(frame.includes(part), frame);
  assert.equal(doc.text(doc.byId('mh-nav-title')), 'Index <title>');
  assert.equal(doc.byId('mh-back').attrs.hidden, undefined);
  assert.equal(doc.text(doc.byId('mh-app-name')), 'Fixture <b>App</b>');
  const tabs = doc.byAttr('data-mh-tab');
  assert.deepEqual(tabs.map((t) => t.attrs['aria-selected']), ['true', 'false']);
  assert.equal(doc.byId('mh-tabbar').attrs.hidden, undefined);
  assert.equal(doc.find((n) => n.attrs.class === 'mh-tab-icon').attrs.src, '/package/images/home-on.png');
  assert.deepEqual(doc.elements(doc.byId('mh-stack-list')).map(doc.text), ['pages/index/index', 'pages/list/list']);
  assert.equal(doc.byAttr('data-mh-device').length, 1);
  assert.deepEqual(withoutImageEvents(sent(doc)), []);
});

test('a patch updates text and attributes, reorders children, removes and replaces nodes', opts, async () => {
  const doc = await scenario('patch');
  const root = doc.byMhId(1);
  assert.deepEqual(childIds(doc, root), ['13', '2', '30', '9', '10']);
  assert.equal(doc.text(doc.byMhId(2)), 'Goodbye');
  assert.deepEqual(classes(doc.byMhId(2)), ['title', 'done']);
  assert.equal(doc.byMhId(2).attrs['data-n'], '2');
  for (const id of [3, 4, 5, 6, 7, 8, 11, 12, 14]) assert.equal(doc.byMhId(id), null, 'node ' + id + ' is gone');
  assert.equal(doc.find((n) => n.tag === 'wx-card'), null);
  const replaced = doc.byMhId(30);
  assert.equal(replaced.tag, 'wx-text', 'a node whose tag changed is a new element');
  assert.equal(doc.text(replaced), 'fresh');
  assert.equal(doc.all((n) => n.attrs['data-mh-id'] === '30').length, 1);
  assert.equal(note(doc, 'input-value'), 'carol', 'the live value wins over the attribute');
  assert.equal(doc.byMhId(13).attrs.checked, '');
  assert.equal(doc.byMhId(10).attrs.type, 'warn');
  assert.equal(doc.byMhId(10).attrs.size, undefined, 'an attribute the app dropped is removed');
  assert.deepEqual(note(doc, 'sent'), [], 'no refresh asked');
});

test('an unknown page key or node id asks for a refresh; bad messages are ignored; exit shows', opts, async () => {
  const doc = await scenario('refresh');
  assert.deepEqual(note(doc, 'after-wrong-key'), [{ type: 'refresh' }]);
  assert.deepEqual(withoutImageEvents(note(doc, 'after-unknown')), [{ type: 'refresh' }, { type: 'refresh' }]);
  assert.equal(note(doc, 'state-exited'), 'exited');
  const exit = snapshot(doc, 'exit');
  assert.equal(doc.text(exit.byId('mh-exit-status')), 'crashed');
  assert.equal(doc.text(exit.byId('mh-exit-reason')), 'out of <memory>');
  assert.equal(exit.byId('mh-exit').attrs.hidden, undefined);
  assert.equal(note(doc, 'state-again'), 'ready');
  assert.equal(doc.byId('mh-exit').attrs.hidden, '');
  assert.equal(doc.text(doc.byMhId(2)), 'Hello <b>world</b> & friends', 'the wrong page\'s patch was not applied');
});

test('prompts show #mh-dialog with the right buttons and send one answer each', opts, async () => {
  const doc = await scenario('dialogs');
  const modal = snapshot(doc, 'modal');
  const box = modal.byId('mh-dialog');
  assert.equal(box.attrs['data-mh-kind'], 'modal');
  assert.equal(box.attrs['data-mh-prompt'], '7');
  assert.match(doc.text(box), /Delete <it>\?/);
  assert.match(doc.text(box), /Sure\?/);
  assert.deepEqual(modal.byAttr('data-mh-answer').map((b) => [b.attrs['data-mh-answer'], doc.text(b)]), [['cancel', 'No'], ['confirm', 'Yes']]);
  const sheet = snapshot(doc, 'sheet');
  assert.deepEqual(sheet.byAttr('data-mh-pick').map((b) => doc.text(b)), ['Red', 'Green', '<Blue>']);
  assert.equal(sheet.byAttr('data-mh-answer', 'cancel').length, 1);
  const editable = snapshot(doc, 'editable');
  assert.equal(editable.byAttr('data-mh-answer', 'cancel').length, 0, 'showCancel: false');
  assert.equal(editable.find((n) => n.tag === 'textarea').attrs.placeholder, 'type');
  const payment = snapshot(doc, 'payment');
  assert.deepEqual(payment.byAttr('data-mh-answer').map((b) => b.attrs['data-mh-answer']), ['deny', 'once']);
  assert.match(doc.text(payment.byId('mh-dialog')), /Fixture <b>App<\/b> wants to pay 12\.00 CNY/);
  assert.equal(note(doc, 'after-closed'), 'none', 'promptClosed closes it');
  // The permission prompt is still open.
  const open = doc.byId('mh-dialog');
  assert.equal(open.attrs['data-mh-kind'], 'permission');
  assert.deepEqual(doc.within(open).byAttr('data-mh-answer').map((b) => b.attrs['data-mh-answer']), ['deny', 'once', 'always']);
  assert.match(doc.text(open), /to find <b>taxis<\/b>/);
  assert.equal(doc.within(open).find((n) => n.tag === 'b'), null);
  assert.deepEqual(withoutImageEvents(sent(doc)), [
    { type: 'answer', id: 7, answer: 'confirm', pick: null, content: null },
    { type: 'answer', id: 8, answer: 'confirm', pick: 2, content: null },
    { type: 'answer', id: 9, answer: 'confirm', pick: null, content: 'Ann' },
  ]);
});

test('toasts and loading show and go; the navigation bar title and tab badges follow the app', opts, async () => {
  const doc = await scenario('toast');
  assert.equal(note(doc, 'quick-shown'), 'true');
  assert.equal(note(doc, 'quick-gone'), 'true', 'a toast goes after its duration');
  const loading = snapshot(doc, 'loading');
  assert.equal(loading.byId('mh-toast').attrs['data-mh-kind'], 'loading');
  assert.equal(doc.text(loading.byId('mh-toast')), 'Loading');
  assert.equal(loading.find((n) => n.attrs.class === 'mh-toast-mask') !== null, true, 'mask: true blocks the page');
  const toast = doc.byId('mh-toast');
  assert.equal(toast.attrs['data-mh-kind'], 'toast');
  assert.equal(toast.attrs['data-mh-icon'], 'success');
  assert.equal(doc.text(toast), 'Saved <ok>');
  assert.equal(doc.all((n) => n.attrs.id === 'mh-toast').length, 1);
  assert.equal(doc.text(doc.byId('mh-nav-title')), 'New <title>');
  assert.equal(doc.text(doc.find((n) => n.attrs.class === 'mh-tab-badge')), '3');
});

test('a compile error shows its file, line and column over the app', opts, async () => {
  const doc = await scenario('compile');
  assert.equal(state(doc), 'compile-error');
  const overlay = doc.byId('mh-compile-error');
  assert.equal(overlay.attrs.hidden, undefined);
  assert.equal(doc.text(doc.byId('mh-compile-error-where')), 'pages/index/index.wxml:3:7');
  assert.equal(doc.text(doc.byId('mh-compile-error-message')), 'unexpected </view> <script>');
  assert.equal(doc.byId('mh-exit').attrs.hidden, '', 'the exit that follows stays behind the error');
});

test('the panels show console entries, errors with stacks, data, audit, stack and world', opts, async () => {
  const doc = await scenario('panels');
  const entries = doc.elements(doc.byId('mh-console-entries'));
  const levels = entries.map((e) => e.attrs['data-level']);
  assert.deepEqual(levels.filter((l) => l !== 'ui'), ['log', 'warn', 'log', 'error', 'lifecycle']);
  const message = (e) => doc.text(doc.within(e).find((n) => n.attrs.class === 'mh-log-message'));
  assert.equal(message(entries[0]), 'hello <b>console</b>');
  const error = entries.find((e) => e.attrs['data-level'] === 'error');
  assert.equal(message(error), 'TypeError: x is undefined');
  assert.equal(doc.text(doc.within(error).find((n) => n.attrs.class === 'mh-log-stack')), 'at onTap (pages/index/index.js:12:5)');
  assert.equal(message(entries.find((e) => e.attrs['data-level'] === 'lifecycle')), 'page onLoad pages/index/index');
  assert.deepEqual(JSON.parse(doc.text(doc.byId('mh-data-json'))), { count: 2, name: '<img src=x onerror=alert(1)>' });
  assert.equal(doc.text(doc.byId('mh-data-route')), 'pages/index/index');
  const rows = doc.elements(doc.byId('mh-audit-rows'));
  assert.deepEqual(rows.map((r) => doc.elements(r).map(doc.text)), [
    ['2024-01-01T00:00:00Z', 'location', 'allow', 'getLocation'],
    ['2024-01-01T00:00:01Z', 'payment', 'deny', 'requestPayment amount=12.00'],
  ]);
  assert.equal(doc.text(doc.find((n) => n.attrs.class === 'mh-balance')), '12.00');
  assert.match(doc.text(doc.byId('mh-wallet')), /CNY/);
  assert.match(doc.text(doc.byId('mh-conversations')), /Mom: hi <3/);
  assert.equal(doc.byId('mh-world').attrs.hidden, undefined, 'the World tab was selected');
  assert.equal(doc.byId('mh-console').attrs.hidden, '');
  const moves = note(doc, 'sent');
  assert.deepEqual(moves.map((m) => m.type), ['location', 'location']);
  // A click at three quarters across and a quarter down the map (0.02 by 0.03 degrees).
  assert.ok(Math.abs(moves[0].latitude - 31.235) < 1e-4 && Math.abs(moves[0].longitude - 121.4775) < 1e-4, JSON.stringify(moves[0]));
  assert.deepEqual(moves[1], { type: 'location', latitude: 30.5, longitude: 120.25 });
  assert.match(doc.text(doc.byId('mh-location-error')), /latitude must be from -90 to 90/);
});

test('the app\'s CSS reaches only the page; rpx follows the device', opts, async () => {
  const doc = await scenario('styles');
  const s = note(doc, 'styles');
  assert.equal(s.title, 'rgb(1, 2, 3)');
  assert.equal(s.card, 'rgb(4, 5, 6)');
  assert.equal(s.host, 'block', ':host styles reach the component host');
  assert.equal(s.hidden, 'none', 'hidden wins over the app\'s display');
  assert.equal(s.dialog, 'flex', 'the app cannot hide the tool\'s dialog');
  assert.notEqual(s.tab, 'rgb(9, 9, 9)');
  assert.notEqual(s.body, 'rgb(7, 7, 7)');
  assert.notEqual(s.frameBorder, 'rgb(8, 8, 8)');
  assert.equal(s.viewport, 'relative');
  assert.equal(s.rpx, '0.52px');
  assert.equal(s.width, '52px');
  assert.equal(s.view, 'block');
  assert.equal(s.text, 'inline');
  assert.equal(s.button, 'inline-block', 'a mini button');
  assert.deepEqual(note(doc, 'se'), { width: '50px', frame: '375px' });
  const sheet = doc.find((n) => n.tag === 'style' && n.attrs['data-mh-style'] === 'page');
  assert.match(doc.text(sheet), /@scope \(#mh-app-root\)/);
  assert.doesNotMatch(doc.text(sheet), /evil\.css/);
});

test('rich-text keeps only allowed tags and attributes', opts, async () => {
  const doc = await scenario('richtext');
  const html = doc.byMhId(2);
  const inside = doc.within(html);
  assert.equal(inside.find((n) => ['script', 'iframe', 'custom'].includes(n.tag)), null);
  assert.equal(inside.all((n) => Object.keys(n.attrs).some((k) => k.startsWith('on') || k === 'href')).length, 0);
  assert.deepEqual(classes(inside.find((n) => n.tag === 'div')), ['x']);
  assert.equal(inside.find((n) => n.tag === 'img').attrs.src, '/package/pages/index/pic.png');
  assert.equal(doc.text(inside.find((n) => n.tag === 'a')), 'link');
  assert.match(doc.text(html), /kept/);
  assert.equal(inside.find((n) => n.tag === 'p').attrs.style, 'margin: calc(10 * var(--rpx))');
  const nodes = doc.within(doc.byMhId(3));
  const div = nodes.find((n) => n.tag === 'div');
  assert.deepEqual(classes(div), ['c2-y'], 'classes in the component\'s scope');
  assert.deepEqual(Object.keys(div.attrs).sort(), ['class', 'style']);
  assert.equal(doc.text(div), '<b>t</b>');
  assert.equal(nodes.find((n) => n.tag === 'script'), null);
  assert.equal(nodes.find((n) => n.tag === 'img').attrs.src, 'https://example.com/p.png');
});

test('gestures: one tap with the innermost id, input, confirm, longpress, picker, scroll, swiper', opts, async () => {
  const doc = await scenario('events');
  assert.deepEqual(note(doc, 'click'), [{ type: 'tap', id: 4 }]);
  assert.deepEqual(note(doc, 'typing'), [
    { type: 'trigger', id: 5, event: 'focus', detail: { value: '', height: 0 } },
    { type: 'input', id: 5, value: 'hi' },
    { type: 'confirm', id: 5, value: 'hi' },
  ]);
  assert.equal(note(doc, 'after-echo'), 'hi!', 'a late echo does not undo typing');
  assert.equal(note(doc, 'after-app-value'), 'cleared');
  assert.deepEqual(note(doc, 'longpress'), [{ type: 'longpress', id: 3 }], 'a held press is a longpress, not a tap');
  const picker = snapshot(doc, 'picker');
  assert.deepEqual(picker.byAttr('data-mh-pick').map(doc.text), ['A', 'B', 'C']);
  assert.deepEqual(note(doc, 'picker').filter((m) => m.event !== 'blur'), [
    { type: 'tap', id: 9 },
    { type: 'trigger', id: 8, event: 'change', detail: { value: 2 } },
  ]);
  assert.deepEqual(note(doc, 'slider'), [{ type: 'trigger', id: 11, event: 'change', detail: { value: 7 } }]);
  const scroll = note(doc, 'scroll');
  assert.equal(scroll.length, 1);
  assert.equal(scroll[0].event, 'scroll');
  assert.equal(scroll[0].id, 13);
  assert.equal(scroll[0].detail.scrollTop, 200);
  assert.equal(scroll[0].detail.scrollHeight, 1000);
  assert.equal(note(doc, 'scroll-top'), '300', 'scroll-top scrolls the scroll-view');
  assert.deepEqual(note(doc, 'swiper'), [{ type: 'trigger', id: 15, event: 'change', detail: { current: 1, currentItemId: 'b', source: 'touch' } }]);
  assert.deepEqual(note(doc, 'swiper-dots'), ['mh-swiper-dot', 'mh-swiper-dot mh-active', 'mh-swiper-dot']);
  assert.deepEqual(note(doc, 'chrome'), [{ type: 'switchTab', url: '/pages/me/me' }, { type: 'back' }]);
  const paint = note(doc, 'paint');
  assert.equal(typeof paint.inputToPaintMs, 'number');
  assert.ok(paint.inputToPaintMs >= 0 && paint.inputToPaintMs < 1000, 'inputToPaintMs ' + paint.inputToPaintMs);
  assert.equal(doc.text(doc.byMhId(4)), 'tapped');
});
