const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { v: 'start' },
reset() { this.setData({ v: 'fresh' }) },
s(e) { L('VL-21 ' + e.detail.value.f) }
})
