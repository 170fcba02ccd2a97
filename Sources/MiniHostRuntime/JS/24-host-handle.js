// The host's handle: the dispatcher the host drives the app with (launch, timers,
// navigation, page calls, test-driver requests).
return ObjectFreeze({
  launch(id, routes, entry, query, options, alias, tabs, independent, version, callsIntercepted) {
    appId = id; pageRoutes = routes; setAliases(alias); tabBarRoutes = tabs || [];
    independentRoots = ArrayIsArray(independent) ? independent : [];
    appVersion = typeof version === 'string' ? version : '';
    intercepted = callsIntercepted === true;
    const opts = ObjectAssign({ path: entry, query: query, scene: 'launch', referrerInfo: {} }, options || {});
    launchOptions = clone(opts); enterOptions = clone(opts);
    if (inIndependentSubpackage(entry)) pendingLaunch = opts;
    else if (!startApp(opts, (d) => native.error('launch', 'app.js failed: ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || ''))) return false;
    appShown = true;
    try { definition(entry); } catch (e) {
      const d = describe(e);
      native.error('launch', 'entry page ' + entry + ' failed: ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
      return false;
    }
    openPage(entry, query);
    return true;
  },
  fire: fireTimer,
  fromView,
  topViewKey() { return top() ? viewKey(top()) : undefined; },
  settleCall,
  // A host event: each listener gets its own copy of the payload, in a guarded call.
  event(name, payload) { emitEvent(name, payload); },
  run(fn) { guarded('task', fn, undefined, []); },
  hide() {
    if (!appShown) return;
    appShown = false;
    if (top()) hidePage(top());
    if (!pendingLaunch) { hook('app', 'onHide', appInstance); emitEvent('AppHide', {}); }
  },
  show() {
    if (appShown) return;
    appShown = true;
    const opts = { path: top() ? top().route : '', query: top() ? top().options : {}, scene: 'launch', referrerInfo: {} };
    enterOptions = clone(opts);
    if (!pendingLaunch) { hook('app', 'onShow', appInstance, opts, undefined, JSONStringify(opts)); emitEvent('AppShow', opts); }
    if (top()) showPage(top());
  },
  navigate(url) {
    const u = parseURL(url, '');
    if (u.route && pageRoutes.indexOf(u.route) < 0 && pageNotFound(u.route, u.query)) return null;
    let err = null;
    // The host names pages from the package root; a tab page is reached as a tap on its tab would.
    navigate(u.route && isTab(u.route) ? 'switchTab' : 'navigateTo', url, (r) => { err = r; }, '');
    return err;
  },
  back() { let err = null; back(1, (r) => { err = r; }); return err; },
  callPage(route, method, argJSON) {
    let page = null;
    for (let i = stack.length - 1; i >= 0; i--) if (!route || stack[i].route === route) { page = stack[i]; break; }
    if (!page) return 'no page "' + route + '" in the page stack';
    const desc = ObjectGetDesc(page, method), fn = desc && desc.value;  // the page's own methods only
    if (typeof fn !== 'function') return 'page ' + page.route + ' has no method "' + method + '"';
    const arg = argJSON === undefined || argJSON === null ? undefined : JSONParse(argJSON);
    guarded(method, fn, page, arg === undefined ? [] : [arg]);
    return null;
  },
  // `api <name> [json]` from the console: calls mp.<name> as the app would and answers with
  // native.lifecycle('api', ...). Returns an error message when there is nothing to call.
  callAPI(name, argJSON) {
    let fn = mp;
    for (const part of name.split('.')) {
      const d = fn !== null && (typeof fn === 'object' || typeof fn === 'function') ? ObjectGetDesc(fn, part) : undefined;
      fn = d && d.value;
    }
    if (typeof fn !== 'function') return 'wx has no function "' + name + '"';
    const answer = (ok, v) => {
      let text;
      try { text = JSONStringify(ok ? { api: name, ok: true, result: v === undefined ? null : v } : { api: name, ok: false, error: v }); }
      catch (e) { text = JSONStringify({ api: name, ok: ok, note: 'the answer cannot be copied as JSON' }); }
      native.lifecycle('api', 'reply', null, text);
    };
    const arg = argJSON === null || argJSON === undefined ? undefined : JSONParse(argJSON);
    const failure = (e) => (e !== null && typeof e === 'object' && 'errMsg' in e ? { errMsg: e.errMsg, errCode: e.errCode } : describe(e).message);
    if (ArrayIsArray(arg) || name.endsWith('Sync')) {
      const args = ArrayIsArray(arg) ? arg : arg === undefined ? [] : [arg];
      try { answer(true, ReflectApply(fn, undefined, args)); } catch (e) { answer(false, failure(e)); }
      return null;
    }
    if (arg !== undefined && (arg === null || typeof arg !== 'object')) return name + ' takes an options object or an array of arguments';
    const options = ObjectAssign({}, arg !== null && typeof arg === 'object' ? arg : {}, {
      success: (r) => answer(true, r), fail: (e) => answer(false, failure(e)),
    });
    try { ReflectApply(fn, undefined, [options]); } catch (e) { answer(false, failure(e)); }
    return null;
  },
  pageData(route) {
    for (let i = stack.length - 1; i >= 0; i--) if (!route || stack[i].route === route)
      return JSONStringify({ route: stack[i].route, data: stack[i].data });
    return null;
  },
  // A test driver's request (`minihost test`): answers with native.lifecycle('driver', ...) --
  // at once, or when a page method's returned promise settles. Returns true once answered or
  // scheduled; app values only cross as JSON copies.
  driver(token, op, argJSON, evaluated) {
    const answer = (ok, v) => {
      let text;
      try { text = JSONStringify(ok ? { token, ok: true, value: v === undefined ? null : v } : { token, ok: false, error: StringCtor(v) }); }
      catch (e) { text = JSONStringify({ token, ok: false, error: 'the value cannot be copied as JSON' }); }
      native.lifecycle('driver', 'reply', null, text);
    };
    const arg = JSONParse(argJSON);
    if (op.startsWith('component.')) { componentRequest(op, arg, answer); return true; }
    const find = (route) => {
      for (let i = stack.length - 1; i >= 0; i--) if (!route || stack[i].route === route) return stack[i];
      return null;
    };
    if (op === 'stack') {
      answer(true, stack.map((p) => ({ route: p.route, query: p.options || {} })));
      return true;
    }
    if (op === 'navigate' || op === 'back') {
      let err = null;
      if (op === 'back') err = this.back();
      else if (arg.kind) navigate(StringCtor(arg.kind), StringCtor(arg.url), (r) => { err = r; }, '');
      else err = this.navigate(arg.url);
      if (err) answer(false, err); else answer(true, null);
      return true;
    }
    if (op === 'callWx') { driverCallWx(arg, answer); return true; }
    if (op === 'evaluate') { driverEvaluate(evaluated, arg, answer); return true; }
    if (op === 'hide' || op === 'show') {
      if (op === 'hide') this.hide(); else this.show();
      answer(true, null);
      return true;
    }
    const page = find(arg && arg.route);
    if (!page) { answer(false, 'no page "' + ((arg && arg.route) || '(top)') + '" in the page stack'); return true; }
    if (op === 'page') {
      let data;
      try { data = clone(page.data); } catch (e) { answer(false, 'the page data cannot be copied as JSON'); return true; }
      answer(true, { route: page.route, query: page.options || {}, data, key: viewKey(page) });
      return true;
    }
    if (op === 'setData') {
      try { if (isComponentPage(page)) componentSetData(page, arg.data); else setData(page, arg.data); answer(true, null); }
      catch (e) { const d = describe(e); answer(false, (d.name ? d.name + ': ' : '') + d.message); }
      return true;
    }
    if (op === 'call') {
      const desc = ObjectGetDesc(page, arg.method), fn = desc && desc.value;
      if (typeof fn !== 'function') { answer(false, 'page ' + page.route + ' has no method "' + arg.method + '"'); return true; }
      let r;
      try { r = ReflectApply(fn, page, arg.arg === undefined ? [] : [arg.arg]); }
      catch (e) {
        reportError('exception', e);
        const d = describe(e);
        answer(false, page.route + '.' + arg.method + ' threw ' + (d.name ? d.name + ': ' : '') + d.message);
        return true;
      }
      if (r !== null && typeof r === 'object' && r instanceof PromiseCtor) {
        r.then((v) => answer(true, copyOut(v)), (e) => { const d = describe(e); answer(false, page.route + '.' + arg.method + ' rejected: ' + (d.name ? d.name + ': ' : '') + d.message); });
      } else {
        answer(true, copyOut(r));
      }
      return true;
    }
    answer(false, 'unknown driver request ' + op);
    return true;
  },
  stackRoutes() { return JSONStringify(stack.map((p) => p.route)); },
  // Forgets everything an app left behind; used after the warm-up launch of a prepared VM.
  reset() {
    appOptions = undefined; appInstance = undefined; inErrorHook = false; appShown = false;
    appId = ''; appVersion = ''; intercepted = false; launchOptions = null; enterOptions = null; pageRoutes = []; tabBarRoutes = []; aliases = []; loadingRoute = null; currentRoute = null;
    moduleCache.clear(); resolvedPaths.clear(); pageDefs.clear(); timers.clear();
    componentDefs.clear(); instances.clear(); viewPages.clear(); loadingModules.length = 0; defaultApp = undefined; nextInstance = 1;
    for (const set of listeners.values()) set.length = 0;
    stack.length = 0; keptTabs.clear(); nextTimerId = 1; independentRoots = []; pendingLaunch = null;
  },
  // A terminated task never ran its `finally` blocks: clear the re-entry guard first.
  notifyError(message) { inErrorHook = false; loadingModules.length = 0; notifyApp(message); },
  onRejection,
  describeError(e) { const d = describe(e); return JSONStringify(d); },
});
