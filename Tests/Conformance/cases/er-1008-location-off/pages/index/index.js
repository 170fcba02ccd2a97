const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await new Promise((done) => mp.getLocation({ type: 'wgs84', success(r) { L('cb ok ' + r.errMsg) }, fail(e) { E('cb', e) }, complete() { L('cb complete'); done() } }));
try { const r = await (mp.getLocation({ type: 'gcj02' })); L('promise ok ' + r.errMsg) } catch (e) { E('promise', e) }

})().catch((e) => console.log("case threw: " + e)) } })
