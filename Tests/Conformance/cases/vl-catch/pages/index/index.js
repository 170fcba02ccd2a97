const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
ta() { L('a') }, tb() { L('b') }, tc() { L('c') }
})
