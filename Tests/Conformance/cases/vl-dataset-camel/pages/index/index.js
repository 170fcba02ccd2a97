const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
t(e) { L('VL-12 ' + JSON.stringify(e.currentTarget.dataset)) }
})
