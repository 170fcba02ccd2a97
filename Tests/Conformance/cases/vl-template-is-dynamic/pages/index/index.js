const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { kind: 'a', v: 1 },
swap() { this.setData({ kind: 'b', v: 2 }) }
})
