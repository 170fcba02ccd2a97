const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
onReady() { const c = this.selectComponent('#c2'); L('VL-19 ' + c.id + ' ' + c.data.v + ' ' + c.hello() + ' ' + this.selectComponent('#none') + ' ' + this.selectAllComponents('.k').length) }
})
