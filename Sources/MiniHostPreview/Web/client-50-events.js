// The user's gestures on the page, sent to the view layer: a click is one `tap` on the
// innermost app element (the view layer bubbles it), a press held 350 ms a `longpress`
// instead; scroll-view scrolling is a `scroll` trigger (and scrolltoupper/-lower at the edges).

(function (MH) {
  'use strict';

  const LONG_PRESS_MS = 350;
  const MOVE_SLOP_PX = 10;
  // At most one scroll report per frame's worth of time (a timer: it runs in hidden tabs too).
  const SCROLL_REPORT_MS = 16;
  let press = null;
  let swallowClick = false;
  let lastInputAt = null;

  function cancelPress() {
    if (press) clearTimeout(press.timer);
    press = null;
  }

  function onPointerDown(event) {
    lastInputAt = event.timeStamp;
    swallowClick = false;
    cancelPress();
    if (event.button !== 0) return;
    const entry = MH.tree.entryAt(event.target);
    if (!entry) return;
    const id = MH.wireId(entry.id);
    press = {
      x: event.clientX,
      y: event.clientY,
      timer: setTimeout(() => {
        press = null;
        swallowClick = true;
        MH.send({ type: 'longpress', id });
      }, LONG_PRESS_MS),
    };
  }

  function onPointerMove(event) {
    if (press && Math.hypot(event.clientX - press.x, event.clientY - press.y) > MOVE_SLOP_PX) cancelPress();
  }

  function onClick(event) {
    lastInputAt = event.timeStamp;
    if (swallowClick) {
      swallowClick = false;
      return;
    }
    const entry = MH.tree.entryAt(event.target);
    if (!entry) return;
    MH.send({ type: 'tap', id: MH.wireId(entry.id) });
    const picker = event.target.closest && event.target.closest('wx-picker[data-mh-id]');
    if (picker && MH.$('mh-page').contains(picker)) {
      const pickerEntry = MH.tree.entry(picker.getAttribute('data-mh-id'));
      if (pickerEntry && !MH.builtins.flag(pickerEntry.n, 'disabled')) MH.picker.open(pickerEntry);
    }
  }

  function thresholdPx(entry, name) {
    const v = MH.builtins.number(entry.n, name, 50);
    return v >= 0 ? v : 50;
  }

  function reportScroll(entry) {
    entry.scrollQueued = false;
    const d = entry.dom;
    const last = entry.lastScroll || { top: 0, left: 0 };
    MH.builtins.trigger(entry, 'scroll', {
      scrollTop: d.scrollTop, scrollLeft: d.scrollLeft, scrollHeight: d.scrollHeight, scrollWidth: d.scrollWidth,
      deltaX: d.scrollLeft - last.left, deltaY: d.scrollTop - last.top,
    });
    entry.lastScroll = { top: d.scrollTop, left: d.scrollLeft };
    const vertical = !d.hasAttribute('scroll-x') || d.hasAttribute('scroll-y');
    const pos = vertical ? d.scrollTop : d.scrollLeft;
    const max = vertical ? d.scrollHeight - d.clientHeight : d.scrollWidth - d.clientWidth;
    const atUpper = pos <= thresholdPx(entry, 'upper-threshold');
    const atLower = max - pos <= thresholdPx(entry, 'lower-threshold');
    if (atLower && entry.atLower !== true) MH.builtins.trigger(entry, 'scrolltolower', { direction: vertical ? 'bottom' : 'right' });
    if (atUpper && entry.atUpper === false) MH.builtins.trigger(entry, 'scrolltoupper', { direction: vertical ? 'top' : 'left' });
    entry.atUpper = atUpper;
    entry.atLower = atLower;
  }

  function onScroll(event) {
    const d = event.target;
    if (!(d instanceof Element) || d.localName !== 'wx-scroll-view') return;
    const entry = MH.tree.entryAt(d);
    if (!entry || entry.dom !== d || entry.scrollQueued) return;
    entry.scrollQueued = true;
    setTimeout(() => reportScroll(entry), SCROLL_REPORT_MS);
  }

  function init() {
    const page = MH.$('mh-page');
    page.addEventListener('pointerdown', onPointerDown);
    page.addEventListener('pointermove', onPointerMove);
    page.addEventListener('pointerup', (event) => { lastInputAt = event.timeStamp; cancelPress(); });
    page.addEventListener('pointercancel', cancelPress);
    page.addEventListener('click', onClick);
    page.addEventListener('scroll', onScroll, true);
  }

  MH.events = {
    init,
    /** The `timeStamp` of the last pointer or click event on the page, or null. */
    lastInputAt: () => lastInputAt,
  };
})(MH);
