const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
onReady() { wx.createSelectorQuery().select('.box').fields({ id: true, dataset: true }).exec((r) => L('VL-25 ' + JSON.stringify(r))) }
})
