const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
handleTap1() { L('handleTap1') }, handleTap2() { L('handleTap2') }, handleTap3() { L('handleTap3') }, handleTap4() { L('handleTap4') }
})
