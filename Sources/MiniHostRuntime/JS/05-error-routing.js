// Error routing: uncaught exceptions and unhandled rejections to the host, App.onError /
// App.onUnhandledRejection and the listeners of wx.onError / wx.onUnhandledRejection.
//
let appInstance, appOptions, inErrorHook = false;
// Listeners added with wx.onError and wx.onUnhandledRejection (see 21-app-members.js).
const errorListeners = [], rejectionListeners = [];
function reportError(kind, e) {
  const d = describe(e);
  native.error(kind, d.name ? d.name + ': ' + d.message : d.message, d.stack || '');
  notifyApp(errorText(d));
}
// Passes an error's text to App.onError and the wx.onError listeners (never re-entering them).
function notifyApp(text) {
  if (inErrorHook) return;
  const appHook = appOptions && typeof appOptions.onError === 'function' ? appOptions.onError : null;
  if (appHook === null && errorListeners.length === 0) return;
  inErrorHook = true;
  try {
    if (appHook !== null) callErrorHook('App.onError', appHook, appInstance, text);
    for (const fn of errorListeners.slice()) callErrorHook('a wx.onError listener', fn, undefined, text);
  } finally { inErrorHook = false; }
}
function callErrorHook(what, fn, self, text) {
  try { ReflectApply(fn, self, [text]); }
  catch (e) { const d = describe(e); native.error('exception', what + ' threw: ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || ''); }
}
function guarded(what, fn, self, args) {
  try { return ReflectApply(fn, self, args || []); }
  catch (e) { reportError('exception', e); return undefined; }
}
function onRejection(promise, reason) {
  const d = describe(reason);
  const hasHook = appOptions && typeof appOptions.onUnhandledRejection === 'function';
  if (hasHook || rejectionListeners.length > 0) {
    native.error('unhandled_rejection', 'Unhandled promise rejection (passed to ' + (hasHook ? 'App.onUnhandledRejection' : 'wx.onUnhandledRejection') + '): ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
    if (hasHook) guarded('onUnhandledRejection', appOptions.onUnhandledRejection, appInstance, [{ reason, promise }]);
    for (const fn of rejectionListeners.slice()) guarded('onUnhandledRejection', fn, undefined, [{ reason, promise }]);
  } else {
    native.error('unhandled_rejection', 'Unhandled promise rejection: ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
  }
}
