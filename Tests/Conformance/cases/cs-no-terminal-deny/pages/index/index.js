const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.getLocation({})); L('CS-4 ok ' + r.errMsg) } catch (e) { E('CS-4', e) }

})().catch((e) => console.log("case threw: " + e)) } })
