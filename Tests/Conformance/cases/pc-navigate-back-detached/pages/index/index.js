const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onReady() { wx.navigateTo({ url: '/pages/c/c' }) }, onShow() { console.log('index.onShow') } })
