const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { on: false },
go() { L('before ' + this.selectComponent('#c')); this.setData({ on: true }, () => L('after ' + (this.selectComponent('#c') !== null))) }
})
