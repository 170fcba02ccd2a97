Page({ look() { console.log('other sees ' + typeof globalThis.sharedSecret + ' ' + (getApp().globalData === 'first')) } })
