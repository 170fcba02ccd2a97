// The page's view tree as DOM: a `page` message rebuilds #mh-page from its nodes, a `patch`
// creates, updates, removes and reorders only what changed. Each element node is a
// <wx-TAG data-mh-id="N">; text nodes are DOM text. App text never goes through markup.

(function (MH) {
  'use strict';

  const nodes = new Map();
  let pageKey = null;
  const TAG = /^[a-z][a-z0-9_-]*$/i;

  const isText = (n) => MH.own(n, 'x') && !MH.own(n, 't');
  const tagOf = (n) => (typeof n.t === 'string' && TAG.test(n.t) ? n.t.toLowerCase() : 'unknown');
  const isPart = (d) => d.nodeType === 1 && d.hasAttribute('data-mh-part');

  function sameKind(entry, n) {
    if (!n || typeof n !== 'object') return false;
    if (isText(n)) return entry.dom.nodeType === 3;
    return entry.dom.nodeType === 1 && entry.tag === tagOf(n);
  }

  function create(id, n) {
    if (!n || typeof n !== 'object') n = { x: '' };
    if (isText(n)) return { id, n, dom: document.createTextNode(MH.asText(n.x)) };
    const tag = tagOf(n);
    const dom = document.createElement('wx-' + tag);
    dom.setAttribute('data-mh-id', id);
    const entry = { id, n: null, dom, tag, appAttrs: new Set() };
    MH.builtins.setup(entry);
    update(entry, n);
    return entry;
  }

  function update(entry, n) {
    if (entry.dom.nodeType === 3) {
      const text = MH.asText(n.x);
      if (entry.dom.data !== text) entry.dom.data = text;
      entry.n = n;
      return;
    }
    const prev = entry.n;
    entry.n = n;
    applyAttributes(entry);
    MH.builtins.update(entry, prev);
  }

  /** The app's own attributes: class (scoped), style (rpx), id, data-*, and what built-ins reflect. */
  function applyAttributes(entry) {
    const n = entry.n, e = entry.dom;
    const a = n.a && typeof n.a === 'object' ? n.a : {};
    const next = new Map();
    if (MH.own(a, 'class')) {
      const c = MH.scope.classList(MH.asText(a.class), n.o);
      if (c) next.set('class', c);
    }
    if (MH.own(a, 'style')) {
      const s = MH.scope.inlineStyle(MH.asText(a.style));
      if (s.trim()) next.set('style', s);
    }
    if (MH.own(a, 'id')) {
      const v = MH.asText(a.id);
      if (v && !/^mh-/i.test(v)) next.set('id', v);
    }
    for (const k of Object.keys(a)) {
      if (/^data-/i.test(k) && !/^data-mh-/i.test(k)) next.set(k.toLowerCase(), MH.asText(a[k]));
    }
    for (const k of MH.builtins.reflected(entry.tag)) {
      if (MH.own(a, k) && a[k] !== null && a[k] !== false) next.set(k, MH.asText(a[k]));
    }
    if (n.comp !== undefined && n.comp !== null) {
      const o = MH.scope.owner(n.comp);
      if (o && o.scope) next.set('data-mh-host', o.scope);
    }
    for (const k of entry.appAttrs) if (!next.has(k)) e.removeAttribute(k);
    entry.appAttrs = new Set();
    for (const [k, v] of next) {
      try {
        if (e.getAttribute(k) !== v) e.setAttribute(k, v);
        entry.appAttrs.add(k);
      } catch (err) {
        // Not a valid attribute name in HTML: the app's data-* name is left out.
      }
    }
    const hidden = MH.own(a, 'hidden') && a.hidden !== false && a.hidden !== null;
    if (e.hidden !== hidden) e.hidden = hidden;
  }

  /** Puts `doms` in order as `container`'s children after its built-in parts; false on a fault. */
  function place(container, doms) {
    let ref = container.firstChild;
    while (ref && isPart(ref)) ref = ref.nextSibling;
    try {
      for (const d of doms) {
        if (d === ref) { ref = ref.nextSibling; continue; }
        container.insertBefore(d, ref);
      }
    } catch (e) {
      MH.report('placing children', e);
      return false;
    }
    while (ref) {
      const next = ref.nextSibling;
      if (!isPart(ref)) container.removeChild(ref);
      ref = next;
    }
    return true;
  }

  /** The DOM nodes for `ids`, or null when one is unknown. */
  function domsFor(ids) {
    if (!Array.isArray(ids)) return [];
    const out = [];
    for (const id of ids) {
      const entry = nodes.get(String(id));
      if (!entry) return null;
      out.push(entry.dom);
    }
    return out;
  }

  function placeChildren(entry) {
    if (entry.dom.nodeType !== 1) return true;
    const doms = domsFor(entry.n.c);
    if (!doms) return false;
    const ok = place(entry.dom, doms);
    MH.builtins.placed(entry);
    return ok;
  }

  function placeRoots(roots) {
    const doms = domsFor(roots);
    return doms ? place(MH.$('mh-page'), doms) : false;
  }

  function renderPage(m) {
    pageKey = m.key === undefined ? null : String(m.key);
    nodes.clear();
    MH.scope.setOwners(m.owners, true);
    MH.scope.clearPageStyle();
    MH.scope.installStyles(m.styles);
    MH.$('mh-page').textContent = '';
    const set = m.nodes && typeof m.nodes === 'object' ? m.nodes : {};
    for (const id of Object.keys(set)) nodes.set(id, create(id, set[id]));
    let ok = true;
    for (const entry of nodes.values()) ok = placeChildren(entry) && ok;
    ok = placeRoots(m.roots) && ok;
    if (!ok) MH.requestRefresh('the page names a node it does not hold');
    MH.notifyApplied('page');
  }

  function applyPatch(m) {
    if (pageKey === null || String(m.key) !== pageKey) {
      MH.requestRefresh('a patch for page ' + m.key + ' while ' + pageKey + ' is shown');
      return;
    }
    const changedOwners = new Set(MH.scope.setOwners(m.owners, false));
    MH.scope.installStyles(m.styles);
    for (const id of Array.isArray(m.remove) ? m.remove : []) {
      const entry = nodes.get(String(id));
      if (!entry) continue;
      if (entry.dom.parentNode) entry.dom.parentNode.removeChild(entry.dom);
      nodes.delete(String(id));
    }
    const set = m.set && typeof m.set === 'object' ? m.set : {};
    const touched = new Set();
    for (const id of Object.keys(set)) {
      const old = nodes.get(id);
      if (old && sameKind(old, set[id])) {
        update(old, set[id]);
        touched.add(old);
      } else {
        const fresh = create(id, set[id]);
        if (old && old.dom.parentNode) old.dom.parentNode.replaceChild(fresh.dom, old.dom);
        nodes.set(id, fresh);
        touched.add(fresh);
      }
    }
    if (changedOwners.size) {
      for (const entry of nodes.values()) {
        if (touched.has(entry) || entry.dom.nodeType !== 1) continue;
        if (changedOwners.has(String(entry.n.o)) || changedOwners.has(String(entry.n.comp))) {
          applyAttributes(entry);
          MH.builtins.update(entry, entry.n);
        }
      }
    }
    let ok = true;
    for (const entry of touched) ok = placeChildren(entry) && ok;
    if (Array.isArray(m.roots)) ok = placeRoots(m.roots) && ok;
    if (!ok) MH.requestRefresh('a patch names a node the page does not hold');
    MH.notifyApplied('patch');
  }

  MH.on('page', renderPage);
  MH.on('patch', applyPatch);

  MH.tree = {
    /** The node entry `{id, n, dom, tag}` for an id, or null. */
    entry: (id) => nodes.get(String(id)) || null,
    /** The entry of the innermost app element at or around DOM node `d`, or null. */
    entryAt(d) {
      const page = MH.$('mh-page');
      for (let x = d; x && x !== page; x = x.parentNode) {
        if (x.nodeType === 1 && x.hasAttribute('data-mh-id')) return nodes.get(x.getAttribute('data-mh-id')) || null;
      }
      return null;
    },
    pageKey: () => pageKey,
  };
})(MH);
