const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
onShow() { L('index.onShow') }, onReady() { if (!getApp().went) { getApp().went = true; wx.navigateTo({ url: '/pages/b/b' }) } }
})
