// Lifecycle: the App and Page registrations and the globals that read them.
//
const pageDefs = new MapCtor();
const stack = [];
let currentRoute = null, loadingRoute = null, appShown = false;

function App(options) {
  if (appOptions) throw new ErrorCtor('App() may be called only once');
  if (options === null || typeof options !== 'object') throw new TypeErrorCtor('App() needs an options object');
  appOptions = options;
  appInstance = options;
  if (!('globalData' in options)) options.globalData = {};
}
function Page(options) {
  if (options === null || typeof options !== 'object') throw new TypeErrorCtor('Page() needs an options object');
  if (!loadingRoute) throw new ErrorCtor('Page() may be called only in a page module listed in the manifest');
  pageDefs.set(loadingRoute, options);
}
function getApp() { return appInstance; }
function getCurrentPages() { return stack.slice(); }
