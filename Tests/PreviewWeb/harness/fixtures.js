// Messages as the preview server sends them (see the preview design's message shapes).
window.fixtures = {
  hello: {
    type: 'hello', appId: 'wx-test', appName: 'Fixture <b>App</b>',
    device: { name: 'World Phone', width: 390, height: 844, pixelRatio: 3 },
    devices: [{ name: 'iPhone SE', width: 375, height: 667, pixelRatio: 2 }, { name: 'Pixel 7', width: 412, height: 915, pixelRatio: 2.6 }],
    window: { navigationBarTitleText: 'Fixture', navigationBarBackgroundColor: '#07c160', navigationBarTextStyle: 'white' },
    tabBar: {
      color: '#7a7e83', selectedColor: '#07c160', backgroundColor: '#ffffff',
      list: [
        { pagePath: 'pages/index/index', text: 'Home', iconPath: 'images/home.png', selectedIconPath: 'images/home-on.png' },
        { pagePath: 'pages/me/me', text: 'Me <i>', iconPath: 'images/me.png' },
      ],
    },
  },

  /** The index page: owners 1 (the page) and 2 (a card component, scope c2, ext classes). */
  page() {
    return {
      type: 'page', key: 1, route: 'pages/index/index',
      window: { navigationBarTitleText: 'Index <title>', navigationBarBackgroundColor: '#07c160', navigationBarTextStyle: 'white' },
      stack: ['pages/list/list', 'pages/index/index'],
      roots: [1],
      owners: {
        1: { path: 'pages/index/index', scope: '', parent: null, ext: {} },
        2: { path: 'components/card/card', scope: 'c2', parent: 1, ext: { 'custom-class': 'my-btn big' } },
      },
      styles: [
        { scope: '', path: 'pages/index/index', css: 'wx-page .title { color: rgb(1, 2, 3); }' },
        { scope: 'c2', path: 'components/card/card', css: '.c2-card { color: rgb(4, 5, 6); }' },
      ],
      nodes: {
        1: { t: 'view', a: { class: 'page' }, c: [2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13], o: 1 },
        2: { t: 'text', a: { id: 'title', class: 'title' }, c: [20], o: 1 },
        20: { x: 'Hello <b>world</b> & friends' },
        3: { t: 'image', a: { class: 'logo', src: '../../images/logo.png', mode: 'aspectFit' }, c: [], o: 1 },
        4: { t: 'image', a: { src: 'javascript:alert(1)' }, c: [], o: 1 },
        5: { t: 'card', a: { class: 'outer' }, c: [6], o: 1, comp: 2 },
        6: { t: 'view', a: { class: 'card custom-class' }, c: [21, 14], o: 2 },
        21: { x: 'in the card' },
        14: { t: 'image', a: { src: 'icon.png' }, c: [], o: 2 },
        7: { t: 'view', a: { class: 'gone', hidden: '' }, c: [22], o: 1 },
        22: { x: 'hidden text' },
        8: {
          t: 'view', o: 1, c: [],
          a: {
            style: "width: 100rpx; margin: -20rpx 0 .5rpx; font-family: '10rpx'",
            'data-item': 'apple', onclick: 'alert(1)', href: 'javascript:alert(1)', 'data-mh-id': '999', id: 'mh-page', src: 'x',
          },
        },
        9: { t: 'input', a: { placeholder: 'your name', value: 'bob', maxlength: '10' }, v: 'alice', c: [], o: 1 },
        10: { t: 'button', a: { type: 'primary', size: 'mini' }, c: [23], o: 1 },
        23: { x: 'Go' },
        11: { t: 'image', a: { src: '/static/x.png' }, c: [], o: 1 },
        12: { t: 'image', a: { src: 'https://example.com/a.png' }, c: [], o: 1 },
        13: { t: 'switch', a: { checked: '' }, k: false, c: [], o: 1 },
      },
    };
  },
};
