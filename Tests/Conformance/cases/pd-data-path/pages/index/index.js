const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ data: {}, onLoad() { this.setData({ 'a.b[2].c': 'x' }); L('PD-2 ' + JSON.stringify(this.data.a)) } })
