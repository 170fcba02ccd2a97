#!/usr/bin/env node
'use strict';
// The peer's `minihost run`: loads a package, launches it in a vm context and drives it with a
// console script (the same commands: call, navigate, back, hide, show, data, wait, quit), printing
// what the app reports in the CLI's text form (or JSON lines with --json). It exits once the
// script has ended and the app is idle.
//
//   node Benchmarks/node/run.js miniprograms/hello --script miniprograms/hello/demo.minihost

const fs = require('fs');
const { loadPackage, MiniApp, PackageError } = require('./runtime');

function usage(message) {
  process.stderr.write(`run.js: ${message}\nusage: node run.js <target> [--script FILE] [--json] [--catalog DIR] [--timeout SECONDS]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = { json: false };
let target = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') opts.json = true;
  else if (a === '--script' || a === '--catalog' || a === '--timeout') {
    if (i + 1 >= args.length) usage(`${a} needs a value`);
    opts[a.slice(2)] = args[++i];
  } else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (target === null) target = a;
  else usage(`one target only (got ${target} and ${a})`);
}
if (!target) usage('name a target');

// Keys sorted, as the CLI prints them.
function sorted(v) {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') { const o = {}; for (const k of Object.keys(v).sort()) o[k] = sorted(v[k]); return o; }
  return v;
}
const compact = (v) => JSON.stringify(sorted(v));
const pretty = (v) => JSON.stringify(sorted(v), null, 2).replace(/^(\s*"(?:[^"\\]|\\.)*"):/gm, '$1 :');

function print(appId, e) {
  if (opts.json) { process.stdout.write(JSON.stringify(Object.assign({ app: appId }, e)) + '\n'); return; }
  switch (e.type) {
    case 'lifecycle': {
      const head = e.target === 'app' ? `· app ${e.hook}` : `· page ${e.route} ${e.hook}`;
      process.stdout.write(head + (e.detail !== undefined ? ' ' + compact(e.detail) : '') + '\n');
      break;
    }
    case 'console': (e.level === 'error' || e.level === 'warn' ? process.stderr : process.stdout).write(e.message + '\n'); break;
    case 'setData': process.stdout.write(`· setData ${e.route} ${compact(e.data)}\n`); break;
    case 'error': process.stderr.write(`error (${e.kind}): ${e.message}\n`); break;
    case 'reply': process.stdout.write(pretty(e.data) + '\n'); break;
    case 'exit': process.stdout.write(`exit: ${e.status}\n`); break;
  }
}

function parseCommand(line) {
  const t = line.trim();
  if (!t || t.startsWith('#')) return null;
  const [word, ...rest] = t.split(/\s+/);
  switch (word) {
    case 'call': {
      if (rest.length < 2) throw new Error('call needs a route and a method');
      const json = t.replace(/^call\s+\S+\s+\S+\s*/, '');
      return { kind: 'call', route: rest[0] === '-' ? null : rest[0], method: rest[1], arg: json ? JSON.parse(json) : undefined };
    }
    case 'navigate': if (!rest[0]) throw new Error('navigate needs a url'); return { kind: 'navigate', url: rest[0] };
    case 'back': case 'hide': case 'show': case 'quit': return { kind: word };
    case 'data': return { kind: 'data', route: rest[0] || null };
    case 'wait': {
      const ms = Number(rest[0]);
      if (!(ms >= 0)) throw new Error('wait needs a number of milliseconds');
      return { kind: 'wait', ms };
    }
    default: throw new Error(`unknown command "${word}"`);
  }
}

async function main() {
  let pkg;
  try { pkg = loadPackage(target, { catalog: opts.catalog }); } catch (e) {
    process.stderr.write(`run.js: ${e instanceof PackageError ? e.message : e}\n`);
    process.exit(2);
  }
  const app = new MiniApp(pkg, { onEvent: (e) => print(pkg.appId, e) });
  if (!app.launch({})) { print(pkg.appId, { type: 'exit', status: 'crashed' }); process.exit(1); }
  const lines = opts.script ? fs.readFileSync(opts.script, 'utf8').split('\n') : [];
  let n = 0;
  for (const line of lines) {
    n += 1;
    let c;
    try { c = parseCommand(line); } catch (e) { process.stderr.write(`run.js: ${opts.script}:${n}: ${e.message}\n`); app.stop(); process.exit(2); }
    if (!c) continue;
    if (c.kind === 'quit') break;
    switch (c.kind) {
      case 'wait': await new Promise((r) => setTimeout(r, c.ms)); continue;
      case 'call': { const err = app.callPage(c.route, c.method, c.arg); if (err) print(pkg.appId, { type: 'error', kind: 'host', message: err }); break; }
      case 'navigate': { const err = app.navigate('navigateTo', c.url, ''); if (err) print(pkg.appId, { type: 'error', kind: 'host', message: err[0] }); break; }
      case 'back': { const err = app.back(1); if (err) print(pkg.appId, { type: 'error', kind: 'host', message: err[0] }); break; }
      case 'hide': app.hide(); break;
      case 'show': app.show(); break;
      case 'data': { const d = app.pageData(c.route); print(pkg.appId, d ? { type: 'reply', command: 'data', data: d } : { type: 'error', kind: 'host', message: `no page "${c.route}"` }); break; }
    }
    await app.drained();
  }
  const timeout = opts.timeout ? Number(opts.timeout) * 1000 : 0;
  const idle = app.idle();
  const status = await (timeout > 0 ? Promise.race([idle.then(() => 'ok'), new Promise((r) => setTimeout(() => r('timeout'), timeout).unref())]) : idle.then(() => 'ok'));
  app.stop();
  print(pkg.appId, { type: 'exit', status });
}

main();
