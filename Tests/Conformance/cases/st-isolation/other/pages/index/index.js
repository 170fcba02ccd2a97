Page({ read() { console.log('other sees [' + mp.getStorageSync('secret') + '] keys ' + mp.getStorageInfoSync().keys.length) } })
