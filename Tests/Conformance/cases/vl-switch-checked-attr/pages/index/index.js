const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { on: true },
c(e) { L('VL-23 ' + e.detail.value) }
})
