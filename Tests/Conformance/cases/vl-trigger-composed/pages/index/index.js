const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
go(a) { this.selectComponent('#s').fire(a) },
pageSaw(e) { L('page saw ' + e.target.id) }
})
