const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
onReady() { const o = this.selectComponent('#o'); L('VL-19 ' + (o.selectComponent('#deep') !== null) + ' ' + (o.selectComponent('#top') === null) + ' ' + (this.selectComponent('#deep') === null)) }
})
