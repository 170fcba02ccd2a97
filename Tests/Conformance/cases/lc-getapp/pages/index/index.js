const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const a = getApp(); L('LC-6 ' + a.globalData.user + ' ' + a.hello())
} })
