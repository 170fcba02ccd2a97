const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const a = getApp(); L('PC-5 ' + a.data + ' ' + JSON.stringify(a.global) + ' ' + a.other)
} })
