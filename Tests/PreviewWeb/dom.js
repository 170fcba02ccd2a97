'use strict';
// A small parser for the HTML Chromium's --dump-dom prints (well-formed, attributes quoted,
// text escaped), giving a tree to query: elements {tag, attrs, children, parent}, texts {text}.

const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
const RAW = new Set(['script', 'style', 'textarea', 'title']);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return Object.prototype.hasOwnProperty.call(ENTITIES, e) ? ENTITIES[e] : m;
  });
}

function parseAttrs(src) {
  const attrs = {};
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m;
  while ((m = re.exec(src))) attrs[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

function parse(html) {
  const root = { tag: '#document', attrs: {}, children: [], parent: null };
  let cur = root;
  let i = 0;
  const add = (node) => { node.parent = cur; cur.children.push(node); };
  while (i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
    } else if (html.startsWith('<!', i)) {
      i = html.indexOf('>', i) + 1;
    } else if (html.startsWith('</', i)) {
      const end = html.indexOf('>', i);
      const tag = html.slice(i + 2, end).trim().toLowerCase();
      for (let n = cur; n !== root; n = n.parent) {
        if (n.tag === tag) { cur = n.parent; break; }
      }
      i = end + 1;
    } else if (html[i] === '<' && /[a-z]/i.test(html[i + 1] || '')) {
      let j = i + 1, quote = null;
      for (; j < html.length; j++) {
        const c = html[j];
        if (quote) { if (c === quote) quote = null; } else if (c === '"' || c === "'") quote = c; else if (c === '>') break;
      }
      const inner = html.slice(i + 1, j);
      const tag = /^[^\s/>]+/.exec(inner)[0].toLowerCase();
      const node = { tag, attrs: parseAttrs(inner.slice(tag.length)), children: [], parent: null };
      add(node);
      i = j + 1;
      if (RAW.has(tag)) {
        const close = html.toLowerCase().indexOf('</' + tag, i);
        const end = close < 0 ? html.length : close;
        if (end > i) node.children.push({ text: decode(html.slice(i, end)), parent: node });
        i = close < 0 ? html.length : html.indexOf('>', close) + 1;
      } else if (!VOID.has(tag) && !inner.endsWith('/')) {
        cur = node;
      }
    } else {
      const next = html.indexOf('<', i + 1);
      const end = next < 0 ? html.length : next;
      add({ text: decode(html.slice(i, end)) });
      i = end;
    }
  }
  return wrap(root);
}

function walk(node, fn) {
  for (const c of node.children || []) {
    if (c.tag) { fn(c); walk(c, fn); }
  }
}

function text(node) {
  if (!node) return null;
  if (!node.tag) return node.text;
  return node.children.map(text).join('');
}

/** Query helpers over a parsed tree (or the subtree at `root`). */
function wrap(root) {
  const all = (pred) => { const out = []; walk(root, (n) => { if (pred(n)) out.push(n); }); return out; };
  return {
    root,
    all,
    find: (pred) => all(pred)[0] || null,
    byId: (id) => all((n) => n.attrs.id === id)[0] || null,
    byMhId: (id) => all((n) => n.attrs['data-mh-id'] === String(id))[0] || null,
    byAttr: (name, value) => all((n) => Object.prototype.hasOwnProperty.call(n.attrs, name) && (value === undefined || n.attrs[name] === value)),
    text,
    /** Child elements of `node` (texts left out). */
    elements: (node) => node.children.filter((c) => c.tag),
    /** The same helpers over the subtree of `node`. */
    within: (node) => wrap(node),
  };
}

module.exports = { parse, text };
