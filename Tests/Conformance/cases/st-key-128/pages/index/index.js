const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.setStorage({ key: 'k'.repeat(128), data: 1 })); L('ST-3 ok ' + r.errMsg) } catch (e) { E('ST-3', e) }

})().catch((e) => console.log("case threw: " + e)) } })
