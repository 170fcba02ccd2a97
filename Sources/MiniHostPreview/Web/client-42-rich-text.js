// `rich-text`: its `nodes` (an HTML string, or WeChat's node array, possibly as JSON text)
// rebuilt element by element from an allowlist of tags and attributes, as WeChat's own
// renderer does. HTML is parsed in an inert document; nothing of it is inserted as markup.

(function (MH) {
  'use strict';

  const B = MH.builtins;
  const MAX_NODES = 5000;
  const MAX_DEPTH = 64;

  const TAGS = new Set(('a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del div dl dt em fieldset font footer h1 h2 h3 h4 h5 h6 header hr i img ins label legend li mark nav ol p pre q rt ruby s section small span strong sub sup table tbody td tfoot th thead tr tt u ul').split(' '));
  // Tags dropped with everything inside them.
  const DROPPED = new Set('script style noscript template iframe frame frameset object embed svg math textarea select option title head link meta base form input button video audio canvas'.split(' '));
  const EXTRA_ATTRS = {
    img: ['alt', 'width', 'height'], td: ['colspan', 'rowspan', 'width', 'height', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'width', 'height', 'align', 'valign'], col: ['span', 'width'],
    colgroup: ['span', 'width'], ol: ['start', 'type'], ul: ['type'], table: ['width', 'border', 'cellpadding', 'cellspacing'],
  };
  const LENGTHISH = /^[\w.%#() -]{0,64}$/;

  function build(entry, name, attrs, budget) {
    const tag = String(name).toLowerCase();
    const e = document.createElement(tag);
    const get = (k) => (attrs && MH.own(attrs, k) && attrs[k] !== null && attrs[k] !== undefined ? MH.asText(attrs[k]) : null);
    const cls = get('class');
    if (cls) e.setAttribute('class', MH.scope.classList(cls, entry.n.o));
    const style = get('style');
    if (style) e.setAttribute('style', MH.scope.inlineStyle(style));
    for (const k of EXTRA_ATTRS[tag] || []) {
      const v = get(k);
      if (v !== null && LENGTHISH.test(v)) e.setAttribute(k, v);
    }
    if (tag === 'img') {
      const src = MH.scope.resolveAsset(get('src'), B.ownerPath(entry));
      if (src) e.setAttribute('src', src);
    }
    budget.count += 1;
    return e;
  }

  function fromDOM(entry, source, target, depth, budget) {
    for (const child of Array.from(source.childNodes)) {
      if (budget.count >= MAX_NODES) return;
      if (child.nodeType === 3) {
        target.appendChild(document.createTextNode(child.data));
        budget.count += 1;
      } else if (child.nodeType === 1) {
        const tag = child.localName;
        if (DROPPED.has(tag) || depth >= MAX_DEPTH) continue;
        if (!TAGS.has(tag)) { fromDOM(entry, child, target, depth + 1, budget); continue; }
        const attrs = {};
        for (const a of Array.from(child.attributes)) attrs[a.name] = a.value;
        const e = build(entry, tag, attrs, budget);
        target.appendChild(e);
        fromDOM(entry, child, e, depth + 1, budget);
      }
    }
  }

  function fromArray(entry, list, target, depth, budget) {
    for (const node of list) {
      if (budget.count >= MAX_NODES || depth >= MAX_DEPTH) return;
      if (!node || typeof node !== 'object') continue;
      if (node.type === 'text') {
        target.appendChild(document.createTextNode(MH.asText(node.text)));
        budget.count += 1;
        continue;
      }
      const tag = typeof node.name === 'string' ? node.name.toLowerCase() : '';
      if (!TAGS.has(tag)) continue;
      const e = build(entry, tag, node.attrs && typeof node.attrs === 'object' ? node.attrs : {}, budget);
      target.appendChild(e);
      if (Array.isArray(node.children)) fromArray(entry, node.children, e, depth + 1, budget);
    }
  }

  function render(entry) {
    const box = entry.box;
    box.textContent = '';
    let nodes = B.attr(entry.n, 'nodes');
    if (typeof nodes === 'string' && /^\s*\[/.test(nodes)) {
      try { nodes = JSON.parse(nodes); } catch (e) { /* HTML that starts with "[" */ }
    }
    const budget = { count: 0 };
    if (Array.isArray(nodes)) {
      fromArray(entry, nodes, box, 0, budget);
    } else if (typeof nodes === 'string' && nodes) {
      const doc = new DOMParser().parseFromString(nodes, 'text/html');
      fromDOM(entry, doc.body, box, 0, budget);
    }
  }

  B.define('rich-text', {
    attrs: ['space'],
    setup(entry) {
      entry.box = B.part('mh-rich-text');
      entry.dom.appendChild(entry.box);
    },
    update(entry, prev) {
      if (B.changed(entry, prev, 'nodes') || !prev || prev.o !== entry.n.o) render(entry);
    },
  });
})(MH);
