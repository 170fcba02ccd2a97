Component({
lifetimes: { detached() { console.log('c.detached') } },
methods: { onReady() { wx.navigateBack() }, onUnload() { console.log('c.onUnload') } }
})
