Page({ onReady() { mp.reLaunch({ url: '/pages/c/c', success: () => console.log('depth ' + getCurrentPages().length) }) }, onUnload() { console.log('b.onUnload') } })
