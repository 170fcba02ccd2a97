// A page, then patches: text and attributes change, children reorder, nodes go and come, an
// input's live value and a switch's checked state follow, a node's tag changes.
test.run(() => {
  test.receive(fixtures.hello);
  test.receive(fixtures.page());
  test.clearSent();
  test.receive({
    type: 'patch', key: 1, roots: [1],
    set: {
      1: { t: 'view', a: { class: 'page' }, c: [13, 2, 30, 9, 10], o: 1 },
      20: { x: 'Goodbye' },
      2: { t: 'text', a: { id: 'title', class: 'title done', 'data-n': '2' }, c: [20], o: 1 },
      30: { t: 'view', a: { class: 'new' }, c: [31], o: 1 },
      31: { x: 'fresh' },
      9: { t: 'input', a: { placeholder: 'your name', value: 'bob', maxlength: '10' }, v: 'carol', c: [], o: 1 },
      13: { t: 'switch', a: { checked: '' }, k: true, c: [], o: 1 },
      10: { t: 'button', a: { type: 'warn' }, c: [23], o: 1 },
    },
    remove: [3, 4, 5, 6, 21, 14, 7, 22, 8, 11, 12],
    owners: {}, styles: [],
  });
  test.note('input-value', test.mh(9).querySelector('input').value);
  test.receive({ type: 'patch', key: 1, roots: [1], set: { 30: { t: 'text', a: { class: 'new' }, c: [31], o: 1 } }, remove: [] });
  test.note('sent', test.sent.slice());
});
