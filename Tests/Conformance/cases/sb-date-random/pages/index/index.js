const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const r = Math.random(); L('SB-12 ' + (Date.now() > 1.7e12) + ' ' + (r >= 0 && r < 1))
} })
