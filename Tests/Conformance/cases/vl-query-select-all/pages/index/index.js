const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
onReady() { const q = wx.createSelectorQuery(); q.selectAll('.i').fields({ id: true }); q.select('#none').fields({ id: true }); q.exec((r) => L('VL-25 ' + JSON.stringify(r))) }
})
