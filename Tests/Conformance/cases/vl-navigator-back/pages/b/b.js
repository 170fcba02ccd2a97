Page({ onUnload() { console.log('b.onUnload') } })
