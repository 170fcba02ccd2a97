// The members of `mp`/`wx` the runtime implements itself: launch and enter options, app events
// (show, hide, errors, rejections, missing pages), nextTick, the update manager, account info
// and `env`.
let launchOptions = null, enterOptions = null, appVersion = '';
// Runs the listeners of the event `name` (as host events run): each gets its own copy.
function emitEvent(name, payload) {
  const set = listeners.get(name);
  if (!set || set.length === 0) return;
  for (const fn of set.slice()) guarded('on' + name, fn, undefined, payload === undefined ? [] : [clone(payload)]);
}
eventPair('AppShow');
eventPair('AppHide');
eventPair('PageNotFound');
eventPair('Error', errorListeners);
eventPair('UnhandledRejection', rejectionListeners);
// The options of the app's launch and of its latest entry to the foreground, in WeChat's shape
// (path, query, scene, referrerInfo and what the host added); a copy per call.
mp.getLaunchOptionsSync = function getLaunchOptionsSync() { return launchOptions === null ? {} : clone(launchOptions); };
mp.getEnterOptionsSync = function getEnterOptionsSync() { return enterOptions === null ? {} : clone(enterOptions); };
mp.nextTick = function nextTick(fn) {
  if (typeof fn !== 'function') throw new TypeErrorCtor('nextTick needs a function');
  PromiseResolve().then(() => guarded('nextTick', fn, undefined, []));
};
// There is never an update to download (as in WeChat's developer tools): each onCheckForUpdate
// listener is called once, in a task of its own, with `{hasUpdate: false}`.
const updateManager = ObjectFreeze({
  onCheckForUpdate: hideSource(function onCheckForUpdate(fn) {
    if (typeof fn !== 'function') throw new TypeErrorCtor('onCheckForUpdate needs a function');
    native.post(() => guarded('onCheckForUpdate', fn, undefined, [{ hasUpdate: false }]));
  }),
  onUpdateReady: hideSource(function onUpdateReady(fn) {}),
  onUpdateFailed: hideSource(function onUpdateFailed(fn) {}),
  applyUpdate: hideSource(function applyUpdate() {}),
});
mp.getUpdateManager = function getUpdateManager() { return updateManager; };
// The package's app id and version; MiniHost runs packages as a developer tool does ('develop').
mp.getAccountInfoSync = function getAccountInfoSync() {
  return { miniProgram: { appId, envVersion: 'develop', version: appVersion } };
};
mp.env = { USER_DATA_PATH: 'wxfile://usr' };
// A third-party platform's data for the app: `ext.json`'s `ext` when its `extEnable` is true, else
// an empty object (as WeChat's developer tools read it); a copy per call.
function extConfig() {
  let file;
  try { file = requireFrom('', './ext.json'); } catch (e) { return {}; }
  return file !== null && typeof file === 'object' && file.extEnable === true && file.ext !== null && typeof file.ext === 'object' ? clone(file.ext) : {};
}
mp.getExtConfigSync = function getExtConfigSync() { return extConfig(); };
mp.getExtConfig = function getExtConfig(options) {
  const c = copyOptions(options);
  return settle('getExtConfig', c.callbacks, (ok, fail) => native.post(() => (c.error ? fail(c.error, ERR_INVALID) : ok({ extConfig: extConfig() }))));
};
// A page the host was asked to open (`navigate` in the console, app.navigate in tests) is not in
// the package: App.onPageNotFound and the wx.onPageNotFound listeners get it. False when nobody
// listens (the navigation then fails as any other).
function pageNotFound(route, query) {
  const hasHook = appOptions && typeof appOptions.onPageNotFound === 'function';
  const set = listeners.get('PageNotFound');
  if (!hasHook && set.length === 0) return false;
  const res = { path: route, query, isEntryPage: false };
  if (hasHook) hook('app', 'onPageNotFound', appInstance, res, undefined, JSONStringify(res));
  else native.lifecycle('app', 'onPageNotFound', null, JSONStringify(res));
  emitEvent('PageNotFound', res);
  return true;
}
