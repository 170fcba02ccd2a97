// Built-ins with a real browser control inside: input and textarea (each keystroke sends
// `input`, Enter in an input sends `confirm`, focus/blur are triggered) and slider
// (`changing` while dragging, `change` when let go).

(function (MH) {
  'use strict';

  const B = MH.builtins;
  const ECHOES = 16;

  /** The value the view has for a control: its live `v`, else its `value` attribute. */
  function valueOf(n) {
    return MH.own(n, 'v') ? n.v : B.attr(n, 'value');
  }

  function textField(controlTag) {
    return {
      attrs: ['disabled'],
      setup(entry) {
        const c = MH.el(controlTag, { 'data-mh-part': '', autocomplete: 'off', spellcheck: 'false' });
        entry.control = c;
        entry.sent = [];
        c.addEventListener('input', () => {
          entry.sent.push(c.value);
          if (entry.sent.length > ECHOES) entry.sent.shift();
          MH.send({ type: 'input', id: MH.wireId(entry.id), value: c.value });
        });
        if (controlTag === 'input') {
          c.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' && !event.isComposing) MH.send({ type: 'confirm', id: MH.wireId(entry.id), value: c.value });
          });
        }
        c.addEventListener('focus', () => B.trigger(entry, 'focus', { value: c.value, height: 0 }));
        c.addEventListener('blur', () => B.trigger(entry, 'blur', { value: c.value }));
        entry.dom.appendChild(c);
      },
      update(entry, prev) {
        const n = entry.n, c = entry.control;
        if (controlTag === 'input') {
          const type = MH.asText(B.attr(n, 'type'));
          c.type = B.flag(n, 'password') || type === 'safe-password' ? 'password' : 'text';
          c.inputMode = type === 'number' ? 'numeric' : type === 'digit' ? 'decimal' : 'text';
          const hint = MH.asText(B.attr(n, 'confirm-type'));
          if (['send', 'search', 'next', 'go', 'done'].includes(hint)) c.enterKeyHint = hint;
        }
        const placeholder = MH.asText(B.attr(n, 'placeholder'));
        if (placeholder) c.setAttribute('placeholder', placeholder); else c.removeAttribute('placeholder');
        c.disabled = B.flag(n, 'disabled');
        const max = B.number(n, 'maxlength', 140);
        if (max >= 0) c.maxLength = Math.floor(max); else c.removeAttribute('maxlength');
        const value = MH.asText(valueOf(n));
        if (c.value !== value) {
          // While typing, an older echo of what was typed must not undo newer keystrokes.
          const echo = document.activeElement === c && entry.sent.includes(value);
          if (!echo) c.value = value;
        }
        if (B.flag(n, 'focus') && (!prev || !B.flag(prev, 'focus')) && !c.disabled) {
          B.afterApply(() => c.focus());
        }
      },
    };
  }

  B.define('input', textField('input'));
  B.define('textarea', Object.assign(textField('textarea'), { attrs: ['disabled', 'auto-height'] }));

  B.define('slider', {
    attrs: ['disabled'],
    setup(entry) {
      const range = MH.el('input', { 'data-mh-part': '', type: 'range' });
      const shown = B.part('mh-slider-value');
      const read = () => Number(range.value);
      range.addEventListener('input', () => {
        shown.textContent = range.value;
        B.trigger(entry, 'changing', { value: read() });
      });
      range.addEventListener('change', () => B.trigger(entry, 'change', { value: read() }));
      entry.range = range;
      entry.shown = shown;
      entry.dom.appendChild(range);
      entry.dom.appendChild(shown);
    },
    update(entry) {
      const n = entry.n, r = entry.range;
      const min = B.number(n, 'min', 0), max = B.number(n, 'max', 100), step = B.number(n, 'step', 1);
      r.min = String(min);
      r.max = String(max);
      r.step = String(step > 0 ? step : 1);
      const raw = Number(valueOf(n));
      const value = Number.isFinite(raw) ? raw : min;
      if (Number(r.value) !== value && document.activeElement !== r) r.value = String(value);
      r.disabled = B.flag(n, 'disabled');
      entry.shown.hidden = !B.flag(n, 'show-value');
      entry.shown.textContent = r.value;
      const active = B.attr(n, 'active-color') !== undefined ? B.attr(n, 'active-color') : B.attr(n, 'selected-color');
      B.cssProp(r, 'accent-color', active);
    },
  });
})(MH);
