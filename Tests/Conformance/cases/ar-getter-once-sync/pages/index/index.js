const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
let n = 0; const d = { get v() { n++; return 'x' + n } }; mp.setStorageSync('g', d); L('AR-1 ' + n + ' ' + JSON.stringify(mp.getStorageSync('g')))
} })
