const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
go() { this.setData({ f: function () { return 1 }, n: 2 }) }
})
