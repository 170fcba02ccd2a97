const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ data: { n: 0 }, onLoad() { this.setData({ n: 5 }, () => L('PD-4 cb ' + this.data.n)); L('PD-4 after') } })
