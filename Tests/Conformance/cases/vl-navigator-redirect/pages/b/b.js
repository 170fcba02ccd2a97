Page({ onLoad(q) { console.log('b.onLoad ' + JSON.stringify(q) + ' ' + getCurrentPages().length) } })
