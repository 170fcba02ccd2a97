// Scrolling the page itself (the frame's viewport, not a scroll-view): `onPageScroll` with
// {scrollTop} at most once a frame, and `onReachBottom` once the bottom comes within the page's
// `onReachBottomDistance` (50 px unless its window says otherwise), again only after the user
// scrolled back above it. A new page starts at the top.

(function (MH) {
  'use strict';

  const DEFAULT_REACH_BOTTOM = 50;
  let distance = DEFAULT_REACH_BOTTOM;
  let atBottom = false;
  let scheduled = false;

  function report() {
    scheduled = false;
    const viewport = MH.$('mh-viewport');
    MH.send({ type: 'pageScroll', scrollTop: Math.round(viewport.scrollTop) });
    const near = viewport.scrollHeight - viewport.scrollTop - viewport.clientHeight <= distance;
    if (near && !atBottom) MH.send({ type: 'reachBottom' });
    atBottom = near;
  }

  function onScroll() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(report);
  }

  function onPage(m) {
    const configured = m.window && Number(m.window.onReachBottomDistance);
    distance = Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_REACH_BOTTOM;
    atBottom = false;
    MH.$('mh-viewport').scrollTop = 0;
  }

  MH.on('page', onPage);
  MH.pageScroll = {
    init() { MH.$('mh-viewport').addEventListener('scroll', onScroll, { passive: true }); },
  };
})(MH);
