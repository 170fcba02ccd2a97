// ui messages: a toast that times out, loading with a mask, a toast that stays, the
// navigation bar title and a tab bar badge.
test.run(async () => {
  test.receive(fixtures.hello);
  test.receive(fixtures.page());
  test.receive({ type: 'ui', api: 'showToast', args: { title: 'quick', icon: 'none', duration: 50, mask: false } });
  test.note('quick-shown', String(!!document.getElementById('mh-toast')));
  await test.wait(300);
  test.note('quick-gone', String(!document.getElementById('mh-toast')));
  test.receive({ type: 'ui', api: 'showLoading', args: { title: 'Loading', mask: true } });
  test.snap('loading', document.getElementById('mh-layer'));
  test.receive({ type: 'ui', api: 'hideLoading', args: {} });
  test.receive({ type: 'ui', api: 'showToast', args: { title: 'Saved <ok>', icon: 'success', duration: 600000, mask: false } });
  test.receive({ type: 'ui', api: 'setNavigationBarTitle', args: { title: 'New <title>' } });
  test.receive({ type: 'ui', api: 'setTabBarBadge', args: { index: 1, text: '3' } });
});
