#!/usr/bin/env node
'use strict';
// A sync API call in the peer: `mp.getStorageSync('k')` of a small value in a loop inside the
// app's context (the Swift bridge bench's loop). Prints {"sync_call_median_us", ...}: the median
// over batches of the per-call mean.
const vm = require('vm');
const { loadPackage, MiniApp } = require('./runtime');
const { options, now, median, emit, fail, benchPackage } = require('./common');

const o = options({ calls: 20000, batches: 15 });
const app = new MiniApp(loadPackage(benchPackage()));
if (!app.launch({})) fail('the bench app failed to launch');
const run = (source) => { const t = now(); vm.runInContext(source, app.context); return now() - t; };
run("mp.setStorageSync('k', { name: 'small', n: 42, tags: ['a', 'b'] })");
const loop = `for (let i = 0; i < ${o.calls}; i++) mp.getStorageSync('k')`;
run(loop);
const times = [];
for (let b = 0; b < o.batches; b++) times.push(run(loop) / o.calls);
app.stop();
emit({ sync_call_median_us: median(times) * 1e6, calls_per_batch: o.calls, batches: o.batches });
