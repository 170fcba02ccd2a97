// The panels beside the frame: Console (the app's console, errors with their original
// file:line, lifecycle and UI calls), Page stack, Data (the top page's data, live) and Audit
// (the gate's decisions). Everything the app wrote is shown as text.

(function (MH) {
  'use strict';

  const MAX_ENTRIES = 1000;
  const MAX_DATA_CHARS = 500000;
  const LEVELS = new Set(['log', 'info', 'warn', 'error', 'debug']);

  function clock(date) {
    const p = (n, w) => String(n).padStart(w, '0');
    return p(date.getHours(), 2) + ':' + p(date.getMinutes(), 2) + ':' + p(date.getSeconds(), 2) + '.' + p(date.getMilliseconds(), 3);
  }

  function capped(list) {
    while (list.childElementCount > MAX_ENTRIES) list.firstElementChild.remove();
  }

  // `miniapp://<app>/pages/a/a.js:3:5` as the developer reads it: `pages/a/a.js:3:5`.
  function shortSource(source) {
    const text = MH.asText(source);
    const m = /^miniapp:\/\/[^/]*\/(.*)$/.exec(text);
    return m ? m[1] : text;
  }

  function log(level, text, stack, source) {
    const list = MH.$('mh-console-entries');
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const row = MH.el('div', { class: 'mh-log mh-log-' + level, 'data-level': level }, [
      MH.el('span', { class: 'mh-log-time', text: clock(new Date()) }),
      MH.el('span', { class: 'mh-log-level', text: level }),
      MH.el('span', { class: 'mh-log-message', text }),
    ]);
    if (source) row.appendChild(MH.el('span', { class: 'mh-log-source', text: shortSource(source) }));
    if (stack) row.appendChild(MH.el('pre', { class: 'mh-log-stack', text: stack }));
    list.appendChild(row);
    capped(list);
    if (nearBottom) list.scrollTop = list.scrollHeight;
    const errors = list.querySelectorAll('.mh-log-error').length;
    MH.$('mh-console-count').textContent = list.childElementCount + ' entries' + (errors ? ', ' + errors + ' errors' : '');
  }

  function showStack(stack) {
    const list = MH.$('mh-stack-list');
    list.textContent = '';
    for (let i = stack.length - 1; i >= 0; i--) {
      const item = MH.el('li', { text: MH.asText(stack[i]), 'aria-current': i === stack.length - 1 ? 'page' : null });
      list.appendChild(item);
    }
  }

  function showData(m) {
    MH.$('mh-data-route').textContent = MH.asText(m.route);
    let text;
    try { text = JSON.stringify(m.data, null, 2); } catch (e) { text = String(m.data); }
    if (text === undefined) text = 'undefined';
    if (text.length > MAX_DATA_CHARS) text = text.slice(0, MAX_DATA_CHARS) + '\n\u2026 (' + text.length + ' characters in all)';
    MH.$('mh-data-json').textContent = text;
  }

  const AUDIT_COLUMNS = ['time', 'permission', 'decision', 'detail'];

  function addAudit(entry) {
    if (!entry || typeof entry !== 'object') return;
    const rows = MH.$('mh-audit-rows');
    const cells = AUDIT_COLUMNS.map((k) => {
      let text = MH.asText(entry[k]);
      if (k === 'detail') {
        const extra = Object.keys(entry).filter((x) => !AUDIT_COLUMNS.includes(x)).map((x) => x + '=' + MH.asText(entry[x]));
        if (extra.length) text = (text ? text + ' ' : '') + extra.join(' ');
      }
      return MH.el('td', { text });
    });
    rows.appendChild(MH.el('tr', { 'data-decision': MH.asText(entry.decision) }, cells));
    capped(rows);
  }

  function selectPanel(id) {
    for (const tab of document.querySelectorAll('#mh-panel-tabs [data-mh-panel]')) {
      const on = tab.getAttribute('data-mh-panel') === id;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      const panel = MH.$(tab.getAttribute('data-mh-panel'));
      if (panel) panel.hidden = !on;
    }
  }

  function init() {
    for (const tab of document.querySelectorAll('#mh-panel-tabs [data-mh-panel]')) {
      tab.addEventListener('click', () => selectPanel(tab.getAttribute('data-mh-panel')));
    }
    MH.$('mh-console-clear').addEventListener('click', () => {
      MH.$('mh-console-entries').textContent = '';
      MH.$('mh-console-count').textContent = '';
    });
  }

  MH.on('console', (m) => log(LEVELS.has(m.level) ? m.level : 'log', MH.asText(m.message), null, m.source || null));
  MH.on('error', (m) => log('error', (m.kind ? MH.asText(m.kind) + ': ' : '') + MH.asText(m.message), m.stack ? MH.asText(m.stack) : null));
  MH.on('lifecycle', (m) => log('lifecycle', [m.target, m.hook, m.route].filter((x) => x).map(MH.asText).join(' ')));
  MH.on('ui', (m) => log('ui', MH.asText(m.api) + ' ' + MH.asText(m.args || {})));
  MH.on('exit', (m) => log('info', 'the app ended: ' + MH.asText(m.status) + (m.reason ? ' (' + MH.asText(m.reason) + ')' : '')));
  MH.on('page', (m) => showStack(Array.isArray(m.stack) ? m.stack : []));
  MH.on('data', showData);
  // Each audit message holds the latest decisions (a repeated one is counted, not added).
  MH.on('audit', (m) => {
    MH.$('mh-audit-rows').textContent = '';
    for (const e of Array.isArray(m.entries) ? m.entries : []) addAudit(e);
  });

  MH.panels = { init, selectPanel, log };
})(MH);
