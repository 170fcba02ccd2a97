// The driver's Page and Element, as miniprogram-automator's: `page.$(selector)`, element taps
// and reads go to the app's view layer; `page.data(path)` reads the live data.
function pick(data, path) {
  if (path === undefined || path === null || path === '') return data;
  let o = data;
  for (const s of pathSegments(path)) { if (o == null) return undefined; o = o[s]; }
  return o;
}
class Page {
  constructor(app, info) {
    this._app = app; this.route = info.route; this.path = info.route; this.query = info.query || {};
    this._key = info.key; this._data = info.data;
  }
  // The page's live data (or the value at `path`), read from the app now.
  async data(path) { return pick((await this._app._req('page', { route: this.route })).data, path); }
  // The data as it was when this object was made or last refreshed (synchronous).
  snapshot(path) { return pick(this._data, path); }
  async refresh() { const p = await this._app._page(this.route); this._data = p._data; this.query = p.query; this._key = p._key; return this; }
  async setData(obj) { await this._app._req('setData', { route: this.route, data: obj }); return this.refresh(); }
  call(method, arg) { return this._app._req('call', { route: this.route, method: String(method), arg }); }
  callMethod(method, ...args) { return this.call(method, args[0]); }
  async $(selector) { return this._find(null, selector, false); }
  async $$(selector) { return this._find(null, selector, true); }
  async _find(root, selector, all) {
    if (this._key === undefined) await this.refresh();
    const found = await this._app._req('view.$', { page: this._key, root, selector: String(selector), all });
    if (all) return (found || []).map((f) => new Element(this, f));
    return found ? new Element(this, found) : null;
  }
  // WXML of the whole page, for snapshots.
  async wxml() {
    if (this._key === undefined) await this.refresh();
    return this._app._req('view.page', { page: this._key });
  }
  // Waits for a selector to match, a number of milliseconds, or a predicate to hold.
  async waitFor(condition, timeout) {
    if (typeof condition === 'number') return minihost.sleep(condition);
    const test = typeof condition === 'string' ? async () => (await this.$(condition)) !== null
      : typeof condition === 'function' ? async () => condition(this) : null;
    if (!test) throw new TypeError('waitFor needs a selector, a number of milliseconds or a function');
    return this._app.waitFor(test, timeout);
  }
  async size() { return { width: 0, height: 0 }; }
  async scrollTop() { return 0; }
}
class Element {
  constructor(page, info) { this._page = page; this._app = page._app; this._id = info.id; this.tagName = info.tag; }
  _req(op, extra) { return this._app._req(op, Object.assign({ page: this._page._key, id: this._id }, extra || {})); }
  async $(selector) { return this._page._find(this._id, selector, false); }
  async $$(selector) { return this._page._find(this._id, selector, true); }
  async tap() { await this._req('view.tap'); }
  async longpress() { await this._req('view.longpress'); }
  async input(value) { await this._req('view.input', { value: String(value) }); }
  async trigger(type, detail) { await this._req('view.trigger', { type: String(type), detail: detail === undefined ? {} : detail }); }
  async touchstart(options) { await this.trigger('touchstart', options); }
  async touchmove(options) { await this.trigger('touchmove', options); }
  async touchend(options) { await this.trigger('touchend', options); }
  text() { return this._req('view.text'); }
  attribute(name) { return this._req('view.attribute', { name: String(name) }); }
  property(name) { return this._req('view.property', { name: String(name) }); }
  value() { return this._req('view.value'); }
  wxml() { return this._req('view.wxml', { outer: false }); }
  outerWxml() { return this._req('view.wxml', { outer: true }); }
  async size() { return { width: 0, height: 0 }; }
  async offset() { return { left: 0, top: 0 }; }
  // A property of the element's inline style (there is no layout to compute styles from).
  async style(name) {
    const style = await this.attribute('style');
    for (const decl of String(style || '').split(';')) {
      const i = decl.indexOf(':');
      if (i > 0 && decl.slice(0, i).trim() === String(name)) return decl.slice(i + 1).trim();
    }
    return null;
  }
  // Component elements: their instance's data, setData and methods.
  async _instance() {
    if (this._key === undefined) this._key = await this._req('view.component');
    return this._key;
  }
  async data(path) { return pick((await this._app._req('component.data', { instance: await this._instance() })).data, path); }
  async setData(data) { await this._app._req('component.setData', { instance: await this._instance(), data }); }
  async callMethod(method, ...args) { return this._app._req('component.call', { instance: await this._instance(), method: String(method), args }); }
}
sited(Page.prototype, ['data', 'refresh', 'setData', 'call', '$', '$$', 'wxml', 'waitFor']);
sited(Element.prototype, ['$', '$$', 'tap', 'longpress', 'input', 'trigger', 'text', 'attribute', 'property', 'value', 'wxml', 'outerWxml', 'data', 'setData', 'callMethod']);
