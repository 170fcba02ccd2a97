// Gestures: a click sends one tap with the innermost element; typing sends input and Enter
// confirm; a held press sends longpress only; a picker opens and sends change; a slider, a
// scroll-view, the tab bar and the back button; nextPaint after a tap.
test.run(async () => {
  test.receive(fixtures.hello);
  const page = fixtures.page();
  page.nodes = {
    1: { t: 'view', a: { class: 'page' }, c: [2, 5, 8, 11, 13, 15], o: 1 },
    2: { t: 'view', a: { id: 'outer' }, c: [3], o: 1 },
    3: { t: 'view', a: { class: 'inner' }, c: [4], o: 1 },
    4: { t: 'text', a: {}, c: [40], o: 1 },
    40: { x: 'tap me' },
    5: { t: 'input', a: { value: '' }, c: [], o: 1 },
    8: { t: 'picker', a: { mode: 'selector', range: '["A","B","C"]', value: '0' }, c: [9], o: 1 },
    9: { t: 'view', a: {}, c: [90], o: 1 },
    90: { x: 'pick' },
    11: { t: 'slider', a: { min: '0', max: '10', value: '3' }, c: [], o: 1 },
    13: { t: 'scroll-view', a: { 'scroll-y': '', style: 'height: 100px' }, c: [14], o: 1 },
    14: { t: 'view', a: { style: 'height: 1000px' }, c: [], o: 1 },
    15: { t: 'swiper', a: { 'indicator-dots': '' }, c: [16, 17, 18], o: 1 },
    16: { t: 'swiper-item', a: { 'item-id': 'a' }, c: [], o: 1 },
    17: { t: 'swiper-item', a: { 'item-id': 'b' }, c: [], o: 1 },
    18: { t: 'swiper-item', a: { 'item-id': 'c' }, c: [], o: 1 },
  };
  test.receive(page);
  const step = (name) => { test.note(name, test.sent.slice()); test.clearSent(); };
  test.clearSent();
  test.mh(4).click();
  step('click');
  const input = test.mh(5).querySelector('input');
  input.focus();
  input.value = 'hi';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  step('typing');
  // An echo of an earlier keystroke does not undo a later one; the app's own value does.
  input.value = 'hi!';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  test.receive({ type: 'patch', key: 1, roots: [1], set: { 5: { t: 'input', a: { value: '' }, v: 'hi', c: [], o: 1 } }, remove: [] });
  test.note('after-echo', input.value);
  test.receive({ type: 'patch', key: 1, roots: [1], set: { 5: { t: 'input', a: { value: '' }, v: 'cleared', c: [], o: 1 } }, remove: [] });
  test.note('after-app-value', input.value);
  test.clearSent();
  const inner = test.mh(3);
  inner.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, clientX: 5, clientY: 5 }));
  await test.wait(400);
  inner.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0, clientX: 5, clientY: 5 }));
  inner.click();
  step('longpress');
  test.mh(9).click();
  test.snap('picker', document.getElementById('mh-dialog'));
  document.querySelector('#mh-dialog [data-mh-pick="2"]').click();
  step('picker');
  const range = test.mh(11).querySelector('input');
  range.value = '7';
  range.dispatchEvent(new Event('change'));
  step('slider');
  test.mh(13).scrollTop = 200;
  await test.until('the scroll report', () => test.sent.length > 0);
  await test.wait(50);
  step('scroll');
  test.receive({ type: 'patch', key: 1, roots: [1], set: { 13: { t: 'scroll-view', a: { 'scroll-y': '', style: 'height: 100px', 'scroll-top': '300' }, c: [14], o: 1 } }, remove: [] });
  test.note('scroll-top', String(test.mh(13).scrollTop));
  await test.wait(100);
  test.clearSent();
  const swiper = test.mh(15);
  swiper.scrollLeft = swiper.clientWidth;
  await test.until('the swiper change', () => test.sent.length > 0);
  await test.wait(50);
  test.note('swiper-dots', Array.from(swiper.querySelectorAll('.mh-swiper-dot')).map((d) => d.className));
  step('swiper');
  document.querySelector('#mh-tabbar [data-mh-tab="1"]').click();
  document.getElementById('mh-back').click();
  step('chrome');
  const paint = window.minihostPreview.nextPaint();
  test.mh(4).click();
  test.receive({ type: 'patch', key: 1, roots: [1], set: { 40: { x: 'tapped' } }, remove: [] });
  const result = await paint;
  test.note('paint', result);
});
