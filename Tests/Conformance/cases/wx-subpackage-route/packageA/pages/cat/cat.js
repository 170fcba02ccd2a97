Page({ onLoad(q) { console.log('cat.onLoad ' + JSON.stringify(q)) }, onReady() { console.log('cat.onReady') } })
