const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { n: 0 },
bump() { this.setData({ n: 1 }) },
c(e) { L('VL-30 ' + e.detail.value) }
})
