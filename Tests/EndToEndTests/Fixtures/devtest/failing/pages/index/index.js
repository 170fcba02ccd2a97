Page({
  data: { count: 1, items: ['a', 'b'] },
  onLoad() { console.log('index loaded'); },
  // Never ends: a promise chain that re-queues itself (only killing the worker stops it).
  storm() { console.log('starting a promise storm'); (function f() { Promise.resolve().then(f); })(); },
});
