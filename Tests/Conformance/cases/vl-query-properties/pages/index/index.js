const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
check() { wx.createSelectorQuery().select('#i').fields({ properties: ['value'] }).exec((r) => L('VL-25 ' + r[0].value)) }
})
