'use strict';
// Render timings of the view runtime in node: first render of a page of 1,000 nodes (500 list
// items, each a view and its text) and of a 1,000-item list (2,001 nodes), and the update of one
// item's field in the 1,000-item list (patch + flush). Medians of many runs, in milliseconds.
// Run: node Tests/ViewJS/bench.js
const { performance } = require('perf_hooks');
const { makeView, T } = require('./harness');

const { el, text, e, id, get } = T;
const row = el('view', [['class', 'item'], ['data-id', e(get('item', 'id'))]], [text(e(get('item', 'name')))]);
const templates = {
  'pages/list/list.wxml': T.file([el('view', [['class', 'list']], [T.for(e(id('list')), row, { key: 'id' })])], { path: 'pages/list/list.wxml' }),
};
const items = (n) => Array.from({ length: n }, (_, i) => ({ id: i, name: 'item ' + i }));
function median(xs) { const s = xs.slice().sort((a, b) => a - b); return s[s.length >> 1]; }
function time(fn) { const t0 = performance.now(); fn(); return performance.now() - t0; }

function firstRender(n, runs) {
  const h = makeView({ templates });
  const data = { list: items(n) };
  const cold = time(() => h.open(1, 'pages/list/list', data));
  const warm = [];
  for (let r = 0; r < runs; r++) {
    const key = 2 + r;
    warm.push(time(() => h.open(key, 'pages/list/list', data)));
    h.view.close(JSON.stringify({ key }));
  }
  return { cold, warm: median(warm), nodes: h.internals.nodesById.size };
}
function update(runs) {
  const h = makeView({ templates });
  h.open(1, 'pages/list/list', { list: items(1000) });
  const times = [];
  for (let r = 0; r < runs; r++) {
    const i = (r * 37) % 1000;
    times.push(time(() => {
      h.view.patch(JSON.stringify({ key: 1, data: { ['list[' + i + '].name']: 'changed ' + r } }));
      h.view.flush();
    }));
  }
  const check = h.internals.instances.get(1).nodes[0].children[(runs - 1) * 37 % 1000].children[0].text;
  if (check !== 'changed ' + (runs - 1)) throw new Error('the update did not reach the tree: ' + check);
  return median(times);
}

const page1000 = firstRender(500, 200);
const list1000 = firstRender(1000, 100);
const upd = update(2000);
console.log(JSON.stringify({
  first_render_ms: +page1000.warm.toFixed(3), first_render_cold_ms: +page1000.cold.toFixed(3), nodes: page1000.nodes,
  first_render_1000_items_ms: +list1000.warm.toFixed(3), nodes_1000_items: list1000.nodes,
  update_ms: +upd.toFixed(4),
}));
