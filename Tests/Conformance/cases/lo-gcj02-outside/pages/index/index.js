const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.getLocation({ type: 'gcj02' }); L('LO-3 ' + r.latitude + ' ' + r.longitude)
})().catch((e) => console.log("case threw: " + e)) } })
