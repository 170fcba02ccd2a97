const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { n: 0 },
inc() { this.setData({ n: this.data.n + 1 }); L('VL-10 ' + this.route) }
})
