// The preview client's shared core: the namespace every client file fills in, the message
// dispatch (server -> client), the transport (client -> server) and small DOM helpers.
// The files are concatenated in name order into one script; each later file is an IIFE that
// adds its part to MH.

const MH = (function () {
  'use strict';

  const handlers = Object.create(null);
  const applied = [];
  let transport = null;
  let refreshAskedAt = -Infinity;

  /** Registers `fn(message)` for messages of `type` (several per type run in order). */
  function on(type, fn) {
    (handlers[type] || (handlers[type] = [])).push(fn);
  }

  /** Runs `fn()` after every applied `page` or `patch` (the paint hooks use it). */
  function onApplied(fn) { applied.push(fn); }

  function notifyApplied(kind) {
    for (const fn of applied) {
      try { fn(kind); } catch (e) { report('after ' + kind, e); }
    }
  }

  function report(where, error) {
    // The tool's own faults go to the browser's console, never into the app's panels.
    console.error('minihost preview: ' + where + ':', error);
  }

  /** One server message (an object, or its JSON text). Unknown types are ignored. */
  function receive(message) {
    let m = message;
    if (typeof m === 'string') {
      try { m = JSON.parse(m); } catch (e) { report('a message that is not JSON', e); return; }
    }
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    const list = handlers[m.type];
    if (!list) return;
    for (const fn of list) {
      try { fn(m); } catch (e) { report('the ' + m.type + ' message', e); }
    }
  }

  /** Sends one client message; false when there is no open connection. */
  function send(message) {
    if (!transport) return false;
    try {
      return transport.send(JSON.stringify(message)) !== false;
    } catch (e) {
      report('sending ' + message.type, e);
      return false;
    }
  }

  function setTransport(t) { transport = t; }

  /** Asks for a fresh `page` message (the tree is out of step); at most once a second. */
  function requestRefresh(why) {
    const now = performance.now();
    if (now - refreshAskedAt < 1000) return;
    refreshAskedAt = now;
    if (why) console.warn('minihost preview: asking for a fresh page: ' + why);
    send({ type: 'refresh' });
  }

  function setState(state) { document.documentElement.dataset.mhState = state; }
  function state() { return document.documentElement.dataset.mhState; }

  function $(id) { return document.getElementById(id); }

  /** An element with attributes and children (strings become text nodes, never markup). */
  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const k of Object.keys(attrs)) {
        const v = attrs[k];
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') e.textContent = String(v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    if (children) {
      for (const c of children) {
        if (c === null || c === undefined) continue;
        e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    }
    return e;
  }

  /** Text for display: any value as a string (objects as JSON). */
  function asText(v) {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    try { return JSON.stringify(v); } catch (e) { return String(v); }
  }

  /** A node id as the server wrote it: a number when it is one. */
  function wireId(id) {
    const n = Number(id);
    return Number.isFinite(n) && String(n) === String(id) ? n : id;
  }

  const uiHandlers = Object.create(null);

  /** Registers `fn(args)` for `ui` messages of one API (`showToast`, `setNavigationBarTitle`...). */
  function onUI(api, fn) { uiHandlers[api] = fn; }

  on('ui', (m) => {
    const fn = typeof m.api === 'string' && uiHandlers[m.api];
    if (fn) fn(m.args && typeof m.args === 'object' ? m.args : {});
  });

  const own = (o, k) => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);

  return {
    on, onUI, onApplied, notifyApplied, receive, send, setTransport, requestRefresh,
    setState, state, $, el, asText, own, report, wireId,
    // Filled in by the later files.
    view: null, hello: null,
  };
})();
