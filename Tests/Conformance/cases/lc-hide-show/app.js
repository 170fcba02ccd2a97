const log = (m) => console.log(m);
App({ onLaunch(o) { log('app.onLaunch') }, onShow(o) { log('app.onShow') }, onHide() { log('app.onHide') },
  onError(m) { log('app.onError ' + String(m).split('\n')[0]) } })
