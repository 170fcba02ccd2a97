const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const w = mp.getWindowInfo(); L('UI-6 ' + [w.pixelRatio, w.screenWidth, w.windowHeight, typeof w.safeArea.top].join('|'))
} })
