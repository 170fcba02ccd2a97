#!/usr/bin/env node
'use strict';
// Cold start of the peer: manifest load → a new vm context → app.js, App.onLaunch/onShow → the
// entry page's onReady, for the hello sample. Prints {"cold_start_median_ms", ...}.
const { loadPackage, MiniApp } = require('./runtime');
const { options, now, median, percentile, emit, fail } = require('./common');

const o = options({ runs: 300, warmup: 20, target: 'org.minihost.hello', catalog: '' });

function launchAndStop() {
  const start = now();
  const pkg = loadPackage(o.target, { catalog: o.catalog || undefined });
  const app = new MiniApp(pkg);
  if (!app.launch({})) fail(`${o.target} failed to launch`);
  const elapsed = now() - start;
  app.stop();
  return elapsed;
}

(async () => {
  for (let i = 0; i < o.warmup; i++) launchAndStop();
  const times = [];
  for (let i = 0; i < o.runs; i++) {
    times.push(launchAndStop());
    // Let the event loop turn between launches, as the Swift bench does between its launches.
    await new Promise((r) => setImmediate(r));
  }
  emit({ cold_start_median_ms: median(times) * 1000, cold_start_p90_ms: percentile(times, 0.9) * 1000, runs: o.runs });
})();
