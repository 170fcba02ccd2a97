Page({ onLoad() { mp.navigateTo({ url: '/pages/c/c' }) }, onUnload() { console.log('b.onUnload') } })
