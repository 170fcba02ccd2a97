// The tab bar from app.json's `tabBar`: shown when the top page is one of its pages; a tap on
// an item sends `switchTab`. The tab bar APIs (badges, red dots, items, style, show/hide)
// change it as WeChat's do.

(function (MH) {
  'use strict';

  let config = null;
  let items = [];
  let style = {};
  let hiddenByApp = false;

  const pathOf = (p) => MH.asText(p).replace(/^\/+/, '').replace(/\.html$/, '');

  function configure(tabBar) {
    config = tabBar && typeof tabBar === 'object' && Array.isArray(tabBar.list) ? tabBar : null;
    items = config ? config.list.map((item) => Object.assign({ badge: null, dot: false }, item)) : [];
    style = config ? { color: config.color, selectedColor: config.selectedColor, backgroundColor: config.backgroundColor, borderStyle: config.borderStyle } : {};
    hiddenByApp = false;
    render();
  }

  function selectedIndex() {
    if (!MH.view) return -1;
    const route = pathOf(MH.view.route);
    return items.findIndex((item) => pathOf(item.pagePath) === route);
  }

  function render() {
    const bar = MH.$('mh-tabbar');
    const selected = selectedIndex();
    bar.hidden = !config || selected < 0 || hiddenByApp;
    bar.dataset.position = config && config.position === 'top' ? 'top' : 'bottom';
    bar.textContent = '';
    if (!config) return;
    MH.builtins.cssProp(bar, 'background-color', style.backgroundColor);
    bar.dataset.border = style.borderStyle === 'white' ? 'white' : 'black';
    items.forEach((item, i) => {
      const isSelected = i === selected;
      const button = MH.el('button', { type: 'button', class: 'mh-tab', 'data-mh-tab': String(i), 'aria-selected': isSelected ? 'true' : 'false' });
      const iconPath = isSelected && item.selectedIconPath ? item.selectedIconPath : item.iconPath;
      const src = bar.dataset.position === 'top' ? null : MH.scope.resolveAsset(iconPath, '');
      if (src) button.appendChild(MH.el('img', { class: 'mh-tab-icon', alt: '', src }));
      button.appendChild(MH.el('span', { class: 'mh-tab-text', text: MH.asText(item.text) }));
      if (item.badge !== null) button.appendChild(MH.el('span', { class: 'mh-tab-badge', text: item.badge }));
      else if (item.dot) button.appendChild(MH.el('span', { class: 'mh-tab-dot' }));
      MH.builtins.cssProp(button, 'color', isSelected ? style.selectedColor : style.color);
      button.addEventListener('click', () => MH.send({ type: 'switchTab', url: '/' + pathOf(item.pagePath) }));
      bar.appendChild(button);
    });
  }

  function item(a) {
    const i = Number(a.index);
    return Number.isInteger(i) && i >= 0 && i < items.length ? items[i] : null;
  }

  MH.on('page', render);
  MH.onUI('showTabBar', () => { hiddenByApp = false; render(); });
  MH.onUI('hideTabBar', () => { hiddenByApp = true; render(); });
  MH.onUI('setTabBarBadge', (a) => { const it = item(a); if (it) { it.badge = MH.asText(a.text); render(); } });
  MH.onUI('removeTabBarBadge', (a) => { const it = item(a); if (it) { it.badge = null; render(); } });
  MH.onUI('showTabBarRedDot', (a) => { const it = item(a); if (it) { it.dot = true; render(); } });
  MH.onUI('hideTabBarRedDot', (a) => { const it = item(a); if (it) { it.dot = false; render(); } });
  MH.onUI('setTabBarItem', (a) => {
    const it = item(a);
    if (!it) return;
    for (const k of ['text', 'iconPath', 'selectedIconPath', 'pagePath']) if (typeof a[k] === 'string') it[k] = a[k];
    render();
  });
  MH.onUI('setTabBarStyle', (a) => {
    for (const k of ['color', 'selectedColor', 'backgroundColor', 'borderStyle']) if (typeof a[k] === 'string') style[k] = a[k];
    render();
  });

  MH.tabbar = { configure };
})(MH);
