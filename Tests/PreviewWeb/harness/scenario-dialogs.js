// Prompts: a modal (and one queued behind it), an action sheet, an editable modal, a prompt
// closed elsewhere, and a permission prompt left open.
test.run(async () => {
  test.receive(fixtures.hello);
  test.receive(fixtures.page());
  test.clearSent();
  test.receive({ type: 'prompt', id: 7, prompt: { type: 'modal', title: 'Delete <it>?', content: 'Sure?', showCancel: true, editable: false, confirmText: 'Yes', cancelText: 'No' } });
  test.receive({ type: 'prompt', id: 8, prompt: { type: 'actionSheet', title: '', options: ['Red', 'Green', '<Blue>'] } });
  test.snap('modal', document.getElementById('mh-dialog'));
  document.querySelector('#mh-dialog [data-mh-answer="confirm"]').click();
  await test.wait(20);
  test.snap('sheet', document.getElementById('mh-dialog'));
  document.querySelector('#mh-dialog [data-mh-pick="2"]').click();
  await test.wait(20);
  test.receive({ type: 'prompt', id: 9, prompt: { type: 'modal', title: 'Name', content: 'x', showCancel: false, editable: true, confirmText: 'OK', cancelText: 'Cancel', placeholderText: 'type' } });
  test.snap('editable', document.getElementById('mh-dialog'));
  document.querySelector('#mh-dialog textarea').value = 'Ann';
  document.querySelector('#mh-dialog [data-mh-answer="confirm"]').click();
  await test.wait(20);
  test.receive({ type: 'prompt', id: 10, prompt: { type: 'payment', title: 'pay 12.00 CNY', reason: 'tea', details: [{ label: 'amount', value: '12.00 CNY' }], always: false } });
  test.snap('payment', document.getElementById('mh-dialog'));
  test.receive({ type: 'promptClosed', id: 10 });
  await test.wait(20);
  test.note('after-closed', document.getElementById('mh-dialog') ? 'open' : 'none');
  test.receive({ type: 'prompt', id: 11, prompt: { type: 'permission', title: 'use your precise location', reason: 'to find <b>taxis</b>', details: [{ label: 'permission', value: 'location' }], always: true } });
});
