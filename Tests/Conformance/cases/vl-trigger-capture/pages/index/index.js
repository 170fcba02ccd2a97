const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
go() { this.selectComponent('#e').fire({ bubbles: true, capturePhase: true }) },
cap() { L('capture') }, own() { L('own') }, bub() { L('bubble') }
})
