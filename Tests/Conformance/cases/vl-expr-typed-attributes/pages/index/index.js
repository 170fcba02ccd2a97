const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { x: 2 },
show(e) { L('VL-2 ' + JSON.stringify(e.currentTarget.dataset)) }
})
