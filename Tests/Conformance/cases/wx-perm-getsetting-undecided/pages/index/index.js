const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const s = await wx.getSetting(); L('WX-10 ' + ('scope.userLocation' in s.authSetting))
})().catch((e) => console.log("case threw: " + e)) } })
