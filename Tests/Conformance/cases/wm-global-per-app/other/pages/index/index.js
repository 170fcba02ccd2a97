Page({ onLoad() { setTimeout(() => console.log('other ' + typeof global.mark), 20) } })
