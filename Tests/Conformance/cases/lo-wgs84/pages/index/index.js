const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.getLocation({ type: 'wgs84' }); L('LO-1 ' + r.latitude + ' ' + r.longitude + ' ' + r.accuracy)
})().catch((e) => console.log("case threw: " + e)) } })
