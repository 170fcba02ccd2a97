const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
go() { this.selectComponent('#e').fire() },
own() { L('own') }, outer() { L('outer') }
})
