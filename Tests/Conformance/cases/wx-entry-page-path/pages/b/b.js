Page({ onLoad(q) { console.log('b.onLoad ' + JSON.stringify(q)) }, onReady() { console.log('b.onReady') } })
