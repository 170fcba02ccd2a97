Page({ onLoad() { console.log('a loaded') } })
