const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const s = mp.getSystemInfoSync(); L('UI-6 ' + [s.brand, s.model, s.system, s.platform, s.pixelRatio, s.screenWidth, s.screenHeight, s.windowWidth, s.language, s.theme].join('|')); L('keys ' + ['SDKVersion', 'version', 'statusBarHeight', 'safeArea', 'fontSizeSetting'].every((k) => k in s))
} })
