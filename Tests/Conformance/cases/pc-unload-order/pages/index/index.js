const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
lifetimes: { detached() { L('detached') } },
methods: { onUnload() { L('onUnload') }, go() { wx.redirectTo({ url: '/pages/b/b' }) } }
})
