const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
methods: { onLoad() { const a = getApp(); L('PC-5 ' + a.globalData.user + ' ' + a.hello()) } }
})
