const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const g = getApp().globalData; L('PC-5 ' + g.early + ' ' + g.late)
} })
