Page({ onReady() { mp.navigateBack({ delta: 2, success: (r) => console.log(r.errMsg + ' ' + getCurrentPages().length) }) }, onUnload() { console.log('c.onUnload') } })
