const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
go() { this.selectComponent('#e').fire() },
onPing(e) { L('VL-18 ' + e.type + ' ' + JSON.stringify(e.detail) + ' ' + e.target.id + ' ' + e.currentTarget.id) }
})
