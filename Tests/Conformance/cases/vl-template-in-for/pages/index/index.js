const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { list: [{ name: 'a', title: 't1' }, { name: 'b', title: 't2' }] }
})
