const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { note: '' },
t(e) { L('VL-21 ' + e.detail.value) }
})
