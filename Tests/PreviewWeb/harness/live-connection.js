// The connection test's page script (the client really connects): waits for the page, taps,
// waits for the patch, reports; then, once the server dropped the socket, reports again.
(async function () {
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const until = async (what, fn) => {
    for (let i = 0; i < 250; i++) {
      if (fn()) return;
      await wait(20);
    }
    throw new Error('timed out waiting for ' + what);
  };
  const report = (phase) => fetch('/report?phase=' + phase, { method: 'POST', body: document.documentElement.outerHTML });
  try {
    await until('the page', () => document.documentElement.dataset.mhState === 'ready');
    document.querySelector('[data-mh-id="4"]').click();
    await until('the patch', () => document.querySelector('[data-mh-id="4"]').textContent === 'tapped');
    await report('patched');
    await until('the retry', () => document.documentElement.dataset.mhConnection === 'retrying');
    await report('retrying');
    await until('the page of the new connection', () => document.documentElement.dataset.mhConnection === 'open'
      && document.querySelector('[data-mh-id="4"]').textContent === 'tap me');
    await report('reconnected');
  } catch (e) {
    document.body.setAttribute('data-test-failed', String(e));
    await report('failed');
  }
})();
