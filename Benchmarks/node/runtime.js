'use strict';
// The Node peer: what a mini-program developer uses today to run app logic outside the official
// tool (the approach of jsdom- and jest-based simulators): one `vm` context per app and a plain
// JavaScript stand-in for the API. It loads a package from disk (manifest, app.js, pages,
// CommonJS require), gives it App/Page/getApp/getCurrentPages, setData with data paths, timers,
// console and `wx`/`mp` (navigation, storage in memory). There is no consent gate and no
// argument validation or copying across a boundary: this is the peer's real cost.
//
// Everything runs on Node's own event loop; `MiniApp` tracks the app's timers and tasks so that
// a caller can wait until the app is idle.

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const util = require('util');

// ---------------------------------------------------------------- packages

/** A package error names the file and what is wrong. */
class PackageError extends Error {}

function readJSON(file) {
  let text;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) { throw new PackageError(`${file}: cannot read (${e.code || e.message})`); }
  try { return JSON.parse(text); } catch (e) { throw new PackageError(`${file}: not valid JSON (${e.message})`); }
}

function checkManifest(m, file) {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new PackageError(`${file}: the manifest must be a JSON object`);
  if (typeof m.app_id !== 'string' || !m.app_id) throw new PackageError(`${file}: "app_id" must be a non-empty string`);
  if (!Array.isArray(m.pages) || !m.pages.length || !m.pages.every((p) => typeof p === 'string' && p))
    throw new PackageError(`${file}: "pages" must be a non-empty array of routes`);
  return m;
}

/**
 * Resolves a target to `{ appId, name, pages, root }`: a package directory with `manifest.json`
 * at its root, a manifest file (its `package` names the code, relative to it), an app id in the
 * catalogue, or a package directory that a catalogue manifest points at.
 */
function loadPackage(target, options = {}) {
  const catalog = options.catalog || process.env.MINIHOST_CATALOG || path.resolve('manifests');
  let manifestFile = null;
  const abs = path.resolve(target);
  let stat = null;
  try { stat = fs.statSync(abs); } catch (e) { /* not a path: an app id */ }
  if (stat && stat.isDirectory()) {
    if (fs.existsSync(path.join(abs, 'manifest.json'))) manifestFile = path.join(abs, 'manifest.json');
    else {
      // A catalogue manifest whose `package` is this directory.
      let names = [];
      try { names = fs.readdirSync(catalog).filter((n) => n.endsWith('.json')); } catch (e) {}
      for (const n of names.sort()) {
        const f = path.join(catalog, n);
        let m;
        try { m = JSON.parse(fs.readFileSync(f, 'utf8')); } catch (e) { continue; }
        if (m && typeof m.package === 'string' && path.resolve(catalog, m.package) === abs) { manifestFile = f; break; }
      }
      if (!manifestFile) throw new PackageError(`${target}: no manifest.json in the directory and no manifest in ${catalog} names it as its package`);
    }
  } else if (stat && stat.isFile()) {
    manifestFile = abs;
  } else {
    manifestFile = path.join(catalog, target + '.json');
    if (!fs.existsSync(manifestFile)) throw new PackageError(`${target}: not a file, a directory or an app id in ${catalog}`);
  }
  const m = checkManifest(readJSON(manifestFile), manifestFile);
  const isRoot = path.basename(manifestFile) === 'manifest.json' && typeof m.package !== 'string';
  const root = isRoot ? path.dirname(manifestFile) : path.resolve(path.dirname(manifestFile), typeof m.package === 'string' ? m.package : '.');
  if (!fs.existsSync(path.join(root, 'app.js'))) throw new PackageError(`${root}: the package has no app.js`);
  return { appId: m.app_id, name: m.name || m.app_id, pages: m.pages.slice(), root };
}

// ---------------------------------------------------------------- helpers

// Module paths, page URLs and data paths: the runtime's own functions, not a copy.
const { normalize, parseURL, parsePath: parseDataPath, clone } = require('./runtime-files.js').loadRuntimeHelpers();

// ---------------------------------------------------------------- one app

/**
 * One mini-program in its own `vm` context. `onEvent(event)` receives what the app reports:
 * `{type: 'lifecycle', target, hook, route?, detail?}`, `{type: 'console', level, message}`,
 * `{type: 'setData', route, data}`, `{type: 'error', kind, message}`.
 */
class MiniApp {
  constructor(pkg, options = {}) {
    this.pkg = pkg;
    this.onEvent = options.onEvent || (() => {});
    this.storage = options.storage || new Map();  // key -> JSON text, as a real store keeps it
    this.timers = new Map();                       // id -> Node timer
    this.nextTimer = 1;
    this.tasks = 0;                                // queued tasks (navigation)
    this.modules = new Map();
    this.pageDefs = new Map();
    this.stack = [];
    this.appOptions = undefined;
    this.loadingRoute = null;
    this.shown = false;
    this.stopped = false;
    this.context = vm.createContext(this.makeGlobals());
  }

  // -------------------------------------------------------------- globals
  makeGlobals() {
    const app = this;
    const print = (level) => (...args) => app.onEvent({ type: 'console', level, message: util.format(...args) });
    const console = { log: print('log'), info: print('info'), warn: print('warn'), error: print('error'), debug: print('debug') };
    const addTimer = (fn, ms, args, repeat) => {
      if (typeof fn !== 'function') throw new TypeError('The callback must be a function');
      const id = app.nextTimer++;
      const run = () => {
        if (!repeat) app.timers.delete(id);
        app.guard(fn, undefined, args);
      };
      app.timers.set(id, repeat ? setInterval(run, Math.max(1, Number(ms) || 0)) : setTimeout(run, Number(ms) || 0));
      return id;
    };
    const clearTimer = (id) => {
      const t = app.timers.get(id);
      if (t) { clearTimeout(t); app.timers.delete(id); }
    };
    const mp = app.makeAPI();
    return {
      console,
      setTimeout: (fn, ms, ...args) => addTimer(fn, ms, args, false),
      setInterval: (fn, ms, ...args) => addTimer(fn, ms, args, true),
      clearTimeout: clearTimer,
      clearInterval: clearTimer,
      queueMicrotask: (fn) => queueMicrotask(() => app.guard(fn)),
      App: (options) => {
        if (app.appOptions) throw new Error('App() may be called only once');
        if (!options || typeof options !== 'object') throw new TypeError('App() needs an options object');
        if (!('globalData' in options)) options.globalData = {};
        app.appOptions = options;
      },
      Page: (options) => {
        if (!options || typeof options !== 'object') throw new TypeError('Page() needs an options object');
        if (!app.loadingRoute) throw new Error('Page() may be called only in a page module listed in the manifest');
        app.pageDefs.set(app.loadingRoute, options);
      },
      getApp: () => app.appOptions,
      getCurrentPages: () => app.stack.slice(),
      mp,
      wx: mp,
    };
  }

  makeAPI() {
    const app = this;
    // The call convention: success/fail/complete callbacks, or a Promise without them.
    const settle = (api, o, run) => {
      const ok = (r) => Object.assign({ errMsg: api + ':ok' }, r || {});
      const fail = (reason, code) => ({ errMsg: api + ':fail ' + reason, errCode: code });
      if (o && (typeof o.success === 'function' || typeof o.fail === 'function' || typeof o.complete === 'function')) {
        run((r) => {
          const res = ok(r);
          if (typeof o.success === 'function') app.guard(o.success, undefined, [res]);
          if (typeof o.complete === 'function') app.guard(o.complete, undefined, [res]);
        }, (reason, code) => {
          const err = fail(reason, code);
          if (typeof o.fail === 'function') app.guard(o.fail, undefined, [err]);
          if (typeof o.complete === 'function') app.guard(o.complete, undefined, [err]);
        });
        return undefined;
      }
      return new Promise((resolve, reject) => run((r) => resolve(ok(r)), (reason, code) => reject(fail(reason, code))));
    };
    // Storage callbacks run after the calling code has returned, as with a host.
    const later = (api, o, body) => settle(api, o, (ok, fail) => queueMicrotask(() => {
      const r = body();
      if (r && r.fail) fail(r.fail, r.code); else ok(r);
    }));
    const store = app.storage;
    const info = () => {
      let size = 0;
      for (const [k, v] of store) size += k.length + v.length;
      return { keys: [...store.keys()], currentSize: Math.ceil(size / 1024), limitSize: 10240 };
    };
    const nav = (kind) => (o) => {
      const opts = o || {};
      return settle(kind, opts, (ok, fail) => app.post(() => {
        const err = kind === 'navigateBack' ? app.back(opts.delta) : app.navigate(kind, opts.url);
        if (err) fail(err[0], err[1]); else ok({});
      }));
    };
    return {
      navigateTo: nav('navigateTo'),
      redirectTo: nav('redirectTo'),
      reLaunch: nav('reLaunch'),
      navigateBack: nav('navigateBack'),
      setStorageSync(key, data) { store.set(key, JSON.stringify(data === undefined ? null : data)); },
      getStorageSync(key) { const v = store.get(key); return v === undefined ? '' : JSON.parse(v); },
      removeStorageSync(key) { store.delete(key); },
      clearStorageSync() { store.clear(); },
      getStorageInfoSync: info,
      setStorage(o) { return later('setStorage', o, () => { store.set(o.key, JSON.stringify(o.data === undefined ? null : o.data)); }); },
      getStorage(o) {
        return later('getStorage', o, () => {
          const v = store.get(o.key);
          return v === undefined ? { fail: `data not found for key "${o.key}"`, code: 1007 } : { data: JSON.parse(v) };
        });
      },
      removeStorage(o) { return later('removeStorage', o, () => { store.delete(o.key); }); },
      clearStorage(o) { return later('clearStorage', o, () => { store.clear(); }); },
      getStorageInfo(o) { return later('getStorageInfo', o, info); },
      canIUse: (name) => typeof name === 'string' && typeof this.context.mp[name.split('.')[0]] === 'function',
    };
  }

  // -------------------------------------------------------------- errors, tasks
  reportError(kind, e) {
    const message = e && e.stack ? String(e.stack) : String(e);
    this.onEvent({ type: 'error', kind, message: message.split('\n')[0] });
    const o = this.appOptions;
    if (o && typeof o.onError === 'function' && !this.inErrorHook) {
      this.inErrorHook = true;
      try { o.onError.call(o, message); } catch (e2) { this.onEvent({ type: 'error', kind: 'exception', message: 'App.onError threw: ' + e2 }); }
      finally { this.inErrorHook = false; }
    }
  }
  guard(fn, self, args) {
    try { return fn.apply(self, args || []); } catch (e) { this.reportError('exception', e); return undefined; }
  }
  /** Queues a task (runs after the current code and its microtasks). */
  post(fn) {
    this.tasks += 1;
    setImmediate(() => {
      this.tasks -= 1;
      if (!this.stopped) this.guard(fn);
    });
  }

  // -------------------------------------------------------------- modules
  require(from, spec) {
    if (typeof spec !== 'string' || !spec) throw new TypeError('require() needs a module path string');
    if (spec[0] === '/' || /^[A-Za-z]+:/.test(spec)) throw new Error(`Cannot require '${spec}' from ${from}: use a path relative to the calling module`);
    const base = normalize(from.split('/').slice(0, -1).concat(spec.split('/')));
    if (!base) throw new Error(`Cannot require '${spec}' from ${from}: the path leaves the package`);
    for (const candidate of [base, base + '.js', base + '.json', base + '/index.js']) {
      const cached = this.modules.get(candidate);
      if (cached) return cached.exports;
      const file = path.join(this.pkg.root, candidate);
      let source;
      try {
        if (!fs.statSync(file).isFile()) continue;
        source = fs.readFileSync(file, 'utf8');
      } catch (e) { continue; }
      if (candidate.endsWith('.json')) {
        const m = { exports: JSON.parse(source) };
        this.modules.set(candidate, m);
        return m.exports;
      }
      const module = { exports: {}, id: candidate, filename: candidate, loaded: false };
      this.modules.set(candidate, module);
      const script = new vm.Script('(function (require, module, exports) {' + source + '\n})', { filename: `miniapp://${this.pkg.appId}/${candidate}` });
      const fn = script.runInContext(this.context);
      try { fn.call(module.exports, (s) => this.require(candidate, s), module, module.exports); }
      catch (e) { this.modules.delete(candidate); throw e; }
      module.loaded = true;
      return module.exports;
    }
    throw new Error(`Cannot find module '${spec}' from ${from || 'app.js'}`);
  }

  // -------------------------------------------------------------- pages
  definition(route) {
    if (!this.pageDefs.has(route)) {
      this.loadingRoute = route;
      try { this.require('app.js', './' + route + '.js'); } finally { this.loadingRoute = null; }
      if (!this.pageDefs.has(route)) this.pageDefs.set(route, {});
    }
    return this.pageDefs.get(route);
  }
  hook(target, name, self, arg, route, detail) {
    this.onEvent({ type: 'lifecycle', target, hook: name, route, detail });
    const fn = target === 'app' ? this.appOptions && this.appOptions[name] : self && self[name];
    if (typeof fn === 'function') this.guard(fn, self, arg === undefined ? [] : [arg]);
  }
  createPage(route, query) {
    const def = this.definition(route);
    const app = this;
    const page = {};
    for (const k of Object.keys(def)) if (k !== 'data') page[k] = typeof def[k] === 'function' ? def[k] : clone(def[k]);
    page.data = clone(def.data) || {};
    page.route = route;
    page.options = query;
    page.setData = function (changes, cb) {
      const applied = {};
      for (const key of Object.keys(changes)) {
        const segs = parseDataPath(key);
        const value = clone(changes[key]);
        let obj = page.data;
        for (let i = 0; i < segs.length - 1; i++) {
          if (obj[segs[i]] === null || typeof obj[segs[i]] !== 'object') obj[segs[i]] = typeof segs[i + 1] === 'number' ? [] : {};
          obj = obj[segs[i]];
        }
        obj[segs[segs.length - 1]] = value;
        applied[key] = value;
      }
      app.onEvent({ type: 'setData', route, data: applied });
      if (typeof cb === 'function') queueMicrotask(() => app.guard(cb, page));
    };
    return page;
  }
  openPage(route, query) {
    const page = this.createPage(route, query);
    this.stack.push(page);
    this.hook('page', 'onLoad', page, query, route, query);
    this.hook('page', 'onShow', page, undefined, route);
    this.hook('page', 'onReady', page, undefined, route);
    return page;
  }
  top() { return this.stack[this.stack.length - 1]; }
  /** Navigation; returns `[reason, errCode]` on failure, else null. */
  navigate(kind, url, from) {
    if (from === undefined) from = this.top() ? this.top().route : '';
    const u = parseURL(url, from);
    if (u.error) return ['invalid argument: ' + u.error, 1001];
    if (!u.route || this.pkg.pages.indexOf(u.route) < 0) return [`page "${u.route || url}" is not found`, 1007];
    if (kind === 'navigateTo' && this.stack.length >= 10) return ['webview count limit exceed (at most 10 pages)', 1005];
    try { this.definition(u.route); } catch (e) { this.reportError('module', e); return [`page "${u.route}" failed to load: ${e}`, 1009]; }
    if (kind === 'navigateTo') {
      if (this.top()) this.hook('page', 'onHide', this.top(), undefined, this.top().route);
    } else if (kind === 'redirectTo') {
      const old = this.stack.pop();
      if (old) this.hook('page', 'onUnload', old, undefined, old.route);
    } else {
      while (this.stack.length) { const p = this.stack.pop(); this.hook('page', 'onUnload', p, undefined, p.route); }
    }
    this.openPage(u.route, u.query);
    return null;
  }
  back(delta) {
    let d = delta === undefined ? 1 : Number(delta);
    if (!(d >= 1)) d = 1;
    if (this.stack.length <= 1) return ['cannot navigate back at first page', 1007];
    d = Math.min(Math.floor(d), this.stack.length - 1);
    for (let i = 0; i < d; i++) { const p = this.stack.pop(); this.hook('page', 'onUnload', p, undefined, p.route); }
    this.hook('page', 'onShow', this.top(), undefined, this.top().route);
    return null;
  }

  // -------------------------------------------------------------- the host's handle
  /** Runs app.js, App.onLaunch/onShow and the entry page to onReady; false if app.js or the entry page failed. */
  launch(query = {}) {
    const entry = this.pkg.pages[0];
    try { this.require('', './app.js'); } catch (e) { this.onEvent({ type: 'error', kind: 'launch', message: 'app.js failed: ' + e }); return false; }
    if (!this.appOptions) this.appOptions = { globalData: {} };
    const opts = { path: entry, query, scene: 'launch', referrerInfo: {} };
    this.hook('app', 'onLaunch', this.appOptions, opts, undefined, opts);
    this.hook('app', 'onShow', this.appOptions, clone(opts), undefined, opts);
    this.shown = true;
    try { this.definition(entry); } catch (e) { this.onEvent({ type: 'error', kind: 'launch', message: `entry page ${entry} failed: ${e}` }); return false; }
    this.openPage(entry, query);
    return true;
  }
  callPage(route, method, arg) {
    let page = null;
    for (let i = this.stack.length - 1; i >= 0; i--) if (!route || this.stack[i].route === route) { page = this.stack[i]; break; }
    if (!page) return `no page "${route}" in the page stack`;
    if (typeof page[method] !== 'function') return `page ${page.route} has no method "${method}"`;
    this.guard(page[method], page, arg === undefined ? [] : [arg]);
    return null;
  }
  pageData(route) {
    for (let i = this.stack.length - 1; i >= 0; i--) if (!route || this.stack[i].route === route) return { route: this.stack[i].route, data: this.stack[i].data };
    return null;
  }
  hide() {
    if (!this.shown) return;
    this.shown = false;
    if (this.top()) this.hook('page', 'onHide', this.top(), undefined, this.top().route);
    this.hook('app', 'onHide', this.appOptions);
  }
  show() {
    if (this.shown) return;
    this.shown = true;
    const top = this.top();
    const opts = { path: top ? top.route : '', query: top ? top.options : {}, scene: 'launch', referrerInfo: {} };
    this.hook('app', 'onShow', this.appOptions, opts, undefined, opts);
    if (top) this.hook('page', 'onShow', top, undefined, top.route);
  }
  /** Resolves once no task is queued (timers may still be pending). */
  drained() { return this.until(() => this.tasks === 0); }
  /** Resolves once no task is queued and no timer is pending. */
  idle() { return this.until(() => this.tasks === 0 && this.timers.size === 0); }
  until(cond) {
    return new Promise((resolve) => {
      const check = () => (cond() || this.stopped ? resolve() : setTimeout(check, 1));
      setImmediate(check);
    });
  }
  /** Clears the app's timers and drops its context. */
  stop() {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.context = null;
    this.stack = [];
    this.modules.clear();
  }
}

module.exports = { loadPackage, MiniApp, PackageError };
