const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
inner() { L('inner') }, outer() { L('outer') }, caught() { L('caught') }
})
