Page({ onLoad() { console.log('b loaded') } })
