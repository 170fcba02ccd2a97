const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (wx.getLocation({ type: 'wgs84' })); L('loc ok ' + r.errMsg) } catch (e) { E('loc', e) }

})().catch((e) => console.log("case threw: " + e)) } })
