const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
t(e) { L('VL-15 ' + JSON.stringify(e.mark)) }
})
