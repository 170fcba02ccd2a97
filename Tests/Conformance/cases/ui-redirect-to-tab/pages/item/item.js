Page({ onLoad() { console.log('item.onLoad') }, onShow() { console.log('item.onShow') }, onHide() { console.log('item.onHide') },
  onUnload() { console.log('item.onUnload') } })
