const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.onThemeChange((r) => L('UI-6 theme ' + r.theme + ' ' + mp.getSystemInfoSync().theme))
} })
