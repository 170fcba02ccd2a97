const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
onReady() { wx.createSelectorQuery().select('#a').fields({ dataset: true }, (res) => L('cb ' + res.dataset.k)).exec(() => L('exec')) }
})
