// Error routing: uncaught exceptions and unhandled rejections to the host and App.onError.
//
let appInstance, appOptions, inErrorHook = false;
function reportError(kind, e) {
  const d = describe(e);
  native.error(kind, d.name ? d.name + ': ' + d.message : d.message, d.stack || '');
  notifyApp(errorText(d));
}
// Passes an error's text to App.onError (never re-entering it).
function notifyApp(text) {
  if (appOptions && typeof appOptions.onError === 'function' && !inErrorHook) {
    inErrorHook = true;
    try { ReflectApply(appOptions.onError, appInstance, [text]); }
    catch (e2) { const d2 = describe(e2); native.error('exception', 'App.onError threw: ' + (d2.name ? d2.name + ': ' : '') + d2.message, d2.stack || ''); }
    finally { inErrorHook = false; }
  }
}
function guarded(what, fn, self, args) {
  try { return ReflectApply(fn, self, args || []); }
  catch (e) { reportError('exception', e); return undefined; }
}
function onRejection(promise, reason) {
  if (appOptions && typeof appOptions.onUnhandledRejection === 'function') {
    const d = describe(reason);
    native.error('unhandled_rejection', 'Unhandled promise rejection (passed to App.onUnhandledRejection): ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
    guarded('onUnhandledRejection', appOptions.onUnhandledRejection, appInstance, [{ reason, promise }]);
  } else {
    const d = describe(reason);
    native.error('unhandled_rejection', 'Unhandled promise rejection: ' + (d.name ? d.name + ': ' : '') + d.message, d.stack || '');
  }
}
