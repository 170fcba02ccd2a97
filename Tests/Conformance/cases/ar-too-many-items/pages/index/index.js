const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.setStorage({ key: 'many', data: new Array(100001).fill(0) })); L('AR-7 ok ' + r.errMsg) } catch (e) { E('AR-7', e) }

})().catch((e) => console.log("case threw: " + e)) } })
