// The `picker` component's sheet, opened by a tap on it: a list for `selector`, one column
// each for `multiSelector`, the browser's own time and date inputs, a text field for
// `region`. Choosing sends the `change` trigger with WeChat's detail; dismissing, `cancel`.

(function (MH) {
  'use strict';

  const B = MH.builtins;

  /** An array attribute: an array, JSON text of one, or comma-separated text. */
  function listOf(v) {
    if (Array.isArray(v)) return v;
    if (typeof v !== 'string' || v === '') return [];
    if (/^\s*\[/.test(v)) {
      try { const parsed = JSON.parse(v); if (Array.isArray(parsed)) return parsed; } catch (e) { /* plain text */ }
    }
    return v.split(',');
  }

  function labels(column, key) {
    return listOf(column).map((item) => MH.asText(item && typeof item === 'object' && key ? item[key] : item));
  }

  function currentValue(n) {
    return MH.own(n, 'v') ? n.v : B.attr(n, 'value');
  }

  function selector(entry, change, cancel) {
    const n = entry.n;
    const options = labels(B.attr(n, 'range'), MH.asText(B.attr(n, 'range-key')));
    const chosen = Number(currentValue(n));
    const buttons = options.map((label, i) => ({ label, pick: i, primary: i === chosen, run: () => change(i) }));
    buttons.push({ label: 'Cancel', answer: 'cancel', run: cancel });
    return { body: [], buttons, stacked: true };
  }

  function multiSelector(entry, change, cancel) {
    const n = entry.n, key = MH.asText(B.attr(n, 'range-key'));
    const columns = listOf(B.attr(n, 'range'));
    const value = listOf(currentValue(n)).map(Number);
    const selects = columns.map((column, c) => {
      const select = MH.el('select', { class: 'mh-picker-column', 'data-mh-column': String(c) });
      labels(column, key).forEach((label, i) => select.appendChild(MH.el('option', { value: String(i), text: label })));
      if (Number.isInteger(value[c])) select.value = String(value[c]);
      return select;
    });
    return {
      body: [MH.el('div', { class: 'mh-picker-columns' }, selects)],
      buttons: [
        { label: 'Cancel', answer: 'cancel', run: cancel },
        { label: 'OK', answer: 'confirm', primary: true, run: () => change(selects.map((s) => Number(s.value) || 0)) },
      ],
    };
  }

  function field(entry, change, cancel, mode) {
    const n = entry.n;
    const fields = MH.asText(B.attr(n, 'fields'));
    const input = MH.el('input', { class: 'mh-dialog-field', type: mode === 'region' ? 'text' : mode });
    const value = currentValue(n);
    if (mode === 'region') {
      input.placeholder = 'province, city, district';
      input.value = listOf(value).map(MH.asText).join(', ');
    } else {
      input.value = MH.asText(value);
      const start = MH.asText(B.attr(n, 'start')), end = MH.asText(B.attr(n, 'end'));
      if (start) input.min = start;
      if (end) input.max = end;
    }
    const read = () => {
      if (mode === 'region') return input.value.split(',').map((s) => s.trim()).filter(Boolean);
      if (mode === 'date' && fields === 'year') return input.value.slice(0, 4);
      if (mode === 'date' && fields === 'month') return input.value.slice(0, 7);
      return input.value;
    };
    return {
      body: [input],
      buttons: [
        { label: 'Cancel', answer: 'cancel', run: cancel },
        { label: 'OK', answer: 'confirm', primary: true, run: () => change(read()) },
      ],
    };
  }

  /** Opens the sheet for picker `entry` (not while a prompt of the app is open). */
  function open(entry) {
    if (MH.dialogs.current()) return;
    const mode = MH.asText(B.attr(entry.n, 'mode')) || 'selector';
    const change = (value) => B.trigger(entry, 'change', { value });
    const cancel = () => B.trigger(entry, 'cancel', {});
    let parts;
    if (mode === 'multiSelector') parts = multiSelector(entry, change, cancel);
    else if (mode === 'time' || mode === 'date' || mode === 'region') parts = field(entry, change, cancel, mode);
    else parts = selector(entry, change, cancel);
    MH.dialogs.open(Object.assign({
      kind: 'picker-' + mode,
      title: MH.asText(B.attr(entry.n, 'header-text')),
      onEscape: cancel,
      onDismiss: cancel,
    }, parts));
  }

  MH.picker = { open, listOf };
})(MH);
