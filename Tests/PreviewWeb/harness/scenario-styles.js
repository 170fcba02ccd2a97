// The app's CSS reaches only the page: the tool's dialog, tab bar and body keep their look;
// rpx follows the device; component styles apply to their scope.
test.run(async () => {
  test.receive(fixtures.hello);
  const page = fixtures.page();
  page.styles = [
    { scope: '', path: 'pages/index/index', css: '@import url("evil.css"); #mh-dialog { display: none } .mh-tab { color: rgb(9, 9, 9) } '
      + 'wx-page .title { color: rgb(1, 2, 3) } .gone { display: block } :scope { position: fixed; left: 77px } #mh-frame { border-color: rgb(8, 8, 8) } '
      + '} body { background: rgb(7, 7, 7) }' },
    { scope: 'c2', path: 'components/card/card', css: '.c2-card { color: rgb(4, 5, 6) } [data-mh-host="c2"] { display: block }' },
  ];
  test.receive(page);
  test.receive({ type: 'prompt', id: 1, prompt: { type: 'modal', title: 't', content: 'c', showCancel: true, editable: false, confirmText: 'OK', cancelText: 'No' } });
  const cs = (e) => getComputedStyle(e);
  test.note('styles', {
    title: cs(test.mh(2)).color,
    card: cs(test.mh(6)).color,
    host: cs(test.mh(5)).display,
    hidden: cs(test.mh(7)).display,
    dialog: cs(document.getElementById('mh-dialog')).display,
    tab: cs(document.querySelector('.mh-tab')).color,
    body: cs(document.body).backgroundColor,
    frameBorder: cs(document.getElementById('mh-frame')).borderTopColor,
    root: cs(document.getElementById('mh-app-root')).position,
    viewport: cs(document.getElementById('mh-viewport')).position,
    rpx: cs(document.getElementById('mh-frame')).getPropertyValue('--rpx').trim(),
    width: cs(test.mh(8)).width,
    button: cs(test.mh(10)).display,
    view: cs(test.mh(1)).display,
    text: cs(test.mh(2)).display,
  });
  const select = document.getElementById('mh-device');
  select.value = '1';
  select.dispatchEvent(new Event('change'));
  test.note('se', { width: cs(test.mh(8)).width, frame: cs(document.getElementById('mh-frame')).width });
});
