// The WebSocket to the preview server: `ws://<host>/ws?token=T` with the token of the page's
// URL. Every text frame goes to MH.receive; a closed socket shows "disconnected" and is
// retried a few times with growing delays, then waits for the Reconnect button.

(function (MH) {
  'use strict';

  const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];
  let socket = null;
  let failures = 0;
  let retryTimer = null;

  function show(connection, text) {
    document.documentElement.dataset.mhConnection = connection;
    const status = MH.$('mh-connection');
    if (status) status.textContent = text;
    const again = MH.$('mh-reconnect');
    if (again) again.hidden = connection !== 'disconnected';
  }

  function token() {
    return new URLSearchParams(location.search).get('token');
  }

  function socketURL(t) {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    return scheme + location.host + '/ws?token=' + encodeURIComponent(t);
  }

  function connect() {
    clearTimeout(retryTimer);
    retryTimer = null;
    const t = token();
    if (!t) {
      show('disconnected', 'disconnected: the page URL has no ?token= (open the URL minihost preview printed)');
      return;
    }
    show('connecting', 'connecting\u2026');
    let ws;
    try {
      ws = new WebSocket(socketURL(t));
    } catch (e) {
      MH.report('opening the WebSocket', e);
      closed();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      failures = 0;
      MH.setTransport({
        send(text) {
          if (ws.readyState !== WebSocket.OPEN) return false;
          ws.send(text);
          return true;
        },
      });
      show('open', 'connected');
    };
    ws.onmessage = (event) => {
      if (socket === ws && typeof event.data === 'string') MH.receive(event.data);
    };
    ws.onclose = () => { if (socket === ws) closed(); };
    ws.onerror = () => { /* onclose follows and reports it */ };
  }

  function closed() {
    socket = null;
    MH.setTransport(null);
    if (failures >= RETRY_DELAYS_MS.length) {
      show('disconnected', 'disconnected: the preview server does not answer');
      return;
    }
    const delay = RETRY_DELAYS_MS[failures];
    failures += 1;
    show('retrying', 'disconnected: retrying in ' + (delay / 1000) + ' s (' + failures + ' of ' + RETRY_DELAYS_MS.length + ')');
    retryTimer = setTimeout(connect, delay);
  }

  function reconnect() {
    failures = 0;
    if (socket) {
      const old = socket;
      socket = null;
      try { old.close(); } catch (e) { /* already closed */ }
    }
    connect();
  }

  function init() {
    const again = MH.$('mh-reconnect');
    if (again) again.addEventListener('click', reconnect);
  }

  MH.connection = { start: connect, reconnect, init };
})(MH);
