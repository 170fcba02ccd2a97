// The driver API: `minihost.launch` and the App, Page and Prompt objects a test drives
// an app with.
function parse(text) { return text === undefined || text === null || text === '' ? undefined : JSON.parse(text); }
const apps = [];
const mockFns = new Map();
let nextMock = 1;
class Prompt {
  constructor(info) { Object.assign(this, info); }
  allow(options) { native.answerPrompt(this.id, options && options.always ? 'always' : 'once', -1); }
  deny() { native.answerPrompt(this.id, 'deny', -1); }
  choose(index) {
    if (this.type !== 'picker' && this.type !== 'actionSheet') throw new Error('choose() answers a picker or an action sheet; this prompt is a ' + this.type + ' prompt');
    if (!(index >= 0 && index < this.options.length)) throw new RangeError('choose(' + index + '): the picker has ' + this.options.length + ' option(s)');
    native.answerPrompt(this.id, 'choose', index);
  }
  cancel() { native.answerPrompt(this.id, 'deny', -1); }
  // A modal: confirms it (`content`: the text an editable modal returns).
  confirm(content) {
    if (this.type !== 'modal') throw new Error('confirm() answers a modal; this prompt is a ' + this.type + ' prompt');
    native.answerPrompt(this.id, 'once', -1, content === undefined ? undefined : String(content));
  }
}
class App {
  constructor(handle, info) {
    this._h = handle;
    this.appId = info.appId;
    // The app's clock: tick(ms) runs the app's timers due within ms, in order; resolves {fired}.
    this.clock = {
      tick: async (ms) => {
        const n = Number(ms);
        if (!(n >= 0) || !isFinite(n)) throw new RangeError('app.clock.tick(' + ms + '): needs a number of milliseconds >= 0');
        await this.launched();
        return this._req('clock.tick', { ms: n });
      },
    };
    const h = handle;
    this.world = {
      wallet: {
        balance: () => parse(native.world(h, 'wallet.balance', '{}')),
        statement: () => parse(native.world(h, 'wallet.statement', '{}')),
      },
      chat: {
        conversations: () => parse(native.world(h, 'chat.conversations', '{}')),
        messages: (conversation) => parse(native.world(h, 'chat.messages', JSON.stringify({ conversation }))),
        post: (conversation, text, options) => parse(native.world(h, 'chat.post', JSON.stringify({ conversation, text, as: options && options.as }))),
      },
      location: {
        current: () => parse(native.world(h, 'location.current', '{}')),
        moveTo: (latitude, longitude, altitude) => { native.world(h, 'location.moveTo', JSON.stringify({ latitude, longitude, altitude })); },
        setRoute: (points, options) => { native.world(h, 'location.setRoute', JSON.stringify({ points, speed: options && options.speed, loop: options && options.loop })); },
      },
      account: {
        code2Session: (code) => parse(native.world(h, 'account.code2Session', JSON.stringify({ code, appId: info.appId }))),
      },
      device: {
        clipboard: () => parse(native.world(h, 'device.clipboard', '{}')),
        phoneCalls: () => parse(native.world(h, 'device.phoneCalls', '{}')),
      },
    };
  }
  _start() { native.startApp(this._h); }
  _req(op, arg) { this._start(); return request((id) => native.request(this._h, id, op, JSON.stringify(arg === undefined ? {} : arg))); }
  async _page(route) { return new Page(this, await this._req('page', { route: route || null })); }
  launched() { this._start(); return request((id) => native.launched(this._h, id)); }
  mock(api, result) {
    if (typeof result === 'function') {
      const id = nextMock++;
      mockFns.set(id, result);
      native.mock(this._h, String(api), 'fn', String(id));
    } else {
      native.mock(this._h, String(api), 'value', JSON.stringify(result === undefined ? {} : result));
    }
    return this;
  }
  restore(api) { native.restore(this._h, api === undefined ? null : String(api)); return this; }
  calls(api) { return parse(native.calls(this._h, api === undefined ? null : String(api))); }
  get console() { return parse(native.console(this._h)); }
  get errors() { return parse(native.errors(this._h)); }
  async currentPage() { await this.launched(); return this._page(null); }
  async page(route) { await this.launched(); return this._page(route); }
  async pageStack() { await this.launched(); return (await this._req('stack')).map((info) => new Page(this, info)); }
  async _go(kind, url) { await this.launched(); await this._req('navigate', { url: String(url), kind }); return this._page(null); }
  navigateTo(url) { return this._go('navigateTo', url); }
  redirectTo(url) { return this._go('redirectTo', url); }
  reLaunch(url) { return this._go('reLaunch', url); }
  switchTab(url) { return this._go('switchTab', url); }
  async navigateBack() { await this.launched(); await this._req('back'); return this._page(null); }
  // Calls wx.<name> in the app as the app would; an async API resolves with its success result.
  async callWxMethod(name, ...args) { await this.launched(); return this._req('callWx', { name: String(name), args }); }
  systemInfo() { return this.callWxMethod('getSystemInfoSync'); }
  pageScrollTo(scrollTop) { return this.callWxMethod('pageScrollTo', { scrollTop: Number(scrollTop), duration: 0 }); }
  mockWxMethod(api, result) { return this.mock(api, result); }
  restoreWxMethod(api) { return this.restore(api); }
  // Runs `fn` in the app's logic context (tests only) with JSON copies of `args`; resolves with a
  // JSON copy of its result (awaited when it is a promise).
  async evaluate(fn, ...args) {
    if (typeof fn !== 'function' && typeof fn !== 'string') throw new TypeError('evaluate needs a function');
    await this.launched();
    return this._req('evaluate', { source: String(fn), args });
  }
  async hide() { await this.launched(); await this._req('hide'); }
  async show() { await this.launched(); await this._req('show'); }
  idle(timeout) { this._start(); return request((id) => native.idle(this._h, id, timeout === undefined ? 3000 : Number(timeout))); }
  nextPrompt(timeout) {
    this._start();
    return request((id) => native.nextPrompt(id, timeout === undefined ? 3000 : Number(timeout))).then((info) => new Prompt(info));
  }
  async waitFor(predicate, timeout) {
    if (typeof predicate !== 'function') throw new TypeError('waitFor needs a function');
    this._start();
    const limit = timeout === undefined ? 3000 : Number(timeout), started = Date.now();
    let last;
    for (;;) {
      try { last = await predicate(this); if (last) return last; } catch (e) { last = e; }
      if (Date.now() - started >= limit) {
        const shown = (last instanceof Error) ? ' (last error: ' + last.message + ')' : '';
        throw new Error('waitFor: the condition was not met within ' + limit + ' ms' + shown);
      }
      await new Promise((r) => setTimer(r, 10));
    }
  }
  async close() { native.closeApp(this._h); }
  disconnect() { return this.close(); }
}
// A failure of an awaited driver call is reported at the test's line that made the call.
function inTestFile(stack) { return String(stack || '').indexOf('@' + native.file + ':') >= 0; }
function sited(proto, names) {
  for (const name of names) {
    const orig = proto[name];
    proto[name] = function (...args) {
      const site = new Error('');
      let r;
      try { r = orig.apply(this, args); } catch (e) { throw e; }
      return Promise.resolve(r).catch((e) => {
        if (e instanceof Error && !inTestFile(e.stack) && inTestFile(site.stack)) e.stack = site.stack;
        throw e;
      });
    };
  }
}
sited(App.prototype, ['launched', 'currentPage', 'page', 'pageStack', 'navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack', 'callWxMethod', 'evaluate', 'hide', 'show', 'idle', 'nextPrompt', 'waitFor']);
const minihost = {
  async launch(options) {
    const o = options || {};
    const info = parse(native.createApp(JSON.stringify({
      target: o.target, world: o.world, grant: o.grant, deny: o.deny, query: o.query, conversation: o.conversation,
    })));
    const app = new App(info.handle, info);
    apps.push(app);
    return app;
  },
  get package() { return parse(native.packageInfo()); },
  sleep(ms) { return new Promise((r) => setTimer(r, ms)); },
  // Fake timers for the test file's own setTimeout/setInterval (until the test ends).
  useFakeTimers() { if (!fake.on) { fake.on = true; fake.now = 0; fake.queue.clear(); } return minihost; },
  useRealTimers() { useRealTimers(); return minihost; },
  advanceTimersByTime(ms) {
    if (!fake.on) throw new Error('minihost.advanceTimersByTime: call minihost.useFakeTimers() first');
    const n = Number(ms);
    if (!(n >= 0)) throw new RangeError('minihost.advanceTimersByTime(' + ms + '): needs a number of milliseconds >= 0');
    runFakeUntil(fake.now + n);
  },
  runOnlyPendingTimers() {
    if (!fake.on) throw new Error('minihost.runOnlyPendingTimers: call minihost.useFakeTimers() first');
    let last = fake.now;
    for (const t of fake.queue.values()) last = Math.max(last, t.at);
    runFakeUntil(last);
  },
  getTimerCount() { return fake.queue.size; },
};
G.minihost = minihost;
