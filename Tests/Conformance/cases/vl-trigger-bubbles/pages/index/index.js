const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
go() { this.selectComponent('#e').fire({ bubbles: true }) },
own() { L('own') }, outer(e) { L('outer ' + e.target.id + ' ' + e.currentTarget.id) }
})
