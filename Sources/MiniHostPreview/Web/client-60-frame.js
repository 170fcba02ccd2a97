// The phone around the page: the frame sized from the device (switchable; `--rpx` is its
// width / 750), the status bar, the navigation bar from the page's window settings and
// setNavigationBarTitle/-Color, the back buttons, and page scrolling.

(function (MH) {
  'use strict';

  const MAX_OVERRIDES = 64;
  let devices = [];
  let width = 375;
  let view = null;
  // Title and colours the app set by API, per page key (a re-render of the page keeps them).
  const overrides = new Map();

  function validDevice(d) {
    return d && typeof d === 'object' && Number.isFinite(Number(d.width)) && Number.isFinite(Number(d.height));
  }

  function applyDevice(d) {
    const w = Math.max(200, Math.min(2000, Math.round(Number(d.width))));
    const h = Math.max(300, Math.min(3000, Math.round(Number(d.height))));
    width = w;
    const frame = MH.$('mh-frame');
    frame.style.width = w + 'px';
    frame.style.height = h + 'px';
    frame.style.setProperty('--rpx', (w / 750) + 'px');
    // Phones taller than 2:1 have a notch and a taller status bar.
    frame.style.setProperty('--mh-statusbar', (h / w > 2 ? 44 : 20) + 'px');
    frame.dataset.mhDevice = MH.asText(d.name);
    MH.$('mh-device-name').textContent = MH.asText(d.name);
  }

  function onHello(m) {
    MH.hello = m;
    MH.$('mh-app-name').textContent = MH.asText(m.appName || m.appId);
    document.title = MH.asText(m.appName || m.appId) + ' \u00b7 MiniHost preview';
    devices = [];
    if (validDevice(m.device)) devices.push(m.device);
    for (const d of Array.isArray(m.devices) ? m.devices : []) if (validDevice(d)) devices.push(d);
    const select = MH.$('mh-device');
    select.textContent = '';
    devices.forEach((d, i) => {
      const label = MH.asText(d.name) + ' (' + d.width + '\u00d7' + d.height + ')' + (i === 0 && validDevice(m.device) ? ' \u00b7 world' : '');
      select.appendChild(MH.el('option', { value: String(i), text: label }));
    });
    if (devices.length) applyDevice(devices[0]);
    if (MH.tabbar) MH.tabbar.configure(m.tabBar);
  }

  function textColor(style) {
    return style === 'black' ? '#000000' : '#ffffff';
  }

  function paintNavBar() {
    if (!view) return;
    const win = view.window;
    const o = overrides.get(view.key) || {};
    const bar = MH.$('mh-navbar');
    const custom = win.navigationStyle === 'custom';
    bar.hidden = custom;
    MH.$('mh-nav-title').textContent = MH.asText(MH.own(o, 'title') ? o.title : win.navigationBarTitleText);
    // The status bar takes the navigation bar's colours (the page's own with a custom one).
    for (const part of [bar, MH.$('mh-statusbar')]) {
      MH.builtins.cssProp(part, 'background-color', custom ? '#ffffff' : o.backgroundColor || win.navigationBarBackgroundColor || '#000000');
      MH.builtins.cssProp(part, 'color', custom ? '#000000' : o.frontColor || textColor(win.navigationBarTextStyle));
    }
    const canGoBack = view.stack.length > 1;
    MH.$('mh-back').hidden = !canGoBack;
    MH.$('mh-hw-back').disabled = !canGoBack;
  }

  function onPage(m) {
    const key = m.key === undefined ? '' : String(m.key);
    const sameKey = view && view.key === key;
    view = {
      key,
      route: typeof m.route === 'string' ? m.route : '',
      window: m.window && typeof m.window === 'object' ? m.window : {},
      stack: Array.isArray(m.stack) ? m.stack.map(MH.asText) : [],
    };
    MH.view = view;
    while (overrides.size > MAX_OVERRIDES) overrides.delete(overrides.keys().next().value);
    paintNavBar();
    MH.$('mh-nav-loading').hidden = true;
    if (!sameKey) MH.$('mh-viewport').scrollTop = 0;
  }

  function override(fields) {
    if (!view) return;
    overrides.set(view.key, Object.assign({}, overrides.get(view.key), fields));
    paintNavBar();
  }

  function back() { MH.send({ type: 'back' }); }

  function init() {
    MH.$('mh-device').addEventListener('change', (event) => {
      const d = devices[Number(event.target.value)];
      if (d) applyDevice(d);
    });
    MH.$('mh-back').addEventListener('click', back);
    MH.$('mh-hw-back').addEventListener('click', back);
    MH.$('mh-refresh').addEventListener('click', () => MH.send({ type: 'refresh' }));
    MH.$('mh-frame').style.setProperty('--rpx', (width / 750) + 'px');
  }

  MH.on('hello', onHello);
  MH.on('page', onPage);
  MH.onUI('setNavigationBarTitle', (a) => override({ title: MH.asText(a.title) }));
  MH.onUI('setNavigationBarColor', (a) => override({ frontColor: a.frontColor, backgroundColor: a.backgroundColor }));
  MH.onUI('showNavigationBarLoading', () => { MH.$('mh-nav-loading').hidden = false; });
  MH.onUI('hideNavigationBarLoading', () => { MH.$('mh-nav-loading').hidden = true; });
  MH.onUI('pageScrollTo', (a) => {
    const viewport = MH.$('mh-viewport');
    let top = Number(a.scrollTop);
    if (typeof a.selector === 'string' && a.selector) {
      let target = null;
      try { target = MH.$('mh-page').querySelector(a.selector); } catch (e) { target = null; }
      if (target) top = viewport.scrollTop + target.getBoundingClientRect().top - viewport.getBoundingClientRect().top + (Number(a.offsetTop) || 0);
    }
    if (Number.isFinite(top)) viewport.scrollTo({ top, behavior: Number(a.duration) > 0 ? 'smooth' : 'auto' });
  });

  MH.frame = {
    init,
    /** CSS px per rpx in the current frame. */
    rpx: () => width / 750,
  };
})(MH);
