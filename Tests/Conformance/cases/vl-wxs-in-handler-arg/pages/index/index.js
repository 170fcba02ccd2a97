const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { name: 'tea' },
t(e) { L('VL-9 ' + e.currentTarget.dataset.name) }
})
