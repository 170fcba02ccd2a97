const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.removeStorage({ key: 'never' })); L('ST-6 ok ' + r.errMsg) } catch (e) { E('ST-6', e) }

})().catch((e) => console.log("case threw: " + e)) } })
