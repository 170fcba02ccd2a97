const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ data: { a: { b: [1, 2, 3], keep: true } }, onLoad() { this.setData({ 'a.b[1]': 20 }); L('PD-2 ' + JSON.stringify(this.data.a)) } })
