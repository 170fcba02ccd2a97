'use strict';
// The browser preview's copy of a page (`view.sync`, 78-preview.js) on trees the render core made:
// a full answer, then only what changed; a component's owner record with its scope and external
// classes as the owner gave them; slots and blocks flattened away.
const test = require('node:test');
const assert = require('node:assert/strict');
const core = require('./harness.js');

function ok(h, op, arg) {
  h.view.driver(5, op, JSON.stringify(arg));
  const r = h.replies[h.replies.length - 1];
  assert.equal(r.ok, true, `${op}: ${r.error}`);
  return r.value;
}

function counterPage() {
  const { T, openPage } = core;
  const { el, text, e, id } = T;
  const body = [el('view', [['class', 'page']], [
    el('text', [['id', 'n']], [text(e(id('n')))]),
    T.block([el('input', [['id', 'name'], ['value', e(id('name'))]], [])]),
    T.ifs([id('shown'), el('view', [['id', 'extra'], ['hidden', e(id('hidden'))]], [text('extra')])]),
  ])];
  return openPage(body, { n: 1, name: 'Ann', shown: true, hidden: false });
}

test('view.sync answers the page in full, then only the nodes that changed and those removed', () => {
  const h = counterPage();
  const full = ok(h, 'view.sync', { page: 1 });
  assert.equal(full.full, true);
  assert.equal(full.key, 1);
  const nodes = Object.entries(full.nodes).map(([nid, n]) => ({ nid: Number(nid), ...n }));
  const root = nodes.find((n) => n.t === 'view' && n.a.class === 'page');
  assert.deepEqual(full.roots, [root.nid]);
  assert.equal(nodes.some((n) => n.t === 'block'), false, 'a block is flattened into its parent');
  const input = nodes.find((n) => n.t === 'input');
  assert.equal(input.v, 'Ann');
  assert.ok(root.c.includes(input.nid), 'the block\'s input is the page view\'s child');
  const extra = nodes.find((n) => n.a && n.a.id === 'extra');
  assert.equal('hidden' in extra.a, false, 'a false attribute is absent');
  assert.deepEqual(full.owners['1'], { path: 'pages/p/p', scope: '', parent: null, ext: {} });

  assert.deepEqual(ok(h, 'view.sync', { page: 1 }), { full: false, key: 1, route: 'pages/p/p', roots: full.roots, owners: {}, set: {}, remove: [] });

  h.patch(1, { n: 2, hidden: true });
  const patch = ok(h, 'view.sync', { page: 1 });
  assert.equal(patch.full, false);
  const changed = Object.values(patch.set);
  assert.deepEqual(changed.filter((n) => 'x' in n), [{ x: '2' }]);
  assert.equal(changed.find((n) => n.a && n.a.id === 'extra').a.hidden, '', 'true is an empty value');
  assert.equal(changed.length, 2);

  h.patch(1, { shown: false });
  const removed = ok(h, 'view.sync', { page: 1 });
  assert.equal(removed.remove.length, 2, 'the view and its text are gone');
  assert.ok(removed.set[String(root.nid)], 'the parent\'s child list changed');
  assert.equal(ok(h, 'view.sync', { page: 1, full: true }).full, true, 'full: true asks for everything again');
});

test('view.sync: a component host carries its instance; its owner has a scope and the external classes given', () => {
  const { T, openPage } = core;
  const { el, text, e, id } = T;
  const templates = {
    'components/card/card.wxml': T.file([el('view', [['class', 'box title-class']], [T.slot(), el('text', [], [text(e(id('title')))])])],
      { path: 'components/card/card.wxml' }),
  };
  const components = { 'components/card/card': { props: ['title'], data: { title: '' }, externalClasses: ['title-class'] } };
  const body = [el('card', [['title', 'Hi'], ['title-class', 'big red']], [el('text', [['class', 'slotted']], [text('in slot')])])];
  const h = openPage(body, {}, { templates, components, file: { using: { card: 'components/card/card' } } });
  const full = ok(h, 'view.sync', { page: 1 });
  const host = full.nodes[String(full.roots[0])];
  assert.equal(host.t, 'card');
  assert.equal(host.o, 1);
  const owner = full.owners[String(host.comp)];
  assert.equal(owner.path, 'components/card/card');
  assert.match(owner.scope, /^c\d+$/);
  assert.equal(owner.parent, 1);
  const box = full.nodes[String(host.c[0])];
  assert.equal(box.o, host.comp);
  assert.deepEqual(owner.ext, { 'title-class': 'big red' });
  assert.equal(box.a.class, 'box title-class', 'the class as the component wrote it: the client maps external names');
  const slotted = box.c.map((c) => full.nodes[String(c)]).find((n) => n.a && n.a.class === 'slotted');
  assert.equal(slotted.o, 1, 'slot content belongs to the page');
});
