Page({ onLoad() { console.log('b.onLoad') } })
