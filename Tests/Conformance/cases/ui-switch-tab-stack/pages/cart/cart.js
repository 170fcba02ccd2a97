Page({ onLoad() { console.log('cart.onLoad') }, onShow() { console.log('cart.onShow') }, onHide() { console.log('cart.onHide') },
  onUnload() { console.log('cart.onUnload') } })
