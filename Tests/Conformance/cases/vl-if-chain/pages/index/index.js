const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { n: 0 },
set(a) { this.setData({ n: a.n }) }
})
