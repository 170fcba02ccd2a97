const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { on: false },
set(a) { L('set ' + a.on); this.setData({ on: a.on }) }
})
