Page({ onLoad(q) { console.log('solo.onLoad ' + JSON.stringify(q)) }, onReady() { console.log('solo.onReady') } })
