const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
t(e) { const last = getApp().last || 0; getApp().last = e.timeStamp; L('VL-11 ' + (e.timeStamp >= last)) }
})
