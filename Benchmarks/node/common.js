'use strict';
// What the workload scripts share: options, timing, medians, a throwaway package on disk.

const fs = require('fs');

// A failure (a bad target, a package that does not load) is one line naming it, exit 1.
process.on('uncaughtException', (e) => {
  process.stderr.write(`${require('path').basename(process.argv[1])}: ${e && e.message ? e.message : e}\n`);
  process.exit(1);
});
process.on('unhandledRejection', (e) => { throw e; });
const os = require('os');
const path = require('path');

/** `--name value` options over defaults (numbers stay numbers); unknown options are an error. */
function options(defaults) {
  const out = Object.assign({}, defaults);
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const key = a.replace(/^--/, '');
    if (!a.startsWith('--') || !(key in defaults)) fail(`unknown option ${a} (known: ${Object.keys(defaults).map((k) => '--' + k).join(', ')})`);
    if (typeof defaults[key] === 'boolean') { out[key] = true; continue; }
    if (i + 1 >= args.length) fail(`${a} needs a value`);
    const v = args[++i];
    if (typeof defaults[key] === 'number') {
      out[key] = Number(v);
      if (!Number.isFinite(out[key]) || out[key] < 0) fail(`${a} needs a non-negative number, got "${v}"`);
    } else out[key] = v;
  }
  return out;
}

function fail(message) {
  process.stderr.write(`${path.basename(process.argv[1])}: ${message}\n`);
  process.exit(2);
}

/** Seconds, monotonic. */
const now = () => Number(process.hrtime.bigint()) / 1e9;

function median(values) {
  const s = values.slice().sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function percentile(values, p) {
  const s = values.slice().sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN;
}

/** Resident set size of this process, KiB (from /proc/self/statm, as the Swift benches read it). */
function residentKB() {
  try {
    const pages = Number(fs.readFileSync('/proc/self/statm', 'utf8').split(' ')[1]);
    return pages * 4096 / 1024;
  } catch (e) {
    return process.memoryUsage().rss / 1024;
  }
}

/** A global `gc()` without having to start node with --expose-gc. */
function exposeGC() {
  if (typeof global.gc === 'function') return global.gc;
  require('v8').setFlagsFromString('--expose-gc');
  return require('vm').runInNewContext('gc');
}

/** Writes the bench app (the Swift bridge bench's: an empty App and one empty page) to a temporary directory. */
function benchPackage() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'minihost-node-bench-'));
  fs.mkdirSync(path.join(root, 'pages/index'), { recursive: true });
  fs.writeFileSync(path.join(root, 'manifest.json'), JSON.stringify({ app_id: 'org.minihost.bench', name: 'Bench', pages: ['pages/index/index'] }));
  fs.writeFileSync(path.join(root, 'app.js'), 'App({})');
  fs.writeFileSync(path.join(root, 'pages/index/index.js'), 'Page({})');
  process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  return root;
}

/** Prints the result as one JSON object (numbers with 4 decimals at most). */
function emit(fields) {
  const out = {};
  for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(4)) : v;
  process.stdout.write(JSON.stringify(out) + '\n');
}

module.exports = { options, fail, now, median, percentile, residentKB, exposeGC, benchPackage, emit };
