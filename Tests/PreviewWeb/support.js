'use strict';
// Builds the preview client as the server serves it (client-*.js concatenated in name order)
// into a temporary directory with harness pages, and runs headless Chromium on them.
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');
const dom = require('./dom');

const WEB = path.resolve(__dirname, '../../Sources/MiniHostPreview/Web');
const HARNESS = path.join(__dirname, 'harness');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Root in a container: no sandbox; no GPU; a fixed window so layout is the same each run.
const BASE_FLAGS = [
  '--no-sandbox', '--headless=new', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
  '--disable-extensions', '--disable-dev-shm-usage', '--window-size=1280,1000',
];

/** preview.js as the server makes it. */
function clientScript() {
  return fs.readdirSync(WEB).filter((f) => /^client-.*\.js$/.test(f)).sort()
    .map((f) => fs.readFileSync(path.join(WEB, f), 'utf8')).join('\n');
}

/**
 * preview.html with `scripts.before`/`after` around the client; its URLs made relative to the
 * harness directory unless `keepPaths`, its CSP taken out unless `keepCSP` (file: pages).
 */
function harnessHTML(scripts, { keepCSP = false, keepPaths = false } = {}) {
  let html = fs.readFileSync(path.join(WEB, 'preview.html'), 'utf8');
  const css = '<link rel="stylesheet" href="/__minihost/preview.css">';
  const js = '<script src="/__minihost/preview.js"></script>';
  if (!html.includes(css) || !html.includes(js)) throw new Error('preview.html no longer loads /__minihost/preview.css and /__minihost/preview.js');
  if (!keepCSP) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  const tags = (list) => list.map((s) => '<script src="' + s + '"></script>').join('');
  const client = keepPaths ? '/__minihost/preview.js' : 'preview.js';
  if (!keepPaths) html = html.replace(css, '<link rel="stylesheet" href="preview.css">');
  return html.replace(js, tags(scripts.before || []) + '<script src="' + client + '"></script>' + tags(scripts.after || []));
}

function makeHarness() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-web-'));
  fs.writeFileSync(path.join(dir, 'preview.js'), clientScript());
  fs.copyFileSync(path.join(WEB, 'preview.css'), path.join(dir, 'preview.css'));
  for (const f of fs.readdirSync(HARNESS)) fs.copyFileSync(path.join(HARNESS, f), path.join(dir, f));
  return {
    dir,
    /** Runs scenario `harness/scenario-<name>.js` and gives the dumped DOM, parsed. */
    async run(name, budgetMs = 3000) {
      const page = path.join(dir, name + '.html');
      fs.writeFileSync(page, harnessHTML({ before: ['common.js'], after: ['setup.js', 'fixtures.js', 'scenario-' + name + '.js'] }));
      const out = await chromium(['--virtual-time-budget=' + budgetMs, '--dump-dom', 'file://' + page], dir);
      return dom.parse(out);
    },
    /**
     * Runs the scenario in real time over HTTP (with the page's CSP): for what needs real
     * animation frames, which Chromium stops giving under a virtual time budget.
     */
    async runLive(name, timeoutMs = 15000) {
      fs.writeFileSync(path.join(dir, name + '-live.html'), harnessHTML(
        { before: ['common.js'], after: ['setup.js', 'fixtures.js', 'scenario-' + name + '.js', 'report.js'] }, { keepCSP: true }));
      let report;
      const reported = new Promise((resolve) => { report = resolve; });
      const site = await serve(dir, { onReport: report });
      const child = launch(site.url('/' + name + '-live.html'), dir);
      try {
        return dom.parse(await within(reported, timeoutMs, 'the live ' + name + ' scenario did not report'));
      } finally {
        stop(child);
        site.close();
      }
    },
    cleanup() { fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/**
 * Serves `dir` on 127.0.0.1 (any path: the file of that name; /__minihost/... too), takes
 * POST /report for `onReport(body)` and hands WebSocket upgrades to `onUpgrade(req, socket)`.
 */
function serve(dir, { onReport, onUpgrade, page } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1/');
    if (req.method === 'POST' && url.pathname === '/report') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => { res.end('ok'); if (onReport) onReport(body, url.searchParams); });
      return;
    }
    if (url.pathname === '/' && page) {
      res.setHeader('content-type', TYPES['.html']);
      res.end(page);
      return;
    }
    const file = path.join(dir, path.basename(url.pathname));
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', TYPES[path.extname(file)] || 'application/octet-stream');
    res.end(fs.readFileSync(file));
  });
  server.on('upgrade', (req, socket) => {
    if (onUpgrade) onUpgrade(req, socket);
    else socket.destroy();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        url: (p) => 'http://127.0.0.1:' + port + p,
        close: () => { server.closeAllConnections(); server.close(); },
      });
    });
  });
}

/** A headless Chromium left running on `url` (end it with stop). */
function launch(url, dir) {
  const profile = fs.mkdtempSync(path.join(dir, 'profile-'));
  return spawn(CHROMIUM, [...BASE_FLAGS, '--user-data-dir=' + profile, url], { stdio: 'ignore', detached: true });
}

/** `promise`, or a rejection with `message` after `ms`. */
function within(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((resolve, reject) => { timer = setTimeout(() => reject(new Error(message + ' in ' + ms + ' ms')), ms); }),
  ]);
}

/** Headless Chromium with its own profile; resolves with its stdout when it exits. */
function chromium(args, dir, timeoutMs = 20000) {
  const profile = fs.mkdtempSync(path.join(dir, 'profile-'));
  const child = spawn(CHROMIUM, [...BASE_FLAGS, '--user-data-dir=' + profile, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '', stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop(child);
      reject(new Error('chromium did not finish in ' + timeoutMs + ' ms; stderr:\n' + stderr.slice(-2000)));
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && stdout) resolve(stdout);
      else reject(new Error('chromium exited with ' + code + '; stderr:\n' + stderr.slice(-2000)));
    });
  });
}

/** Ends a Chromium this file started (its process group: the browser and its helpers). */
function stop(child) {
  try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { /* already gone */ }
}

/** Runs `fn`s at most `n` at a time. */
function limiter(n) {
  let active = 0;
  const queue = [];
  const next = () => {
    if (active >= n || !queue.length) return;
    active += 1;
    const { fn, resolve, reject } = queue.shift();
    fn().then(resolve, reject).finally(() => { active -= 1; next(); });
  };
  return (fn) => new Promise((resolve, reject) => { queue.push({ fn, resolve, reject }); next(); });
}

/** What the client sent (the recorder's JSON in <pre id="test-sent">). */
function sent(doc) {
  const pre = doc.byId('test-sent');
  return pre ? JSON.parse(doc.text(pre) || '[]') : [];
}

/** Snapshot `name` (HTML kept mid-scenario), parsed, with the query helpers. */
function snapshot(doc, name) {
  const box = doc.find((n) => n.attrs.class === 'test-snap' && n.attrs['data-name'] === name);
  if (!box) throw new Error('no snapshot ' + name);
  return dom.parse(doc.text(box));
}

module.exports = { makeHarness, chromium, launch, serve, within, stop, limiter, sent, snapshot, clientScript, harnessHTML, WEB, CHROMIUM };
