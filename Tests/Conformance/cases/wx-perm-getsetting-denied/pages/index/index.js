const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (wx.getLocation({})); L('loc ok ' + r.errMsg) } catch (e) { E('loc', e) }
const s = await wx.getSetting(); L('WX-10 ' + s.authSetting['scope.userLocation'])
})().catch((e) => console.log("case threw: " + e)) } })
