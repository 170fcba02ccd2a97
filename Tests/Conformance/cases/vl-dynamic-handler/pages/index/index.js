const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { h: 'first' },
first() { L('first'); this.setData({ h: 'second' }) },
second() { L('second') }
})
