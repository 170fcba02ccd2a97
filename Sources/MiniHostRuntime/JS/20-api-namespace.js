// The API namespace: `mp` (also `wx`) with navigation, the host APIs' stubs and host events.
const mp = {};
mp.navigateTo = navApi('navigateTo');
mp.redirectTo = navApi('redirectTo');
mp.reLaunch = navApi('reLaunch');
mp.switchTab = navApi('switchTab');
mp.navigateBack = navApi('navigateBack');
// Host events: `mp.on<Name>(fn)` adds a listener, `mp.off<Name>(fn)` removes it (no argument: all).
// `set`: the array that keeps the listeners (default: a new one).
const listeners = new MapCtor();
function eventPair(name, set) {
  if (set === undefined) set = [];
  listeners.set(name, set);
  mp['on' + name] = function (fn) {
    if (typeof fn !== 'function') throw new TypeErrorCtor('on' + name + ' needs a function');
    if (set.indexOf(fn) < 0) set.push(fn);
  };
  mp['off' + name] = function (fn) {
    if (fn === undefined) { set.length = 0; return; }
    const i = set.indexOf(fn);
    if (i >= 0) set.splice(i, 1);
  };
}
// A stub names its API to the host by its index in `native.apis`.
for (let i = 0; i < native.apis.length; i++) {
  const d = native.apis[i];
  if (d[1] === 'event') eventPair(d[0]);
  else mp[d[0]] = d[1] === 'sync' ? syncStub(d[0], i) : asyncStub(d[0], i);
}
// startPullDownRefresh acts as the user's pull would: the top page's onPullDownRefresh runs too.
const hostStartPullDownRefresh = mp.startPullDownRefresh;
if (hostStartPullDownRefresh) {
  mp.startPullDownRefresh = function startPullDownRefresh(options) {
    native.post(() => { const page = top(); if (page) hook('page', 'onPullDownRefresh', page, undefined, page.route); });
    return hostStartPullDownRefresh(options);
  };
}
