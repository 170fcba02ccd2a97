// Start-up and the stable hooks for tests and the bench: `window.minihostPreview` with
// receive(message) (what the WebSocket feeds), nextPaint() and setTransport(t) (a test's
// recorder instead of the socket). `window.minihostPreviewConfig = {connect: false}` set
// before this script keeps the page from connecting.

(function (MH) {
  'use strict';

  const waiting = [];

  /** Resolves in the animation frame after the next page or patch is applied. */
  function nextPaint() {
    return new Promise((resolve) => waiting.push(resolve));
  }

  MH.onApplied(() => {
    if (!waiting.length) return;
    const list = waiting.splice(0);
    requestAnimationFrame(() => {
      const t = MH.events.lastInputAt();
      const inputToPaintMs = t === null ? null : performance.now() - t;
      for (const resolve of list) resolve({ inputToPaintMs });
    });
  });

  window.minihostPreview = Object.freeze({
    receive: MH.receive,
    nextPaint,
    setTransport: MH.setTransport,
  });

  for (const part of [MH.connection, MH.events, MH.frame, MH.pageScroll, MH.dialogs, MH.panels, MH.world]) {
    try { part.init(); } catch (e) { MH.report('starting up', e); }
  }
  const config = window.minihostPreviewConfig;
  if (!config || config.connect !== false) MH.connection.start();
})(MH);
