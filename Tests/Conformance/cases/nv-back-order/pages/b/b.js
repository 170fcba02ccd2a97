Page({ onLoad(q) { console.log('b.onLoad ' + JSON.stringify(q)) }, onShow() { console.log('b.onShow') }, onReady() { console.log('b.onReady') },
  onHide() { console.log('b.onHide') }, onUnload() { console.log('b.onUnload') } })
