const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.getLocation({}); try { const r = await (mp.getFuzzyLocation({})); L('CS-6 ok ' + r.errMsg) } catch (e) { E('CS-6', e) }

})().catch((e) => console.log("case threw: " + e)) } })
