const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (wx.authorize({ scope: 'scope.userLocation' })); L('auth ok ' + r.errMsg) } catch (e) { E('auth', e) }

})().catch((e) => console.log("case threw: " + e)) } })
