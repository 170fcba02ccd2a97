// What ties the app's names to the browser's: owners (pages and component instances) and the
// class scopes they give, rpx in inline styles, asset paths resolved to /package/..., and the
// app's stylesheets, re-serialized by the browser's own CSS parser and confined to the page.

(function (MH) {
  'use strict';

  const owners = new Map();
  const sheets = new Map();
  const EXT_DEPTH = 8;

  /** Adds or replaces owners from a message's `owners`; gives the keys that changed. */
  function setOwners(map, replaceAll) {
    if (replaceAll) owners.clear();
    const changed = [];
    if (!map || typeof map !== 'object') return changed;
    for (const key of Object.keys(map)) {
      const o = map[key];
      if (!o || typeof o !== 'object') continue;
      owners.set(String(key), {
        path: typeof o.path === 'string' ? o.path : '',
        scope: typeof o.scope === 'string' ? o.scope : '',
        parent: o.parent === undefined || o.parent === null ? null : String(o.parent),
        ext: o.ext && typeof o.ext === 'object' ? o.ext : null,
      });
      changed.push(String(key));
    }
    return changed;
  }

  function owner(key) {
    return key === undefined || key === null ? null : owners.get(String(key)) || null;
  }

  function mapToken(token, ownerKey, depth, out) {
    const o = owner(ownerKey);
    if (!o) { out.add(token); return; }
    if (depth < EXT_DEPTH && MH.own(o.ext, token)) {
      // An external class: the classes its owner gave, in the owner's own scope.
      for (const t of String(o.ext[token] === null ? '' : o.ext[token]).split(/\s+/)) {
        if (t) mapToken(t, o.parent, depth + 1, out);
      }
      return;
    }
    out.add(o.scope ? o.scope + '-' + token : token);
  }

  /** The browser class list for WXML classes `raw` of a node owned by `ownerKey`. */
  function classList(raw, ownerKey) {
    const out = new Set();
    for (const token of String(raw).split(/\s+/)) if (token) mapToken(token, ownerKey, 0, out);
    return Array.from(out).join(' ');
  }

  const QUOTED = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/;
  const RPX = /(^|[^\w.#-])([+-]?(?:\d+\.\d*|\.\d+|\d+)(?:e[+-]?\d+)?)rpx(?![\w-])/gi;

  /** An inline style with every `Nrpx` outside strings as `calc(N * var(--rpx))`. */
  function inlineStyle(css) {
    const parts = String(css).split(QUOTED);
    for (let i = 0; i < parts.length; i += 2) {
      parts[i] = parts[i].replace(RPX, (m, before, n) => before + 'calc(' + n.replace(/^\+/, '') + ' * var(--rpx))');
    }
    return parts.join('');
  }

  /**
   * An image source as the browser should load it: a package path (relative to `basePath`, the
   * page's or component's path, or from the package root when it starts with "/") becomes
   * /package/...; http(s) and data: URLs stay as they are; anything else gives null.
   */
  function resolveAsset(src, basePath) {
    if (src === undefined || src === null) return null;
    const s = String(src).trim();
    if (!s) return null;
    if (/^https?:\/\//i.test(s) || /^data:/i.test(s)) return s;
    if (s.startsWith('//')) return 'https:' + s;
    if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return null;
    const dir = typeof basePath === 'string' ? basePath.replace(/[^/]*$/, '') : '';
    let url;
    try {
      url = new URL(s.startsWith('/') ? s : '/' + dir + s, 'http://package.invalid/');
    } catch (e) {
      return null;
    }
    return '/package' + url.pathname;
  }

  const HOISTED = ['CSSFontFaceRule', 'CSSKeyframesRule'];
  const SCOPED = ['CSSStyleRule', 'CSSMediaRule', 'CSSSupportsRule', 'CSSLayerBlockRule', 'CSSContainerRule'];

  function ruleIs(rule, names) {
    return names.some((n) => typeof window[n] === 'function' && rule instanceof window[n]);
  }

  /**
   * The app's CSS as the browser parsed it, its style rules inside `@scope (#mh-app-root)` so
   * they reach only the page (never the tool's own frame, dialogs or panels). Fonts and
   * keyframes stay global; @import, @page, @property and the like are dropped.
   */
  function confinedCSS(css) {
    const sheet = new CSSStyleSheet();
    try {
      sheet.replaceSync(css);
    } catch (e) {
      MH.report('an app stylesheet', e);
      return '';
    }
    const hoisted = [], scoped = [];
    for (const rule of Array.from(sheet.cssRules)) {
      if (ruleIs(rule, HOISTED)) hoisted.push(rule.cssText);
      else if (ruleIs(rule, SCOPED)) scoped.push(rule.cssText);
    }
    return hoisted.join('\n') + '\n@scope (#mh-app-root) {\n' + scoped.join('\n') + '\n}\n';
  }

  /** Installs `Style` objects: one <style> per scope ("" is the page's, replaced each page). */
  function installStyles(list) {
    if (!Array.isArray(list)) return;
    for (const style of list) {
      if (!style || typeof style !== 'object') continue;
      const scope = typeof style.scope === 'string' ? style.scope : '';
      let node = sheets.get(scope);
      if (!node) {
        node = MH.el('style', { 'data-mh-style': scope || 'page' });
        document.head.appendChild(node);
        sheets.set(scope, node);
      }
      if (typeof style.path === 'string') node.setAttribute('data-mh-path', style.path);
      node.textContent = confinedCSS(typeof style.css === 'string' ? style.css : '');
    }
  }

  /** Drops the page's stylesheet (a new page brings its own). */
  function clearPageStyle() {
    const node = sheets.get('');
    if (node) node.textContent = '';
  }

  MH.scope = { setOwners, owner, classList, inlineStyle, resolveAsset, installStyles, clearPageStyle, confinedCSS };
})(MH);
