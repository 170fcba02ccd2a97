// Built-in components with a look of their own: the registry the tree asks (setup, update,
// reflected attributes, after-children hook) and image, switch, checkbox, radio, icon,
// progress, scroll-view and swiper. Inner pieces carry `data-mh-part` and stay first.

(function (MH) {
  'use strict';

  const kinds = Object.create(null);
  const NONE = [];

  /** `kind`: {attrs: [reflected attribute names], setup(entry), update(entry, prev), placed(entry)}. */
  function define(tag, kind) { kinds[tag] = kind; }

  const camel = (name) => name.replace(/-([a-z])/g, (m, c) => c.toUpperCase());

  /** The attribute `name` (or its camelCase spelling) of a node's `a`, or undefined. */
  function attr(n, name) {
    const a = n && n.a && typeof n.a === 'object' ? n.a : {};
    if (MH.own(a, name)) return a[name];
    const c = camel(name);
    return c !== name && MH.own(a, c) ? a[c] : undefined;
  }

  /** A boolean attribute as WeChat reads it: present and not false/null. */
  function flag(n, name) {
    const v = attr(n, name);
    return v !== undefined && v !== null && v !== false;
  }

  function number(n, name, fallback) {
    const v = attr(n, name);
    const x = v === undefined || v === null || v === '' ? NaN : Number(v);
    return Number.isFinite(x) ? x : fallback;
  }

  /** Sets a CSS property on a part only when the value is valid for it (never other properties). */
  function cssProp(target, property, value) {
    if (value === undefined || value === null || value === '') {
      target.style.removeProperty(property);
      return;
    }
    const v = MH.scope.inlineStyle(MH.asText(value));
    if (CSS.supports(property, v)) target.style.setProperty(property, v);
    else target.style.removeProperty(property);
  }

  /** A length attribute: a bare number is px, `rpx` is converted. */
  function lengthOf(v) {
    if (v === undefined || v === null || v === '') return null;
    const s = MH.asText(v).trim();
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? s + 'px' : MH.scope.inlineStyle(s);
  }

  function part(cls, tag) { return MH.el(tag || 'span', { 'data-mh-part': '', class: cls }); }

  function ownerPath(entry) {
    const o = MH.scope.owner(entry.n && entry.n.o);
    return o ? o.path : '';
  }

  function changed(entry, prev, name) {
    return !prev || MH.asText(attr(prev, name)) !== MH.asText(attr(entry.n, name));
  }

  function trigger(entry, event, detail) {
    MH.send({ type: 'trigger', id: MH.wireId(entry.id), event, detail });
  }

  const afterApplied = [];

  /** Runs `fn` once the page or patch being applied is in the document (layout is possible). */
  function afterApply(fn) { afterApplied.push(fn); }

  MH.onApplied(() => {
    for (const fn of afterApplied.splice(0)) {
      try { fn(); } catch (e) { MH.report('a built-in after applying', e); }
    }
  });

  function checkedOf(n) {
    return MH.own(n, 'k') ? n.k === true : flag(n, 'checked');
  }

  define('image', {
    attrs: ['mode'],
    setup(entry) {
      const img = MH.el('img', { 'data-mh-part': '', alt: '', draggable: 'false' });
      img.addEventListener('load', () => trigger(entry, 'load', { width: img.naturalWidth, height: img.naturalHeight }));
      img.addEventListener('error', () => {
        if (img.hasAttribute('src')) trigger(entry, 'error', { errMsg: 'GET ' + MH.asText(attr(entry.n, 'src')) + ' 404 (Not Found)' });
      });
      entry.dom.appendChild(img);
      entry.img = img;
    },
    update(entry) {
      const src = MH.scope.resolveAsset(attr(entry.n, 'src'), ownerPath(entry));
      if (src === null) entry.img.removeAttribute('src');
      else if (entry.img.getAttribute('src') !== src) entry.img.setAttribute('src', src);
    },
  });

  function checkable(cls) {
    return {
      attrs: ['disabled', 'type'],
      setup(entry) {
        entry.mark = part(cls);
        entry.dom.insertBefore(entry.mark, entry.dom.firstChild);
      },
      update(entry) {
        entry.dom.toggleAttribute('checked', checkedOf(entry.n));
        cssProp(entry.mark, '--mh-accent', attr(entry.n, 'color'));
      },
    };
  }

  define('switch', checkable('mh-switch-mark'));
  define('checkbox', checkable('mh-checkbox-mark'));
  define('radio', checkable('mh-radio-mark'));

  const ICON_GLYPHS = {
    success: '\u2713', success_no_circle: '\u2713', info: 'i', warn: '!', waiting: '\u25F7',
    cancel: '\u2715', download: '\u2193', search: '\u2315', clear: '\u2715',
  };

  define('icon', {
    attrs: ['type'],
    setup(entry) {
      entry.glyph = part('mh-icon-glyph');
      entry.dom.appendChild(entry.glyph);
    },
    update(entry) {
      const type = MH.asText(attr(entry.n, 'type'));
      entry.glyph.setAttribute('data-glyph', MH.own(ICON_GLYPHS, type) ? ICON_GLYPHS[type] : '');
      cssProp(entry.glyph, 'font-size', lengthOf(attr(entry.n, 'size')));
      cssProp(entry.glyph, '--mh-accent', attr(entry.n, 'color'));
    },
  });

  define('progress', {
    setup(entry) {
      entry.bar = part('mh-progress-bar');
      entry.fill = part('mh-progress-fill');
      entry.bar.appendChild(entry.fill);
      entry.info = part('mh-progress-info');
      entry.dom.appendChild(entry.bar);
      entry.dom.appendChild(entry.info);
    },
    update(entry) {
      const n = entry.n;
      const p = Math.max(0, Math.min(100, number(n, 'percent', 0)));
      entry.fill.style.width = p + '%';
      cssProp(entry.bar, 'height', lengthOf(attr(n, 'stroke-width')));
      cssProp(entry.bar, 'border-radius', lengthOf(attr(n, 'border-radius')));
      cssProp(entry.bar, 'background-color', attr(n, 'background-color') !== undefined ? attr(n, 'background-color') : attr(n, 'backgroundColor'));
      const active = attr(n, 'active-color') !== undefined ? attr(n, 'active-color') : attr(n, 'color');
      cssProp(entry.fill, 'background-color', active);
      entry.info.hidden = !flag(n, 'show-info');
      entry.info.textContent = Math.round(p) + '%';
      cssProp(entry.info, 'font-size', lengthOf(attr(n, 'font-size')));
    },
  });

  /** Pixels for a scroll offset attribute (a number is px; `Nrpx` scales with the frame). */
  function offsetPx(v) {
    const s = MH.asText(v).trim();
    const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(rpx|px)?$/.exec(s);
    if (!m) return null;
    return m[2] === 'rpx' ? Number(m[1]) * MH.frame.rpx() : Number(m[1]);
  }

  define('scroll-view', {
    update(entry, prev) {
      const n = entry.n;
      entry.dom.toggleAttribute('scroll-x', flag(n, 'scroll-x'));
      entry.dom.toggleAttribute('scroll-y', flag(n, 'scroll-y'));
      entry.pendingScroll = {
        top: changed(entry, prev, 'scroll-top') ? offsetPx(attr(n, 'scroll-top')) : null,
        left: changed(entry, prev, 'scroll-left') ? offsetPx(attr(n, 'scroll-left')) : null,
        into: changed(entry, prev, 'scroll-into-view') ? MH.asText(attr(n, 'scroll-into-view')) : '',
      };
    },
    placed(entry) {
      const p = entry.pendingScroll;
      if (!p) return;
      entry.pendingScroll = null;
      // Once in the document, so there is something to scroll (and to scroll to).
      afterApply(() => {
        if (p.top !== null) entry.dom.scrollTop = p.top;
        if (p.left !== null) entry.dom.scrollLeft = p.left;
        if (p.into) {
          let target = null;
          try { target = entry.dom.querySelector('#' + CSS.escape(p.into)); } catch (e) { target = null; }
          if (target) entry.dom.scrollTop += target.getBoundingClientRect().top - entry.dom.getBoundingClientRect().top;
        }
      });
    },
  });

  function swiperItems(entry) {
    return Array.from(entry.dom.children).filter((c) => !c.hasAttribute('data-mh-part'));
  }

  function swiperScrollTo(entry, index) {
    const d = entry.dom, vertical = d.hasAttribute('vertical');
    if (vertical) d.scrollTop = index * d.clientHeight;
    else d.scrollLeft = index * d.clientWidth;
  }

  function swiperDots(entry) {
    const count = swiperItems(entry).length;
    while (entry.dots.childElementCount > count) entry.dots.lastChild.remove();
    while (entry.dots.childElementCount < count) entry.dots.appendChild(MH.el('span', { class: 'mh-swiper-dot' }));
    Array.from(entry.dots.children).forEach((dot, i) => dot.classList.toggle('mh-active', i === entry.current));
  }

  define('swiper', {
    attrs: ['vertical'],
    setup(entry) {
      entry.dots = part('mh-swiper-dots', 'div');
      entry.dom.appendChild(entry.dots);
      entry.current = 0;
      let settle = null;
      entry.dom.addEventListener('scroll', () => {
        clearTimeout(settle);
        settle = setTimeout(() => {
          const d = entry.dom, vertical = d.hasAttribute('vertical');
          const size = vertical ? d.clientHeight : d.clientWidth;
          if (!size) return;
          const index = Math.round((vertical ? d.scrollTop : d.scrollLeft) / size);
          if (index === entry.current) return;
          entry.current = index;
          swiperDots(entry);
          const item = swiperItems(entry)[index];
          trigger(entry, 'change', { current: index, currentItemId: item ? item.getAttribute('item-id') || '' : '', source: 'touch' });
        }, 120);
      });
    },
    update(entry, prev) {
      const n = entry.n;
      entry.dots.hidden = !flag(n, 'indicator-dots');
      cssProp(entry.dots, '--mh-dot', attr(n, 'indicator-color'));
      cssProp(entry.dots, '--mh-dot-active', attr(n, 'indicator-active-color'));
      if (changed(entry, prev, 'current')) entry.jumpTo = Math.max(0, Math.trunc(number(n, 'current', 0)));
    },
    placed(entry) {
      if (entry.jumpTo !== undefined) {
        entry.current = entry.jumpTo;
        entry.jumpTo = undefined;
        const index = entry.current;
        afterApply(() => swiperScrollTo(entry, index));
      }
      swiperDots(entry);
    },
  });

  define('swiper-item', { attrs: ['item-id'] });
  define('button', { attrs: ['type', 'size', 'plain', 'disabled', 'loading'] });
  define('text', { attrs: ['space', 'selectable', 'user-select'] });
  define('picker', { attrs: ['disabled'] });
  define('navigator', { attrs: [] });

  MH.builtins = {
    define, attr, flag, number, cssProp, lengthOf, part, ownerPath, changed, trigger, afterApply,
    reflected: (tag) => (kinds[tag] && kinds[tag].attrs) || NONE,
    setup(entry) { const k = kinds[entry.tag]; if (k && k.setup) k.setup(entry); },
    update(entry, prev) { const k = kinds[entry.tag]; if (k && k.update) k.update(entry, prev); },
    placed(entry) { const k = kinds[entry.tag]; if (k && k.placed) k.placed(entry); },
  };
})(MH);
