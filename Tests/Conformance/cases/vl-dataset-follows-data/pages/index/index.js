const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { n: 1 },
t(e) { L('VL-12 ' + e.currentTarget.dataset.n); this.setData({ n: e.currentTarget.dataset.n + 1 }) }
})
