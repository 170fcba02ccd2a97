const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(q) { console.log('page.onLoad') }, onShow() { console.log('page.onShow') }, onReady() { console.log('page.onReady') },
  onHide() { console.log('page.onHide') }, onUnload() { console.log('page.onUnload') } })
