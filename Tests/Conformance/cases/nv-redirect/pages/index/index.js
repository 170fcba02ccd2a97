const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(q) { console.log('index.onLoad') }, onShow() { console.log('index.onShow') }, onHide() { console.log('index.onHide') },
  onUnload() { console.log('index.onUnload') }, go(arg) { mp.redirectTo({ url: '/pages/b/b', success: () => console.log('depth ' + getCurrentPages().length) }) } })
