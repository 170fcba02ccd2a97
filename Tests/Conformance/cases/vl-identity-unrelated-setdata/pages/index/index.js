const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { n: 0 },
bump() { this.setData({ n: this.data.n + 1 }) },
s(e) { L('VL-30 ' + e.detail.value.f) }
})
