Component({
methods: { onReady() { wx.navigateBack() }, onUnload() { console.log('c.onUnload') } }
})
