Page({ onLoad(q) { console.log('c.onLoad ' + JSON.stringify(q)) }, onShow() { console.log('c.onShow') }, onReady() { console.log('c.onReady') },
  onHide() { console.log('c.onHide') }, onUnload() { console.log('c.onUnload') } })
