const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { list: [{ id: 1, n: 'a' }, { id: 2, n: 'b' }] },
change() { this.setData({ list: [{ id: 2, n: 'B' }, { id: 3, n: 'c' }] }) }
})
