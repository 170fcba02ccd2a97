App({ onHide() { console.log('app.onHide') }, onShow() { console.log('app.onShow') } })
