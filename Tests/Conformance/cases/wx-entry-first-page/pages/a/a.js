Page({ onLoad(q) { console.log('a.onLoad ' + JSON.stringify(q)) }, onReady() { console.log('a.onReady') } })
