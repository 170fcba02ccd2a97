// Robustness: a patch for another page or naming an unknown node asks for a fresh page;
// unknown messages and bad JSON are ignored; exit shows the ended state until a new page.
test.run(async () => {
  test.receive(fixtures.hello);
  test.receive(fixtures.page());
  test.clearSent();
  test.receive({ type: 'patch', key: 99, roots: [1], set: { 20: { x: 'wrong page' } }, remove: [] });
  test.note('after-wrong-key', test.sent.slice());
  await test.wait(1100);
  test.receive({ type: 'patch', key: 1, roots: [1], set: { 1: { t: 'view', a: {}, c: [2, 777], o: 1 } }, remove: [] });
  test.note('after-unknown', test.sent.slice());
  test.receive({ type: 'no-such-message', x: 1 });
  test.receive('{not json');
  test.receive(null);
  test.receive({ type: 'ui', api: 'noSuchApi', args: {} });
  test.receive({ type: 'exit', status: 'crashed', reason: 'out of <memory>' });
  test.note('state-exited', document.documentElement.dataset.mhState);
  test.snap('exit', document.getElementById('mh-exit'));
  test.receive(Object.assign(fixtures.page(), { key: 2 }));
  test.note('state-again', document.documentElement.dataset.mhState);
});
