const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ data: { a: 1, b: 2 }, onLoad() { this.setData({ b: 3 }); L('PD-1 ' + JSON.stringify(this.data)) } })
