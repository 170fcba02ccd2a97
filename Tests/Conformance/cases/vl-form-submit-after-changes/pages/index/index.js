const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { who: 'ann' },
s(e) { L('submit ' + JSON.stringify(e.detail.value)) },
r(e) { L('reset ' + e.type) }
})
