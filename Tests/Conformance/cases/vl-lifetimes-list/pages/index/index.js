const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { list: ['a', 'b', 'c'] },
drop() { this.setData({ list: ['a', 'c'] }) }
})
