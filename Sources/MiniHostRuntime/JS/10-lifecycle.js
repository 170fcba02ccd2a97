// Lifecycle: the App and Page registrations and the globals that read them.
//
const pageDefs = new MapCtor();
const stack = [];
let currentRoute = null, loadingRoute = null, appShown = false;
// What `getApp({allowDefault: true})` returns before App() is called; App() takes its members.
let defaultApp;

function App(options) {
  if (appOptions) throw new ErrorCtor('App() may be called only once');
  if (options === null || typeof options !== 'object') throw new TypeErrorCtor('App() needs an options object');
  appOptions = options;
  appInstance = options;
  if (!('globalData' in options)) options.globalData = {};
  if (defaultApp) adoptDefaultApp(options);
}
// The default app's members go into the registered app; its globalData is merged into the app's.
function adoptDefaultApp(options) {
  for (const k of ObjectKeys(defaultApp)) {
    const v = defaultApp[k], mine = options[k];
    if (k === 'globalData' && mine !== null && typeof mine === 'object' && v !== null && typeof v === 'object') ObjectAssign(mine, v);
    else ObjectDefine(options, k, { value: v, writable: true, enumerable: true, configurable: true });
  }
  defaultApp = undefined;
}
function Page(options) {
  if (options === null || typeof options !== 'object') throw new TypeErrorCtor('Page() needs an options object');
  if (!loadingRoute) throw new ErrorCtor('Page() may be called only in a page module listed in the manifest');
  pageDefs.set(loadingRoute, ArrayIsArray(options.behaviors) ? pageWithBehaviors(options, loadingRoute) : options);
}
function getApp(options) {
  if (appInstance === undefined && options !== null && typeof options === 'object' && options.allowDefault === true) {
    if (!defaultApp) defaultApp = { globalData: {} };
    return defaultApp;
  }
  return appInstance;
}
function getCurrentPages() { return stack.slice(); }
// WeChat's independent subpackages: launched into one of their pages, the main package (app.js)
// does not run; `pendingLaunch` keeps the launch options until a page outside them opens, when
// app.js runs and App's onLaunch and first onShow are called.
let independentRoots = [], pendingLaunch = null;
function inIndependentSubpackage(route) {
  for (const root of independentRoots) if (route.startsWith(root + '/')) return true;
  return false;
}
// Runs app.js, then App.onLaunch and App.onShow with `opts`; false (after `failed(described
// error)`) when app.js throws.
function startApp(opts, failed) {
  pendingLaunch = null;
  try {
    requireFrom('', './app.js');
  } catch (e) {
    failed(describe(e));
    return false;
  }
  if (!appOptions) { appOptions = defaultApp || {}; appInstance = appOptions; defaultApp = undefined; native.print('warn', 'app.js did not call App(); running with an empty App'); }
  launchOptions = clone(opts); enterOptions = clone(opts);
  const text = JSONStringify(opts);
  hook('app', 'onLaunch', appInstance, opts, undefined, text);
  hook('app', 'onShow', appInstance, clone(opts), undefined, text);
  emitEvent('AppShow', opts);
  return true;
}
