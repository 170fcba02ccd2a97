// Running: the suites in order with hooks and timeouts, results reported to the host, and
// the runner object the host drives.
function fullName(t) {
  const parts = [];
  for (let s = t.parent; s && s.parent; s = s.parent) parts.unshift(s.name);
  parts.push(t.name);
  return parts.join(' > ');
}
function errorInfo(e) {
  if (e instanceof Error) {
    return { name: e.name, message: e.message, stack: String(e.stack || ''), expected: e.expected, actual: e.actual, diff: e.diff };
  }
  if (e !== null && typeof e === 'object') return { name: 'Thrown', message: 'a non-Error was thrown: ' + show(e), stack: '' };
  return { name: 'Thrown', message: 'a non-Error was thrown: ' + show(e), stack: '' };
}
function withTimeout(fn, ms, what) {
  return new Promise((resolve, reject) => {
    let done = false;
    const id = setTimer(() => { if (!done) { done = true; reject(Object.assign(new Error(what + ' timed out after ' + ms + ' ms'), { name: 'TimeoutError' })); } }, ms);
    Promise.resolve().then(fn).then(
      (v) => { if (!done) { done = true; clearTimer(id); resolve(v); } },
      (e) => { if (!done) { done = true; clearTimer(id); reject(e); } });
  });
}
function skipped(node, inherited) { return inherited || node.mode === 'skip' || node.mode === 'todo'; }
function hasOnly(node) { return node.mode === 'only' || (!node.test && node.children.some(hasOnly)); }
function selected(t, underOnly) {
  if (anyOnly && !underOnly && t.mode !== 'only') return false;
  return native.matches(fullName(t));
}
function countTests(node, underOnly) {
  if (node.test) return selected(node, underOnly) ? 1 : 0;
  let n = 0;
  for (const c of node.children) n += countTests(c, underOnly || node.mode === 'only');
  return n;
}
async function runHooks(list, label) {
  for (const h of list) await withTimeout(() => h(), native.timeout, label);
}
function eachHooks(suite, kind) {
  const chain = [];
  for (let s = suite; s; s = s.parent) chain.unshift(s);
  const out = [];
  for (const s of chain) for (const h of s[kind]) out.push(h);
  return kind === 'afterEach' ? out.reverse() : out;
}
async function runTest(t, skip) {
  const name = fullName(t);
  if (skip || t.mode === 'skip' || t.mode === 'todo') { native.report(JSON.stringify({ name, status: 'skipped', line: t.line, ms: 0 })); return; }
  const started = Date.now();
  native.beginTest(name);
  snapshotState.name = name; snapshotState.counts.clear();
  let error = null;
  const timeout = t.timeout === undefined ? native.timeout : Number(t.timeout);
  try {
    for (const h of eachHooks(t.parent, 'beforeEach')) await withTimeout(() => h(), timeout, 'beforeEach of "' + name + '"');
    await withTimeout(() => t.fn(), timeout, 'test "' + name + '"');
  } catch (e) { error = errorInfo(e); }
  try {
    for (const h of eachHooks(t.parent, 'afterEach')) await withTimeout(() => h(), timeout, 'afterEach of "' + name + '"');
  } catch (e) { if (!error) error = errorInfo(e); }
  for (const [, r] of pending) r.reject(new Error('the test ended'));
  pending.clear();
  mockFns.clear();
  apps.length = 0;
  useRealTimers();
  native.report(JSON.stringify({ name, status: error ? 'failed' : 'passed', line: t.line, ms: Date.now() - started, error }));
  native.endTest();
}
async function runSuite(s, skip, underOnly) {
  const only = underOnly || s.mode === 'only';
  const live = countTests(s, underOnly) > 0 && !skipped(s, skip);
  let failure = null;
  if (live) {
    try { await runHooks(s.beforeAll, 'beforeAll' + (s.name ? ' of "' + s.name + '"' : '')); }
    catch (e) { failure = errorInfo(e); }
  }
  for (const c of s.children) {
    if (c.test) {
      if (!selected(c, only)) continue;
      if (failure) { native.report(JSON.stringify({ name: fullName(c), status: 'failed', line: c.line, ms: 0, error: Object.assign({}, failure, { message: 'beforeAll failed: ' + failure.message }) })); continue; }
      await runTest(c, skipped(s, skip));
    } else {
      await runSuite(c, skipped(s, skip) || !!failure, only);
    }
  }
  if (live) {
    try { await runHooks(s.afterAll, 'afterAll' + (s.name ? ' of "' + s.name + '"' : '')); }
    catch (e) { native.report(JSON.stringify({ name: (s.name ? s.name + ' > ' : '') + '(afterAll)', status: 'failed', line: 0, ms: 0, error: errorInfo(e) })); }
  }
}
return {
  run() {
    collecting = false;
    runSuite(root, false, false).then(() => native.finished(), (e) => { native.report(JSON.stringify({ name: '(runner)', status: 'failed', line: 0, ms: 0, error: errorInfo(e) })); native.finished(); });
  },
  fire(id) { const fn = timers.get(id); if (fn) { timers.delete(id); fn(); } },
  settle(id, ok, text) {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (ok) p.resolve(parse(text));
    else { const e = new Error(text); if (p.site.stack) e.stack = p.site.stack; p.reject(e); }
  },
  // A mock function, called for an app's API call: answers through native.mockDone.
  invokeMock(fnId, callToken, argsJSON) {
    const fn = mockFns.get(Number(fnId));
    const fail = (e) => {
      const o = e !== null && typeof e === 'object' ? e : { errMsg: String(e) };
      native.mockDone(callToken, false, JSON.stringify({ errCode: typeof o.errCode === 'number' ? o.errCode : 1009, errMsg: String(o.errMsg !== undefined ? o.errMsg : (o.message !== undefined ? o.message : show(e))) }));
    };
    if (!fn) { fail({ errCode: 1009, errMsg: 'the mock is gone (its test ended)' }); return; }
    try {
      Promise.resolve(fn(parse(argsJSON))).then((r) => native.mockDone(callToken, true, JSON.stringify(r === undefined ? {} : r)), fail);
    } catch (e) { fail(e); }
  },
  count() { return countTests(root, false); },
};
