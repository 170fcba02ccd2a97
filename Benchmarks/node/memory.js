#!/usr/bin/env node
'use strict';
// Memory per idle app in the peer: RSS growth of this process with `apps` hello apps launched
// (each in its own vm context) and idle, after a full garbage collection before and after.
// Prints {"memory_per_app_kb", "heap_per_app_kb", "apps_alive", ...}.
const { loadPackage, MiniApp } = require('./runtime');
const { options, emit, fail, residentKB, exposeGC } = require('./common');

const o = options({ apps: 1000, target: 'org.minihost.hello', catalog: '' });
const gc = exposeGC();

(async () => {
  // One app first, so that what every app shares (the runtime's code, the first context) is not counted.
  const first = new MiniApp(loadPackage(o.target, { catalog: o.catalog || undefined }));
  first.launch({});
  await first.idle();
  gc(); gc();
  const before = residentKB();
  const heapBefore = process.memoryUsage().heapUsed;
  const alive = [];
  for (let i = 0; i < o.apps; i++) {
    const app = new MiniApp(loadPackage(o.target, { catalog: o.catalog || undefined }));
    if (!app.launch({})) fail(`${o.target} failed to launch`);
    alive.push(app);
  }
  await Promise.all(alive.map((a) => a.idle()));
  gc(); gc();
  const after = residentKB();
  const heapAfter = process.memoryUsage().heapUsed;
  emit({
    memory_per_app_kb: (after - before) / o.apps,
    heap_per_app_kb: (heapAfter - heapBefore) / 1024 / o.apps,
    apps_alive: alive.length,
    rss_total_mb: after / 1024,
  });
  for (const a of alive) a.stop();
  first.stop();
})();
