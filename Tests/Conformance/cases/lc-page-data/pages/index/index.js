const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ data: { n: 1, list: [1, 2] }, onLoad() { L('LC-8 ' + this.data.n + ' ' + this.data.list.length) } })
