// Pages and navigation: the page stack, page hooks, navigateTo/redirectTo/reLaunch/switchTab/
// navigateBack, with WeChat's tab bar rules.
function parseURL(url, from) {
  if (typeof url !== 'string' || url === '') return { error: 'url must be a non-empty string' };
  const q = url.indexOf('?');
  let path = q >= 0 ? url.slice(0, q) : url;
  const query = {};
  if (q >= 0) {
    for (const pair of url.slice(q + 1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const k = eq >= 0 ? pair.slice(0, eq) : pair, v = eq >= 0 ? pair.slice(eq + 1) : '';
      let dk = k, dv = v;
      try { dk = DecodeURIComponent(k.replace(/\+/g, ' ')); dv = DecodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) {}
      query[dk] = dv;
    }
  }
  let route;
  if (path[0] === '/') route = normalize(path.split('/'));
  else route = normalize((from ? from.split('/').slice(0, -1) : []).concat(path.split('/')));
  if (route && route.endsWith('.js')) route = route.slice(0, -3);
  return { route, query };
}
function definition(route) {
  if (!pageDefs.has(route)) {
    loadingRoute = route;
    try { requireFrom('app.js', './' + route + '.js'); }
    finally { loadingRoute = null; }
    // A page module another module loaded first registered its Component() as a component.
    if (!pageDefs.has(route)) pageDefs.set(route, componentDefs.get(route) || {});
  }
  return pageDefs.get(route);
}
function hook(target, name, self, arg, route, detail) {
  native.lifecycle(target, name, route === undefined ? null : route, detail === undefined ? null : detail);
  const fn = target === 'app' ? (appOptions && appOptions[name]) : self && self[name];
  if (typeof fn === 'function') guarded(name, fn, self, arg === undefined ? [] : [arg]);
}
function createPage(route, query) {
  const def = definition(route);
  if (componentDefinitions.has(def)) return createComponentPage(def, route, query);
  const page = {};
  for (const k of ObjectKeys(def)) {
    if (k === 'data' || k === 'methods') continue;
    const v = def[k];
    page[k] = typeof v === 'function' ? v : (v !== null && typeof v === 'object' ? (() => { try { return clone(v); } catch (e) { return v; } })() : v);
  }
  if (def.methods !== null && typeof def.methods === 'object')
    for (const k of ObjectKeys(def.methods)) if (typeof def.methods[k] === 'function') page[k] = def.methods[k];
  let data = {};
  try { data = clone(def.data) || {}; } catch (e) { reportError('exception', e); }
  ObjectDefine(page, 'data', { value: data, writable: true, enumerable: true });
  ObjectDefine(page, 'route', { value: route, enumerable: true });
  ObjectDefine(page, '__route__', { value: route });
  ObjectDefine(page, 'options', { value: query, enumerable: true });
  ObjectDefine(page, 'setData', { value: function (changes, cb) { setData(page, changes, cb); } });
  addViewLayerMethods(page);
  return page;
}
function openPage(route, query) {
  const page = createPage(route, query);
  stack.push(page);
  viewOpen(page);
  const q = JSONStringify(query);
  hook('page', 'onLoad', page, query, route, q);
  showPage(page);
  readyPage(page);
  return page;
}
function unload(page) { unloadPage(page); }
function top() { return stack[stack.length - 1]; }

// Tab pages the user switched away from: kept alive (hidden), as WeChat keeps them, until reLaunch.
const keptTabs = new MapCtor();
function isTab(route) { return tabBarRoutes.indexOf(route) >= 0; }

// `from`: the route relative URLs resolve against (default: the top page's).
function navigate(kind, url, fail, from) {
  if (from === undefined) from = top() ? top().route : '';
  const u = parseURL(url, from);
  if (u.error) return fail('invalid argument: ' + u.error, ERR_INVALID);
  if (!u.route || pageRoutes.indexOf(u.route) < 0) return fail('page "' + (u.route || url) + '" is not found', ERR_NOT_FOUND);
  if (kind === 'switchTab' && !isTab(u.route)) return fail('can not switch to no-tabBar page', ERR_INVALID);
  if ((kind === 'navigateTo' || kind === 'redirectTo') && isTab(u.route)) return fail('can not ' + kind + ' a tabbar page', ERR_INVALID);
  if (kind === 'navigateTo' && stack.length >= 10) return fail('webview count limit exceed (at most 10 pages)', ERR_LIMIT);
  if (pendingLaunch && !inIndependentSubpackage(u.route)) {
    let failure = null;
    const opts = { path: u.route, query: u.query, scene: pendingLaunch.scene, referrerInfo: pendingLaunch.referrerInfo };
    if (!startApp(opts, (d) => { failure = d; })) {
      native.error('exception', 'app.js failed: ' + (failure.name ? failure.name + ': ' : '') + failure.message, failure.stack || '');
      return fail('page "' + u.route + '" failed to load: app.js failed', ERR_HOST);
    }
  }
  // Load the page's module before any hook runs: if it fails, the stack stays as it was.
  try { definition(u.route); } catch (e) {
    const d = describe(e);
    reportError('module', e);
    return fail('page "' + u.route + '" failed to load: ' + (d.name ? d.name + ': ' : '') + d.message, ERR_HOST);
  }
  if (kind === 'navigateTo') {
    if (top()) hidePage(top());
    openPage(u.route, u.query);
  } else if (kind === 'redirectTo') {
    const old = stack.pop();
    if (old) unload(old);
    openPage(u.route, u.query);
  } else if (kind === 'switchTab') {
    switchTab(u.route);
  } else {
    while (stack.length) unload(stack.pop());
    for (const page of keptTabs.values()) unload(page);
    keptTabs.clear();
    openPage(u.route, u.query);
  }
  return null;
}
// Every page above the bottom tab page is closed; the tab page left hides (kept), the target shows.
function switchTab(route) {
  const before = top();
  while (stack.length && !isTab(top().route)) unload(stack.pop());
  const current = top();
  if (current && current.route === route) {
    if (before !== current) showPage(current);
    return;
  }
  if (current) {
    if (before === current) hidePage(current);
    keptTabs.set(current.route, stack.pop());
  }
  const kept = keptTabs.get(route);
  if (kept) {
    keptTabs.delete(route);
    stack.push(kept);
    showPage(kept);
  } else {
    openPage(route, {});
  }
}
function back(delta, fail) {
  let d = delta === undefined ? 1 : NumberCtor(delta);
  if (!(d >= 1)) d = 1;
  if (stack.length <= 1) return fail('cannot navigate back at first page', ERR_NOT_FOUND);
  d = MathMin(MathFloor(d), stack.length - 1);
  for (let i = 0; i < d; i++) unload(stack.pop());
  showPage(top());
  return null;
}
function navApi(kind) {
  return function (options) {
    const c = copyOptions(options);
    const o = c.value || {};
    return settle(kind, c.callbacks, (ok, fail) => {
      // Navigation happens in a task of its own, after the calling code has returned (as in WeChat).
      native.post(() => {
        if (c.error) return fail(c.error, ERR_INVALID);
        let failed = false;
        const f = (r, code) => { failed = true; fail(r, code); };
        if (kind === 'navigateBack') back(o.delta, f); else navigate(kind, o.url, f);
        if (failed) return;
        if (kind !== 'navigateTo' && kind !== 'navigateBack') native.lifecycle('ui', kind, null, JSONStringify({ url: o.url }));
        ok({});
      });
    });
  };
}
