// Dialogs over the frame: the prompts the app waits on (showModal, showActionSheet, pickers,
// consent, payments), answered with an `answer` message; one shown at a time, the others
// queued. The dialog is `#mh-dialog`, its buttons `[data-mh-answer]` / `[data-mh-pick]`.

(function (MH) {
  'use strict';

  const MAX_TEXT = 2000;
  const queue = [];
  let current = null;

  const clip = (v) => { const s = MH.asText(v); return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) + '\u2026' : s; };

  /**
   * Shows a dialog. `spec`: {kind, promptId?, title, body: [nodes], buttons: [{label, answer?,
   * pick?, primary?, run()}], onEscape()}; gives a handle with close().
   */
  function open(spec) {
    closeCurrent();
    const mask = MH.el('div', { id: 'mh-dialog-mask', class: 'mh-mask' });
    const box = MH.el('div', { id: 'mh-dialog', role: 'dialog', 'aria-modal': 'true', 'data-mh-kind': spec.kind });
    if (spec.promptId !== undefined) box.setAttribute('data-mh-prompt', String(spec.promptId));
    if (spec.title) box.appendChild(MH.el('div', { class: 'mh-dialog-title', text: clip(spec.title) }));
    const body = MH.el('div', { class: 'mh-dialog-body' }, spec.body || []);
    box.appendChild(body);
    const row = MH.el('div', { class: 'mh-dialog-buttons' + (spec.stacked ? ' mh-stacked' : '') });
    for (const b of spec.buttons) {
      const button = MH.el('button', {
        type: 'button', class: 'mh-dialog-button' + (b.primary ? ' mh-primary' : ''),
        'data-mh-answer': b.answer, 'data-mh-pick': b.pick === undefined ? undefined : String(b.pick), text: clip(b.label),
      });
      button.addEventListener('click', () => { close(handle); b.run(); });
      row.appendChild(button);
    }
    box.appendChild(row);
    mask.appendChild(box);
    MH.$('mh-layer').appendChild(mask);
    const handle = { spec, mask, box };
    current = handle;
    const first = box.querySelector('textarea, input, .mh-primary');
    if (first) first.focus();
    return handle;
  }

  function close(handle) {
    if (!handle || current !== handle) return;
    handle.mask.remove();
    current = null;
    setTimeout(showNext, 0);
  }

  /** Closes the open dialog without answering (a local one is told it was dismissed). */
  function closeCurrent() {
    const h = current;
    if (!h) return;
    h.mask.remove();
    current = null;
    if (h.spec.onDismiss) h.spec.onDismiss();
  }

  function answer(id, answer, pick, content) {
    MH.send({ type: 'answer', id, answer, pick: pick === undefined ? null : pick, content: content === undefined ? null : content });
  }

  function detailList(details) {
    const dl = MH.el('dl', { class: 'mh-dialog-details' });
    // Details come as {label: value} (the host's prompts) or [{label, value}].
    const list = Array.isArray(details) ? details
      : (details && typeof details === 'object' ? Object.keys(details).map((label) => ({ label, value: details[label] })) : []);
    for (const d of list) {
      if (!d || typeof d !== 'object') continue;
      dl.appendChild(MH.el('dt', { text: clip(d.label) }));
      dl.appendChild(MH.el('dd', { text: clip(d.value) }));
    }
    return dl;
  }

  function appName() {
    return MH.hello ? MH.asText(MH.hello.appName || MH.hello.appId) : 'The app';
  }

  function modal(id, p) {
    const body = [];
    let field = null;
    if (p.editable) {
      field = MH.el('textarea', { class: 'mh-dialog-field', placeholder: clip(p.placeholderText) || null });
      field.value = MH.asText(p.content);
      body.push(field);
    } else if (p.content !== undefined && p.content !== '') {
      body.push(MH.el('div', { class: 'mh-dialog-content', text: clip(p.content) }));
    }
    const content = () => (field ? field.value : null);
    const buttons = [];
    if (p.showCancel !== false) buttons.push({ label: p.cancelText || 'Cancel', answer: 'cancel', run: () => answer(id, 'cancel', null, content()) });
    buttons.push({ label: p.confirmText || 'OK', answer: 'confirm', primary: true, run: () => answer(id, 'confirm', null, content()) });
    return { kind: 'modal', title: p.title, body, buttons, onEscape: p.showCancel !== false ? () => answer(id, 'cancel', null, content()) : null };
  }

  function choice(id, p, kind) {
    const options = Array.isArray(p.options) ? p.options : [];
    const buttons = options.map((o, i) => ({ label: MH.asText(o), pick: i, run: () => answer(id, 'confirm', i) }));
    buttons.push({ label: 'Cancel', answer: 'cancel', run: () => answer(id, 'cancel') });
    const title = kind === 'picker' && p.title ? appName() + ' asks you to ' + MH.asText(p.title) : p.title;
    return { kind, title, body: [], buttons, stacked: true, onEscape: () => answer(id, 'cancel') };
  }

  const ALLOW_ONCE = { payment: 'Pay', chat: 'Send once', settings: 'Allow' };
  // A lasting permission and a chat message can be allowed always; a payment or a settings
  // change only once.
  const OFFERS_ALWAYS = { permission: true, chat: true };

  function consent(id, p) {
    const body = [];
    if (p.reason) body.push(MH.el('div', { class: 'mh-dialog-reason', text: 'Reason given: ' + clip(p.reason) }));
    body.push(detailList(p.details));
    const buttons = [{ label: 'Deny', answer: 'deny', run: () => answer(id, 'deny') }];
    const always = typeof p.always === 'boolean' ? p.always : OFFERS_ALWAYS[p.type] === true;
    buttons.push({ label: ALLOW_ONCE[p.type] || 'Allow once', answer: 'once', primary: !always, run: () => answer(id, 'once') });
    if (always) buttons.push({ label: p.type === 'chat' ? 'Always in this chat' : 'Always allow', answer: 'always', primary: true, run: () => answer(id, 'always') });
    return { kind: p.type, title: appName() + ' wants to ' + MH.asText(p.title), body, buttons, onEscape: () => answer(id, 'deny') };
  }

  function specFor(item) {
    const p = item.prompt && typeof item.prompt === 'object' ? item.prompt : {};
    const id = item.id;
    let spec;
    if (p.type === 'modal') spec = modal(id, p);
    else if (p.type === 'actionSheet' || p.type === 'picker') spec = choice(id, p, p.type);
    else spec = consent(id, p);
    spec.promptId = id;
    return spec;
  }

  function showNext() {
    if (current || !queue.length) return;
    open(specFor(queue.shift()));
  }

  MH.on('prompt', (m) => {
    queue.push({ id: m.id, prompt: m.prompt });
    // A prompt of the app's host outranks the preview's own picker sheet.
    if (current && current.spec.promptId === undefined) closeCurrent();
    showNext();
  });

  MH.on('promptClosed', (m) => {
    const i = queue.findIndex((q) => q.id === m.id);
    if (i >= 0) queue.splice(i, 1);
    if (current && current.spec.promptId === m.id) close(current);
  });

  MH.on('exit', () => {
    queue.length = 0;
    closeCurrent();
  });

  function init() {
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !current || !current.spec.onEscape) return;
      const h = current;
      close(h);
      h.spec.onEscape();
    });
  }

  MH.dialogs = { init, open, close, current: () => current, clip };
})(MH);
