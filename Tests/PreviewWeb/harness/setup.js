// Loaded after the client: a recorder in place of the socket and helpers for the scenarios.
// What the client sent is kept as JSON in <pre id="test-sent">; snapshots of parts of the page
// (copies, taken mid-scenario) go in #test-snaps; notes become data-test-* on <body>.
(function () {
  const sent = [];
  const out = document.createElement('pre');
  out.id = 'test-sent';
  out.textContent = '[]';
  document.body.appendChild(out);
  const snaps = document.createElement('div');
  snaps.id = 'test-snaps';
  snaps.hidden = true;
  document.body.appendChild(snaps);
  window.minihostPreview.setTransport({
    send(text) {
      sent.push(JSON.parse(text));
      out.textContent = JSON.stringify(sent);
      return true;
    },
  });
  window.test = {
    sent,
    receive: (m) => window.minihostPreview.receive(m),
    mh: (id) => document.querySelector('[data-mh-id="' + id + '"]'),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    /** Waits until `fn()` holds (checked every 10 ms, for at most `ms`). */
    async until(what, fn, ms = 3000) {
      for (const end = performance.now() + ms; !fn();) {
        if (performance.now() > end) throw new Error('timed out waiting for ' + what);
        await test.wait(10);
      }
    },
    /** Keeps `node`'s HTML as it is now (as text: the copy adds no elements, so no ids twice). */
    snap(name, node) {
      const box = document.createElement('textarea');
      box.className = 'test-snap';
      box.setAttribute('data-name', name);
      box.textContent = node ? node.outerHTML : '';
      snaps.appendChild(box);
    },
    note(name, value) {
      document.body.setAttribute('data-test-' + name, typeof value === 'string' ? value : JSON.stringify(value));
    },
    clearSent() {
      sent.length = 0;
      out.textContent = '[]';
    },
    /** Runs the scenario; marks the body done (or failed with the error). */
    run(fn) {
      Promise.resolve().then(fn).then(
        () => test.note('done', 'yes'),
        (e) => test.note('failed', String(e && e.stack || e)));
    },
  };
})();
