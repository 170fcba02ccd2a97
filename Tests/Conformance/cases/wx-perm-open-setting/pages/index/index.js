const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const s = await wx.openSetting(); L('WX-10 ' + s.authSetting['scope.userLocation'])
})().catch((e) => console.log("case threw: " + e)) } })
