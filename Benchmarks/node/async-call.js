#!/usr/bin/env node
'use strict';
// An async API call in the peer: `await mp.getStorage({key: 'k'})` in a loop inside the app's
// context (the Swift bridge bench's loop), resolved. Prints {"async_call_median_us", ...}.
const vm = require('vm');
const { loadPackage, MiniApp } = require('./runtime');
const { options, now, median, emit, fail, benchPackage } = require('./common');

const o = options({ calls: 5000, batches: 15 });
const app = new MiniApp(loadPackage(benchPackage()));
if (!app.launch({})) fail('the bench app failed to launch');
vm.runInContext("mp.setStorageSync('k', { name: 'small', n: 42, tags: ['a', 'b'] })", app.context);
const loop = vm.runInContext(`(async () => { for (let i = 0; i < ${o.calls}; i++) await mp.getStorage({ key: 'k' }) })`, app.context);

(async () => {
  await loop();
  const times = [];
  for (let b = 0; b < o.batches; b++) {
    const t = now();
    await loop();
    times.push((now() - t) / o.calls);
  }
  app.stop();
  emit({ async_call_median_us: median(times) * 1e6, calls_per_batch: o.calls, batches: o.batches });
})();
