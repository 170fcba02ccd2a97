// The panels: console entries and errors with their stack, lifecycle, data, audit, the world
// (wallet, conversations, location), and moving the user by the map and by coordinates.
test.run(async () => {
  test.receive(fixtures.hello);
  test.receive(fixtures.page());
  test.receive({ type: 'console', level: 'log', message: 'hello <b>console</b>' });
  test.receive({ type: 'console', level: 'warn', message: 'careful' });
  test.receive({ type: 'console', level: 'bogus', message: 'odd level' });
  test.receive({ type: 'error', kind: 'TypeError', message: 'x is undefined', stack: 'at onTap (pages/index/index.js:12:5)' });
  test.receive({ type: 'lifecycle', target: 'page', hook: 'onLoad', route: 'pages/index/index' });
  test.receive({ type: 'data', route: 'pages/index/index', data: { count: 2, name: '<img src=x onerror=alert(1)>' } });
  test.receive({ type: 'audit', entries: [
    { time: '2024-01-01T00:00:00Z', permission: 'location', decision: 'allow', detail: 'getLocation' },
    { time: '2024-01-01T00:00:01Z', permission: 'payment', decision: 'deny', detail: 'requestPayment', amount: '12.00' },
  ] });
  test.receive({ type: 'world', wallet: { balance: '12.00', currency: 'CNY' },
    conversations: [{ id: 'c1', title: 'Mom', messages: [{ from: 'Mom', text: 'hi <3' }] }],
    location: { latitude: 31.23, longitude: 121.47 } });
  test.clearSent();
  document.querySelector('[data-mh-panel="mh-world"]').click();
  const map = document.getElementById('mh-map');
  const r = map.getBoundingClientRect();
  map.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + r.width * 0.75, clientY: r.top + r.height * 0.25 }));
  document.getElementById('mh-lat').value = '30.5';
  document.getElementById('mh-lng').value = '120.25';
  document.getElementById('mh-location-form').requestSubmit();
  document.getElementById('mh-lat').value = '95';
  document.getElementById('mh-location-form').dispatchEvent(new Event('submit', { cancelable: true }));
  test.note('sent', test.sent.slice());
});
