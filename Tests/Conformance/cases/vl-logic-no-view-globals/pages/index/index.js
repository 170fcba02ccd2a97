const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
onReady() { L('VL-26 ' + [typeof document, typeof window].join(',')) }
})
