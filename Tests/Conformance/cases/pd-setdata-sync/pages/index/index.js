const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ data: { n: 1 }, onLoad() { this.setData({ n: 2 }); L('PD-1 ' + this.data.n) } })
