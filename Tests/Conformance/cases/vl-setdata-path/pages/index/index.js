const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { user: { name: 'ann' }, list: [1, 2, 3] },
change() { this.setData({ 'user.name': 'bo', 'list[1]': 9 }) }
})
