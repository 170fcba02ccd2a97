const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const s = Function.prototype.toString.call(mp.getStorageSync); L('SB-13 ' + !/native\.|callSync/.test(s))
} })
