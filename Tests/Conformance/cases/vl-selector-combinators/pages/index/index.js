const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
t(e) { L('VL-29 ' + e.currentTarget.dataset.n) }
})
